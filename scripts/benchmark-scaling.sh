#!/usr/bin/env bash
# Checks that Herald's costs grow linearly with the archive: times `herald build`, `herald check`
# (every file of the folder) and `herald export` on the This Week in Rust archive and on an
# archive ten times as large (every issue replicated with new numbers, dates and titles, by
# scripts/scale_archive.py), then `herald check` and `herald build` on one ~50 MB issue file
# (every issue's body, concatenated and repeated under one header).
#
#   scripts/benchmark-scaling.sh                  # 3 alternated runs of each; prints medians
#   RUNS=5 TIMES=10 SIZE_MB=50 scripts/benchmark-scaling.sh
#   HERALD=path/to/herald scripts/benchmark-scaling.sh    # skip the release build
#   INSTRUCTIONS=1 scripts/benchmark-scaling.sh   # also count instructions of check (callgrind;
#                                                 # slow: minutes), for a noisy machine
#   BASELINE=path/to/older/herald scripts/benchmark-scaling.sh   # the big issue with both
#                                                 # binaries, alternated, and the ratios
#   BIG_ONLY=1 scripts/benchmark-scaling.sh       # only the big issue (no 10× archive)
#
# Runs of the 1× and 10× archive alternate, so a busy neighbour slows both alike; each figure
# is the median, with CPU time (user + system) and peak memory from /usr/bin/time -v: on a busy
# machine the CPU ratio is the steadier figure. Needs ../shared/corpus/twir (or
# HERALD_SHARED); everything generated lives in a temporary folder, removed afterwards.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
shared=${HERALD_SHARED:-$root/../shared}
corpus=$shared/corpus/twir
runs=${RUNS:-3}
times=${TIMES:-10}
size_mb=${SIZE_MB:-50}
baseline=${BASELINE:-}
big_only=${BIG_ONLY:-}

[[ -d $corpus/content ]] || { echo "error: no corpus at $corpus; set HERALD_SHARED" >&2; exit 1; }
[[ -x /usr/bin/time ]] || { echo "error: needs /usr/bin/time (apt-get install time)" >&2; exit 1; }
[[ -z $baseline || -x $baseline ]] || { echo "error: no executable at BASELINE=$baseline" >&2; exit 1; }
if [[ -z ${HERALD:-} ]]; then
  echo "building herald (release)..." >&2
  swift build -c release --product herald --scratch-path "$root/.build-release" >&2
  herald=$root/.build-release/release/herald
else
  herald=$HERALD
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/herald-scaling.XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/1x" "$work/big/content"
if [[ -z $big_only ]]; then
  echo "generating the ${times}× archive..." >&2
  cp -r "$corpus/content" "$work/1x/"
  python3 "$root/scripts/scale_archive.py" archive "$corpus" "$work/${times}x" "$times"
fi
echo "generating the ${size_mb} MB issue..." >&2
python3 "$root/scripts/scale_archive.py" issue "$corpus" "$work/big/content/2030-01-01-big.md" "$size_mb"

# measure NAME COMMAND...: runs COMMAND once, appending "NAME seconds kilobytes" to the results.
# A finding makes `herald check` exit non-zero; that is not a failure here.
measure() {
  local name=$1
  shift
  local status=0
  /usr/bin/time -v -o "$work/time.txt" "$@" >/dev/null 2>"$work/stderr.txt" || status=$?
  if ((status > 1)); then
    echo "error: $name exited with $status:" >&2
    tail -5 "$work/stderr.txt" >&2
    exit 1
  fi
  python3 - "$name" "$work/time.txt" >>"$work/results.txt" <<'PY'
import re, sys
text = open(sys.argv[2]).read()
clock = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", text).group(1)
seconds = sum(float(part) * 60 ** index for index, part in enumerate(reversed(clock.split(":"))))
kilobytes = re.search(r"Maximum resident set size \(kbytes\): (\d+)", text).group(1)
cpu = sum(float(re.search(rf"{kind} time \(seconds\): (\S+)", text).group(1)) for kind in ("User", "System"))
print(sys.argv[1], seconds, kilobytes, cpu)
PY
}

verbs() { # verbs SCALE: one cold build, one check of every file, one export, of that archive
  local folder=$work/$1
  rm -rf "$work/out-$1"
  measure "build-$1" "$herald" build --folder "$folder" --out "$work/out-$1"
  measure "check-$1" "$herald" check --folder "$folder" --format json "$folder/content"
  measure "export-$1" "$herald" export --folder "$folder" --out "$work/export-$1.json"
}

: >"$work/results.txt"
for ((run = 1; run <= runs; run++)); do
  echo "run $run of $runs..." >&2
  if [[ -z $big_only ]]; then
    verbs 1x
    verbs "${times}x"
  fi
  for binary in herald ${baseline:+baseline}; do
    executable=$herald
    [[ $binary == baseline ]] && executable=$baseline
    rm -rf "$work/out-big"
    measure "check-big-$binary" "$executable" check --folder "$work/big" --format json "$work/big/content"
    measure "build-big-$binary" "$executable" build --folder "$work/big" --out "$work/out-big"
  done
done

instructions=""
if [[ -n ${INSTRUCTIONS:-} && -z $big_only ]]; then
  echo "counting instructions of check (callgrind)..." >&2
  objcopy --strip-debug "$herald" "$work/herald-stripped"
  for scale in 1x "${times}x"; do
    valgrind --tool=callgrind --callgrind-out-file="$work/callgrind.$scale" "$work/herald-stripped" \
      check --folder "$work/$scale" --format json "$work/$scale/content" >/dev/null 2>"$work/valgrind.txt" || true
    instructions+="$scale $(grep -m1 '^summary:' "$work/callgrind.$scale" | cut -d' ' -f2) "
  done
fi

python3 - "$work/results.txt" "$times" "$size_mb" "$(uptime)" "$instructions" <<'PY'
import statistics, sys
results = {}
for line in open(sys.argv[1]):
    name, seconds, kilobytes, cpu = line.split()
    results.setdefault(name, []).append((float(seconds), int(kilobytes), float(cpu)))
times, size_mb, uptime, instructions = sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5].split()
median = lambda name, part: statistics.median(value[part] for value in results[name])
print(f"Medians of {len(results['check-big-herald'])} alternated runs; {uptime.strip()}\n")
if "build-1x" in results:
    print(f"| verb | 1× archive | {times}× archive | ratio | CPU 1× | CPU {times}× | CPU ratio | peak 1× | peak {times}× |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for verb in ("build", "check", "export"):
        small, large = median(f"{verb}-1x", 0), median(f"{verb}-{times}x", 0)
        cpu_small, cpu_large = median(f"{verb}-1x", 2), median(f"{verb}-{times}x", 2)
        print(f"| {verb} | {small:.2f} s | {large:.2f} s | {large / small:.1f}× "
              f"| {cpu_small:.2f} s | {cpu_large:.2f} s | {cpu_large / cpu_small:.1f}× "
              f"| {median(f'{verb}-1x', 1) / 1024:.0f} MiB | {median(f'{verb}-{times}x', 1) / 1024:.0f} MiB |")
    print()
big = lambda verb, binary: (median(f"{verb}-big-{binary}", 0), median(f"{verb}-big-{binary}", 2),
                            median(f"{verb}-big-{binary}", 1) / 1024)
if "check-big-baseline" in results:
    print(f"| one {size_mb} MB issue | time | CPU (user + system) | peak memory | baseline time | baseline CPU "
          "| baseline peak | CPU ÷ baseline's | peak ÷ baseline's |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for verb in ("check", "build"):
        (time, cpu, peak), (old_time, old_cpu, old_peak) = big(verb, "herald"), big(verb, "baseline")
        print(f"| {verb} | {time:.2f} s | {cpu:.2f} s | {peak:.0f} MiB | {old_time:.2f} s | {old_cpu:.2f} s "
              f"| {old_peak:.0f} MiB | {cpu / old_cpu:.2f}× | {peak / old_peak:.2f}× |")
else:
    print(f"| one {size_mb} MB issue | time | CPU (user + system) | peak memory |")
    print("| --- | ---: | ---: | ---: |")
    for verb in ("check", "build"):
        time, cpu, peak = big(verb, "herald")
        print(f"| {verb} | {time:.2f} s | {cpu:.2f} s | {peak:.0f} MiB |")
if instructions:
    counts = dict(zip(instructions[::2], (int(value) for value in instructions[1::2])))
    small, large = counts["1x"], counts[f"{times}x"]
    print(f"\ncheck, instructions (callgrind): 1× {small:,}, {times}× {large:,}: {large / small:.1f}×")
PY
