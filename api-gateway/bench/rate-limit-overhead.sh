#!/usr/bin/env bash
# Measures what API-key authentication and rate limiting add to a request: wrk sends GET /leads with a valid key to
#   1. a trivial service that does no work, directly;
#   2. the gateway in front of it with rate limits off (CRM_RATE_LIMITS_ENABLED=false): authentication and proxying;
#   3. the gateway in front of it with rate limits on: authentication, rate limiting and proxying.
# and prints the median and 99th percentile latency of each. Needs wrk, psql, Java 17 and the built gateway jar
# (./mvnw -B -q -DskipTests package). Everything listens on 127.0.0.1 on free ports and is stopped at the end.
#
# Environment: BENCH_DB (database, default crm_bench, created if missing), BENCH_DURATION (seconds per run, 20),
# BENCH_CONNECTIONS (wrk connections, 4), BENCH_START_TIMEOUT (seconds to wait for each process, 300),
# CRM_DB_HOST, CRM_DB_PORT, CRM_DB_USER, CRM_DB_PASSWORD as for ./crm.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
JAR="$ROOT/api-gateway/target/api-gateway.jar"
DB="${BENCH_DB:-crm_bench}"
DURATION="${BENCH_DURATION:-20}"
CONNECTIONS="${BENCH_CONNECTIONS:-4}"
WORK="$(mktemp -d)"
PIDS=()

export CRM_DB_HOST="${CRM_DB_HOST:-127.0.0.1}" CRM_DB_PORT="${CRM_DB_PORT:-5432}"
export CRM_DB_USER="${CRM_DB_USER:-postgres}" CRM_DB_PASSWORD="${CRM_DB_PASSWORD:-}"
export CRM_GATEWAY_DB="$DB" PGPASSWORD="$CRM_DB_PASSWORD"
export CRM_INTERNAL_TOKEN_SECRET="bench-only-internal-token-secret-of-48-bytes-xx"

cleanup() {
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    rm -rf "$WORK"
}
trap cleanup EXIT

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

await_ready() {
    local url="$1" deadline=$((SECONDS + ${BENCH_START_TIMEOUT:-300}))
    until curl -sf "$url" >/dev/null 2>&1; do
        ((SECONDS < deadline)) || { echo "not ready in time: $url" >&2; tail -n 30 "$WORK"/*.log >&2; exit 1; }
        sleep 1
    done
}

command -v wrk >/dev/null || { echo "wrk not found (apt-get install -y wrk)" >&2; exit 1; }
[[ -f "$JAR" ]] || { echo "$JAR is missing; run ./mvnw -B -q -DskipTests package" >&2; exit 1; }
if ! psql -h "$CRM_DB_HOST" -p "$CRM_DB_PORT" -U "$CRM_DB_USER" -d postgres -Atc \
        "select 1 from pg_database where datname = '$DB'" | grep -q 1; then
    psql -h "$CRM_DB_HOST" -p "$CRM_DB_PORT" -U "$CRM_DB_USER" -d postgres -qc "create database \"$DB\""
fi

SERVICE_PORT="$(free_port)"
# Without TCP_NODELAY the JDK server delays small responses by about 40 ms (Nagle with delayed ACKs).
java -Dsun.net.httpserver.nodelay=true "$ROOT/api-gateway/bench/TrivialService.java" "$SERVICE_PORT" >"$WORK/service.log" 2>&1 &
PIDS+=($!)

ORGANIZATION="Benchmark $(date +%s)"
KEY="$(SPRING_MAIN_WEBAPPLICATIONTYPE=none java -jar "$JAR" key create --org "$ORGANIZATION" --scopes leads:read \
    2>>"$WORK/key.log" | tail -n 1)"

start_gateway() {
    local port="$1" name="$2"
    shift 2
    env SERVER_PORT="$port" SERVER_ADDRESS=127.0.0.1 CRM_QUERY_SERVICE_URL="http://127.0.0.1:$SERVICE_PORT" \
        CRM_COMMAND_SERVICE_URL="http://127.0.0.1:$SERVICE_PORT" LOGGING_LEVEL_COM_CLEANTECHCRM_GATEWAY_WEB=WARN "$@" \
        java -jar "$JAR" >"$WORK/$name.log" 2>&1 &
    PIDS+=($!)
}
LIMITS_OFF_PORT="$(free_port)"
LIMITS_ON_PORT="$(free_port)"
start_gateway "$LIMITS_OFF_PORT" limits-off CRM_RATE_LIMITS_ENABLED=false
# Limits far above the load, so that every request is counted and none is rejected.
start_gateway "$LIMITS_ON_PORT" limits-on \
    CRM_RATE_LIMITS_OVERRIDES_0_ORGANIZATION="$ORGANIZATION" \
    CRM_RATE_LIMITS_OVERRIDES_0_PER_KEY_PER_MINUTE=100000000 \
    CRM_RATE_LIMITS_OVERRIDES_0_PER_ORGANIZATION_BURST=100000000 \
    CRM_RATE_LIMITS_OVERRIDES_0_PER_ORGANIZATION_PER_DAY=1000000000
await_ready "http://127.0.0.1:$SERVICE_PORT/"
await_ready "http://127.0.0.1:$LIMITS_OFF_PORT/actuator/health/readiness"
await_ready "http://127.0.0.1:$LIMITS_ON_PORT/actuator/health/readiness"

measure() {
    local name="$1" url="$2" output
    wrk -t1 -c"$CONNECTIONS" -d5s -H "Authorization: Bearer $KEY" "$url" >/dev/null
    output="$(wrk -t1 -c"$CONNECTIONS" -d"${DURATION}s" --latency -H "Authorization: Bearer $KEY" "$url")"
    grep -q "Non-2xx" <<<"$output" && { echo "$name: some responses were not 2xx" >&2; echo "$output" >&2; exit 1; }
    printf '%-34s %10s %10s %12s\n' "$name" \
        "$(awk '$1 == "50%" {print $2}' <<<"$output")" \
        "$(awk '$1 == "99%" {print $2}' <<<"$output")" \
        "$(awk '/^Requests\/sec/ {print $2}' <<<"$output")"
}

echo "wrk: 1 thread, $CONNECTIONS connections, ${DURATION} s per run after 5 s of warm-up; GET /leads"
printf '%-34s %10s %10s %12s\n' "path" "median" "p99" "requests/s"
measure "service directly" "http://127.0.0.1:$SERVICE_PORT/leads"
measure "gateway, rate limits off" "http://127.0.0.1:$LIMITS_OFF_PORT/leads"
measure "gateway, rate limits on" "http://127.0.0.1:$LIMITS_ON_PORT/leads"
curl -s -D - -o /dev/null -H "Authorization: Bearer $KEY" "http://127.0.0.1:$LIMITS_ON_PORT/leads" \
    | grep -i '^ratelimit' || true
