# Sourced by the bench scripts that drive the real CLI (the ./logist launcher): the repository root, a scratch
# directory removed on exit, the CLI built before any measurement, `cli` on a Logist home of its own, a scratch
# git repository with one commit, and the helpers the measurements share.
root=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/logist-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT

"$root/logist" --version >/dev/null   # builds the CLI when needed, outside the measurements
cli() { "$root/logist" --home "$work/home" "$@"; }
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
# The median of the whole numbers on standard input, one a line.
median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : int((a[NR / 2] + a[NR / 2 + 1]) / 2) }'; }

repo=$work/repo
mkdir -p "$repo"
git -C "$repo" init --quiet
echo "# bench" >"$repo/README.md"
git -C "$repo" add README.md
git -C "$repo" -c user.name=bench -c user.email=bench@localhost commit --quiet -m first
