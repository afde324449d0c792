-- `partitions policy set`: change what was given, keep the rest; returns the row as stored.
--   $1 table   $2 premake (NULL: keep)   $3 set retention?   $4 retention (NULL: keep forever)
--   $5 action (NULL: keep)
UPDATE promail.partition_policy
SET premake          = coalesce($2::int, premake),
    retention        = CASE WHEN $3::bool THEN $4::text::interval ELSE retention END,
    retention_action = coalesce($5::text, retention_action),
    updated_at       = now()
WHERE parent_table = $1::text
RETURNING parent_table;
