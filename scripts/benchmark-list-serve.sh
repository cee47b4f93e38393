#!/usr/bin/env bash
# Measures `herald list serve` under load: wrk (Debian's package) posts sign-ups of distinct
# addresses to POST /subscribe on loopback, with SQLite and with PostgreSQL, and prints requests
# per second and latency percentiles. Confirmation mails go to Postfix's smtp-sink, which accepts
# everything; they are queued in the database, not sent inside the request.
#
#   scripts/benchmark-list-serve.sh                 # DURATION=10s CONNECTIONS=32 THREADS=2
#
# PostgreSQL: POSTGRES_URL=postgres://user@host:port/db (best an empty database), else a
# throw-away server is started when the PostgreSQL binaries are installed and this runs as root.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
duration=${DURATION:-10s}
connections=${CONNECTIONS:-32}
threads=${THREADS:-2}
work=$(mktemp -d)
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    if [[ -n "${pg_dir:-}" ]]; then runuser -u postgres -- "$pg_bin/pg_ctl" -D "$pg_dir/data" -m fast stop >/dev/null || true; fi
    rm -rf "$work" "${pg_dir:-}"
}
trap cleanup EXIT

command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }
[[ -x /usr/sbin/smtp-sink ]] || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postfix >/dev/null; }

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

echo "building herald (release)..." >&2
swift build -c release --product herald --package-path "$root" --scratch-path "$root/.build-release" >/dev/null
herald=$(swift build -c release --show-bin-path --package-path "$root" --scratch-path "$root/.build-release")/herald

sink_port=$(free_port)
sink_user=()
[[ $(id -u) == 0 ]] && sink_user=(-u nobody)   # smtp-sink will not run as root
/usr/sbin/smtp-sink "${sink_user[@]}" 127.0.0.1:"$sink_port" 1000 &
pids+=($!)

cat > "$work/signup.lua" <<'LUA'
local next_thread = 0
function setup(thread)
    thread:set("thread_id", next_thread)
    next_thread = next_thread + 1
end
local count = 0
function request()
    count = count + 1
    local body = "email=bench" .. thread_id .. "x" .. count .. "%40example.org&website="
    return wrk.format("POST", "/subscribe", { ["Content-Type"] = "application/x-www-form-urlencoded" }, body)
end
function done(summary, latency, requests)
    io.write(string.format("RESULT %.0f %.2f %.2f %.2f %d %d\n", summary.requests / (summary.duration / 1e6),
        latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
        summary.errors.status, summary.requests))
end
LUA

# One run: a fresh newsletter folder whose list lives in $1, the service, wrk, the row count.
measure() {
    local label=$1 database=$2 port folder
    port=$(free_port)
    folder="$work/newsletter-$label"
    mkdir -p "$folder"
    cat > "$folder/herald.toml" <<TOML
[site]
title = "Benchmark Weekly"
base_url = "https://weekly.example"

[list]
database = "$database"
url = "http://127.0.0.1:$port"
smtp = "smtp://127.0.0.1:$sink_port"
TOML
    HERALD_LIST_SECRET=$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n') \
        "$herald" list serve --folder "$folder" --port "$port" --signups-per-minute 0 --quiet \
        > "$work/$label.out" 2> "$work/$label.err" &
    local service=$!
    pids+=($service)
    for _ in $(seq 100); do grep -q listening "$work/$label.out" 2>/dev/null && break; sleep 0.1; done
    local result
    result=$(wrk -t"$threads" -c"$connections" -d"$duration" -s "$work/signup.lua" "http://127.0.0.1:$port" | grep '^RESULT')
    local cpu
    cpu=$(ps -o times= -p "$service" | tr -d ' ')
    kill "$service"
    read -r _ rps p50 p99 max errors total <<< "$result"
    local rows
    rows=$(HERALD_LIST_SECRET=x "$herald" list stats --folder "$folder" --weeks 1 | awk '/^pending/ {print $2}')
    printf '| %s | %s | %s ms | %s ms | %s ms | %s | %s of %s | %s s |\n' \
        "$label" "$rps" "$p50" "$p99" "$max" "$errors" "$rows" "$total" "$cpu"
}

echo "wrk -t$threads -c$connections -d$duration, POST /subscribe with distinct addresses, release build"
echo
echo "| store | requests/s | p50 | p99 | max | non-2xx | rows stored / requests answered | service CPU |"
echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
measure sqlite "$work/list.sqlite"

postgres_url=${POSTGRES_URL:-}
if [[ -z "$postgres_url" ]] && [[ $(id -u) == 0 ]] && ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
    pg_dir=$(mktemp -d /tmp/herald-bench-postgres.XXXXXX)
    chown postgres "$pg_dir"
    pg_port=$(free_port)
    runuser -u postgres -- "$pg_bin/initdb" -D "$pg_dir/data" -U herald --auth=trust -E UTF8 >/dev/null
    runuser -u postgres -- "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/log" -w \
        -o "-c listen_addresses=127.0.0.1 -p $pg_port -k $pg_dir" start >/dev/null
    postgres_url="postgres://herald@127.0.0.1:$pg_port/postgres"
fi
if [[ -n "$postgres_url" ]]; then
    measure postgres "$postgres_url"
else
    echo "(PostgreSQL skipped: set POSTGRES_URL or run as root with PostgreSQL installed)"
fi
