-- People who use the desk, customers and staff alike. One row per Telegram account.
CREATE TABLE users (
    id             uuid        PRIMARY KEY,
    telegram_id    bigint      NOT NULL UNIQUE CHECK (telegram_id > 0),
    username       text,
    first_name     text        NOT NULL,
    last_name      text,
    language_code  text,
    role           text        NOT NULL CHECK (role IN ('USER', 'HELPER', 'MODERATOR', 'ADMIN')),
    is_active      boolean     NOT NULL DEFAULT true,
    created_at     timestamptz NOT NULL,
    updated_at     timestamptz NOT NULL,
    last_login_at  timestamptz
);

-- Secrets the service generates for itself when the operator gives none (the JWT key).
CREATE TABLE service_secrets (
    name        text        PRIMARY KEY,
    value       text        NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);
