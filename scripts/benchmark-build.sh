#!/usr/bin/env bash
# Benchmarks `herald build` on the This Week in Rust archive beside Hugo and Pelican, in one run.
#
#   scripts/benchmark-build.sh            # 5 timed runs per tool (RUNS=3 for a quicker look)
#   SCRATCH=.build-mine scripts/benchmark-build.sh   # build herald in another scratch folder
#
# Needs ../shared/corpus/twir (or HERALD_SHARED). Installs what is missing: Debian's `hugo` and
# `hyperfine` (apt), Pelican and Python-Markdown (pip, into .build-site-bench/venv). The same
# content is given to each tool: Herald reads the archive as it is; Hugo gets a copy whose
# Pelican headers are converted to front matter, with a minimal layout at TWiR's URLs; Pelican
# gets the archive with TWiR's URL settings and its default theme. Prints markdown tables.
# Each cold run starts after `sync`: otherwise the last run's files are still being written back
# to disk while the next one runs, and the times vary by a quarter.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
shared=${HERALD_SHARED:-$root/../shared}
corpus=$shared/corpus/twir
runs=${RUNS:-5}
cache=$root/.build-site-bench
work=$(mktemp -d "${TMPDIR:-/tmp}/herald-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT

[[ -d $corpus/content ]] || { echo "error: no corpus at $corpus; set HERALD_SHARED" >&2; exit 1; }

need_apt=()
command -v hugo >/dev/null || need_apt+=(hugo)
command -v hyperfine >/dev/null || need_apt+=(hyperfine)
[[ -x /usr/bin/time ]] || need_apt+=(time)
if ((${#need_apt[@]})); then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi
if [[ ! -x $cache/venv/bin/pelican ]]; then
  python3 -m venv "$cache/venv"
  "$cache/venv/bin/pip" install -q pelican markdown
fi
pelican=$cache/venv/bin/pelican

scratch=${SCRATCH:-$root/.build-site}
echo "building herald (release)..." >&2
swift build -c release --scratch-path "$scratch" --product herald >&2
herald=$scratch/release/herald

# Herald: the archive as it is, plus one draft (a copy of the newest issue, a week later).
draft=$("$root/scripts/copy-corpus-with-draft.sh" "$corpus" "$work/herald")
# The newest published issue: editing it changes the search index, which keeps a part per issue.
published=$(ls "$work/herald/content"/*.md | sort | tail -1)

# Hugo: Pelican headers become YAML front matter; a minimal layout; TWiR's URLs.
mkdir -p "$work/hugo/content/blog" "$work/hugo/content/pages" "$work/hugo/layouts/_default" "$work/hugo/static"
cp -r "$corpus/content/images" "$work/hugo/static/images"
python3 - "$corpus/content" "$work/hugo/content" <<'PY'
import json, os, re, sys
source, target = sys.argv[1], sys.argv[2]
def convert(path, folder, is_page):
    lines = open(path, encoding="utf-8").read().split("\n")
    meta, i = {}, 0
    while i < len(lines) and re.match(r"^[A-Za-z_]+:", lines[i]):
        key, _, value = lines[i].partition(":")
        meta[key.strip().lower()] = value.strip()
        i += 1
    if "title" not in meta:
        return
    slug = meta.get("slug") or re.sub(r"[-\s]+", "-", re.sub(r"[^\w\s-]", "", meta["title"]).strip().lower())
    front = {"title": meta["title"], "slug": slug}
    if "date" in meta:
        date = meta["date"].replace(" ", "T")
        front["date"] = date if "T" in date else date + "T00:00:00"
    if "category" in meta:
        front["categories"] = [meta["category"]]
    if is_page:
        front["url"] = f"/pages/{slug}.html"
    elif "date" in meta:
        y, m, d = meta["date"][:10].split("-")
        front["url"] = f"/blog/{y}/{m}/{d}/{slug}/"
    body = "\n".join(lines[i:])
    name = os.path.splitext(os.path.basename(path))[0] + ".md"
    with open(os.path.join(target, folder, name), "w", encoding="utf-8") as out:
        out.write("---\n" + "".join(f"{k}: {json.dumps(v)}\n" for k, v in front.items()) + "---\n" + body)
for name in sorted(os.listdir(source)):
    if name.endswith((".md", ".markdown")):
        convert(os.path.join(source, name), "blog", False)
for name in sorted(os.listdir(os.path.join(source, "pages"))):
    convert(os.path.join(source, "pages", name), "pages", True)
PY
cat > "$work/hugo/config.toml" <<'EOF'
baseURL = "https://this-week-in-rust.org/"
title = "This Week in Rust"
disableKinds = []
[markup.goldmark.renderer]
unsafe = true
EOF
cat > "$work/hugo/layouts/_default/baseof.html" <<'EOF'
<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><header><a href="{{ "/" | relURL }}">{{ .Site.Title }}</a></header><main>{{ block "main" . }}{{ end }}</main></body></html>
EOF
cat > "$work/hugo/layouts/_default/single.html" <<'EOF'
{{ define "main" }}<article><h1>{{ .Title }}</h1><time>{{ .Date.Format "2006-01-02" }}</time>{{ .Content }}</article>
{{ with .PrevInSection }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}{{ with .NextInSection }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}{{ end }}
EOF
cat > "$work/hugo/layouts/_default/list.html" <<'EOF'
{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}
EOF
cat > "$work/hugo/layouts/index.html" <<'EOF'
{{ define "main" }}{{ range first 1 .Site.RegularPages.ByDate.Reverse }}<h1>{{ .Title }}</h1>{{ .Content }}{{ end }}
<ul>{{ range .Site.RegularPages.ByDate.Reverse }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}
EOF

# Pelican: the archive as it is, TWiR's URLs and feeds, the default theme.
mkdir -p "$work/pelican"
cp -r "$corpus/content" "$work/pelican/content"
cat > "$work/pelican/pelicanconf.py" <<'EOF'
SITENAME = "This Week in Rust"
SITEURL = "https://this-week-in-rust.org"
PATH = "content"
TIMEZONE = "America/New_York"
DEFAULT_LANG = "en"
ARTICLE_URL = "blog/{date:%Y}/{date:%m}/{date:%d}/{slug}/"
ARTICLE_SAVE_AS = "blog/{date:%Y}/{date:%m}/{date:%d}/{slug}/index.html"
PAGE_URL = "pages/{slug}.html"
PAGE_SAVE_AS = "pages/{slug}.html"
STATIC_PATHS = ["images"]
FEED_ALL_ATOM = "atom.xml"
FEED_ALL_RSS = "rss.xml"
CATEGORY_FEED_ATOM = "categories/{slug}/atom.xml"
DEFAULT_PAGINATION = False
EOF

out=$work/out
herald_cmd="$herald build --folder $work/herald --out $out/herald"
hugo_cmd="hugo --quiet --source $work/hugo --destination $out/hugo"
pelican_cmd="$pelican --quiet --settings $work/pelican/pelicanconf.py --output $out/pelican $work/pelican/content"

echo "checking that each tool builds..." >&2
$herald_cmd 2>/dev/null && $hugo_cmd && $pelican_cmd >/dev/null 2>&1
for tool in herald hugo pelican; do
  printf '%s: %s files, %s\n' "$tool" "$(find "$out/$tool" -type f | wc -l)" "$(du -sh "$out/$tool" | cut -f1)" >&2
done

echo "timing cold builds..." >&2
hyperfine --style basic --warmup 1 --runs "$runs" --export-json "$work/cold.json" \
  -n herald --prepare "rm -rf $out/herald; sync" "$herald_cmd" \
  -n hugo --prepare "rm -rf $out/hugo $work/hugo/resources; sync" "$hugo_cmd" \
  -n pelican --prepare "rm -rf $out/pelican; sync" "$pelican_cmd" >&2

echo "timing rebuilds..." >&2
$herald build --drafts --folder "$work/herald" --out "$out/herald-drafts" 2>/dev/null
# One --prepare per command, in order: a single one would run before both.
hyperfine --style basic --warmup 2 --runs $((runs * 4)) --export-json "$work/rebuild.json" \
  -n "herald, nothing changed" --prepare true "$herald build --drafts --folder $work/herald --out $out/herald-drafts" \
  -n "herald, one draft edited" --prepare "echo \"Edited at \$RANDOM\$RANDOM.\" >> $draft" \
  "$herald build --drafts --folder $work/herald --out $out/herald-drafts" \
  -n "herald, newest published issue edited" --prepare "echo \"Edited at \$RANDOM\$RANDOM.\" >> $published" \
  "$herald build --drafts --folder $work/herald --out $out/herald-drafts" >&2

echo "measuring peak memory..." >&2
peak() { rm -rf "$2"; /usr/bin/time -v bash -c "$1" 2>&1 >/dev/null | awk -F': ' '/Maximum resident set size/ { print $2 }'; }
{
  echo "herald $(peak "$herald_cmd 2>/dev/null" "$out/herald")"
  echo "hugo $(peak "$hugo_cmd" "$out/hugo")"
  echo "pelican $(peak "$pelican_cmd" "$out/pelican")"
} > "$work/memory.txt"

echo "counting instructions..." >&2
rm -rf "$out/herald"
instructions=$("$root/scripts/instructions.sh" "$herald" build --folder "$corpus" --out "$out/herald")
unchanged_instructions=$(WARMUP=1 "$root/scripts/instructions.sh" "$herald" build --drafts --folder "$work/herald" \
  --out "$out/herald-drafts")

python3 - "$work/cold.json" "$work/rebuild.json" "$work/memory.txt" "$(nproc)" "$instructions" \
  "$unchanged_instructions" <<'PY'
import json, sys
cold = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"]}
rebuild = json.load(open(sys.argv[2]))["results"]
memory = dict(line.split() for line in open(sys.argv[3]) if line.strip())
herald = cold["herald"]
print(f"\nCold build of the TWiR archive ({sys.argv[4]} cores; mean ± standard deviation of {len(herald['times'])} runs):\n")
print("| Tool | Cold build | vs Herald | Peak memory |")
print("| --- | ---: | ---: | ---: |")
for name in ["herald", "hugo", "pelican"]:
    r = cold[name]
    ratio = r["mean"] / herald["mean"]
    print(f"| {name} | {r['mean']:.3f} s ± {r['stddev'] or 0:.3f} | {ratio:.1f}× | {int(memory[name]) / 1024:.0f} MiB |")
print(f"\nHerald takes {herald['mean'] / cold['hugo']['mean']:.2f}× Hugo's time and "
      f"{int(memory['herald']) / int(memory['hugo']):.2f}× its peak memory; Pelican takes "
      f"{cold['pelican']['mean'] / cold['hugo']['mean']:.1f}× Hugo's time.\n")
if int(sys.argv[5]):
    print(f"Herald's cold build executes {int(sys.argv[5]) / 1e9:.2f} G instructions (callgrind, the same"
          " however busy the machine: compare it with another commit's).\n")
print("| Herald rebuild (with --drafts) | Time |")
print("| --- | ---: |")
for r in rebuild:
    print(f"| {r['command']} | {r['mean'] * 1000:.0f} ms ± {(r['stddev'] or 0) * 1000:.0f} |")
if int(sys.argv[6]):
    print(f"\nA rebuild with nothing changed executes {int(sys.argv[6]) / 1e6:.0f} M instructions (callgrind).")
PY
