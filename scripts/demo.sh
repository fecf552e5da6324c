#!/usr/bin/env bash
# Runs a real Logist job end to end on the embedded defaults (host runner, mock agent, file store):
# builds the CLI if needed, makes a scratch git repository, runs a worker step and a supervisor step,
# and prints what happened and where to look.
#
#   scripts/demo.sh [WORK_DIR]     (default: a new temporary directory)
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
work=${1:-$(mktemp -d "${TMPDIR:-/tmp}/logist-demo.XXXXXX")}
repo=$work/repo
home=$work/home
mkdir -p "$repo"

git -C "$repo" init --quiet
printf '# A scratch project\n' >"$repo/README.md"
git -C "$repo" add README.md
git -C "$repo" -c user.name=demo -c user.email=demo@localhost commit --quiet -m "first commit"

logist() { "$root/logist" --home "$home" "$@"; }
logist --version >/dev/null   # builds the CLI first when needed, so the timing below is the job's

started=$(date +%s%N)
id=$(logist job create --repo "$repo" --prompt "Write a short status note into mock-work.txt" --agent mock --activate | tail -n 1)
set +e
logist job run "$id"
rc=$?
set -e
elapsed_ms=$(( ($(date +%s%N) - started) / 1000000 ))

echo
logist job status "$id"
echo
echo "The job took ${elapsed_ms} ms (exit code $rc). Where to look:"
echo "  job branch:    git -C $repo log --oneline logist/$id"
echo "  the change:    git -C $repo diff HEAD logist/$id"
echo "  manifest:      $home/jobs/$id/job.json"
echo "  events:        $home/jobs/$id/events.jsonl"
echo "  step logs:     $home/jobs/$id/logs/"
echo "  workspace:     $home/jobs/$id/workspace"
echo "  more commands: $root/logist --home $home job status $id --json"
exit $rc
