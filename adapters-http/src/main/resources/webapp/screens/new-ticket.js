// A new ticket: category (icon and colour), title, description, priority, attachments; 422 details beside their fields.
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api.js';
import { t } from '../i18n.js';
import * as tg from '../telegram.js';
import { AttachmentPicker, useUploads } from '../attachments.js';
import { errorText, FieldError, h, Loaded, useLoad } from '../ui.js';

const PRIORITIES = ['LOW', 'NORMAL', 'HIGH', 'CRITICAL'];

export function NewTicket() {
  const categories = useLoad(() => api.get('/categories'), []);
  const [form, setForm] = useState({ title: '', description: '', category_id: '', priority: 'NORMAL' });
  const [errors, setErrors] = useState({});
  const [failure, setFailure] = useState(null);
  const [busy, setBusy] = useState(false);
  const uploads = useUploads();
  const set = (name) => (e) => {
    setForm({ ...form, [name]: e.currentTarget.value });
    if (errors[name]) setErrors({ ...errors, [name]: undefined });
  };

  const submit = async (event) => {
    if (event) event.preventDefault();
    if (busy || !uploads.ready) return;
    setBusy(true); setErrors({}); setFailure(null);
    try {
      const ticket = await api.post('/tickets', { ...form, category_id: form.category_id || null });
      if (uploads.ids.length) {
        const names = uploads.items.filter((i) => i.stored).map((i) => i.stored.filename).join(', ');
        await api.post(`/tickets/${ticket.id}/messages`, { content: `📎 ${names}`, attachments: uploads.ids });
      }
      tg.haptic('success');
      location.replace(`#/t/${ticket.id}`);
    } catch (error) {
      tg.haptic('error');
      if (error.status === 422) setErrors(error.fields());
      else setFailure(error);
      setBusy(false);
    }
  };
  useEffect(() => {
    tg.setMainButton(busy ? t('creating') : t('create'), submit, { active: !busy && uploads.ready, progress: busy });
    return () => tg.setMainButton(null);
  });

  const described = (name) => (errors[name] ? { 'aria-invalid': 'true', 'aria-describedby': `${name}-error` } : {});
  return h('section', { class: 'screen', 'aria-labelledby': 'new-title' },
    h('header', { class: 'screen-head' },
      h('a', { href: '#/', class: 'back-link', 'aria-label': t('back') }, '‹'),
      h('h1', { id: 'new-title' }, t('new_ticket'))),
    h(Loaded, { result: categories, render: (list) => h('form', { class: 'form', onSubmit: submit, noValidate: true },
      h('fieldset', { class: 'categories', ...described('category_id') },
        h('legend', { class: 'label' }, t('category')),
        h('div', { class: 'category-grid' }, list.map((c) => h('label', { key: c.id,
          class: form.category_id === c.id ? 'category-card selected' : 'category-card' },
          h('input', { type: 'radio', name: 'category', value: c.id, checked: form.category_id === c.id,
            onChange: set('category_id'), class: 'visually-hidden' }),
          h('span', { class: 'category-icon', style: { background: c.color || 'var(--accent)' }, 'aria-hidden': 'true' }, c.icon || '•'),
          h('span', null, c.name)))),
        h(FieldError, { id: 'category_id-error', message: errors.category_id })),
      h('label', { class: 'field', for: 'title' }, h('span', { class: 'label' }, t('title')),
        h('input', { id: 'title', name: 'title', value: form.title, onInput: set('title'), maxLength: 200,
          placeholder: t('title_hint'), ...described('title') })),
      h(FieldError, { id: 'title-error', message: errors.title }),
      h('label', { class: 'field', for: 'description' }, h('span', { class: 'label' }, t('description')),
        h('textarea', { id: 'description', name: 'description', rows: 5, value: form.description,
          onInput: set('description'), ...described('description') })),
      h(FieldError, { id: 'description-error', message: errors.description }),
      h('label', { class: 'field', for: 'priority' }, h('span', { class: 'label' }, t('priority')),
        h('select', { id: 'priority', value: form.priority, onChange: set('priority'), ...described('priority') },
          PRIORITIES.map((p) => h('option', { key: p, value: p }, t(`priority_${p}`))))),
      h(FieldError, { id: 'priority-error', message: errors.priority }),
      h('div', { class: 'field' }, h('span', { class: 'label' }, t('attachments')),
        h(AttachmentPicker, { uploads, id: 'new-files' })),
      h(FieldError, { id: 'attachments-error', message: errors.attachments }),
      failure && h('p', { class: 'field-error', role: 'alert' }, errorText(failure)),
      h('button', { type: 'submit', class: 'button wide', disabled: busy || !uploads.ready, id: 'create-ticket' },
        busy ? t('creating') : t('create'))) }));
}
