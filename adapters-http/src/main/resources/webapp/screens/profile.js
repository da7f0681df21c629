// The person's profile (names, username), language and theme, and logging out outside Telegram.
import { useState } from 'preact/hooks';
import { api, setLanguage } from '../api.js';
import { lang, t, useLanguage } from '../i18n.js';
import * as tg from '../telegram.js';
import { errorText, FieldError, h } from '../ui.js';

export function ProfileScreen({ user, setUser, onLogout }) {
  const [form, setForm] = useState({ first_name: user.first_name || '', last_name: user.last_name || '', username: user.username || '' });
  const [errors, setErrors] = useState({});
  const [note, setNote] = useState('');
  const [theme, setTheme] = useState(localStorage.getItem('desk.theme') || 'auto');
  const set = (name) => (e) => setForm({ ...form, [name]: e.currentTarget.value });
  const save = async (e) => {
    e.preventDefault();
    setErrors({}); setNote('');
    try {
      setUser(await api.put('/auth/profile', form));
      setNote(t('saved'));
    } catch (error) {
      if (error.status === 422) setErrors(error.fields()); else setNote(errorText(error));
    }
  };
  const changeLanguage = (code) => {
    localStorage.setItem('desk.language', code);
    useLanguage(code); setLanguage(code); setUser({ ...user });
  };
  const changeTheme = (choice) => {
    localStorage.setItem('desk.theme', choice);
    setTheme(choice); tg.applyTheme(choice);
  };
  const field = (name) => [
    h('label', { class: 'field', for: `p-${name}`, key: name }, h('span', { class: 'label' }, t(name)),
      h('input', { id: `p-${name}`, value: form[name], onInput: set(name),
        ...(errors[name] ? { 'aria-invalid': 'true', 'aria-describedby': `p-${name}-error` } : {}) })),
    h(FieldError, { id: `p-${name}-error`, message: errors[name], key: `${name}-e` })];
  return h('section', { class: 'screen', 'aria-labelledby': 'profile-title' },
    h('header', { class: 'screen-head' }, h('h1', { id: 'profile-title' }, t('nav_profile'))),
    h('p', { class: 'hint' }, t(`role_${user.role}`), user.username ? ` · @${user.username}` : ''),
    h('form', { class: 'form', onSubmit: save },
      field('first_name'), field('last_name'), field('username'),
      h('button', { type: 'submit', class: 'button' }, t('save')),
      note && h('p', { role: 'status' }, note)),
    h('fieldset', { class: 'choice' }, h('legend', { class: 'label' }, t('profile_language')),
      [['ru', 'Русский'], ['en', 'English']].map(([code, label]) => h('label', { key: code, class: 'check' },
        h('input', { type: 'radio', name: 'language', value: code, checked: lang() === code, onChange: () => changeLanguage(code) }), ' ', label))),
    h('fieldset', { class: 'choice' }, h('legend', { class: 'label' }, t('profile_theme')),
      ['auto', 'light', 'dark'].map((choice) => h('label', { key: choice, class: 'check' },
        h('input', { type: 'radio', name: 'theme', value: choice, checked: theme === choice, onChange: () => changeTheme(choice) }),
        ' ', t(`theme_${choice}`)))),
    !tg.inTelegram() && h('button', { type: 'button', class: 'button secondary', onClick: onLogout }, t('logout')));
}
