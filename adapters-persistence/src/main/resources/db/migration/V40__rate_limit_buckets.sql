-- Shared rate-limit budgets (generic cell rate algorithm): one row per bucket, holding the time
-- after which the bucket is full again, in microseconds since the epoch. Every instance on this
-- database spends from the same rows, and the budgets survive restarts.
CREATE TABLE rate_limit_buckets (
    bucket         text PRIMARY KEY,
    arrival_micros bigint NOT NULL
);
