-- What the officer recorded when closing a call or conversation (resolved, referred, ...),
-- beside its technical outcome.
ALTER TABLE call_record ADD COLUMN closing VARCHAR(30);
