#!/usr/bin/env bash
# Measures, with the real CLI (the ./logist launcher), the host runner and the mock agent, how fast the sentinel
# stops a step, from the job's own events (events.jsonl), median and maximum over RUNS jobs (default 20) each:
#   - idle timeout (scenario hang, limits.idleTimeout=2s): from the idle deadline (the process start plus 2s)
#     to the process stopped (the step enters HARVESTING) and to the step's end (its checkpoint committed)
#   - waiting for input (scenario waiting-input, idleTimeout 30s): from the prompt line (its step.signal
#     event) to the process stopped and to the step's end
#
#   bench/sentinel-latency.sh [RUNS]
set -euo pipefail
runs=${1:-20}
source "$(dirname "$(readlink -f "$0")")/common.sh"

# latencies EVENTS_FILE START_KIND OFFSET_MS: "stopped_ms ended_ms" of step 1, measured from the ts of its first
# step.execution event (START_KIND=execution) or waiting-input step.signal event (START_KIND=signal), plus OFFSET_MS.
latencies() {
  python3 - "$@" <<'PY'
import json, sys
from datetime import datetime
path, kind, offset = sys.argv[1], sys.argv[2], int(sys.argv[3])
def ms(ts):
    return datetime.fromisoformat(ts.replace("Z", "+00:00")).timestamp() * 1000
start = stopped = ended = None
for line in open(path):
    e = json.loads(line)
    if e.get("step") != 1:
        continue
    if start is None and ((kind == "execution" and e["type"] == "step.execution")
                          or (kind == "signal" and e["type"] == "step.signal" and e["signal"] == "waiting-input")):
        start = ms(e["ts"]) + offset
    elif e["type"] == "step.phase" and e["phase"] == "HARVESTING":
        stopped = ms(e["ts"])
    elif e["type"] == "step.finished":
        ended = ms(e["ts"])
        reason = e.get("reason")
if None in (start, stopped, ended):
    sys.exit("missing events in " + path)
print(round(stopped - start), round(ended - start), reason)
PY
}

measure() {  # measure SCENARIO KIND OFFSET_MS EXPECTED_REASON_PREFIX SETTINGS...
  local scenario=$1 kind=$2 offset=$3 expected=$4; shift 4
  stopped=(); ended=()
  for i in $(seq 1 "$runs"); do
    id=$(cli job create --repo "$repo" --prompt "bench $scenario $i" --agent mock --activate \
         --set "agents.mock.scenario=$scenario" "$@" 2>/dev/null | tail -n 1)
    code=0; cli job run "$id" --quiet >/dev/null 2>&1 || code=$?
    [ "$code" -eq 10 ] || { echo "job $id ($scenario) ended with exit code $code, not 10" >&2; exit 1; }
    read -r s e reason < <(latencies "$work/home/jobs/$id/events.jsonl" "$kind" "$offset")
    case "$reason" in "$expected"*) ;; *) echo "job $id ($scenario) ended for '$reason'" >&2; exit 1 ;; esac
    stopped+=("$s"); ended+=("$e")
  done
}

stats() { printf "median %5d ms, max %5d ms" "$(printf '%s\n' "$@" | median)" "$(printf '%s\n' "$@" | sort -n | tail -n 1)"; }

measure hang execution 2000 idle-timeout --set limits.idleTimeout=2s
idle_stopped=$(stats "${stopped[@]}"); idle_ended=$(stats "${ended[@]}")
measure waiting-input signal 0 waiting-for-input --set limits.idleTimeout=30s
input_stopped=$(stats "${stopped[@]}"); input_ended=$(stats "${ended[@]}")

echo "runs per rule:                                 $runs"
echo "idle timeout, deadline -> process stopped:     $idle_stopped"
echo "idle timeout, deadline -> step ended:          $idle_ended"
echo "waiting for input, prompt -> process stopped:  $input_stopped"
echo "waiting for input, prompt -> step ended:       $input_ended"
