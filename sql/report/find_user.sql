-- Users whose e-mail address matches, case-insensitively; $1 = e-mail (text). The exact match
-- (if any) first. users.email is unique as written, so addresses differing only by case can
-- belong to different users.
SELECT id, email::text
FROM users
WHERE lower(email) = lower($1::text)
ORDER BY email = $1::text DESC, id;
