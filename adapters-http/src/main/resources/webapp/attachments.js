// Picking files: each uploads at once with its progress shown; images get a preview.
import { useState } from 'preact/hooks';
import { upload } from './api.js';
import { formatSize, t } from './i18n.js';
import { errorText, h } from './ui.js';

let counter = 0;

/** [items, add(files), remove(key), clear()]; an item is {key, file, preview, progress, stored, error}. */
export function useUploads() {
  const [items, setItems] = useState([]);
  const update = (key, change) => setItems((all) => all.map((i) => (i.key === key ? { ...i, ...change } : i)));
  const add = (files) => {
    for (const file of files) {
      const key = ++counter;
      const preview = file.type.startsWith('image/') ? URL.createObjectURL(file) : null;
      setItems((all) => [...all, { key, file, preview, progress: 0, stored: null, error: null }]);
      upload(file, (progress) => update(key, { progress })).then(
        (stored) => update(key, { stored, progress: 1 }),
        (error) => update(key, { error }));
    }
  };
  const remove = (key) => setItems((all) => all.filter((i) => i.key !== key));
  return { items, add, remove, clear: () => setItems([]),
    ready: items.every((i) => i.stored || i.error), ids: items.filter((i) => i.stored).map((i) => i.stored.id) };
}

export function AttachmentPicker({ uploads, id }) {
  return h('div', { class: 'attachments' },
    h('label', { class: 'button secondary small file-button', for: id },
      '📎 ', t('attach'),
      h('input', { id, type: 'file', multiple: true, class: 'visually-hidden',
        onChange: (e) => { uploads.add([...e.currentTarget.files]); e.currentTarget.value = ''; } })),
    uploads.items.length > 0 && h('ul', { class: 'uploads' }, uploads.items.map((item) => h('li', { key: item.key, class: 'upload' },
      item.preview ? h('img', { src: item.preview, alt: '', class: 'thumb' }) : h('span', { class: 'thumb file', 'aria-hidden': 'true' }, '📄'),
      h('span', { class: 'upload-name' }, item.file.name, h('small', null, ' ', formatSize(item.file.size))),
      item.error ? h('span', { class: 'field-error', role: 'alert' }, `${t('upload_failed')}: ${errorText(item.error)}`)
        : !item.stored && h('progress', { max: 1, value: item.progress, 'aria-label': `${t('uploading')} ${item.file.name}` }),
      h('button', { type: 'button', class: 'icon-button', 'aria-label': `${t('remove')} ${item.file.name}`,
        onClick: () => uploads.remove(item.key) }, '✕')))));
}
