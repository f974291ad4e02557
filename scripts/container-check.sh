#!/usr/bin/env bash
# Builds the Docker image and runs it WITHOUT a Docker engine, with podman on a locally made Debian 12 base
# image (platform.md §7), then checks: the health check answers, the process runs as uid 10001, the database
# lives in the /data volume, SIGTERM stops it cleanly, and the data survive a restart BY CONTENT:
#   - an experiment finished before the restart has the same results JSON, summary CSV and runs CSV after it;
#   - a notebook imported and renamed in a real browser (ContainerNotebookProbe, Playwright + Debian's Chromium
#     on the host) is listed, opens, and exports byte-identically after it;
#   - an experiment running at SIGTERM resumes on the next start and completes, with every run that had
#     finished before the stop unchanged and every run index stored once.
# Usage: scripts/container-check.sh [SCRATCH_DIR]     (needs root; installs podman, buildah, runc, debootstrap,
#        jq and chromium if missing; compiles the test classes on the host for the browser probe)
set -euo pipefail
cd "$(dirname "$0")/.."
SCRATCH=${1:-/tmp/incentive-lab-container}
IMAGE=localhost/incentive-lab:check
NAME=incentive-lab-check
PORT=${CHECK_PORT:-18080}
mkdir -p "$SCRATCH"

need() { command -v "$1" >/dev/null 2>&1; }
if ! need podman || ! need runc || ! need debootstrap || ! need jq || [ ! -x /usr/bin/chromium ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq podman buildah runc debootstrap jq chromium >/dev/null
fi
T0=$(date +%s)
elapsed() { echo "$(( $(date +%s) - T0 )) s"; }

printf '[storage]\ndriver = "vfs"\nrunroot = "%s/ctr/run"\ngraphroot = "%s/ctr/storage"\n' "$SCRATCH" "$SCRATCH" \
  > "$SCRATCH/storage.conf"
export CONTAINERS_STORAGE_CONF="$SCRATCH/storage.conf"
PODMAN=(podman --runtime runc)
LIMITS=(--ulimit nofile=4096:4096 --ulimit nproc=4096:4096)

if ! "${PODMAN[@]}" image exists localhost/bookworm-base:latest; then
  # the Debian mirror this machine's apt uses (deb822 or one-line format), else the default one
  mirror=$(cat /etc/apt/sources.list.d/*.sources /etc/apt/sources.list 2>/dev/null \
    | grep -oE 'https?://[^ ]+/debian/?$|https?://[^ ]+/debian ' | head -n1 | tr -d ' ' || true)
  mirror=${mirror:-http://deb.debian.org/debian}
  echo "== debootstrap bookworm from ${mirror}"
  rm -rf "$SCRATCH/rootfs"
  debootstrap --variant=minbase bookworm "$SCRATCH/rootfs" "$mirror" >/dev/null
  tar -C "$SCRATCH/rootfs" -c . | "${PODMAN[@]}" import - localhost/bookworm-base:latest >/dev/null
fi

echo "== build image"
if [ "${CHECK_SKIP_BUILD:-0}" = 1 ] && "${PODMAN[@]}" image exists "$IMAGE"; then
  echo "(CHECK_SKIP_BUILD=1: using the existing $IMAGE)"
else
CA_MOUNT=()
[ -d /usr/local/share/ca-certificates ] && CA_MOUNT=(-v /usr/local/share/ca-certificates:/usr/local/share/ca-certificates:ro)
"${PODMAN[@]}" build --isolation chroot --network host --format docker "${LIMITS[@]}" "${CA_MOUNT[@]}" \
  --build-arg BASE_IMAGE=localhost/bookworm-base:latest -t "$IMAGE" .
echo "ok: image built ($(elapsed))"
fi

echo "== browser probe (test classes on the host)"
./mvnw -B -q test-compile dependency:build-classpath -Dmdep.outputFile="$SCRATCH/test-classpath.txt" >/dev/null
PROBE_CP="target/test-classes:target/classes:$(cat "$SCRATCH/test-classpath.txt")"
probe() { java -Dplaywright.nodejs.path="$(command -v node)" -cp "$PROBE_CP" \
  io.incentivelab.hardening.ContainerNotebookProbe "$1" "$BASE" "$STATE"; }

cleanup() { "${PODMAN[@]}" rm -f "$NAME" >/dev/null 2>&1 || true; }
trap cleanup EXIT
cleanup
"${PODMAN[@]}" volume rm -f incentive-lab-check-data >/dev/null 2>&1 || true
BASE="http://127.0.0.1:$PORT"
STATE="$SCRATCH/state"
rm -rf "$STATE" && mkdir -p "$STATE"

fail() { echo "FAIL: $*"; "${PODMAN[@]}" logs "$NAME" 2>&1 | tail -40; exit 1; }

start() {
  # --health-interval=disable: no systemd timer here (podman would log errors); the check is run by hand below
  "${PODMAN[@]}" run -d --name "$NAME" --network=host "${LIMITS[@]}" -e PORT="$PORT" --health-interval=disable \
    -v incentive-lab-check-data:/data "$IMAGE" >/dev/null
  for _ in $(seq 1 180); do
    if curl -fsS "$BASE/actuator/health" >/dev/null 2>&1; then return 0; fi
    sleep 1
  done
  fail "the app did not answer its health check"
}

# stops the container with SIGTERM and checks that it shut down gracefully
stop_gracefully() {
  "${PODMAN[@]}" stop -t 60 "$NAME" >/dev/null
  local code
  code=$("${PODMAN[@]}" inspect "$NAME" --format '{{.State.ExitCode}}')
  # (grep on a file: with pipefail, grep -q on a pipe can fail the pipeline by closing it early)
  "${PODMAN[@]}" logs "$NAME" > "$STATE/container.log" 2>&1
  grep -q "Graceful shutdown complete" "$STATE/container.log" || fail "no graceful shutdown (exit code $code)"
  case "$code" in 0|143) ;; *) fail "exit code $code after SIGTERM (expected 0 or 143)";; esac
  echo "ok: graceful shutdown on SIGTERM (exit code $code, 'Graceful shutdown complete' logged)"
}

api() { curl -fsS --max-time 120 "$BASE$1"; }
post_experiment() { # FILE JQ-EXPRESSION → id
  jq -c "$2" "$1" | curl -fsS --max-time 120 -X POST "$BASE/api/experiments" -H 'Content-Type: application/json' \
    --data-binary @- | jq -r .id
}
await_status() { # ID STATUS SECONDS
  local s
  for _ in $(seq 1 "$3"); do
    s=$(api "/api/experiments/$1" | jq -r .status)
    [ "$s" = "$2" ] && return 0
    case "$s" in FAILED|CANCELLED) fail "experiment $1 is $s";; esac
    sleep 1
  done
  fail "experiment $1 not $2 within $3 s (last: $s)"
}

echo "== run"
start
echo "ok: health endpoint answers ($(elapsed))"
"${PODMAN[@]}" healthcheck run "$NAME" && echo "ok: container health check passes"
uid=$("${PODMAN[@]}" exec "$NAME" id -u)
[ "$uid" = "10001" ] && echo "ok: runs as uid $uid (non-root)" || fail "runs as uid $uid"
"${PODMAN[@]}" exec "$NAME" sh -c 'ls /data/*.mv.db' >/dev/null && echo "ok: database in the /data volume"

echo "== data before the restart"
# 1. an experiment that finishes before the restart: 2 scenarios x 2 replicates = 4 runs
FINISHED=$(post_experiment data/examples/curve-comparison.experiment.json '.replicates = 2')
await_status "$FINISHED" COMPLETED 600
api "/api/experiments/$FINISHED/results" > "$STATE/finished-results-before.json"
api "/api/experiments/$FINISHED/results.csv" > "$STATE/finished-summary-before.csv"
api "/api/experiments/$FINISHED/runs.csv" > "$STATE/finished-runs-before.csv"
echo "ok: experiment $FINISHED completed, $(jq '.runs | length' "$STATE/finished-results-before.json") runs stored"
# 2. a notebook imported, renamed and exported in a browser
probe create || fail "the browser probe could not make the notebook"
# 3. an experiment still running at SIGTERM: 8 points x 20 replicates = 160 runs (about 20 s on a quiet core)
RUNS=160
RUNNING=$(post_experiment data/examples/curve-sweep.experiment.json '.replicates = 20')
for _ in $(seq 1 600); do
  done_before=$(api "/api/experiments/$RUNNING" | jq -r .done)
  [ "$done_before" -ge 3 ] && break
  sleep 1
done
status_before=$(api "/api/experiments/$RUNNING" | jq -r .status)
[ "$status_before" = RUNNING ] || fail "experiment $RUNNING is $status_before, not RUNNING, before the stop"
api "/api/experiments/$RUNNING/results" | jq -c '.runs[] | select(.status == "DONE")' | sort > "$STATE/running-done-before.jsonl"
echo "ok: experiment $RUNNING running with $(wc -l < "$STATE/running-done-before.jsonl") of $RUNS runs done ($(elapsed))"

echo "== SIGTERM"
stop_gracefully
"${PODMAN[@]}" rm "$NAME" >/dev/null

echo "== restart on the same volume"
start
echo "ok: healthy again ($(elapsed))"
api "/api/experiments/$FINISHED/results" > "$STATE/finished-results-after.json"
api "/api/experiments/$FINISHED/results.csv" > "$STATE/finished-summary-after.csv"
api "/api/experiments/$FINISHED/runs.csv" > "$STATE/finished-runs-after.csv"
for f in finished-results finished-summary finished-runs; do
  ext=csv; [ "$f" = finished-results ] && ext=json
  cmp -s "$STATE/$f-before.$ext" "$STATE/$f-after.$ext" || fail "$f.$ext differs after the restart"
done
echo "ok: finished experiment identical after the restart (results JSON, summary CSV, runs CSV byte for byte)"

probe verify || fail "the notebook did not survive the restart unchanged"
echo "ok: notebook kept across the restart with the same content"

"${PODMAN[@]}" logs "$NAME" > "$STATE/container.log" 2>&1
grep -q "experiment $RUNNING resumed" "$STATE/container.log" \
  && echo "ok: $(grep -o "experiment $RUNNING resumed.*" "$STATE/container.log")" \
  || fail "no 'experiment $RUNNING resumed' in the log"
await_status "$RUNNING" COMPLETED 1200
api "/api/experiments/$RUNNING" > "$STATE/running-status-after.json"
api "/api/experiments/$RUNNING/results" > "$STATE/running-results-after.json"
jq -c '.runs[]' "$STATE/running-results-after.json" | sort > "$STATE/running-runs-after.jsonl"
[ "$(jq .done "$STATE/running-status-after.json")" = "$RUNS" ] && [ "$(jq .failed "$STATE/running-status-after.json")" = 0 ] \
  || fail "resumed experiment: $(cat "$STATE/running-status-after.json")"
[ "$(jq '[.runs[] | select(.status == "DONE") | .runIndex] | unique | length' "$STATE/running-results-after.json")" = "$RUNS" ] \
  && [ "$(jq '.runs | length' "$STATE/running-results-after.json")" = "$RUNS" ] \
  || fail "resumed experiment does not have its $RUNS runs each once and DONE"
changed=$(comm -23 "$STATE/running-done-before.jsonl" "$STATE/running-runs-after.jsonl" | wc -l)
[ "$changed" = 0 ] || fail "$changed runs finished before the stop changed after the restart"
echo "ok: experiment running at SIGTERM resumed and completed: $RUNS/$RUNS runs, each index once, the" \
  "$(wc -l < "$STATE/running-done-before.jsonl") finished before the stop unchanged ($(elapsed))"

stop_gracefully
echo "container check passed in $(elapsed)"
