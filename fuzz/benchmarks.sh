#!/usr/bin/env bash
# Writes the "Fuzzing and parser time" section of BENCHMARKS.md from `fuzz/run.sh bench`'s
# figures (called by it): TABLE (one run.sh row per target:
# name runs seconds execs/s crashes commit), TIMES ("shape bytes ms" lines), CORPUS
# (its size in words). Replaces only its own block of BENCHMARKS.md (see tests/bench/sections.mjs).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
TABLE=$1 TIMES=$2 CORPUS=$3
FILE=BENCHMARKS.md

what() {
  case $1 in
    explain) echo 'the paste box and `mailsetup explain`: any pasted text' ;;
    replies) echo 'SMTP replies and IMAP responses (raw bytes through imap-proto, as the IMAP client reads them)' ;;
    json) echo 'token endpoint answers, Entra error bodies, OpenID configuration, user realm' ;;
    jwt) echo 'ID and access tokens: a whole token, and any payload wrapped in one' ;;
    loopback) echo 'a request to the loopback listener: head parsing and what the listener answers' ;;
    settings) echo 'the settings file (TOML), a server and a redirect form as written in it' ;;
    autoconfig) echo 'an autoconfig XML document' ;;
    address) echo 'a mailbox address as typed' ;;
  esac
}

group() { sed ':a;s/\B[0-9]\{3\}\>/,&/;ta'; } # 10000000 -> 10,000,000
rows=$(echo "$TABLE" | awk 'NF == 6' | while read -r name runs secs execs crashes commit; do
  printf '| `%s` | %s | %s | %s | %s | **%s** | %s |\n' "$name" "$(what "$name")" \
    "$(echo "$runs" | group)" "$(printf '%.0f' "$secs" | group)" "$(echo "$execs" | group)" \
    "$crashes" "$commit"
done)
hours=$(echo "$TABLE" | awk 'NF == 6 { s += $3 } END { printf "%.1f", s / 3600 }')
ms() { echo "$TIMES" | awk -v s="$1" -v b="$2" '$1 == s && $2 == b { print $3 }'; }
startup=$(ms empty 0)
timing=$(for shape in dashes braces base64 transcript aadsts; do
  small=$(ms "$shape" 102400) big=$(ms "$shape" 1048576)
  case $shape in
    dashes) label='`-` repeated (one line)' ;;
    braces) label='`{}` repeated (one line)' ;;
    base64) label='base64 (one line)' ;;
    transcript) label='`S: 535 5.7.3 Authentication unsuccessful [...]` lines' ;;
    aadsts) label='`AADSTS50076: Due to a configuration change ...` lines' ;;
  esac
  printf '| %s | %s ms | **%s ms** | %s× |\n' "$label" "$small" "$big" \
    "$(awk -v a="$small" -v b="$big" -v s="$startup" 'BEGIN { printf "%.1f", (a > s ? (b - s) / (a - s) : 0) }')"
done)

section=$(cat <<EOF
## Fuzzing and parser time

Measured by \`fuzz/run.sh bench\` on $(date -u '+%Y-%m-%d %H:%M') UTC, $(nproc) × $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1):
libFuzzer through cargo-fuzz $(cargo fuzz --version | awk '{print $2}'), $(rustc --version | awk '{print $1, $2}') with \`RUSTC_BOOTSTRAP=1\`, no sanitizer
(safe Rust), debug assertions and overflow checks on; each target alone (\`-jobs=1\`), starting from
its corpus in \`fuzz/corpus/\` ($CORPUS, minimised by \`fuzz/run.sh cmin\`); inputs up
to 8 KiB, 10 s per input counts as a hang. A crash is a panic, a failed property (a finding that
shows a secret-looking run of its input, a plaintext IMAP server accepted from autoconfig, an
address that does not read back as itself, a placeholder left in a finding's words), a hang, or
more than 2 GB of memory. The entry points and their properties: \`crates/core/src/fuzzing/\`.

| Target | Fed | Runs | Seconds | Execs/s | Crashes | Commit |
|---|---|---|---|---|---|---|
$rows

\`explain\` on large pastes, release CLI (\`mailsetup explain - < file\`, process start included:
$startup ms for an empty paste), median of 5. Time grows linearly with the length: 10× the text,
about 10× the time once the start is taken off (last column). 1 MiB is the most it reads; a longer
paste gets \`PASTED_TEXT_TOO_LONG\` with its size, before any parsing.

| Input | 100 KB | 1 MiB | 1 MiB ÷ 100 KB, start taken off |
|---|---|---|---|
$timing

Re-run: \`fuzz/run.sh bench\` (about $hours h of fuzzing here; this section is rewritten, and a
re-run of some targets, \`TARGETS="json jwt" fuzz/run.sh bench\`, keeps the others' rows). The
tests run \`fuzz/run.sh short\` (20,000 runs per target) and replay the corpus as a plain test
(\`crates/core/tests/fuzz_corpus.rs\`).
EOF
)

# Replace only this bench's block of BENCHMARKS.md (tests/bench/sections.mjs: each bench owns the
# lines between <!-- bench:NAME --> and <!-- /bench:NAME -->), or append it.
SECTION="$section" python3 - "$FILE" <<'PY'
import os, sys
path = sys.argv[1]
text = open(path).read() if os.path.exists(path) else "# Benchmarks\n"
block = "<!-- bench:fuzz -->\n" + os.environ["SECTION"].strip() + "\n<!-- /bench:fuzz -->"
start, end = text.find("<!-- bench:fuzz -->"), text.find("<!-- /bench:fuzz -->")
if 0 <= start < end:
    text = text[:start] + block + text[end + len("<!-- /bench:fuzz -->"):]
else:
    text = text.rstrip() + "\n\n" + block + "\n"
open(path, "w").write(text)
PY
echo "$section"
