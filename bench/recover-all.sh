#!/usr/bin/env bash
# Measures `logist job recover --all` with the real CLI on a store of JOBS jobs (default 1000), RECOVER of them
# (default 50) left RUNNING by a process that died: their lock is free, and their last step's execution names a
# pid that no longer runs, so each is interrupted, reset to its checkpoint and committed. The others are finished
# jobs that recovery must only look at. Also measures a second `recover --all` that finds nothing to do.
#
# The store is made quickly from one real finished job: its directory is copied under new ids (the workspace
# only for the jobs to recover, as the others never touch it) and the ids, branch and paths are rewritten.
#
#   bench/recover-all.sh [JOBS] [RECOVER]
set -euo pipefail
jobs=${1:-1000}
recover=${2:-50}
source "$(dirname "$(readlink -f "$0")")/common.sh"

template=$(cli job create --repo "$repo" --prompt "bench" --agent mock --activate 2>/dev/null | tail -n 1)
cli job run "$template" --quiet >/dev/null
dead_pid=$(sh -c 'echo $$')   # a process that has ended: its pid runs nothing (or something else)

python3 - "$work/home/jobs" "$template" "$jobs" "$recover" "$dead_pid" <<'EOF'
import json, os, shutil, subprocess, sys

jobs_dir, template, total, to_recover, dead_pid = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
source = os.path.join(jobs_dir, template)
manifest = json.load(open(os.path.join(source, "job.json")))
events = [json.loads(line) for line in open(os.path.join(source, "events.jsonl"))]

def rewrite(value, old, new):
    return json.loads(json.dumps(value).replace(old, new))

for i in range(total):
    new_id = "bench-%04d" % i
    target = os.path.join(jobs_dir, new_id)
    crashed = i < to_recover
    os.makedirs(target)
    shutil.copytree(os.path.join(source, "logs"), os.path.join(target, "logs"))
    job = rewrite(manifest, template, new_id)
    job_events = rewrite(events, template, new_id)
    if crashed:
        shutil.copytree(os.path.join(source, "workspace"), os.path.join(target, "workspace"), symlinks=True)
        subprocess.run(["git", "-C", os.path.join(target, "workspace"), "branch", "--quiet", "-m",
                        "logist/" + template, "logist/" + new_id], check=True)
        # The supervisor step (2) was running when its owner died; its agent is gone without an exit code.
        step_dir = os.path.join(target, "steps", "2", "host-1")
        handle = {"pid": dead_pid, "pgid": dead_pid, "startTime": "1", "host": os.uname().nodename,
                  "stdout": os.path.join(step_dir, "stdout"), "stderr": os.path.join(step_dir, "stderr"),
                  "exit": os.path.join(step_dir, "exit")}
        step = job["steps"][1]
        for key in ("outcome", "reason", "endedAt", "exitCode", "commit", "summary"):
            step.pop(key, None)
        step["phase"] = "EXECUTING"
        step["execution"] = handle
        job["status"] = "RUNNING"
        job.pop("reason", None)
        cut = next(k for k, e in enumerate(job_events) if e["type"] == "step.execution" and e["step"] == 2)
        job_events = job_events[:cut + 1]
        job_events[cut]["execution"] = handle
    with open(os.path.join(target, "job.json"), "w") as out:
        json.dump(job, out, indent=2)
    with open(os.path.join(target, "events.jsonl"), "w") as out:
        out.writelines(json.dumps(e, separators=(",", ":")) + "\n" for e in job_events)
EOF

t=$(now_ms); out=$(cli job recover --all 2>/dev/null); first=$(( $(now_ms) - t ))
recovered=$(grep -c "recovered: PENDING" <<<"$out" || true)
t=$(now_ms); cli job recover --all >/dev/null 2>&1; second=$(( $(now_ms) - t ))
t=$(now_ms); cli job list >/dev/null 2>&1; list=$(( $(now_ms) - t ))
echo "jobs in the store:                     $(( jobs + 1 ))"
echo "jobs recovered (RUNNING, owner dead):  $recovered of $recover"
echo "recover --all, $recover to recover:          ${first} ms ($(( (first - second) / (recover > 0 ? recover : 1) )) ms per recovered job)"
echo "recover --all again, nothing to do:    ${second} ms"
echo "job list (start-up and reading all):   ${list} ms"
[ "$recovered" -eq "$recover" ] || { echo "bench: expected $recover jobs recovered" >&2; exit 1; }
