-- Until commands were retried inside their own savepoint, a command retried after a lost race answered 201 with the
-- content type of the lost attempt's problem (application/problem+json), and that is what was stored for replays.
-- The stored bodies are the command's JSON answers: give them their true content type.
UPDATE idempotency_key
   SET content_type = 'application/json'
 WHERE status BETWEEN 200 AND 299
   AND content_type LIKE 'application/problem+json%';
