-- The last event applied per lead. The consumer skips any event whose sequence number is not greater, so a
-- redelivered Kafka record is never applied twice.
create table lead_event_position (
    lead_id              uuid primary key,
    organization_id      uuid   not null,
    last_sequence        bigint not null,
    last_global_position bigint not null
);

-- Current state of each lead, as GET /leads and GET /leads/{id} return it.
create table lead_view (
    lead_id                        uuid primary key,
    organization_id                uuid        not null,
    name                           text        not null,
    email                          text        not null,
    company                        text        not null,
    organization_type              text        not null,
    sustainability_score           integer     not null,
    compliance_status              text        not null,
    compliance_requirements        jsonb       not null,
    procurement_estimated_duration integer     not null,
    procurement_stage              text        not null,
    deal_value                     numeric     not null,
    source_channel                 text,
    source_campaign                text,
    lifecycle_stage                text        not null,
    lead_score                     integer     not null,
    created_at                     timestamptz not null,
    updated_at                     timestamptz not null,
    version                        bigint      not null
);

-- One index per sort order of GET /leads, each ending in lead_id so that keyset pagination is stable.
create index lead_view_org_created_idx on lead_view (organization_id, created_at, lead_id);
create index lead_view_org_score_idx on lead_view (organization_id, lead_score, lead_id);
create index lead_view_org_name_idx on lead_view (organization_id, lower(name), lead_id);

create table lead_playbook (
    lead_id         uuid        not null,
    sequence_number bigint      not null,
    organization_id uuid        not null,
    playbook_id     text        not null,
    strategy_type   text        not null,
    focus_areas     jsonb       not null,
    timeline        text        not null,
    resources       jsonb       not null,
    applied_at      timestamptz not null,
    primary key (lead_id, sequence_number)
);

-- Every event of every lead, for auditors.
create table lead_history (
    lead_id         uuid        not null,
    sequence_number bigint      not null,
    organization_id uuid        not null,
    event_id        uuid        not null,
    event_type      text        not null,
    revision        text        not null,
    occurred_at     timestamptz not null,
    api_key_id      text,
    request_id      text,
    payload         jsonb       not null,
    global_position bigint      not null,
    primary key (lead_id, sequence_number)
);

-- The per-lead facts the statistics need, kept apart from lead_view so that the statistics projection does not
-- depend on the order in which projections run.
create table stats_lead (
    lead_id           uuid primary key,
    organization_id   uuid    not null,
    lifecycle_stage   text    not null,
    deal_value        numeric not null,
    compliance_status text    not null,
    reached_mql       boolean not null,
    reached_sql       boolean not null,
    reached_won       boolean not null
);

-- Running totals per organisation, so GET /leads/stats/growth reads one row instead of scanning leads.
create table stats_organization (
    organization_id     uuid primary key,
    pipeline_value      numeric not null,
    reached_mql         bigint  not null,
    reached_sql         bigint  not null,
    reached_won         bigint  not null,
    compliance_pending  bigint  not null,
    compliance_approved bigint  not null,
    compliance_rejected bigint  not null
);

-- Every change of an organisation's pipeline value. The value at an earlier instant is the current value minus
-- the deltas after that instant, read through the index below.
create table stats_pipeline_change (
    lead_id         uuid        not null,
    sequence_number bigint      not null,
    organization_id uuid        not null,
    occurred_at     timestamptz not null,
    delta           numeric     not null,
    primary key (lead_id, sequence_number)
);

create index stats_pipeline_change_org_time_idx on stats_pipeline_change (organization_id, occurred_at) include (delta);
