// People (MODERATOR+): search and role filter; an ADMIN changes roles and blocks or unblocks.
import { useEffect, useState } from 'preact/hooks';
import { api, query } from '../api.js';
import { formatTime, t } from '../i18n.js';
import { Avatar, Empty, errorText, Failure, h, Loading, Select, useDebounced } from '../ui.js';

const ROLES = ['USER', 'HELPER', 'MODERATOR', 'ADMIN'];

function Person({ person, user, onChange }) {
  const admin = user.role === 'ADMIN';
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);
  const act = (path, body) => {
    setBusy(true); setError(null);
    api.put(`/users/${person.id}/${path}`, body).then((p) => { onChange({ ...person, ...p }); setBusy(false); },
      (e) => { setError(e); setBusy(false); });
  };
  const self = person.id === user.id;
  return h('li', { class: person.is_active ? 'person' : 'person blocked', 'data-user-id': person.id },
    h(Avatar, { person }),
    h('div', { class: 'person-main' },
      h('p', { class: 'person-name' }, person.first_name, ' ', person.last_name || '', self && h('span', { class: 'hint' }, ` (${t('you')})`)),
      h('p', { class: 'hint' }, person.username ? `@${person.username} · ` : '', t('tickets_n', person.tickets_count || 0),
        person.last_activity ? ` · ${formatTime(person.last_activity)}` : ''),
      !person.is_active && h('span', { class: 'chip status-closed' }, t('blocked')),
      error && h('p', { class: 'field-error', role: 'alert' }, errorText(error))),
    admin ? h('div', { class: 'person-actions' },
      h('label', { class: 'visually-hidden', for: `role-${person.id}` }, `${t('role')}: ${person.first_name}`),
      h('select', { id: `role-${person.id}`, class: 'role-select', value: person.role, disabled: busy,
        onChange: (e) => act('role', { role: e.currentTarget.value }) },
      ROLES.map((r) => h('option', { key: r, value: r }, t(`role_${r}`)))),
      !self && h('button', { type: 'button', class: person.is_active ? 'button small danger' : 'button small secondary',
        disabled: busy, 'data-action': person.is_active ? 'block' : 'unblock',
        onClick: () => act('status', { is_active: !person.is_active }) },
      person.is_active ? t('block') : t('unblock')))
      : h('span', { class: 'chip' }, t(`role_${person.role}`)));
}

export function PeopleScreen({ user }) {
  const [text, setText] = useState('');
  const [role, setRole] = useState('');
  const search = useDebounced(text.trim(), 300);
  const [state, setState] = useState({ items: null, error: null });
  const load = () => {
    setState({ items: null, error: null });
    api.get(`/users${query({ search, role, size: 100 })}`).then((r) => setState({ items: r.items, error: null }),
      (error) => setState({ items: null, error }));
  };
  useEffect(load, [search, role]);
  return h('section', { class: 'screen', 'aria-labelledby': 'people-title' },
    h('header', { class: 'screen-head' }, h('h1', { id: 'people-title' }, t('nav_users'))),
    h('div', { class: 'filters' },
      h('div', { class: 'search' }, h('label', { for: 'people-search', class: 'visually-hidden' }, t('people_search')),
        h('input', { id: 'people-search', type: 'search', value: text, placeholder: t('people_search'),
          onInput: (e) => setText(e.currentTarget.value), autocomplete: 'off' })),
      h(Select, { id: 'people-role', label: t('role'), value: role, onChange: setRole,
        options: [['', t('all')], ...ROLES.map((r) => [r, t(`role_${r}`)])] })),
    state.error ? h(Failure, { error: state.error, onRetry: load })
      : state.items === null ? h(Loading)
        : state.items.length === 0 ? h(Empty, { title: t('empty_people') })
          : h('ul', { class: 'people' }, state.items.map((person) => h(Person, { key: person.id, person, user,
            onChange: (changed) => setState((s) => ({ ...s, items: s.items.map((p) => (p.id === changed.id ? changed : p)) })) }))));
}
