// The customer's own tickets (status chips with counts) and the staff queue (filters, search, sort); both scroll on.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { api, query } from '../api.js';
import { formatTime, t } from '../i18n.js';
import * as tg from '../telegram.js';
import {
  Avatar, CategoryIcon, Empty, Failure, h, Loading, PriorityMark, Select, Sentinel, StatusChip, TicketNumber, useDebounced,
} from '../ui.js';

const STATUSES = ['OPEN', 'IN_PROGRESS', 'WAITING_RESPONSE', 'RESOLVED', 'CLOSED'];
const PRIORITIES = ['LOW', 'NORMAL', 'HIGH', 'CRITICAL'];

function go(path) { location.hash = `#/${path}`; }

function TicketRow({ ticket, staff }) {
  return h('li', null, h('a', { class: 'ticket-row', href: `#/t/${ticket.id}` },
    h(CategoryIcon, { category: ticket.category }),
    h('span', { class: 'ticket-main' },
      h('span', { class: 'ticket-title' }, h(TicketNumber, { ticket }), ' ', ticket.title),
      h('span', { class: 'ticket-meta' },
        h(StatusChip, { status: ticket.status, staff }), h(PriorityMark, { priority: ticket.priority }),
        staff && h('span', { class: 'who' }, h(Avatar, { person: ticket.user }), ticket.user && ticket.user.first_name),
        staff && ticket.assigned_to && h('span', { class: 'who' }, '→ ', ticket.assigned_to.first_name))),
    h('span', { class: 'ticket-side' },
      h('time', { dateTime: ticket.last_message_at || ticket.updated_at }, formatTime(ticket.last_message_at || ticket.updated_at)),
      ticket.messages_count > 0 && h('span', { class: 'count' }, t('messages_n', ticket.messages_count)))));
}

/** Pages of tickets for a filter: the first page on change, the next ones when the end scrolls into view. */
function usePages(filter) {
  const [state, setState] = useState({ items: [], page: 0, pages: 1, total: 0, loading: true, error: null });
  const current = useRef(state);
  current.current = state;
  const generation = useRef(0);
  const key = JSON.stringify(filter);
  const load = useCallback((page, previous) => {
    const mine = page === 1 ? ++generation.current : generation.current;
    setState((s) => ({ ...s, items: previous, loading: true, error: null }));
    api.get(`/tickets${query({ ...filter, page, size: 20 })}`).then(
      (result) => mine === generation.current && setState({
        items: [...previous, ...result.items], page, pages: result.pages, total: result.total, loading: false, error: null,
      }),
      (error) => mine === generation.current && setState((s) => ({ ...s, loading: false, error })));
  }, [key]);
  useEffect(() => load(1, []), [load]);
  const more = useCallback(() => {
    const s = current.current;
    if (!s.loading && !s.error && s.page < s.pages) load(s.page + 1, s.items);
  }, [load]);
  return { ...state, more, retry: () => load(state.page + 1, state.items) };
}

function StatusCounts({ status, setStatus }) {
  const [counts, setCounts] = useState({});
  useEffect(() => {
    Promise.all(['', ...STATUSES].map((s) => api.get(`/tickets${query({ status: s, size: 1 })}`).then((r) => [s, r.total])))
      .then((pairs) => setCounts(Object.fromEntries(pairs)), () => setCounts({}));
  }, []);
  return h('div', { class: 'chips', role: 'group', 'aria-label': t('status') },
    ['', ...STATUSES].map((s) => h('button', {
      type: 'button', key: s || 'all', class: status === s ? 'filter-chip selected' : 'filter-chip',
      'aria-pressed': status === s ? 'true' : 'false', 'data-status': s || 'ALL', onClick: () => setStatus(s),
    }, s ? t(`status_${s}`) : t('all'), counts[s] !== undefined && h('span', { class: 'badge' }, counts[s]))));
}

function QueueFilters({ filter, setFilter, user }) {
  const [categories, setCategories] = useState([]);
  useEffect(() => { api.get('/categories?include_inactive=true').then(setCategories, () => setCategories([])); }, []);
  const set = (name) => (value) => setFilter({ ...filter, [name]: value });
  return h('div', { class: 'filters' },
    h(Select, { id: 'f-status', label: t('status'), value: filter.status, onChange: set('status'),
      options: [['', t('all')], ...STATUSES.map((s) => [s, t(s === 'WAITING_RESPONSE' ? 'status_WAITING_RESPONSE_staff' : `status_${s}`)])] }),
    h(Select, { id: 'f-category', label: t('category'), value: filter.category_id, onChange: set('category_id'),
      options: [['', t('all')], ...categories.map((c) => [c.id, `${c.icon || ''} ${c.name}`.trim()])] }),
    h(Select, { id: 'f-priority', label: t('priority'), value: filter.priority, onChange: set('priority'),
      options: [['', t('all')], ...PRIORITIES.map((p) => [p, t(`priority_${p}`)])] }),
    h(Select, { id: 'f-assignee', label: t('assignee'), value: filter.assigned_to, onChange: set('assigned_to'),
      options: [['', t('assignee_any')], [user.id, t('assignee_me')], ['none', t('assignee_none')]] }),
    h(Select, { id: 'f-sort', label: t('sort'), value: filter.sort, onChange: set('sort'),
      options: [['-created_at', t('sort_newest')], ['-updated_at', t('sort_updated')], ['-priority', t('sort_priority')],
        ['created_at', t('sort_oldest')]] }));
}

const SAVED = 'desk.queue';

export function TicketList({ user, staff }) {
  const [text, setText] = useState('');
  const search = useDebounced(text.trim(), 300);
  const [filter, setFilter] = useState(() => {
    const saved = staff ? JSON.parse(sessionStorage.getItem(SAVED) || 'null') : null;
    return saved || { status: '', category_id: '', priority: '', assigned_to: '', sort: '-created_at' };
  });
  useEffect(() => { if (staff) sessionStorage.setItem(SAVED, JSON.stringify(filter)); }, [filter]);
  const list = usePages({ ...filter, search });
  useEffect(() => {
    tg.setMainButton(staff ? null : t('new_ticket'), staff ? null : () => go('new'));
    return () => tg.setMainButton(null);
  }, [staff]);
  const filtered = search || Object.entries(filter).some(([k, v]) => k !== 'sort' && v);
  return h('section', { class: 'screen', 'aria-labelledby': 'list-title' },
    h('header', { class: 'screen-head' },
      h('h1', { id: 'list-title' }, staff ? t('nav_queue') : t('nav_tickets')),
      h('a', { class: 'button small', href: '#/new' }, '+ ', t('new_ticket'))),
    h('div', { class: 'search' },
      h('label', { for: 'search', class: 'visually-hidden' }, t('search_tickets')),
      h('input', { id: 'search', type: 'search', placeholder: t('search_tickets'), value: text,
        onInput: (e) => setText(e.currentTarget.value), autocomplete: 'off' })),
    staff ? h(QueueFilters, { filter, setFilter, user })
      : h(StatusCounts, { status: filter.status, setStatus: (status) => setFilter({ ...filter, status }) }),
    list.items.length > 0 && h('ul', { class: 'tickets', 'aria-label': staff ? t('nav_queue') : t('nav_tickets') },
      list.items.map((ticket) => h(TicketRow, { key: ticket.id, ticket, staff }))),
    !list.loading && !list.error && list.items.length === 0 && (filtered
      ? h(Empty, { title: t('empty_filtered') })
      : h(Empty, { title: t('empty_tickets'), hint: staff ? null : t('empty_tickets_hint') },
        !staff && h('a', { class: 'button', href: '#/new' }, t('new_ticket')))),
    list.error && h(Failure, { error: list.error, onRetry: list.retry }),
    list.loading && h(Loading),
    !list.loading && !list.error && list.page < list.pages && h(Sentinel, { onVisible: list.more }),
    !list.loading && !list.error && list.page < list.pages
      && h('button', { type: 'button', class: 'button secondary more', onClick: list.more }, t('more')));
}
