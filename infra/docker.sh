#!/usr/bin/env bash
# Makes sure a Docker engine answers, for Testcontainers and the local image
# build. These machines boot without one and have no container registry, so
# we start Debian's dockerd ourselves. Usage: bash infra/docker.sh ensure
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
log="$root/.stance/dockerd.log"

ensure() {
  # Quiet and instant when an engine (ours or anyone's) already answers.
  docker info >/dev/null 2>&1 && return 0
  # A local dockerd cannot stand in for an engine someone pointed us at.
  if [ -n "${DOCKER_HOST:-}" ]; then
    echo "stance: DOCKER_HOST=$DOCKER_HOST does not answer (unset it to use a local dockerd)" >&2
    return 1
  fi

  if ! command -v dockerd >/dev/null; then
    echo "stance: installing Debian's docker.io (once)..." >&2
    apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker.io >&2
  fi

  mkdir -p "$(dirname "$log")"
  if ! pgrep -x dockerd >/dev/null; then
    echo "stance: starting dockerd (log: .stance/dockerd.log)..." >&2
    # --ip: published ports bind to loopback unless a caller says otherwise,
    # so test databases are never reachable from outside the machine.
    # setsid + closed stdio: the daemon outlives this script and never holds
    # a caller's pipe open (Jest waits on its child's stdout).
    setsid dockerd --ip=127.0.0.1 </dev/null >>"$log" 2>&1 &
  fi

  for _ in $(seq 60); do
    docker info >/dev/null 2>&1 && return 0
    sleep 1
  done
  echo "stance: Docker did not answer within 60 s; see $log (last lines below)" >&2
  tail -n 20 "$log" >&2 || true
  return 1
}

case "${1:-}" in
  ensure) ensure ;;
  *) echo "usage: bash infra/docker.sh ensure" >&2; exit 2 ;;
esac
