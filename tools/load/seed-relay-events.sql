-- Benchmark data for the relay: copies every stored LeadCreated event :copies times under new lead ids, with consecutive global indexes.
with base as (select coalesce(max(global_index), 0) as top from domain_event_entry),
src as (select e.*, gen_random_uuid()::text as new_id, gen_random_uuid()::text as new_event
        from domain_event_entry e, generate_series(1, :copies) where e.sequence_number = 0 and e.payload_type like '%LeadCreated'),
numbered as (select src.*, row_number() over () as rn from src)
insert into domain_event_entry (global_index, aggregate_identifier, sequence_number, type, event_identifier, meta_data,
                                payload, payload_revision, payload_type, time_stamp)
select base.top + rn, new_id, 0, type, new_event, meta_data,
       convert_to(replace(replace(convert_from(payload, 'UTF8'), aggregate_identifier, new_id), '@example.org', '-' || rn || '@example.org'), 'UTF8'),
       payload_revision, payload_type, to_char(now() at time zone 'utc', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')
from numbered, base;
select setval('domain_event_entry_seq', (select max(global_index) + 1000 from domain_event_entry));
