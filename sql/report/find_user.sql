-- User id by e-mail address, case-insensitive; $1 = e-mail (text).
SELECT id FROM users WHERE lower(email) = lower($1::text);
