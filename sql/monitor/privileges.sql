-- What the current role may see: superuser, member of pg_monitor.
SELECT r.rolsuper, pg_catalog.pg_has_role(current_user, 'pg_monitor', 'USAGE')
FROM pg_catalog.pg_roles r WHERE r.rolname = current_user
