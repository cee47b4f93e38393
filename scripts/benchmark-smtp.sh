#!/usr/bin/env bash
# Measures HeraldSMTP's throughput: MESSAGES messages over CONNECTIONS connections into Postfix's
# smtp-sink on loopback (it accepts everything and stores nothing), printing messages per second.
#
#   scripts/benchmark-smtp.sh                    # 10000 messages over 4 connections, debug build
#   MESSAGES=50000 CONNECTIONS=8 CONFIGURATION=release scripts/benchmark-smtp.sh
#
# Each message is about 4 KB with its own To and Message-ID, one recipient, sent with PIPELINING.
# Installs Debian's postfix (for smtp-sink) when it is missing. The run is the test suite
# SMTPThroughputBenchmark, which only runs when HERALD_SMTP_BENCHMARK is set.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
messages=${MESSAGES:-10000}
connections=${CONNECTIONS:-4}
configuration=${CONFIGURATION:-debug}

sink=$(command -v smtp-sink || true)
[[ -n $sink || ! -x /usr/sbin/smtp-sink ]] || sink=/usr/sbin/smtp-sink
if [[ -z $sink ]]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postfix >/dev/null
  sink=/usr/sbin/smtp-sink
fi

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
as_user=()
# smtp-sink refuses to run as root without a user to switch to.
[[ $EUID -ne 0 ]] || as_user=(-u nobody)
"$sink" "${as_user[@]}" "127.0.0.1:$port" 256 &
sink_pid=$!
trap 'kill "$sink_pid" 2>/dev/null || true' EXIT
for _ in $(seq 50); do
  python3 -c "import socket; socket.create_connection(('127.0.0.1', $port)).close()" 2>/dev/null && break
  sleep 0.1
done

flags=()
# The release build must still allow @testable imports of the unit tests beside the benchmark.
[[ $configuration == release ]] && flags=(-c release -Xswiftc -enable-testing)
cd "$root"
echo "== $messages messages over $connections connections into smtp-sink ($configuration build)"
HERALD_SMTP_BENCHMARK="$port $messages $connections" \
  swift test "${flags[@]}" --filter SMTPThroughputBenchmark 2>&1 | grep -E '^\{"messages"|passed|failed|error:'
