// Texts in Russian and English; the person's Telegram language picks one (ru for ru, uk, be, kk).
const TEXTS = {
  en: {
    app: 'Support desk', skip: 'Skip to content', loading: 'Loading…', retry: 'Try again', back: 'Back', save: 'Save', cancel: 'Cancel',
    error_generic: 'Something went wrong.', error_network: 'No connection to the desk.',
    login_title: 'Support desk', login_lead: 'Log in to see your tickets and talk to the team.',
    login_widget: 'Log in with Telegram', login_no_bot: 'Open this desk from its Telegram bot to log in.',
    login_failed: 'Could not log you in', demo_title: 'Try the demo', demo_lead: 'A seeded desk on this computer. Enter as:',
    role_USER: 'Customer', role_HELPER: 'Helper', role_MODERATOR: 'Moderator', role_ADMIN: 'Admin',
    nav_tickets: 'My tickets', nav_queue: 'Queue', nav_users: 'People', nav_stats: 'Statistics', nav_profile: 'Profile',
    nav_main: 'Sections',
    new_ticket: 'New ticket', search: 'Search', search_tickets: 'Search by text or #number', all: 'All',
    status_OPEN: 'Open', status_IN_PROGRESS: 'In progress', status_WAITING_RESPONSE: 'Waiting for you',
    status_WAITING_RESPONSE_staff: 'Waiting for customer', status_RESOLVED: 'Resolved', status_CLOSED: 'Closed',
    priority: 'Priority', priority_LOW: 'Low', priority_NORMAL: 'Normal', priority_HIGH: 'High', priority_CRITICAL: 'Critical',
    category: 'Category', status: 'Status', assignee: 'Assignee', assignee_any: 'Anyone', assignee_me: 'Me',
    assignee_none: 'Nobody', sort: 'Sort', sort_newest: 'Newest first', sort_updated: 'Recently updated',
    sort_priority: 'Highest priority', sort_oldest: 'Oldest first',
    empty_tickets: 'No tickets yet.', empty_tickets_hint: 'Create one and the team will answer here.',
    empty_filtered: 'Nothing matches these filters.', more: 'Load more', messages_n: (n) => `${n} msg`,
    title: 'Title', description: 'Describe the problem', attachments: 'Attachments', attach: 'Add files',
    remove: 'Remove', create: 'Create ticket', creating: 'Creating…', uploading: 'Uploading', upload_failed: 'Upload failed',
    title_hint: 'In a few words, e.g. "Payment fails"',
    chat_placeholder: 'Message', internal_placeholder: 'Internal note (staff only)', send: 'Send',
    internal_note: 'Internal note', internal_toggle: 'Internal note', typing: (name) => `${name} is typing…`,
    close_ticket: 'Close ticket', reopen: 'Reopen', solved: 'Solved', not_solved: 'Not solved',
    resolved_banner: 'The team marked this ticket resolved. Is your problem solved?',
    closed_banner: 'This ticket is closed.', waiting_banner: 'The team is waiting for your answer.',
    live_lost: 'Connection lost, reconnecting…', no_messages: 'No messages yet.',
    take: 'Take', release: 'Release', conversation: 'Conversation', assign: 'Assign', unassigned: 'Unassigned', history: 'History', details: 'Details',
    history_status: 'status', history_priority: 'priority', history_assigned_to: 'assignee', history_title: 'title',
    by_desk: 'automatically', empty_history: 'No changes yet.', confirm_close: 'Close this ticket?',
    people_search: 'Search by name or @username', role: 'Role', blocked: 'Blocked', active: 'Active', block: 'Block',
    unblock: 'Unblock', tickets_n: (n) => `${n} tickets`, empty_people: 'Nobody found.', you: 'you',
    stats_from: 'From', stats_to: 'To', stats_total: 'Tickets', stats_created_resolved: 'Created and resolved per day',
    stats_created: 'Created', stats_resolved: 'Resolved', stats_by_status: 'By status', stats_by_category: 'By category',
    stats_response: 'First response', stats_resolution: 'Resolution', stats_avg: 'average', stats_median: 'median',
    stats_hours: (h) => (h === null || h === undefined ? '—' : `${h} h`), stats_helpers: 'Per staff member',
    stats_handled: 'handled', stats_avg_response: 'avg. response', stats_by_priority: 'By priority',
    profile_language: 'Language', profile_theme: 'Theme', theme_auto: 'Automatic', theme_light: 'Light', theme_dark: 'Dark',
    logout: 'Log out', first_name: 'First name', last_name: 'Last name', username: 'Username', saved: 'Saved',
    ticket_not_found: 'This ticket does not exist or is not yours.', blocked_account: 'Your account is blocked.',
    created: 'created', updated: 'updated',
  },
  ru: {
    app: 'Поддержка', skip: 'К содержимому', loading: 'Загрузка…', retry: 'Повторить', back: 'Назад', save: 'Сохранить', cancel: 'Отмена',
    error_generic: 'Что-то пошло не так.', error_network: 'Нет связи с сервером.',
    login_title: 'Поддержка', login_lead: 'Войдите, чтобы видеть свои обращения и писать команде.',
    login_widget: 'Войти через Telegram', login_no_bot: 'Откройте поддержку из её Telegram-бота, чтобы войти.',
    login_failed: 'Не удалось войти', demo_title: 'Демо', demo_lead: 'Заполненная поддержка на этом компьютере. Войти как:',
    role_USER: 'Клиент', role_HELPER: 'Сотрудник', role_MODERATOR: 'Модератор', role_ADMIN: 'Администратор',
    nav_tickets: 'Мои обращения', nav_queue: 'Очередь', nav_users: 'Люди', nav_stats: 'Статистика', nav_profile: 'Профиль',
    nav_main: 'Разделы',
    new_ticket: 'Новое обращение', search: 'Поиск', search_tickets: 'Поиск по тексту или #номеру', all: 'Все',
    status_OPEN: 'Открыт', status_IN_PROGRESS: 'В работе', status_WAITING_RESPONSE: 'Ждём вас',
    status_WAITING_RESPONSE_staff: 'Ждём клиента', status_RESOLVED: 'Решён', status_CLOSED: 'Закрыт',
    priority: 'Приоритет', priority_LOW: 'Низкий', priority_NORMAL: 'Обычный', priority_HIGH: 'Высокий', priority_CRITICAL: 'Критичный',
    category: 'Категория', status: 'Статус', assignee: 'Исполнитель', assignee_any: 'Любой', assignee_me: 'Я',
    assignee_none: 'Никто', sort: 'Сортировка', sort_newest: 'Сначала новые', sort_updated: 'Недавно обновлённые',
    sort_priority: 'Сначала важные', sort_oldest: 'Сначала старые',
    empty_tickets: 'Обращений пока нет.', empty_tickets_hint: 'Создайте обращение — команда ответит здесь.',
    empty_filtered: 'Ничего не найдено.', more: 'Показать ещё', messages_n: (n) => `${n} сообщ.`,
    title: 'Тема', description: 'Опишите проблему', attachments: 'Вложения', attach: 'Добавить файлы',
    remove: 'Убрать', create: 'Создать обращение', creating: 'Создаём…', uploading: 'Загрузка', upload_failed: 'Не загрузилось',
    title_hint: 'Коротко, например «Не проходит оплата»',
    chat_placeholder: 'Сообщение', internal_placeholder: 'Внутренняя заметка (видят только сотрудники)', send: 'Отправить',
    internal_note: 'Внутренняя заметка', internal_toggle: 'Внутренняя заметка', typing: (name) => `${name} печатает…`,
    close_ticket: 'Закрыть обращение', reopen: 'Открыть снова', solved: 'Решено', not_solved: 'Не решено',
    resolved_banner: 'Команда отметила обращение решённым. Проблема решена?',
    closed_banner: 'Обращение закрыто.', waiting_banner: 'Команда ждёт вашего ответа.',
    live_lost: 'Связь потеряна, переподключаемся…', no_messages: 'Сообщений пока нет.',
    take: 'Взять', release: 'Снять с себя', conversation: 'Переписка', assign: 'Назначить', unassigned: 'Не назначен', history: 'История', details: 'Детали',
    history_status: 'статус', history_priority: 'приоритет', history_assigned_to: 'исполнитель', history_title: 'тема',
    by_desk: 'автоматически', empty_history: 'Изменений пока нет.', confirm_close: 'Закрыть обращение?',
    people_search: 'Поиск по имени или @username', role: 'Роль', blocked: 'Заблокирован', active: 'Активен', block: 'Заблокировать',
    unblock: 'Разблокировать', tickets_n: (n) => `обращений: ${n}`, empty_people: 'Никого не нашлось.', you: 'вы',
    stats_from: 'С', stats_to: 'По', stats_total: 'Обращений', stats_created_resolved: 'Создано и решено по дням',
    stats_created: 'Создано', stats_resolved: 'Решено', stats_by_status: 'По статусам', stats_by_category: 'По категориям',
    stats_response: 'Первый ответ', stats_resolution: 'Решение', stats_avg: 'в среднем', stats_median: 'медиана',
    stats_hours: (h) => (h === null || h === undefined ? '—' : `${h} ч`), stats_helpers: 'По сотрудникам',
    stats_handled: 'обращений', stats_avg_response: 'ср. ответ', stats_by_priority: 'По приоритетам',
    profile_language: 'Язык', profile_theme: 'Тема', theme_auto: 'Автоматически', theme_light: 'Светлая', theme_dark: 'Тёмная',
    logout: 'Выйти', first_name: 'Имя', last_name: 'Фамилия', username: 'Имя пользователя', saved: 'Сохранено',
    ticket_not_found: 'Такого обращения нет или оно не ваше.', blocked_account: 'Ваш аккаунт заблокирован.',
    created: 'создан', updated: 'обновлён',
  },
};

const RUSSIAN = ['ru', 'uk', 'be', 'kk'];
let current = 'en';

export function pickLanguage(code) {
  const saved = localStorage.getItem('desk.language');
  if (saved === 'ru' || saved === 'en') return saved;
  return RUSSIAN.includes((code || '').slice(0, 2).toLowerCase()) ? 'ru' : 'en';
}

export function useLanguage(code) {
  current = code === 'ru' ? 'ru' : 'en';
  document.documentElement.lang = current;
}

export function lang() { return current; }

/** The text for {@code key}; a function text is called with {@code args}. */
export function t(key, ...args) {
  const text = TEXTS[current][key] ?? TEXTS.en[key] ?? key;
  return typeof text === 'function' ? text(...args) : text;
}

export function formatTime(iso) {
  if (!iso) return '';
  const date = new Date(iso);
  const today = new Date();
  const sameDay = date.toDateString() === today.toDateString();
  return date.toLocaleString(current === 'ru' ? 'ru-RU' : 'en-GB', sameDay
    ? { hour: '2-digit', minute: '2-digit' }
    : { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
}

export function formatSize(bytes) {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
