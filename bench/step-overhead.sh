#!/usr/bin/env bash
# Measures, with the real CLI (the ./logist launcher) on the embedded defaults (host runner, mock agent, file store), the median
# over RUNS runs (default 7) of:
#   - CLI start-up: `logist --version` (JVM and picocli only)
#   - a read command: `logist job status ID` (start-up plus the engine and the store)
#   - `logist job run` of a worker+supervisor job (two steps), end to end
#   - the time inside the two steps, from the job's own step records
#   - the mock agent's two processes alone, run directly with sh in a clone of the repository
# and reports the orchestration overhead per step: (time inside the steps - mock processes) / 2, that is
# provisioning, prompt, process start, output handling, verdict, checkpoint commit and publishing the branch.
#
#   bench/step-overhead.sh [RUNS]
set -euo pipefail
runs=${1:-7}
source "$(dirname "$(readlink -f "$0")")/common.sh"
"$root/logist" --version >/dev/null   # writes the CLI's class-data archive after a build, as any first run does
steps_ms() {  # the summed wall time of the job's steps, from `job status --json`
  cli job status "$1" --json | python3 -c 'import json,sys; print(round(1000 * sum(s["usage"]["wallSeconds"] for s in json.load(sys.stdin)["steps"])))'
}

startup=(); status=(); run=(); inside=(); mock=()
for i in $(seq 1 "$runs"); do
  t=$(now_ms); cli --version >/dev/null; startup+=( $(( $(now_ms) - t )) )

  id=$(cli job create --repo "$repo" --prompt "bench $i" --agent mock --activate 2>/dev/null | tail -n 1)
  t=$(now_ms); cli job status "$id" >/dev/null; status+=( $(( $(now_ms) - t )) )
  t=$(now_ms); cli job run "$id" --quiet >/dev/null; run+=( $(( $(now_ms) - t )) )
  inside+=( "$(steps_ms "$id")" )

  steps=$work/home/jobs/$id/steps
  ws=$work/ws-$i
  git clone --quiet "$repo" "$ws"
  t=$(now_ms)
  (cd "$ws" && MOCK_ROLE=worker MOCK_STEP=1 setsid sh "$steps/1/mock-agent.sh" "$steps/1/prompt.md" >/dev/null)
  (cd "$ws" && MOCK_ROLE=supervisor MOCK_STEP=2 setsid sh "$steps/2/mock-agent.sh" "$steps/2/prompt.md" >/dev/null)
  mock+=( $(( $(now_ms) - t )) )
done

med() { printf '%s\n' "$@" | median; }
s=$(med "${startup[@]}"); st=$(med "${status[@]}"); r=$(med "${run[@]}"); in=$(med "${inside[@]}"); m=$(med "${mock[@]}")
echo "runs:                               $runs"
echo "CLI start-up (--version):           ${s} ms"
echo "read command (job status):          ${st} ms"
echo "job run, 2 steps, end to end:       ${r} ms"
echo "time inside the 2 steps:            ${in} ms"
echo "mock processes alone, 2 steps:      ${m} ms"
echo "orchestration overhead per step:    $(( (in - m) / 2 )) ms"
