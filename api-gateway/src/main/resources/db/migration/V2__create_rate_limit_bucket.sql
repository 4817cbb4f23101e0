-- Rate-limit counters, one row per Bucket4j bucket: one per API key (minute limit) and one per organisation (burst
-- and day limits). The layout is the one Bucket4j's PostgreSQL module (bucket4j_jdk17-postgresql) reads and writes:
-- state is Bucket4j's serialised bucket, null for a row just created, and expires_at is in milliseconds since the
-- Unix epoch, when the bucket is full again and the row can be deleted.
-- expires_at has no index: every request updates it, an index would rule out HOT updates, and the periodic delete
-- of expired rows scans a table with one row per key and organisation. The low fill factor leaves room in each
-- page for those updates.
CREATE TABLE rate_limit_bucket (
    id         text PRIMARY KEY,
    state      bytea,
    expires_at bigint
) WITH (fillfactor = 50);
