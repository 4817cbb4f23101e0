-- One row per authenticated request, written in batches by the gateway. The API key itself is never stored.
-- route is the route pattern of the route table (such as /leads/{id}), or 'unmatched' for a path no route matches.
-- No foreign keys: usage rows are a log, written in bulk, that outlive changes to keys and organisations.
CREATE TABLE api_request (
    received_at     timestamptz NOT NULL,
    organization_id uuid        NOT NULL,
    api_key_id      uuid        NOT NULL,
    http_method     text        NOT NULL,
    route           text        NOT NULL,
    status          smallint    NOT NULL,
    duration_ms     integer     NOT NULL CHECK (duration_ms >= 0)
);

-- GET /usage reads one organisation's time range.
CREATE INDEX api_request_organization_received_idx ON api_request (organization_id, received_at);

-- The retention cleanup deletes by time across organisations. Rows arrive roughly in time order, so a BRIN index
-- finds old rows at a fraction of a B-tree's size and write cost.
CREATE INDEX api_request_received_brin_idx ON api_request USING brin (received_at);
