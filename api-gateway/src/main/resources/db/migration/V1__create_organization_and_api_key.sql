CREATE TABLE organization (
    id         uuid PRIMARY KEY,
    name       text        NOT NULL UNIQUE,
    created_at timestamptz NOT NULL
);

-- secret_hash is the SHA-256 of the whole key. The key itself is never stored.
-- expires_at and revoked_at are null for a key that neither expires nor was revoked.
CREATE TABLE api_key (
    id              uuid PRIMARY KEY,
    organization_id uuid        NOT NULL REFERENCES organization (id),
    name            text        NOT NULL,
    prefix          text        NOT NULL UNIQUE,
    secret_hash     bytea       NOT NULL CHECK (octet_length(secret_hash) = 32),
    scopes          text[]      NOT NULL,
    created_at      timestamptz NOT NULL,
    last_used_at    timestamptz,
    expires_at      timestamptz,
    revoked_at      timestamptz
);

CREATE INDEX api_key_organization_id_idx ON api_key (organization_id);
