// Small shared pieces: states (loading, empty, error), chips, avatars, the data loader hook.
import { h } from 'preact';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { t } from './i18n.js';

export { h };

export function Loading({ label }) {
  return h('div', { class: 'state', role: 'status', 'aria-live': 'polite' },
    h('span', { class: 'spinner', 'aria-hidden': 'true' }), h('span', null, label || t('loading')));
}

export function Empty({ title, hint, children }) {
  return h('div', { class: 'state empty' }, h('p', { class: 'empty-title' }, title), hint && h('p', { class: 'hint' }, hint), children);
}

export function errorText(error) {
  if (!error) return '';
  if (error.code === 'NETWORK') return t('error_network');
  if (error.code === 'USER_BLOCKED') return t('blocked_account');
  return error.message || t('error_generic');
}

export function Failure({ error, onRetry }) {
  return h('div', { class: 'state error', role: 'alert' },
    h('p', null, errorText(error)),
    onRetry && h('button', { type: 'button', class: 'button secondary', onClick: onRetry }, t('retry')));
}

/** Loads {@code load()} when {@code deps} change: {data, error, loading, reload, setData}. */
export function useLoad(load, deps) {
  const [state, setState] = useState({ data: null, error: null, loading: true });
  const generation = useRef(0);
  const run = useCallback(() => {
    const mine = ++generation.current;
    setState((s) => ({ ...s, loading: true, error: null }));
    load().then(
      (data) => mine === generation.current && setState({ data, error: null, loading: false }),
      (error) => mine === generation.current && setState({ data: null, error, loading: false }));
  }, deps);
  useEffect(run, [run]);
  return { ...state, reload: run, setData: (data) => setState((s) => ({ ...s, data: typeof data === 'function' ? data(s.data) : data })) };
}

/** Renders the right state for a useLoad result, or {@code render(data)}. */
export function Loaded({ result, render }) {
  if (result.error) return h(Failure, { error: result.error, onRetry: result.reload });
  if (result.data === null) return h(Loading);
  return render(result.data);
}

export function StatusChip({ status, staff }) {
  const key = status === 'WAITING_RESPONSE' && staff ? 'status_WAITING_RESPONSE_staff' : `status_${status}`;
  return h('span', { class: `chip status-${status.toLowerCase()}` }, t(key));
}

export function PriorityMark({ priority }) {
  if (priority === 'NORMAL') return null;
  return h('span', { class: `chip priority-${priority.toLowerCase()}` }, t(`priority_${priority}`));
}

export function CategoryIcon({ category }) {
  if (!category) return null;
  return h('span', { class: 'category-icon', style: { background: category.color || 'var(--accent)' }, 'aria-hidden': 'true' },
    category.icon || '•');
}

export function Avatar({ person }) {
  const name = (person && person.first_name) || '?';
  let hash = 0;
  for (const c of name) hash = (hash * 31 + c.charCodeAt(0)) % 360;
  return h('span', { class: 'avatar', style: { background: `hsl(${hash} 45% 32%)` }, 'aria-hidden': 'true' }, name[0].toUpperCase());
}

export function TicketNumber({ ticket }) {
  return ticket.number ? h('span', { class: 'number' }, `#${ticket.number}`) : null;
}

/** A labelled select; {@code options} are [value, label] pairs. */
export function Select({ id, label, value, options, onChange, hideLabel }) {
  return h('label', { class: hideLabel ? 'field inline' : 'field', for: id },
    h('span', { class: hideLabel ? 'visually-hidden' : 'label' }, label),
    h('select', { id, value, onChange: (e) => onChange(e.currentTarget.value) },
      options.map(([v, text]) => h('option', { value: v, key: v }, text))));
}

export function FieldError({ id, message }) {
  return message ? h('p', { class: 'field-error', id, role: 'alert' }, message) : null;
}

/** Calls {@code onVisible} when the element scrolls into view: infinite lists. */
export function Sentinel({ onVisible }) {
  const ref = useRef(null);
  useEffect(() => {
    const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && onVisible());
    observer.observe(ref.current);
    return () => observer.disconnect();
  }, [onVisible]);
  return h('div', { ref, class: 'sentinel', 'aria-hidden': 'true' });
}

export function useDebounced(value, ms) {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

export function isStaff(user) { return user && user.role !== 'USER'; }
export function atLeast(user, role) {
  const order = ['USER', 'HELPER', 'MODERATOR', 'ADMIN'];
  return user && order.indexOf(user.role) >= order.indexOf(role);
}
