// Boot: Telegram or plain browser, login, then the screens behind a hash router (#/tickets, #/t/<id>, …).
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { api, ApiError, forget, hasToken, setLanguage, setRelogin } from './api.js';
import { lang, pickLanguage, t, useLanguage } from './i18n.js';
import * as tg from './telegram.js';
import { Failure, h, Loading, atLeast, isStaff } from './ui.js';
import { LoginScreen } from './screens/login.js';
import { TicketList } from './screens/tickets.js';
import { NewTicket } from './screens/new-ticket.js';
import { TicketScreen } from './screens/ticket.js';
import { PeopleScreen } from './screens/people.js';
import { StatsScreen } from './screens/stats.js';
import { ProfileScreen } from './screens/profile.js';

const meta = (name) => document.querySelector(`meta[name="${name}"]`).content;
export const desk = { demo: meta('desk-demo') === 'true', bot: meta('desk-bot') };

function parseRoute() {
  const hash = location.hash.startsWith('#/') ? location.hash.slice(2) : '';
  const [name, id] = hash.split('/');
  return { name: name || 'home', id: id ? decodeURIComponent(id) : null };
}

export function go(path) { location.hash = `#/${path}`; }

function focusMain() {
  requestAnimationFrame(() => { const main = document.getElementById('main'); if (main) main.focus({ preventScroll: true }); });
}

function useRoute() {
  const [route, setRoute] = useState(parseRoute());
  useEffect(() => {
    // a keyboard or screen-reader user continues from the new screen, not from a control that is gone
    const changed = () => { setRoute(parseRoute()); window.scrollTo(0, 0); focusMain(); };
    addEventListener('hashchange', changed);
    return () => removeEventListener('hashchange', changed);
  }, []);
  return route;
}

function Nav({ user, route }) {
  const items = [[isStaff(user) ? 'queue' : 'tickets', isStaff(user) ? t('nav_queue') : t('nav_tickets')]];
  if (isStaff(user)) items.push(['stats', t('nav_stats')]);
  if (atLeast(user, 'MODERATOR')) items.push(['users', t('nav_users')]);
  items.push(['profile', t('nav_profile')]);
  const active = route.name === 'home' ? items[0][0] : route.name;
  return h('nav', { class: 'tabs', 'aria-label': t('nav_main') },
    items.map(([name, label]) => h('a', {
      key: name, href: `#/${name}`, class: active === name ? 'tab active' : 'tab',
      'aria-current': active === name ? 'page' : undefined,
    }, label)));
}

function Shell({ user, setUser, onLogout }) {
  const route = useRoute();
  const staff = isStaff(user);
  let screen;
  switch (route.name) {
    case 't': screen = h(TicketScreen, { key: route.id, id: route.id, user }); break;
    case 'new': screen = h(NewTicket, { user }); break;
    case 'users': screen = atLeast(user, 'MODERATOR') ? h(PeopleScreen, { user }) : null; break;
    case 'stats': screen = staff ? h(StatsScreen, { user }) : null; break;
    case 'profile': screen = h(ProfileScreen, { user, setUser, onLogout }); break;
    case 'queue': case 'tickets': case 'home': default:
      screen = h(TicketList, { user, staff, key: staff ? 'queue' : 'mine' });
  }
  const top = ['home', 'tickets', 'queue', 'users', 'stats', 'profile'].includes(route.name);
  useEffect(() => tg.setBack(top ? null : () => history.length > 1 ? history.back() : go('')), [top, route.id]);
  return h('div', { class: 'shell' },
    h('a', { href: '#main', class: 'skip', onClick: (e) => { e.preventDefault(); focusMain(); } }, t('skip')),
    top && h(Nav, { user, route }),
    h('main', { id: 'main', tabIndex: -1 }, screen || h(Failure, { error: { message: t('error_generic') } })));
}

function App({ boot }) {
  const [user, setUser] = useState(boot.user);
  const [, setLang] = useState(lang());
  useEffect(() => {
    if (!user) return;
    const next = pickLanguage(user.language_code || (tg.telegramUser() || {}).language_code || navigator.language);
    useLanguage(next); setLanguage(next); setLang(next);
  }, [user]);
  if (boot.error) return h(Failure, { error: boot.error, onRetry: () => location.reload() });
  if (!user) return h(LoginScreen, { desk, onLogin: setUser });
  return h(Shell, {
    user, setUser: (u) => { setUser(u); setLang(lang()); },
    onLogout: () => { forget(); setUser(null); go(''); },
  });
}

async function start() {
  const root = document.getElementById('app');
  const telegram = await tg.loadTelegram();
  tg.init(telegram);
  tg.applyTheme();
  const first = pickLanguage((tg.telegramUser() || {}).language_code || navigator.language);
  useLanguage(first); setLanguage(first);
  render(h(Loading), root);
  const boot = { user: null, error: null };
  try {
    if (tg.inTelegram()) {
      // an expired token is replaced from initData without the person noticing
      setRelogin(async () => {
        const response = await fetch('/api/v1/auth/telegram', {
          method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ initData: tg.initData() }),
        });
        const json = await response.json();
        if (!response.ok) throw new ApiError(response.status, json);
        return json;
      });
      boot.user = await api.login('telegram', { initData: tg.initData() });
      const ticket = tg.startParam();
      if (ticket && !location.hash.startsWith('#/')) go(`t/${ticket.replace(/^ticket[_-]?/, '')}`);
    } else if (hasToken()) {
      boot.user = await api.get('/auth/me').catch((e) => { if (e.status === 401) { forget(); return null; } throw e; });
    }
    if (!location.hash.startsWith('#/')) history.replaceState(null, '', location.pathname + location.search);
  } catch (error) {
    boot.error = error;
  }
  render(h(App, { boot }), root);
}

start();
