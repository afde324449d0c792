-- 0001_schema.sql: ProMail Assistant application schema (public), from the seed spec
-- (shared/seed/000_97eac26c3f7a2a9d.txt) corrected by shared/docs/seed-errata.md.
-- Runs in ONE transaction (no CONCURRENTLY); not idempotent: the migrator records it.
-- Timestamps stay TIMESTAMP (without time zone) as in the seed; NOW()/CURRENT_TIMESTAMP
-- stored there become the session-local time, exactly as in the seed.
-- deviation: the seed gives bare VARCHAR; every VARCHAR below gets an explicit, generous length.

-- ---------------------------------------------------------------------------
-- Tables
-- ---------------------------------------------------------------------------

CREATE TABLE users (
    id                 SERIAL PRIMARY KEY,
    email              VARCHAR(255) UNIQUE NOT NULL,
    password_hash      VARCHAR(255) NOT NULL,
    first_name         VARCHAR(100),
    last_name          VARCHAR(100),
    created_at         TIMESTAMP DEFAULT NOW(),
    updated_at         TIMESTAMP DEFAULT NOW(),
    is_active          BOOLEAN DEFAULT TRUE,
    email_verified     BOOLEAN DEFAULT FALSE,
    two_factor_secret  VARCHAR(255),
    two_factor_enabled BOOLEAN DEFAULT FALSE
);

CREATE TABLE emails (
    id          SERIAL PRIMARY KEY,
    -- deviation: ON DELETE CASCADE (errata 8: a user's data goes with the user)
    user_id     INTEGER REFERENCES users(id) ON DELETE CASCADE,
    subject     VARCHAR(500) NOT NULL,
    content     TEXT NOT NULL,
    email_type  VARCHAR(50) NOT NULL,
    recipient   VARCHAR(255),
    company     VARCHAR(255),
    tone        VARCHAR(50),
    urgency     VARCHAR(50),
    is_favorite BOOLEAN DEFAULT FALSE,
    -- deviation: JSONB column (the diagram writes text "JSONB"; errata 7)
    metadata    JSONB,
    created_at  TIMESTAMP DEFAULT NOW(),
    updated_at  TIMESTAMP DEFAULT NOW(),
    sent_at     TIMESTAMP,
    status      VARCHAR(50) DEFAULT 'draft'
);

CREATE TABLE templates (
    id          SERIAL PRIMARY KEY,
    -- deviation: ON DELETE CASCADE (errata 8)
    user_id     INTEGER REFERENCES users(id) ON DELETE CASCADE,
    name        VARCHAR(255) NOT NULL,
    content     TEXT NOT NULL,
    category    VARCHAR(50) NOT NULL,
    is_public   BOOLEAN DEFAULT FALSE,
    -- deviation: JSONB column (the diagram writes text "JSONB"; errata 7)
    metadata    JSONB,
    created_at  TIMESTAMP DEFAULT NOW(),
    updated_at  TIMESTAMP DEFAULT NOW(),
    usage_count INTEGER DEFAULT 0,
    rating      DOUBLE PRECISION DEFAULT 0
);

-- Partitioned log tables. Only the DEFAULT partitions are created here: the seed's dated
-- partitions (login_history_2024_01, email_analytics_2024_w01, ...) are NOT created; promail's
-- partition rotation creates the period partitions (login_history_YYYY_MM monthly,
-- email_analytics_YYYY_wWW ISO weekly) right after migrating, per promail.partition_policy (0002).
-- deviation: declared PARTITION BY RANGE (errata 1: the seed's PARTITION OF fails on a plain table)
CREATE TABLE login_history (
    -- deviation: BIGSERIAL instead of SERIAL (high-volume log table)
    id             BIGSERIAL,
    -- deviation: ON DELETE CASCADE (errata 8)
    user_id        INTEGER REFERENCES users(id) ON DELETE CASCADE,
    -- deviation: NOT NULL, the partition key is part of the primary key (errata 1)
    login_time     TIMESTAMP NOT NULL DEFAULT NOW(),
    -- deviation: INET / TEXT types the diagram names in its comments (errata 7)
    ip_address     INET,
    user_agent     TEXT,
    success        BOOLEAN DEFAULT TRUE,
    failure_reason VARCHAR(255),
    location       VARCHAR(255),
    device_type    VARCHAR(50),
    -- deviation: primary key (id, login_time) since it must contain the partition key (errata 1)
    PRIMARY KEY (id, login_time)
) PARTITION BY RANGE (login_time);

CREATE TABLE login_history_default PARTITION OF login_history DEFAULT;

CREATE TABLE user_preferences (
    id                  SERIAL PRIMARY KEY,
    -- deviation: UNIQUE (one-to-one USERS ||--|| USER_PREFERENCES, errata 7) and ON DELETE CASCADE (errata 8)
    user_id             INTEGER UNIQUE REFERENCES users(id) ON DELETE CASCADE,
    settings            JSONB DEFAULT '{}',
    language            VARCHAR(10) DEFAULT 'fr',
    timezone            VARCHAR(64) DEFAULT 'Europe/Paris',
    email_notifications BOOLEAN DEFAULT TRUE,
    push_notifications  BOOLEAN DEFAULT TRUE,
    updated_at          TIMESTAMP DEFAULT NOW()
);

-- deviation: declared PARTITION BY RANGE (errata 1: the seed's PARTITION OF fails on a plain table)
CREATE TABLE email_analytics (
    -- deviation: BIGSERIAL instead of SERIAL (high-volume log table)
    id          BIGSERIAL,
    -- deviation: ON DELETE CASCADE, analytics follow their email (errata 8)
    email_id    INTEGER REFERENCES emails(id) ON DELETE CASCADE,
    -- deviation: ON DELETE CASCADE (errata 8)
    user_id     INTEGER REFERENCES users(id) ON DELETE CASCADE,
    action      VARCHAR(50) NOT NULL,
    -- deviation: NOT NULL, the partition key is part of the primary key (errata 1)
    action_time TIMESTAMP NOT NULL DEFAULT NOW(),
    -- deviation: JSONB column (the diagram writes text "JSONB"; errata 7)
    metadata    JSONB,
    session_id  VARCHAR(255),
    -- deviation: primary key (id, action_time) since it must contain the partition key (errata 1)
    PRIMARY KEY (id, action_time)
) PARTITION BY RANGE (action_time);

CREATE TABLE email_analytics_default PARTITION OF email_analytics DEFAULT;

CREATE TABLE api_keys (
    id         SERIAL PRIMARY KEY,
    -- deviation: ON DELETE CASCADE (errata 8)
    user_id    INTEGER REFERENCES users(id) ON DELETE CASCADE,
    key_hash   VARCHAR(255) NOT NULL,
    name       VARCHAR(100) NOT NULL,
    is_active  BOOLEAN DEFAULT TRUE,
    created_at TIMESTAMP DEFAULT NOW(),
    last_used  TIMESTAMP,
    expires_at TIMESTAMP
);

-- ---------------------------------------------------------------------------
-- Indexes
-- ---------------------------------------------------------------------------

-- deviation: idx_users_email not created, the UNIQUE constraint on users.email already indexes it
-- deviation: index on lower(email) so the case-insensitive lookup (sql/report/find_user.sql) is indexed too
CREATE INDEX idx_users_email_lower ON users (lower(email));
CREATE INDEX idx_users_created_at ON users(created_at);
CREATE INDEX idx_emails_user_id ON emails(user_id);
CREATE INDEX idx_emails_created_at ON emails(created_at);
CREATE INDEX idx_emails_type ON emails(email_type);
CREATE INDEX idx_emails_favorite ON emails(is_favorite) WHERE is_favorite = true;
CREATE INDEX idx_templates_user_id ON templates(user_id);
CREATE INDEX idx_templates_category ON templates(category);
CREATE INDEX idx_templates_public ON templates(is_public) WHERE is_public = true;
-- On the partitioned parent: every partition (default and rotated ones) gets them.
CREATE INDEX idx_login_history_user_id ON login_history(user_id);
CREATE INDEX idx_login_history_time ON login_history(login_time);
-- deviation: indexes for the foreign keys lacking one, so cascading deletes do not scan
CREATE INDEX idx_email_analytics_email_id ON email_analytics(email_id);
-- deviation: indexes for the foreign keys lacking one, so cascading deletes do not scan
CREATE INDEX idx_email_analytics_user_id ON email_analytics(user_id);
-- deviation: indexes for the foreign keys lacking one, so cascading deletes do not scan
CREATE INDEX idx_api_keys_user_id ON api_keys(user_id);

-- Full-text search (french)
CREATE INDEX idx_emails_content_fts ON emails USING gin(to_tsvector('french', content));
CREATE INDEX idx_templates_content_fts ON templates USING gin(to_tsvector('french', content));

-- ---------------------------------------------------------------------------
-- CHECK constraints (as in the seed; tone/urgency accept NULL by SQL semantics)
-- ---------------------------------------------------------------------------

ALTER TABLE users ADD CONSTRAINT chk_email_format CHECK (email ~* '^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$');
ALTER TABLE emails ADD CONSTRAINT chk_email_type CHECK (email_type IN ('commercial', 'relance', 'rendez_vous', 'reclamation', 'remerciement', 'information'));
ALTER TABLE emails ADD CONSTRAINT chk_tone CHECK (tone IN ('formel', 'informel', 'amical', 'professionnel'));
ALTER TABLE emails ADD CONSTRAINT chk_urgency CHECK (urgency IN ('faible', 'normale', 'elevee', 'urgente'));
ALTER TABLE templates ADD CONSTRAINT chk_category CHECK (category IN ('commercial', 'rh', 'client', 'fournisseur', 'general'));

-- ---------------------------------------------------------------------------
-- updated_at trigger
-- ---------------------------------------------------------------------------

CREATE OR REPLACE FUNCTION update_updated_at_column()
RETURNS TRIGGER AS $$
BEGIN
    NEW.updated_at = CURRENT_TIMESTAMP;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER update_users_updated_at BEFORE UPDATE ON users
    FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();

CREATE TRIGGER update_emails_updated_at BEFORE UPDATE ON emails
    FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();

CREATE TRIGGER update_templates_updated_at BEFORE UPDATE ON templates
    FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();

-- deviation: user_preferences has updated_at too, so it gets the same trigger
CREATE TRIGGER update_user_preferences_updated_at BEFORE UPDATE ON user_preferences
    FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();

-- ---------------------------------------------------------------------------
-- Report views
-- ---------------------------------------------------------------------------

-- deviation: each child table is aggregated on its own before the join (errata 6: the seed's side-by-side joins multiply counts)
CREATE VIEW user_stats AS
SELECT
    u.id,
    u.email,
    u.first_name,
    u.last_name,
    COALESCE(e.total_emails, 0) AS total_emails,
    COALESCE(e.favorite_emails, 0) AS favorite_emails,
    COALESCE(t.total_templates, 0) AS total_templates,
    e.last_email_date,
    lh.last_login
FROM users u
LEFT JOIN (
    SELECT user_id,
           COUNT(id) AS total_emails,
           COUNT(CASE WHEN is_favorite = true THEN 1 END) AS favorite_emails,
           MAX(created_at) AS last_email_date
    FROM emails
    GROUP BY user_id
) e ON e.user_id = u.id
LEFT JOIN (
    SELECT user_id, COUNT(id) AS total_templates
    FROM templates
    GROUP BY user_id
) t ON t.user_id = u.id
LEFT JOIN (
    SELECT user_id, MAX(login_time) AS last_login
    FROM login_history
    WHERE success = true
    GROUP BY user_id
) lh ON lh.user_id = u.id;

CREATE VIEW email_type_performance AS
SELECT
    email_type,
    COUNT(*) AS total_generated,
    AVG(LENGTH(content)) AS avg_length,
    COUNT(CASE WHEN is_favorite = true THEN 1 END) AS favorites,
    AVG(EXTRACT(EPOCH FROM (updated_at - created_at))) AS avg_generation_time
FROM emails
GROUP BY email_type;

-- deviation: each child table is aggregated on its own before the join (errata 6)
CREATE VIEW user_activity AS
SELECT
    u.id,
    u.email,
    COALESCE(e.active_days, 0) AS active_days,
    COALESCE(e.emails_generated, 0) AS emails_generated,
    COALESCE(lh.login_count, 0) AS login_count,
    lh.last_activity
FROM users u
LEFT JOIN (
    SELECT user_id,
           COUNT(DISTINCT DATE(created_at)) AS active_days,
           COUNT(id) AS emails_generated
    FROM emails
    GROUP BY user_id
) e ON e.user_id = u.id
LEFT JOIN (
    SELECT user_id, COUNT(id) AS login_count, MAX(login_time) AS last_activity
    FROM login_history
    WHERE success = true
    GROUP BY user_id
) lh ON lh.user_id = u.id;

-- ---------------------------------------------------------------------------
-- Functions
-- ---------------------------------------------------------------------------

-- Retention: login_history 90 days, email_analytics 30 days (as in the seed). Row-by-row DELETE;
-- promail's partition rotation drops whole expired partitions, which is far cheaper.
-- deviation: RETURNS TABLE(table_name, deleted_rows) instead of void, so callers can report what was removed
CREATE OR REPLACE FUNCTION cleanup_old_logs()
RETURNS TABLE(table_name TEXT, deleted_rows BIGINT) AS $$
DECLARE
    n BIGINT;
BEGIN
    DELETE FROM login_history
    WHERE login_time < CURRENT_TIMESTAMP - INTERVAL '90 days';
    GET DIAGNOSTICS n = ROW_COUNT;
    table_name := 'login_history';
    deleted_rows := n;
    RETURN NEXT;

    DELETE FROM email_analytics
    WHERE action_time < CURRENT_TIMESTAMP - INTERVAL '30 days';
    GET DIAGNOSTICS n = ROW_COUNT;
    table_name := 'email_analytics';
    deleted_rows := n;
    RETURN NEXT;
END;
$$ LANGUAGE plpgsql;

-- One row for an existing user, no row for an unknown id; last_activity = last successful login.
-- deviation: each child table is aggregated on its own in a LATERAL subquery (errata 6)
CREATE OR REPLACE FUNCTION get_user_statistics(user_id_param INTEGER)
RETURNS TABLE(
    total_emails BIGINT,
    favorite_emails BIGINT,
    total_templates BIGINT,
    avg_email_length NUMERIC,
    most_used_type VARCHAR,
    last_activity TIMESTAMP
) AS $$
BEGIN
    RETURN QUERY
    SELECT
        e.n_emails,
        e.n_favorites,
        t.n_templates,
        e.avg_len,
        mt.email_type::VARCHAR,
        lh.last_login
    FROM users u
    CROSS JOIN LATERAL (
        SELECT COUNT(em.id)::BIGINT AS n_emails,
               COUNT(CASE WHEN em.is_favorite = true THEN 1 END)::BIGINT AS n_favorites,
               AVG(LENGTH(em.content))::NUMERIC AS avg_len
        FROM emails em
        WHERE em.user_id = u.id
    ) e
    CROSS JOIN LATERAL (
        SELECT COUNT(tp.id)::BIGINT AS n_templates
        FROM templates tp
        WHERE tp.user_id = u.id
    ) t
    CROSS JOIN LATERAL (
        SELECT MAX(l.login_time) AS last_login
        FROM login_history l
        WHERE l.user_id = u.id AND l.success = true
    ) lh
    LEFT JOIN LATERAL (
        SELECT em.email_type
        FROM emails em
        WHERE em.user_id = u.id
        GROUP BY em.email_type
        -- deviation: ties broken by email_type so the answer is deterministic
        ORDER BY COUNT(*) DESC, em.email_type
        LIMIT 1
    ) mt ON true
    WHERE u.id = user_id_param;
END;
$$ LANGUAGE plpgsql;
