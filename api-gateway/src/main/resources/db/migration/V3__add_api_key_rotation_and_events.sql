-- Rotation keeps the key's id and prefix and gives it a new secret. The hash of the secret it replaced stays valid
-- until previous_secret_expires_at, the end of the grace period, so clients can switch without an outage.
ALTER TABLE api_key
    ADD COLUMN rotated_at                 timestamptz,
    ADD COLUMN previous_secret_hash       bytea CHECK (octet_length(previous_secret_hash) = 32),
    ADD COLUMN previous_secret_expires_at timestamptz,
    ADD CONSTRAINT api_key_previous_secret_complete
        CHECK ((previous_secret_hash IS NULL) = (previous_secret_expires_at IS NULL));

-- One row per change of a key, for auditors. actor_api_key_id is the key that made the change through the API;
-- it is null when an operator made it on the command line. details never contains a key or a hash.
CREATE TABLE api_key_event (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    organization_id  uuid        NOT NULL REFERENCES organization (id),
    api_key_id       uuid        NOT NULL REFERENCES api_key (id),
    type             text        NOT NULL CHECK (type IN ('CREATED', 'ROTATED', 'REVOKED', 'EXPIRY_CHANGED')),
    actor_type       text        NOT NULL CHECK (actor_type IN ('API_KEY', 'COMMAND_LINE')),
    actor_api_key_id uuid,
    actor_name       text,
    occurred_at      timestamptz NOT NULL,
    request_id       text,
    details          jsonb       NOT NULL,
    CONSTRAINT api_key_event_actor_complete CHECK ((actor_type = 'API_KEY') = (actor_api_key_id IS NOT NULL))
);

CREATE INDEX api_key_event_organization_idx ON api_key_event (organization_id, id DESC);
CREATE INDEX api_key_event_key_idx ON api_key_event (api_key_id, id DESC);
