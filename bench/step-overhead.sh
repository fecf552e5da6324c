#!/usr/bin/env bash
# Measures, with the real CLI on the embedded defaults (host runner, mock agent, file store):
#   - CLI start-up: `logist --version`
#   - `logist job run` of a worker+supervisor job (two steps)
#   - the mock agent's own processes for those two steps, run directly with sh
# and reports the orchestration overhead per step: (run - start-up - mock processes) / 2.
# Each figure is the median of RUNS runs (default 7).
#
#   bench/step-overhead.sh [RUNS]
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
runs=${1:-7}
work=$(mktemp -d "${TMPDIR:-/tmp}/logist-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT

"$root/logist" --version >/dev/null   # builds the CLI when needed, outside the measurements
cp="$root/logist-cli/target/logist-cli.jar:$root/logist-cli/target/lib/*"
cli() { java -cp "$cp" io.logist.cli.Main --home "$work/home" "$@"; }
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : int((a[NR / 2] + a[NR / 2 + 1]) / 2) }'; }

repo=$work/repo
mkdir -p "$repo"
git -C "$repo" init --quiet
echo "# bench" >"$repo/README.md"
git -C "$repo" add README.md
git -C "$repo" -c user.name=bench -c user.email=bench@localhost commit --quiet -m first

startup=() ; run=() ; mock=()
for i in $(seq 1 "$runs"); do
  t=$(now_ms); cli --version >/dev/null; startup+=( $(( $(now_ms) - t )) )

  id=$(cli job create --repo "$repo" --prompt "bench $i" --agent mock --activate | tail -n 1)
  t=$(now_ms); cli job run "$id" --quiet >/dev/null; run+=( $(( $(now_ms) - t )) )

  # The same two mock processes, without Logist around them.
  steps=$work/home/jobs/$id/steps
  ws=$work/ws-$i
  git clone --quiet "$repo" "$ws"
  t=$(now_ms)
  (cd "$ws" && MOCK_ROLE=worker MOCK_STEP=1 setsid sh "$steps/1/mock-agent.sh" "$steps/1/prompt.md" >/dev/null)
  (cd "$ws" && MOCK_ROLE=supervisor MOCK_STEP=2 setsid sh "$steps/2/mock-agent.sh" "$steps/2/prompt.md" >/dev/null)
  mock+=( $(( $(now_ms) - t )) )
done

s=$(printf '%s\n' "${startup[@]}" | median)
r=$(printf '%s\n' "${run[@]}" | median)
m=$(printf '%s\n' "${mock[@]}" | median)
echo "runs:                         $runs"
echo "CLI start-up (--version):     ${s} ms"
echo "job run, 2 steps:             ${r} ms"
echo "mock processes, 2 steps:      ${m} ms"
echo "orchestration overhead/step:  $(( (r - s - m) / 2 )) ms"
