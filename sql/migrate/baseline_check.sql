-- What `db baseline` expects of a database created by hand from the seed, and does not find:
-- one row per missing object (kind, name), in the order they are reported.
-- $1 = the version being adopted (int4): version 2 adds promail.partition_policy.
SELECT kind, name FROM (
    -- The seven tables.
    SELECT 1 AS ord, n, 'table' AS kind, t AS name
    FROM unnest(ARRAY['users', 'emails', 'templates', 'login_history', 'user_preferences',
                      'email_analytics', 'api_keys']) WITH ORDINALITY AS x(t, n)
    WHERE to_regclass(quote_ident(t)) IS NULL
    UNION ALL
    -- Their key columns (those the views, functions, reports and partitioning use).
    SELECT 2, n, 'column', t || '.' || c
    FROM (VALUES
        ('users', 'email', 1), ('users', 'password_hash', 2), ('users', 'created_at', 3),
        ('emails', 'user_id', 4), ('emails', 'email_type', 5), ('emails', 'content', 6),
        ('emails', 'is_favorite', 7), ('emails', 'created_at', 8),
        ('templates', 'user_id', 9), ('templates', 'category', 10),
        ('login_history', 'user_id', 11), ('login_history', 'login_time', 12),
        ('login_history', 'success', 13),
        ('user_preferences', 'user_id', 14), ('user_preferences', 'settings', 15),
        ('email_analytics', 'email_id', 16), ('email_analytics', 'user_id', 17),
        ('email_analytics', 'action', 18), ('email_analytics', 'action_time', 19),
        ('api_keys', 'user_id', 20), ('api_keys', 'key_hash', 21)
    ) AS x(t, c, n)
    WHERE to_regclass(quote_ident(t)) IS NOT NULL
      AND NOT EXISTS (
          SELECT 1 FROM pg_attribute a
          WHERE a.attrelid = to_regclass(quote_ident(t)) AND a.attname = c
            AND a.attnum > 0 AND NOT a.attisdropped)
    UNION ALL
    -- The log tables are range-partitioned (errata 1), so that retention can drop partitions.
    SELECT 3, n, 'unpartitioned', t
    FROM unnest(ARRAY['login_history', 'email_analytics']) WITH ORDINALITY AS x(t, n)
    WHERE to_regclass(quote_ident(t)) IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM pg_partitioned_table p
                      WHERE p.partrelid = to_regclass(quote_ident(t)))
    UNION ALL
    -- The report views.
    SELECT 4, n, 'view', v
    FROM unnest(ARRAY['user_stats', 'email_type_performance', 'user_activity'])
         WITH ORDINALITY AS x(v, n)
    WHERE NOT EXISTS (SELECT 1 FROM pg_class c
                      WHERE c.oid = to_regclass(quote_ident(v)) AND c.relkind IN ('v', 'm'))
    UNION ALL
    -- The functions.
    SELECT 5, n, 'function', f
    FROM unnest(ARRAY['get_user_statistics(integer)', 'cleanup_old_logs()',
                      'update_updated_at_column()']) WITH ORDINALITY AS x(f, n)
    WHERE to_regprocedure(f) IS NULL
    UNION ALL
    SELECT 6, 1, 'table', 'promail.partition_policy'
    WHERE $1::int4 >= 2 AND to_regclass('promail.partition_policy') IS NULL
) missing
ORDER BY ord, n;
