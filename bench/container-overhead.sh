#!/usr/bin/env bash
# Measures the docker and podman runners against their engines, median over RUNS runs (default 20):
#   - a bare `ENGINE run --rm IMAGE true`, and the same with --network none (the runner's default)
#   - a runner step of the same command: start, exit code, container removed (run --detach, logs, wait,
#     the last logs, rm, as every step does)
#   - their ratios: the per-step cost of the runner relative to the engine's own cheapest run
#   - the start latency: until the first output line arrives, bare and through the runner, and until the
#     runner's start() returns (the command runs)
# Needs the engines and the image (default logist-test/busybox:latest; ../shared/engines/setup.sh sets both up).
#
#   bench/container-overhead.sh [RUNS] [ENGINE...]        e.g. bench/container-overhead.sh 20 docker
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
runs=${1:-20}
shift || true
engines=("$@")
[ ${#engines[@]} -gt 0 ] || engines=(docker podman)
image=${IMAGE:-logist-test/busybox:latest}

modules=(logist-api logist-runner-container logist-runner-docker logist-runner-podman)
if [ -n "$(find "$root"/logist-api/src/main "$root"/logist-runner-*/src/main -newer "$root/logist-runner-podman/target/classes" -print -quit 2>/dev/null)" ] \
    || [ ! -d "$root/logist-runner-podman/target/classes" ]; then
  echo "container-overhead: building the runners (./mvnw -q -B -DskipTests -pl logist-runner-docker,logist-runner-podman -am package) ..." >&2
  (cd "$root" && ./mvnw -q -B -DskipTests -pl logist-runner-docker,logist-runner-podman -am package) >&2
fi
classpath=$(printf "$root/%s/target/classes:" "${modules[@]}")

for engine in "${engines[@]}"; do
  java -cp "$classpath" "$root/bench/ContainerOverhead.java" "$engine" "$runs" "$image"
done
