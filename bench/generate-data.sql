-- Fills an already-migrated ticket desk database with realistic bulk data, set-based.
--
--   psql "$URL" -X -v ON_ERROR_STOP=1 -v tickets=1000000 -v messages=0 -f bench/generate-data.sql
--
-- Variables (all optional): tickets (1000000), messages (0), users (2000), seed (0.42), and
-- step: 'all' (default) does everything in this session; bench/generate-data.sh instead runs
-- 'prepare' once, then 'load' in several sessions at once (worker = 0 .. workers-1, each
-- inserting the rows whose number modulo workers is worker), then 'finish' once.
--   prepare: people and categories; the tickets and messages to come, staged in unlogged
--            bench_gen_* tables without their text; the keys, indexes and foreign keys of
--            tickets and messages (and those pointing at them) saved in bench_gen_ddl and dropped
--   load:    inserts the staged tickets and messages, with their text
--   finish:  rebuilds what was dropped (sorted index builds, one validating join per foreign
--            key: far cheaper than millions of row-by-row index updates and checks), drops the
--            staging tables, VACUUM (ANALYZE)
-- Not one transaction: if a step fails, start again on a fresh database (or run 'finish' to
-- get the keys back). Other sessions should keep off the tables meanwhile.
-- Adds to what is there: generated people get Telegram ids from 1,000,000,000 up (after any
-- earlier run), far from the small ids used for manual logins. Ten categories are added once.
-- Every ticket counter (messages_count, public_messages_count, last_message_at,
-- last_public_message_at) matches the generated messages. The generated columns priority_rank
-- and search_vector are left to PostgreSQL.
\set ON_ERROR_STOP on
\if :{?tickets}
\else
\set tickets 1000000
\endif
\if :{?messages}
\else
\set messages 0
\endif
\if :{?users}
\else
\set users 2000
\endif
\if :{?seed}
\else
\set seed 0.42
\endif
\if :{?step}
\else
\set step all
\endif
\if :{?workers}
\else
\set workers 1
\endif
\if :{?worker}
\else
\set worker 0
\endif
SELECT :'step' IN ('all', 'prepare') AS do_prepare, :'step' IN ('all', 'load') AS do_load,
       :'step' IN ('all', 'finish') AS do_finish, :'step' IN ('all', 'prepare', 'load', 'finish') AS known_step \gset
\if :known_step
\else
\warn 'step must be all, prepare, load or finish'
\quit
\endif
SET client_min_messages = warning;
SET work_mem = '256MB';
SET maintenance_work_mem = '1GB';
SET synchronous_commit = off;
SET jit = off;
\timing on
\if :do_prepare
\echo prepare: people
SELECT setseed(:seed) AS seeded \gset

-- One reference time for the whole run, so that nothing is generated in the future.
SELECT now() AS t0, extract(epoch FROM now())::bigint AS t0e \gset

-- People ------------------------------------------------------------------------------------
-- 90 % customers, 6 % HELPER, 3 % MODERATOR, 1 % ADMIN.
CREATE UNLOGGED TABLE bench_gen_users AS
SELECT g AS n,
       gen_random_uuid() AS id,
       base.last_id + g AS telegram_id,
       CASE WHEN g % 100 < 90 THEN 'USER' WHEN g % 100 < 96 THEN 'HELPER'
            WHEN g % 100 < 99 THEN 'MODERATOR' ELSE 'ADMIN' END AS role
FROM (SELECT coalesce(max(telegram_id), 999999999) AS last_id FROM users WHERE telegram_id >= 1000000000) base,
     generate_series(1, :users) g;

INSERT INTO users (id, telegram_id, username, first_name, last_name, language_code, role, is_active,
                   created_at, updated_at, last_login_at)
SELECT id, telegram_id,
       CASE WHEN r_user < 0.7 THEN 'user_' || telegram_id END,
       (ARRAY['Анна', 'Иван', 'Мария', 'Алексей', 'Ольга', 'Дмитрий', 'Елена', 'Сергей', 'Наталья',
              'Павел', 'John', 'Emma', 'Liam', 'Olivia', 'Noah', 'Sofia', 'Lucas', 'Mia'])[1 + floor(r_first * 18)::int],
       CASE WHEN r_last < 0.6 THEN
           (ARRAY['Иванов', 'Петрова', 'Смирнов', 'Кузнецова', 'Попов', 'Соколова', 'Smith', 'Brown',
                  'Garcia', 'Müller'])[1 + floor(r_last / 0.6 * 10)::int] END,
       CASE WHEN r_lang < 0.7 THEN 'ru' WHEN r_lang < 0.95 THEN 'en' END,
       role,
       r_active > 0.03,
       created_at, created_at,
       created_at + (:'t0'::timestamptz - created_at) * r_login
FROM (SELECT u.*, random() AS r_user, random() AS r_first, random() AS r_last, random() AS r_lang,
             random() AS r_active, random() AS r_login,
             -- everyone signed up before the oldest ticket
             :'t0'::timestamptz - interval '731 days' - interval '100 days' * random() AS created_at
      FROM bench_gen_users u) s;

CREATE UNLOGGED TABLE bench_gen_customers AS
SELECT row_number() OVER (ORDER BY n)::int AS k, id FROM bench_gen_users WHERE role = 'USER';
CREATE UNLOGGED TABLE bench_gen_staff AS
SELECT row_number() OVER (ORDER BY n)::int AS k, id FROM bench_gen_users WHERE role <> 'USER';
CREATE UNIQUE INDEX ON bench_gen_customers (k);
CREATE UNIQUE INDEX ON bench_gen_staff (k);
SELECT count(*) AS customers FROM bench_gen_customers \gset
SELECT count(*) AS staff FROM bench_gen_staff \gset

\echo prepare: categories
-- Categories: ten more besides the two seeded ones, three of them retired ---------------------
INSERT INTO categories (id, name, description, icon, color, is_active, sort_order, created_at, updated_at)
SELECT gen_random_uuid(), name, description, icon, color, active, 10 + ord, :'t0'::timestamptz - interval '800 days',
       :'t0'::timestamptz - interval '800 days'
FROM (SELECT v.*, row_number() OVER () AS ord FROM (VALUES ('Аккаунт и вход', 'Login, пароль, двухфакторная аутентификация', '🔑', '#5c7cfa', true),
             ('Возврат средств', 'Refunds и отмена платежей', '💸', '#f59f00', true),
             ('Уведомления', 'Push и Telegram notifications', '🔔', '#15aabf', true),
             ('Мобильное приложение', 'iOS и Android', '📱', '#40c057', true),
             ('Интеграции и API', 'Webhooks, API keys, integrations', '🧩', '#7950f2', true),
             ('Предложения', 'Feature requests и идеи', '💡', '#fab005', true),
             ('Безопасность', 'Security reports', '🛡', '#e03131', true),
             ('Legacy billing', 'Старая система оплаты', '🧾', '#868e96', false),
             ('Beta program', 'Бета-тестирование', '🧪', '#adb5bd', false),
             ('Партнёрская программа', 'Affiliates', '🤝', '#495057', false))
         AS v(name, description, icon, color, active)) c
ON CONFLICT ((lower(name))) DO NOTHING;

CREATE UNLOGGED TABLE bench_gen_categories AS
SELECT row_number() OVER (ORDER BY is_active DESC, sort_order, name)::int AS k, id FROM categories;
CREATE UNIQUE INDEX ON bench_gen_categories (k);
SELECT count(*) AS categories FROM bench_gen_categories \gset

\echo prepare: staging tickets
-- Tickets, without their text yet --------------------------------------------------------------
-- Spread over two years, more of them recent. Tickets older than two weeks are mostly closed;
-- recent ones are in every state. About 30 % are unassigned (never one in progress).
-- (OFFSET 0 keeps each level computed once, instead of inlining the expressions many times.)
CREATE UNLOGGED TABLE bench_gen_tickets AS
SELECT n, gen_random_uuid() AS id, number_base + n AS number, to_timestamp(created) AS created_at,
       -- the service closes tickets RESOLVED for a week (AUTO_CLOSE_AFTER): older ones are CLOSED already
       CASE WHEN status = 'RESOLVED' AND resolved < :t0e - 6 * 86400 THEN 'CLOSED' ELSE status END AS status,
       priority, author_k, cat_k,
       CASE WHEN status = 'IN_PROGRESS' OR r_assign >= 0.3 THEN 1 + floor(r_staff * :staff)::int END AS assignee_k,
       to_timestamp(resolved) AS resolved_at,
       CASE WHEN status = 'CLOSED' OR resolved < :t0e - 6 * 86400
            THEN to_timestamp(least(resolved + 7 * 86400, :t0e)) END AS closed_at,
       -- messages fall between the creation and the resolution (or a month later, or now)
       least(coalesce(resolved, :t0e), created + 30 * 86400) AS talk_until,
       created
FROM (SELECT s.*,
             CASE WHEN status IN ('RESOLVED', 'CLOSED')
                  THEN created + (least(:t0e, created + 10 * 86400) - created) * (0.05 + 0.95 * r_life)
             END AS resolved
      FROM (SELECT a.*,
                   CASE WHEN created < :t0e - 14 * 86400 THEN
                            CASE WHEN r_status < 0.88 THEN 'CLOSED' WHEN r_status < 0.92 THEN 'RESOLVED'
                                 WHEN r_status < 0.95 THEN 'OPEN' WHEN r_status < 0.98 THEN 'IN_PROGRESS'
                                 ELSE 'WAITING_RESPONSE' END
                        ELSE
                            CASE WHEN r_status < 0.30 THEN 'OPEN' WHEN r_status < 0.55 THEN 'IN_PROGRESS'
                                 WHEN r_status < 0.70 THEN 'WAITING_RESPONSE' WHEN r_status < 0.85 THEN 'RESOLVED'
                                 ELSE 'CLOSED' END
                   END AS status,
                   CASE WHEN r_prio < 0.20 THEN 'LOW' WHEN r_prio < 0.75 THEN 'NORMAL'
                        WHEN r_prio < 0.95 THEN 'HIGH' ELSE 'CRITICAL' END AS priority,
                   -- a few customers write a lot, most write a little
                   1 + floor(r_author * r_author * :customers)::int AS author_k,
                   -- active categories first and more popular
                   1 + floor(power(r_cat, 1.5) * :categories)::int AS cat_k
            -- ticket n is the n-th oldest: creation times (epoch seconds, whole) follow n, denser
            -- towards now, so no sort is needed
            FROM (SELECT g AS n, floor(:t0e - 730 * 86400 * (1 - sqrt((g - 0.5) / :tickets))) AS created,
                         random() AS r_status, random() AS r_prio, random() AS r_author, random() AS r_cat,
                         random() AS r_assign, random() AS r_staff, random() AS r_life
                  FROM generate_series(1, :tickets) g OFFSET 0) a OFFSET 0) s OFFSET 0) t,
     -- ticket numbers (V15) continue after those already there, in creation order like a live desk's
     (SELECT coalesce(max(number), 0) AS number_base FROM tickets) base;
CREATE UNIQUE INDEX ON bench_gen_tickets (n);

\echo prepare: staging messages
-- Messages (none by default) ------------------------------------------------------------------
-- Each goes to a random ticket, after its creation; 15 % are internal notes by staff; public
-- ones come from the author (55 %) or staff (the assignee when there is one).
CREATE UNLOGGED TABLE bench_gen_messages AS
SELECT m.n, t.n AS ticket_n, m.r_internal < 0.15 AS is_internal,
       CASE WHEN m.r_internal >= 0.15 AND m.r_author < 0.55 THEN 0
            ELSE coalesce(t.assignee_k, 1 + floor(m.r_staff * :staff)::int) END AS staff_k,
       to_timestamp(t.created + 1 + greatest(t.talk_until - t.created - 1, 0) * m.r_time) AS created_at,
       m.r_text
FROM (SELECT g AS n, 1 + floor(random() * :tickets)::int AS ticket_n, random() AS r_internal,
             random() AS r_author, random() AS r_staff, random() AS r_time, random() AS r_text
      FROM generate_series(1, :messages) g) m
JOIN bench_gen_tickets t ON t.n = m.ticket_n;

CREATE UNLOGGED TABLE bench_gen_counters AS
SELECT ticket_n,
       count(*)::int AS messages_count,
       (count(*) FILTER (WHERE NOT is_internal))::int AS public_messages_count,
       max(created_at) AS last_message_at,
       max(created_at) FILTER (WHERE NOT is_internal) AS last_public_message_at
FROM bench_gen_messages
GROUP BY ticket_n;
CREATE UNIQUE INDEX ON bench_gen_counters (ticket_n);
ANALYZE bench_gen_tickets;
ANALYZE bench_gen_messages;
ANALYZE bench_gen_counters;

-- What the load would otherwise update row by row, saved to be rebuilt by 'finish'.
CREATE UNLOGGED TABLE bench_gen_ddl AS
SELECT 'pk' AS kind, conrelid::regclass::text AS tbl, quote_ident(conname) AS name, pg_get_constraintdef(oid) AS def
FROM pg_constraint
WHERE contype = 'p' AND conrelid IN ('tickets'::regclass, 'messages'::regclass)
UNION ALL
SELECT 'index', i.indrelid::regclass::text, i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid)
FROM pg_index i
WHERE i.indrelid IN ('tickets'::regclass, 'messages'::regclass)
  AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid AND k.conrelid = i.indrelid)
UNION ALL
SELECT 'fk', conrelid::regclass::text, quote_ident(conname), pg_get_constraintdef(oid)
FROM pg_constraint
WHERE contype = 'f' AND (conrelid IN ('tickets'::regclass, 'messages'::regclass)
                         OR confrelid IN ('tickets'::regclass, 'messages'::regclass));
SELECT format('ALTER TABLE %s DROP CONSTRAINT %s', tbl, name) FROM bench_gen_ddl WHERE kind = 'fk' \gexec
SELECT format('ALTER TABLE %s DROP CONSTRAINT %s', tbl, name) FROM bench_gen_ddl WHERE kind = 'pk' \gexec
SELECT format('DROP INDEX %s', name) FROM bench_gen_ddl WHERE kind = 'index' \gexec
\endif

\if :do_load

\echo load :worker/:workers: tickets
-- The tickets, in creation order as a live desk writes them ------------------------------------
INSERT INTO tickets (id, number, title, description, status, priority, category_id, author_id, assignee_id,
                     created_at, updated_at, resolved_at, closed_at, last_activity_at, version,
                     messages_count, public_messages_count, last_message_at, last_public_message_at)
SELECT t.id, t.number,
       (ARRAY['Не проходит оплата', 'Ошибка при оплате картой', 'Не приходит код подтверждения',
              'Вопрос по подписке', 'Прошу вернуть деньги', 'Приложение вылетает', 'Не могу войти в аккаунт',
              'Списали деньги дважды', 'Не приходят уведомления', 'Долго загружается лента',
              'Как сменить тариф', 'Бот не отвечает', 'Ошибка синхронизации', 'Пропали данные',
              'Payment failed', 'Card was declined', 'Refund request', 'Subscription renewal question',
              'App crashes on startup', 'Cannot log in', 'Charged twice', 'Notifications not working',
              'Feed is loading slowly', 'How do I change my plan', 'Bot does not respond', 'Sync error',
              'Data disappeared', 'Mini App does not open'])[1 + floor(random() * 28)::int]
       || ' ' ||
       (ARRAY['на iOS', 'на Android', 'в Telegram Desktop', 'после обновления', 'картой Visa', 'через СБП',
              'с вчерашнего дня', 'on iPhone', 'with PayPal', 'in the web version', 'since the last update',
              'again'])[1 + floor(random() * 12)::int],
       'Здравствуйте! '
       || (ARRAY['Оплата не проходит уже второй день, банк говорит что всё в порядке.',
                 'После обновления приложение закрывается сразу после запуска.',
                 'Код подтверждения не приходит ни по SMS, ни в Telegram.',
                 'Подписка продлилась автоматически, хотя я её отключал.',
                 'Деньги списались, а подписка не активировалась.',
                 'Не могу войти: пишет неверный пароль, хотя я его только что сменил.',
                 'The payment page shows an error and the card is charged anyway.',
                 'The app crashes every time I open the settings screen.',
                 'I would like a refund for the last month, I did not use the service.',
                 'Notifications stopped working after I changed my phone.',
                 'The Mini App shows a blank screen in Telegram Desktop.',
                 'My data from last week is gone after the sync.'])[1 + floor(random() * 12)::int]
       || ' '
       || (ARRAY['Пробовал переустановить, не помогло.', 'Скриншот прикладываю.', 'Помогите, пожалуйста, срочно.',
                 'Версия приложения последняя.', 'Tried reinstalling, did not help.', 'Screenshot attached.',
                 'Please help, this is urgent.', 'Using the latest version.'])[1 + floor(random() * 8)::int]
       -- a rare code, for searches that match a few hundred tickets
       || CASE WHEN random() < 0.002 THEN ' Код ошибки E1042.' ELSE '' END,
       t.status, t.priority, t.category_id, t.author_id, t.assignee_id,
       t.created_at, t.updated_at, t.resolved_at, t.closed_at, t.updated_at, t.version,
       t.messages_count, t.public_messages_count, t.last_message_at, t.last_public_message_at
-- sorted before the text is made, so that the sort stays narrow
FROM (SELECT t.id, t.n, t.number, t.status, t.priority, cat.id AS category_id, cust.id AS author_id, staff.id AS assignee_id,
             t.created_at, t.resolved_at, t.closed_at,
             greatest(t.created_at, t.resolved_at, t.closed_at, c.last_message_at) AS updated_at,
             CASE t.status WHEN 'OPEN' THEN 0 WHEN 'CLOSED' THEN 3 ELSE 2 END
                 + (staff.id IS NOT NULL)::int AS version,
             coalesce(c.messages_count, 0) AS messages_count,
             coalesce(c.public_messages_count, 0) AS public_messages_count,
             c.last_message_at, c.last_public_message_at
      FROM bench_gen_tickets t
      JOIN bench_gen_customers cust ON cust.k = t.author_k
      JOIN bench_gen_categories cat ON cat.k = t.cat_k
      LEFT JOIN bench_gen_staff staff ON staff.k = t.assignee_k
      LEFT JOIN bench_gen_counters c ON c.ticket_n = t.n
      WHERE t.n % :workers = :worker
      ORDER BY t.n) t;

\echo load :worker/:workers: messages
INSERT INTO messages (id, ticket_id, author_id, content, is_internal, created_at)
SELECT gen_random_uuid(), t.id,
       CASE WHEN m.staff_k = 0 THEN cust.id ELSE staff.id END,
       CASE WHEN m.is_internal THEN
           (ARRAY['Проверил логи платёжки, транзакция в статусе pending.', 'Escalating to the backend team.',
                  'Похоже на дубль тикета, уточняю.', 'Known issue, fix in next release.'])[1 + floor(m.r_text * 4)::int]
       WHEN m.staff_k = 0 THEN
           (ARRAY['Спасибо, жду ответа.', 'Всё ещё не работает.', 'Оплата прошла, спасибо!', 'Вот скриншот ошибки.',
                  'Thanks, waiting for your reply.', 'Still not working.', 'It works now, thank you!',
                  'Here is a screenshot.'])[1 + floor(m.r_text * 8)::int]
       ELSE
           (ARRAY['Здравствуйте! Уточните, пожалуйста, версию приложения.', 'Мы вернули средства, они придут в течение 3 дней.',
                  'Попробуйте выйти и войти снова.', 'Hello! Could you tell us your app version?',
                  'We have refunded the payment, it takes up to 3 days.', 'Please log out and log in again.'])[1 + floor(m.r_text * 6)::int]
       END,
       m.is_internal, m.created_at
FROM bench_gen_messages m
JOIN bench_gen_tickets t ON t.n = m.ticket_n
JOIN bench_gen_customers cust ON cust.k = t.author_k
LEFT JOIN bench_gen_staff staff ON staff.k = m.staff_k
WHERE m.n % :workers = :worker
ORDER BY m.created_at, m.n;

\endif

\if :do_finish
\echo finish: keys, indexes and foreign keys
SELECT format('ALTER TABLE %s ADD CONSTRAINT %s %s', tbl, name, def) FROM bench_gen_ddl WHERE kind = 'pk' \gexec
SELECT def FROM bench_gen_ddl WHERE kind = 'index' \gexec
SELECT format('ALTER TABLE %s ADD CONSTRAINT %s %s', tbl, name, def) FROM bench_gen_ddl WHERE kind = 'fk' \gexec
-- the numbers were given here, not by the sequence: new tickets continue after the last one
SELECT setval('ticket_number_seq', max(number)) FROM tickets HAVING max(number) IS NOT NULL;
DROP TABLE bench_gen_ddl, bench_gen_messages, bench_gen_counters, bench_gen_tickets, bench_gen_categories,
           bench_gen_staff, bench_gen_customers, bench_gen_users;

\echo finish: vacuum and analyze
-- Fresh statistics, and a visibility map so that counts can be index-only scans.
VACUUM (ANALYZE) tickets;
VACUUM (ANALYZE) messages;
ANALYZE users;
ANALYZE categories;

SELECT (SELECT count(*) FROM users) AS users, (SELECT count(*) FROM categories) AS categories,
       (SELECT count(*) FROM tickets) AS tickets, (SELECT count(*) FROM messages) AS messages;
\endif
