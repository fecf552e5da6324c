#!/usr/bin/env bash
# Installs pinned versions of the agent CLIs that the agents' integration tests run for real, into a
# project-local directory (default <repo>/.agent-clis, or $LOGIST_AGENT_CLIS), never globally.
# The binaries end up in <dir>/node_modules/.bin. Idempotent: does nothing when the pinned versions are there.
#
# The versions are pinned because the CLIs' output formats and flags change between releases, and because
# newer claude-code releases need Node >= 22 (2.1.197 is the last one that runs on Node 20).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
target="${LOGIST_AGENT_CLIS:-$root/.agent-clis}"

packages=(
    "@anthropic-ai/claude-code@2.1.197"
    "@openai/codex@0.169.0"
    "@google/gemini-cli@0.61.0"
    "cline@3.0.65"
)

fail() {
    echo "install-agent-clis: $*" >&2
    exit 1
}

command -v node >/dev/null || fail "node is required (Node 20 or newer), with npm; install them from your system's packages or https://nodejs.org"
command -v npm >/dev/null || fail "npm is required; install it, for example: apt-get install npm"
# npm installs a package whose engines field excludes this Node with a mere warning; the CLI then fails when it runs.
[ "$(node -p 'process.versions.node.split(".")[0]')" -ge 20 ] \
    || fail "Node $(node --version) is too old: the pinned CLIs need Node 20 or newer (Debian 12 and Ubuntu 24.04 ship 18;" \
            "see https://nodejs.org/en/download or https://github.com/nodesource/distributions)"

# The version recorded in an installed package's package.json, or nothing when it is not installed.
installed_version() {
    local manifest="$target/node_modules/$1/package.json"
    [ -f "$manifest" ] || return 0
    node -e 'process.stdout.write(require(process.argv[1]).version || "")' "$manifest"
}

missing=()
for spec in "${packages[@]}"; do
    name="${spec%@*}"
    version="${spec##*@}"
    [ "$(installed_version "$name")" = "$version" ] || missing+=("$spec")
done

if [ ${#missing[@]} -eq 0 ]; then
    exit 0
fi

echo "install-agent-clis: installing ${missing[*]} into $target" >&2
mkdir -p "$target"
# A package.json of its own keeps npm from walking up into an unrelated project; the exact versions are saved
# in it so that a later install keeps every CLI instead of pruning the ones not named on its command line.
[ -f "$target/package.json" ] || echo '{"name": "logist-agent-clis", "private": true}' > "$target/package.json"
log="$target/npm-install.log"
if ! npm install --prefix "$target" --save-exact --no-audit --no-fund --loglevel=error "${packages[@]}" >"$log" 2>&1; then
    tail -n 30 "$log" >&2
    fail "npm install failed (full log: $log); check that the npm registry is reachable and Node is 20 or newer"
fi

for spec in "${packages[@]}"; do
    name="${spec%@*}"
    version="${spec##*@}"
    actual="$(installed_version "$name")"
    [ "$actual" = "$version" ] || fail "$name is ${actual:-not installed} after npm install, expected $version (log: $log)"
done
for binary in claude codex gemini cline; do
    [ -x "$target/node_modules/.bin/$binary" ] || fail "$binary is missing from $target/node_modules/.bin after npm install (log: $log)"
done
echo "install-agent-clis: installed into $target/node_modules/.bin" >&2
