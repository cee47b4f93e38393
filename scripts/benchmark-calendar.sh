#!/usr/bin/env bash
# Times `herald gather events` reading a 15 MB iCalendar feed and expanding it over a year.
#
# Usage: scripts/benchmark-calendar.sh
#
#   SIZE_MB=N     size of the generated feed (default 15)
#   RUNS=N        timed runs (default 5), after one warm-up run
#   HERALD_BIN=P  benchmark this herald executable instead of building one
#
# Builds herald in release mode (.build-release), writes .build-bench/calendar.ics with
# the generator below: 70% of events repeat (weekly, monthly, yearly and daily rules, BYDAY
# ordinals, BYSETPOS, BYWEEKNO, EXDATEs, RDATE periods, moved occurrences), in IANA, Windows and
# VTIMEZONE-defined zones or UTC, with folded descriptions of one to two kilobytes; then times
# `herald gather events --from FILE --date 2025-07-02 --weeks 52` in a scratch newsletter folder.
# Prints the best and median wall time, the CPU time (user + system) of the best run, which a
# busy machine does not inflate, and the peak memory.
set -euo pipefail

cd "$(dirname "$0")/.."
size_mb=${SIZE_MB:-15}
runs=${RUNS:-5}
input=.build-bench/calendar.ics

herald=${HERALD_BIN:-}
if [[ -z $herald ]]; then
    echo "Building herald (release)…" >&2
    swift build -c release --scratch-path .build-release --product herald >&2
    herald="$(swift build -c release --scratch-path .build-release --show-bin-path)/herald"
fi

mkdir -p .build-bench
python3 - "$input" "$size_mb" <<'PYTHON'
import random, sys

path, size = sys.argv[1], int(sys.argv[2]) * 1_000_000
rng = random.Random(20)
zones = ["Europe/Berlin", "America/New_York", "Asia/Tokyo", "W. Europe Standard Time",
         "Pacific Standard Time", "Customized Time Zone", "Australia/Melbourne", "America/Sao_Paulo"]
rules = ["FREQ=WEEKLY;BYDAY={wd}", "FREQ=WEEKLY;INTERVAL=2;BYDAY={wd}", "FREQ=MONTHLY;BYDAY={n}{wd}",
         "FREQ=MONTHLY;BYDAY=-1{wd}", "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1",
         "FREQ=YEARLY;BYMONTH={month};BYDAY={n}{wd}", "FREQ=DAILY;INTERVAL={n}", "FREQ=MONTHLY;BYMONTHDAY=-1",
         "FREQ=WEEKLY;BYDAY=MO,WE;UNTIL=20261231T000000Z", "FREQ=MONTHLY;COUNT=40;BYDAY={n}{wd}",
         "FREQ=YEARLY;BYWEEKNO={week};BYDAY={wd}"]
weekdays = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
words = ("rust meetup talk workshop embedded async compiler borrow checker traits macros wasm "
         "tokio axum bevy community hack night beginners").split()

def fold(line):
    data = line.encode()
    chunks, start, first = [], 0, True
    while start < len(data):
        width = 75 if first else 74
        end = min(start + width, len(data))
        while end < len(data) and (data[end] & 0xC0) == 0x80:
            end -= 1
        chunks.append(("" if first else " ") + data[start:end].decode())
        start, first = end, False
    return "\r\n".join(chunks)

out = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Herald//benchmark//EN", "X-WR-CALNAME:Benchmark",
       "X-WR-TIMEZONE:Europe/Berlin",
       "BEGIN:VTIMEZONE", "TZID:Customized Time Zone",
       "BEGIN:STANDARD", "DTSTART:16011028T030000", "TZOFFSETFROM:+0200", "TZOFFSETTO:+0100",
       "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10", "END:STANDARD",
       "BEGIN:DAYLIGHT", "DTSTART:16010325T020000", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0200",
       "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3", "END:DAYLIGHT", "END:VTIMEZONE"]
written = sum(len(line) + 2 for line in out)
index = 0
while written < size:
    index += 1
    zone = rng.choice(zones)
    year, month, day = rng.randint(2015, 2025), rng.randint(1, 12), rng.randint(1, 28)
    hour = rng.randint(8, 20)
    start = f"{year}{month:02d}{day:02d}T{hour:02d}0000"
    rule = rng.choice(rules).format(wd=rng.choice(weekdays), n=rng.randint(1, 4), month=rng.randint(1, 12),
                                    week=rng.randint(1, 52))
    # Meetup, Luma and Outlook descriptions run to a kilobyte or two: the agenda, the venue, the code of conduct.
    description = " ".join(rng.choice(words) for _ in range(rng.randint(60, 300)))
    event = ["BEGIN:VEVENT", f"UID:event-{index}@benchmark.example", f"DTSTAMP:20250101T000000Z",
             f"SUMMARY:{rng.choice(words).title()} {rng.choice(words)} night {index}",
             f"DTSTART;TZID={zone}:{start}" if rng.random() < 0.85 else f"DTSTART:{start}Z",
             f"RRULE:{rule}" if rng.random() < 0.7 else f"DTEND;TZID={zone}:{start[:9]}{hour + 2:02d}0000",
             fold(f"DESCRIPTION:{description} https://events.example/{index}"),
             f"LOCATION:{rng.choice(['Online', 'Berlin, Germany', 'Dallas, TX, USA', 'Tokyo, JP'])}",
             f"ORGANIZER;CN=Group {index % 500}:mailto:group{index % 500}@example.org"]
    if rng.random() < 0.3:
        event.append(f"EXDATE;TZID={zone}:2025{rng.randint(7, 12):02d}{rng.randint(1, 28):02d}T{hour:02d}0000")
    if rng.random() < 0.1:
        event.append(f"RDATE;VALUE=PERIOD:2025{rng.randint(7, 12):02d}{rng.randint(1, 28):02d}T180000Z/PT2H")
    event.append("END:VEVENT")
    if rng.random() < 0.05:
        event += ["BEGIN:VEVENT", f"UID:event-{index}@benchmark.example", "SUMMARY:Moved",
                  f"RECURRENCE-ID;TZID={zone}:{start}", f"DTSTART;TZID={zone}:{year}{month:02d}{day:02d}T210000",
                  "END:VEVENT"]
    out += event
    written += sum(len(line.encode()) + 2 for line in event)
out.append("END:VCALENDAR")
with open(path, "w", newline="") as file:
    file.write("\r\n".join(out) + "\r\n")
print(f"{path}: {written / 1e6:.1f} MB, {index} events", file=sys.stderr)
PYTHON

folder=$(mktemp -d "${TMPDIR:-/tmp}/herald-calendar-bench.XXXXXX")
trap 'rm -rf "$folder"' EXIT
feed=$(pwd)/$input
command=("$herald" gather events --from "$feed" --date 2025-07-02 --weeks 52 --folder "$folder")

# The run must succeed before its time means anything.
"${command[@]}" >/dev/null 2>"$folder/stderr" || { cat "$folder/stderr" >&2; exit 1; }
tail -n 2 "$folder/stderr" >&2

TIMEFORMAT='%R %U %S'
runs_out=()
for _ in $(seq "$runs"); do
    runs_out+=("$( { time "${command[@]}" >/dev/null 2>&1; } 2>&1 )")
done
sorted=$(printf '%s\n' "${runs_out[@]}" | sort -n)
best=$(echo "$sorted" | head -n 1)
median=$(echo "$sorted" | sed -n "$(((runs + 1) / 2))p")
best_cpu=$(echo "$best" | awk '{ printf "%.3f", $2 + $3 }')
memory=""
if [[ -x /usr/bin/time ]]; then
    memory=$(/usr/bin/time -f '%M' "${command[@]}" 2>&1 >/dev/null | tail -n 1)
fi
printf '| feed | runs | best | median | CPU (best run) | peak memory |\n'
printf '| --- | --- | --- | --- | --- | --- |\n'
printf '| %s (%s MB) | %s | %.3f s | %.3f s | %s s | %s |\n' "$input" "$size_mb" "$runs" "${best%% *}" \
    "${median%% *}" "$best_cpu" "${memory:+$((memory / 1024)) MB}"
