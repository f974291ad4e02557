#!/usr/bin/env bash
# Builds the Docker image and runs it WITHOUT a Docker engine, with podman on a locally made Debian 12 base
# image (platform.md §7), then checks: the health check answers, the process runs as uid 10001, the
# database lives in the /data volume and survives a restart of the container, and SIGTERM stops it cleanly.
# Usage: scripts/container-check.sh [SCRATCH_DIR]     (needs root; installs podman, buildah, runc, debootstrap)
set -euo pipefail
cd "$(dirname "$0")/.."
SCRATCH=${1:-/tmp/incentive-lab-container}
IMAGE=localhost/incentive-lab:check
NAME=incentive-lab-check
PORT=${CHECK_PORT:-18080}
mkdir -p "$SCRATCH"

need() { command -v "$1" >/dev/null 2>&1; }
if ! need podman || ! need runc || ! need debootstrap; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq podman buildah runc debootstrap >/dev/null
fi

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
CA_MOUNT=()
[ -d /usr/local/share/ca-certificates ] && CA_MOUNT=(-v /usr/local/share/ca-certificates:/usr/local/share/ca-certificates:ro)
"${PODMAN[@]}" build --isolation chroot --network host --format docker "${LIMITS[@]}" "${CA_MOUNT[@]}" \
  --build-arg BASE_IMAGE=localhost/bookworm-base:latest -t "$IMAGE" .

cleanup() { "${PODMAN[@]}" rm -f "$NAME" >/dev/null 2>&1 || true; }
trap cleanup EXIT
cleanup
"${PODMAN[@]}" volume rm -f incentive-lab-check-data >/dev/null 2>&1 || true

start() {
  "${PODMAN[@]}" run -d --name "$NAME" --network=host "${LIMITS[@]}" -e PORT="$PORT" \
    -v incentive-lab-check-data:/data "$IMAGE" >/dev/null
  for _ in $(seq 1 120); do
    if curl -fsS "http://127.0.0.1:$PORT/actuator/health" >/dev/null 2>&1; then return 0; fi
    sleep 1
  done
  "${PODMAN[@]}" logs "$NAME" | tail -50
  echo "FAIL: the app did not answer its health check"; exit 1
}

echo "== run"
start
"${PODMAN[@]}" healthcheck run "$NAME" && echo "ok: health check passes"
uid=$("${PODMAN[@]}" exec "$NAME" id -u)
[ "$uid" = "10001" ] && echo "ok: runs as uid $uid (non-root)" || { echo "FAIL: runs as uid $uid"; exit 1; }
"${PODMAN[@]}" exec "$NAME" sh -c 'ls /data/*.mv.db' >/dev/null && echo "ok: database in the /data volume"

echo "== SIGTERM"
"${PODMAN[@]}" stop -t 60 "$NAME" >/dev/null
code=$("${PODMAN[@]}" inspect "$NAME" --format '{{.State.ExitCode}}')
"${PODMAN[@]}" logs "$NAME" 2>&1 | grep -q "Graceful shutdown complete" \
  && echo "ok: graceful shutdown on SIGTERM (exit code $code)" \
  || { echo "FAIL: no graceful shutdown (exit code $code)"; exit 1; }
"${PODMAN[@]}" rm "$NAME" >/dev/null

echo "== restart on the same volume"
start
"${PODMAN[@]}" exec "$NAME" sh -c 'ls /data/*.mv.db' >/dev/null && echo "ok: data kept across a restart"
echo "container check passed"
