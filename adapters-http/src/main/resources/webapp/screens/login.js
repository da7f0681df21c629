// Outside Telegram: the demo's role buttons (local demo mode) or the Telegram Login Widget (when the bot is known).
import { useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../api.js';
import { t } from '../i18n.js';
import { errorText, h } from '../ui.js';

const WIDGET_FIELDS = ['id', 'first_name', 'last_name', 'username', 'photo_url', 'auth_date', 'hash'];

/** The widget redirects back with its signed fields in the query string (no inline callback: strict CSP). */
export function widgetResult() {
  const params = new URLSearchParams(location.search);
  if (!params.has('hash') || !params.has('auth_date')) return null;
  const fields = {};
  for (const name of WIDGET_FIELDS) if (params.has(name)) fields[name] = params.get(name);
  return fields;
}

function Widget({ bot }) {
  const box = useRef(null);
  useEffect(() => {
    const script = document.createElement('script');
    script.src = 'https://telegram.org/js/telegram-widget.js?22';
    script.async = true;
    script.dataset.telegramLogin = bot;
    script.dataset.size = 'large';
    script.dataset.authUrl = `${location.origin}${location.pathname}`;
    script.dataset.requestAccess = 'write';
    box.current.appendChild(script);
  }, [bot]);
  return h('div', { class: 'widget', ref: box, role: 'group', 'aria-label': t('login_widget') });
}

export function LoginScreen({ desk, onLogin }) {
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(null);
  useEffect(() => {
    const fields = widgetResult();
    if (!fields) return;
    history.replaceState(null, '', location.pathname);
    setBusy('widget');
    api.login('telegram-widget', fields).then(onLogin, (e) => { setError(e); setBusy(null); });
  }, []);
  const enter = (role) => {
    setBusy(role); setError(null);
    api.login('demo', { role }).then(onLogin, (e) => { setError(e); setBusy(null); });
  };
  return h('main', { class: 'login', id: 'main' },
    h('div', { class: 'login-card' },
      h('div', { class: 'logo', 'aria-hidden': 'true' }, '💬'),
      h('h1', null, t('login_title')),
      h('p', { class: 'hint' }, t('login_lead')),
      error && h('p', { class: 'field-error', role: 'alert' }, `${t('login_failed')}: ${errorText(error)}`),
      desk.demo && h('section', { class: 'demo', 'aria-labelledby': 'demo-title' },
        h('h2', { id: 'demo-title' }, t('demo_title')),
        h('p', { class: 'hint' }, t('demo_lead')),
        h('div', { class: 'demo-roles' }, ['USER', 'HELPER', 'MODERATOR', 'ADMIN'].map((role) =>
          h('button', {
            type: 'button', key: role, class: role === 'USER' ? 'button' : 'button secondary',
            'data-role': role, disabled: !!busy, onClick: () => enter(role),
          }, t(`role_${role}`))))),
      desk.bot ? h(Widget, { bot: desk.bot }) : (!desk.demo && h('p', null, t('login_no_bot')))));
}
