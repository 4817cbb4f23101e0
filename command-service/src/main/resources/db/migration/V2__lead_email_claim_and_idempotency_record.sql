-- One open lead per email and organisation. A row is written in the transaction that stores the LeadCreated event
-- and deleted in the transaction that moves the lead to WON or LOST.
create table lead_email_claim (
    organization_id  uuid         not null,
    email_normalized varchar(254) not null,
    lead_id          uuid         not null,
    claimed_at       timestamptz  not null default now(),
    constraint lead_email_claim_pkey primary key (organization_id, email_normalized)
);

-- The first response to a POST /leads with an Idempotency-Key, stored in the transaction that creates the lead.
create table idempotency_record (
    organization_id uuid         not null,
    idempotency_key varchar(200) not null,
    request_hash    char(64)     not null,
    lead_id         uuid         not null,
    response_status integer,
    response_body   text,
    created_at      timestamptz  not null default now(),
    constraint idempotency_record_pkey primary key (organization_id, idempotency_key)
);
