// One ticket as a live chat: messages and attachments, typing, status banner and actions; for staff also the
// assign / status / priority controls, internal notes (visibly apart) and the history timeline.
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, fileUrl, query, watchTicket } from '../api.js';
import { formatSize, formatTime, t } from '../i18n.js';
import * as tg from '../telegram.js';
import { AttachmentPicker, useUploads } from '../attachments.js';
import {
  atLeast, Avatar, CategoryIcon, errorText, Failure, h, isStaff, Loading, PriorityMark, StatusChip, TicketNumber,
} from '../ui.js';

const STATUSES = ['OPEN', 'IN_PROGRESS', 'WAITING_RESPONSE', 'RESOLVED', 'CLOSED'];
const PRIORITIES = ['LOW', 'NORMAL', 'HIGH', 'CRITICAL'];
const TYPING_SHOWN_MS = 6000;

async function allMessages(id) {
  const first = await api.get(`/tickets/${id}/messages${query({ size: 100 })}`);
  const items = [...first.items];
  for (let page = 2; page <= first.pages; page++) {
    items.push(...(await api.get(`/tickets/${id}/messages${query({ size: 100, page })}`)).items);
  }
  return items;
}

function Attachment({ file }) {
  const [src, setSrc] = useState(null);
  const [failed, setFailed] = useState(false);
  const image = file.content_type && file.content_type.startsWith('image/');
  useEffect(() => { if (image) fileUrl(file.url).then(setSrc, () => setFailed(true)); }, [file.url]);
  const open = async (e) => {
    e.preventDefault();
    try {
      const link = document.createElement('a');
      link.href = await fileUrl(file.url);
      link.download = file.filename;
      link.click();
    } catch (error) { setFailed(true); }
  };
  return h('a', { href: file.url, class: image ? 'attachment image' : 'attachment', onClick: open,
    'aria-label': `${file.filename}, ${formatSize(file.size)}` },
  image && src ? h('img', { src, alt: file.filename, loading: 'lazy' })
    : h('span', { class: 'file-chip' }, failed ? '⚠️ ' : '📄 ', file.filename, h('small', null, ' ', formatSize(file.size))));
}

function Message({ message, mine }) {
  const staff = message.user && message.user.role !== 'USER';
  const classes = ['message', mine ? 'mine' : 'theirs', message.is_internal ? 'internal' : '', staff ? 'from-staff' : ''];
  return h('li', { class: classes.join(' '), 'data-message-id': message.id },
    !mine && h(Avatar, { person: message.user }),
    h('div', { class: 'bubble' },
      message.is_internal && h('p', { class: 'internal-label' }, '🔒 ', t('internal_note')),
      h('p', { class: 'author' }, message.user ? message.user.first_name : '', staff && h('span', { class: 'role' }, t(`role_${message.user.role}`))),
      h('p', { class: 'content' }, message.content),
      message.attachments && message.attachments.length > 0
        && h('div', { class: 'files' }, message.attachments.map((file) => h(Attachment, { key: file.id, file }))),
      h('time', { dateTime: message.created_at }, formatTime(message.created_at))));
}

function Banner({ ticket, user, act }) {
  const author = ticket.user && ticket.user.id === user.id;
  if (ticket.status === 'RESOLVED' && author) {
    return h('div', { class: 'banner resolved', role: 'status' }, h('p', null, t('resolved_banner')),
      h('div', { class: 'actions' },
        h('button', { type: 'button', class: 'button', onClick: () => act('CLOSED') }, t('solved')),
        h('button', { type: 'button', class: 'button secondary', onClick: () => act('OPEN') }, t('not_solved'))));
  }
  if (ticket.status === 'CLOSED') {
    return h('div', { class: 'banner closed', role: 'status' }, h('p', null, t('closed_banner')),
      atLeast(user, 'MODERATOR') && h('button', { type: 'button', class: 'button secondary', onClick: () => act('OPEN') }, t('reopen')));
  }
  if (ticket.status === 'WAITING_RESPONSE' && author) {
    return h('div', { class: 'banner waiting', role: 'status' }, h('p', null, t('waiting_banner')));
  }
  return null;
}

function StaffControls({ ticket, user, update }) {
  const [staffList, setStaffList] = useState(null);
  useEffect(() => {
    if (!atLeast(user, 'MODERATOR')) return;
    Promise.all(['HELPER', 'MODERATOR', 'ADMIN'].map((role) => api.get(`/users${query({ role, is_active: true, size: 100 })}`)))
      .then((pages) => setStaffList(pages.flatMap((p) => p.items)), () => setStaffList([]));
  }, []);
  const assignee = ticket.assigned_to;
  const mine = assignee && assignee.id === user.id;
  return h('div', { class: 'controls', role: 'group', 'aria-label': t('details') },
    h('label', { class: 'field inline', for: 'ticket-status' }, h('span', { class: 'label' }, t('status')),
      h('select', { id: 'ticket-status', value: ticket.status, onChange: (e) => update({ status: e.currentTarget.value }) },
        STATUSES.map((s) => h('option', { key: s, value: s,
          disabled: ticket.status === 'CLOSED' && s !== 'CLOSED' && !atLeast(user, 'MODERATOR') },
        t(s === 'WAITING_RESPONSE' ? 'status_WAITING_RESPONSE_staff' : `status_${s}`))))),
    h('label', { class: 'field inline', for: 'ticket-priority' }, h('span', { class: 'label' }, t('priority')),
      h('select', { id: 'ticket-priority', value: ticket.priority, onChange: (e) => update({ priority: e.currentTarget.value }) },
        PRIORITIES.map((p) => h('option', { key: p, value: p }, t(`priority_${p}`))))),
    staffList
      ? h('label', { class: 'field inline', for: 'ticket-assignee' }, h('span', { class: 'label' }, t('assignee')),
        h('select', { id: 'ticket-assignee', value: assignee ? assignee.id : '',
          onChange: (e) => update({ assigned_to: e.currentTarget.value || null }) },
        h('option', { value: '' }, t('unassigned')),
        staffList.map((p) => h('option', { key: p.id, value: p.id }, p.id === user.id ? `${p.first_name} (${t('you')})` : p.first_name))))
      : h('div', { class: 'field inline' }, h('span', { class: 'label' }, t('assignee')),
        h('div', { class: 'assignee-row' },
          h('span', { class: 'assignee' }, assignee ? assignee.first_name : t('unassigned')),
          !assignee && h('button', { type: 'button', class: 'button small', id: 'take', onClick: () => update({ assigned_to: user.id }) }, t('take')),
          mine && h('button', { type: 'button', class: 'button small secondary', id: 'release',
            onClick: () => update({ assigned_to: null }) }, t('release')))));
}

function History({ id, ticket }) {
  const [state, setState] = useState({ items: null, error: null });
  const load = () => api.get(`/tickets/${id}/history${query({ size: 100 })}`).then(
    (r) => setState({ items: r.items, error: null }), (error) => setState({ items: null, error }));
  useEffect(() => { load(); }, [ticket.updated_at]);
  if (state.error) return h(Failure, { error: state.error, onRetry: load });
  if (!state.items) return h(Loading);
  if (!state.items.length) return h('p', { class: 'state empty' }, t('empty_history'));
  const value = (field, v) => {
    if (v === null || v === undefined) return '—';
    if (field === 'status') return t(v === 'WAITING_RESPONSE' ? 'status_WAITING_RESPONSE_staff' : `status_${v}`);
    if (field === 'priority') return t(`priority_${v}`);
    if (field === 'assigned_to') return ticket.assigned_to && ticket.assigned_to.id === v ? ticket.assigned_to.first_name : v.slice(0, 8);
    return v;
  };
  return h('ol', { class: 'timeline' }, state.items.map((e) => h('li', { key: e.id },
    h('time', { dateTime: e.created_at }, formatTime(e.created_at)),
    h('span', null, h('strong', null, e.changed_by ? e.changed_by.first_name : t('by_desk')), ': ',
      t(`history_${e.field}`), ' ', value(e.field, e.old_value), ' → ', value(e.field, e.new_value)))));
}

function Composer({ ticket, user, live }) {
  const staff = isStaff(user);
  const [text, setText] = useState('');
  const [internal, setInternal] = useState(false);
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);
  const uploads = useUploads();
  const typing = useRef({ on: false, timer: null, sent: 0 });
  const stopTyping = () => {
    clearTimeout(typing.current.timer);
    if (typing.current.on) { typing.current.on = false; live.current && live.current.typing(false, internal); }
  };
  const onInput = (e) => {
    setText(e.currentTarget.value);
    const now = Date.now();
    if (!typing.current.on || now - typing.current.sent > 3000) {
      typing.current.on = true; typing.current.sent = now;
      live.current && live.current.typing(true, internal);
    }
    clearTimeout(typing.current.timer);
    typing.current.timer = setTimeout(stopTyping, 4000);
  };
  const send = async (e) => {
    e.preventDefault();
    const content = text.trim() || (uploads.ids.length ? '📎' : '');
    if (!content || busy || !uploads.ready) return;
    setBusy(true); setError(null); stopTyping();
    try {
      await api.post(`/tickets/${ticket.id}/messages`, { content, is_internal: internal, attachments: uploads.ids });
      setText(''); uploads.clear();
    } catch (failure) {
      setError(failure.status === 422 ? Object.values(failure.fields()).join(' ') || errorText(failure) : errorText(failure));
    }
    setBusy(false);
  };
  if (ticket.status === 'CLOSED') return null;
  return h('form', { class: internal ? 'composer internal' : 'composer', onSubmit: send },
    error && h('p', { class: 'field-error', role: 'alert' }, error),
    uploads.items.length > 0 && h(AttachmentPicker, { uploads, id: 'chat-files-list' }),
    h('div', { class: 'composer-row' },
      h('label', { class: 'icon-button', for: 'chat-files', title: t('attach') },
        h('span', { 'aria-hidden': 'true' }, '📎'), h('span', { class: 'visually-hidden' }, t('attach')),
        h('input', { id: 'chat-files', type: 'file', multiple: true, class: 'visually-hidden',
          onChange: (ev) => { uploads.add([...ev.currentTarget.files]); ev.currentTarget.value = ''; } })),
      h('label', { for: 'chat-text', class: 'visually-hidden' }, internal ? t('internal_placeholder') : t('chat_placeholder')),
      h('textarea', { id: 'chat-text', rows: 1, value: text, onInput, placeholder: internal ? t('internal_placeholder') : t('chat_placeholder'),
        onKeyDown: (ev) => { if (ev.key === 'Enter' && (ev.ctrlKey || ev.metaKey)) send(ev); } }),
      h('button', { type: 'submit', class: 'button', id: 'send', disabled: busy || !uploads.ready }, t('send'))),
    staff && h('label', { class: 'check', for: 'internal' },
      h('input', { id: 'internal', type: 'checkbox', checked: internal, onChange: (ev) => setInternal(ev.currentTarget.checked) }),
      ' 🔒 ', t('internal_toggle')));
}

export function TicketScreen({ id, user }) {
  const staff = isStaff(user);
  const [ticket, setTicket] = useState(null);
  const [messages, setMessages] = useState(null);
  const [error, setError] = useState(null);
  const [typers, setTypers] = useState({});
  const [connection, setConnection] = useState('connecting');
  const [tab, setTab] = useState('chat');
  const [actionError, setActionError] = useState(null);
  const live = useRef(null);
  const end = useRef(null);

  const loadTicket = () => api.get(`/tickets/${id}`).then(setTicket);
  const loadMessages = () => allMessages(id).then(setMessages);
  const loadAll = () => { setError(null); return Promise.all([loadTicket(), loadMessages()]).catch(setError); };

  useEffect(() => {
    loadAll();
    live.current = watchTicket(id, {
      onState: setConnection,
      onReconnect: () => { loadTicket().catch(() => {}); loadMessages().catch(() => {}); },
      onEvent: ({ type, data }) => {
        if (type === 'new_message') {
          setMessages((all) => (all && !all.some((m) => m.id === data.id) ? [...all, data] : all));
          setTypers((all) => { const next = { ...all }; delete next[data.user && data.user.id]; return next; });
        } else if (type === 'status_changed') {
          setTicket((current) => current && { ...current, status: data.new_status });
          loadTicket().catch(() => {});
        } else if (type === 'ticket_updated') {
          loadTicket().catch(() => {});
        } else if (type === 'typing') {
          setTypers((all) => {
            const next = { ...all };
            if (data.is_typing) next[data.user_id] = { name: data.first_name, until: Date.now() + TYPING_SHOWN_MS };
            else delete next[data.user_id];
            return next;
          });
        }
      },
    });
    const sweep = setInterval(() => setTypers((all) => {
      const now = Date.now();
      const alive = Object.entries(all).filter(([, v]) => v.until > now);
      return alive.length === Object.keys(all).length ? all : Object.fromEntries(alive);
    }), 1000);
    return () => { live.current.close(); clearInterval(sweep); };
  }, [id]);

  useEffect(() => { if (end.current && tab === 'chat') end.current.scrollIntoView({ block: 'end' }); }, [messages && messages.length, tab]);

  const update = async (change) => {
    setActionError(null);
    try {
      setTicket(await api.put(`/tickets/${id}`, change));
      tg.haptic('success');
    } catch (failure) {
      setActionError(failure);
      tg.haptic('error');
      loadTicket().catch(() => {});
    }
  };
  const author = ticket && ticket.user && ticket.user.id === user.id;
  useEffect(() => {
    const closable = ticket && author && !staff && ticket.status !== 'CLOSED' && ticket.status !== 'RESOLVED';
    tg.setMainButton(closable ? t('close_ticket') : null, closable ? () => update({ status: 'CLOSED' }) : null);
    return () => tg.setMainButton(null);
  }, [ticket && ticket.status, author]);

  if (error) {
    return h('section', { class: 'screen' }, h(Failure, { error: error.status === 404 ? { message: t('ticket_not_found') } : error,
      onRetry: error.status === 404 ? null : loadAll }), h('a', { href: '#/', class: 'button secondary' }, t('back')));
  }
  if (!ticket) return h('section', { class: 'screen' }, h(Loading));
  const typingNames = Object.values(typers).map((v) => v.name);
  return h('section', { class: 'screen ticket', 'aria-labelledby': 'ticket-title' },
    h('header', { class: 'ticket-head' },
      h('a', { href: staff ? '#/queue' : '#/tickets', class: 'back-link', 'aria-label': t('back') }, '‹'),
      h(CategoryIcon, { category: ticket.category }),
      h('div', { class: 'ticket-heading' },
        h('h1', { id: 'ticket-title' }, h(TicketNumber, { ticket }), ' ', ticket.title),
        h('p', { class: 'ticket-meta' }, h(StatusChip, { status: ticket.status, staff }), h(PriorityMark, { priority: ticket.priority }),
          ticket.category && h('span', { class: 'hint' }, ticket.category.name),
          staff && ticket.user && h('span', { class: 'hint' }, '· ', ticket.user.first_name, ticket.user.username ? ` @${ticket.user.username}` : ''))),
      author && !staff && ticket.status !== 'CLOSED' && ticket.status !== 'RESOLVED'
        && h('button', { type: 'button', class: 'button small secondary', id: 'close-ticket', onClick: () => update({ status: 'CLOSED' }) }, t('close_ticket'))),
    connection === 'lost' && h('p', { class: 'banner offline', role: 'status' }, t('live_lost')),
    actionError && h('p', { class: 'field-error', role: 'alert' }, errorText(actionError)),
    staff && h(StaffControls, { ticket, user, update }),
    h(Banner, { ticket, user, act: (status) => update({ status }) }),
    staff && h('div', { class: 'segmented', role: 'tablist' },
      ['chat', 'history'].map((name) => h('button', { type: 'button', role: 'tab', key: name, id: `tab-${name}`,
        'aria-selected': tab === name ? 'true' : 'false', class: tab === name ? 'selected' : '', onClick: () => setTab(name) },
      name === 'chat' ? t('conversation') : t('history')))),
    tab === 'history' ? h(History, { id, ticket })
      : h('div', { class: 'chat' },
        h('div', { class: 'description' }, h('p', { class: 'content' }, ticket.description),
          h('time', { dateTime: ticket.created_at }, formatTime(ticket.created_at))),
        messages === null ? h(Loading)
          : messages.length === 0 ? h('p', { class: 'state empty' }, t('no_messages'))
            : h('ol', { class: 'messages', 'aria-live': 'polite', 'aria-label': t('chat_placeholder') },
              messages.map((m) => h(Message, { key: m.id, message: m, mine: m.user && m.user.id === user.id }))),
        h('p', { class: 'typing', 'aria-live': 'polite' }, typingNames.length ? t('typing', typingNames.join(', ')) : ''),
        h('div', { ref: end }),
        h(Composer, { ticket, user, live })));
}
