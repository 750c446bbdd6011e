#!/usr/bin/env bash
# A local Redis (Debian's redis-server, installed here when missing) run as a
# real server process on loopback: what replicas share live updates through
# and what the bulk-ingest queue (BullMQ) runs on, without Docker.
#   server.sh start   start it (or reuse the one running) and wait until it
#                     answers PONG; print REDIS_URL=... alone on stdout
#   server.sh stop    stop it
#   server.sh status  exit 0 when it runs
# Home (pid, log): $STANCE_REDIS_HOME, default .stance/redis. Port:
# $REDIS_PORT (16379, clear of a system Redis on 6379). Memory: $REDIS_MAXMEMORY (512mb), noeviction, so a
# full Redis refuses new jobs with an error instead of dropping queued ones.
# Nothing is saved to disk: the queue's truth is the graph (jobs are
# idempotent), so a restarted Redis loses only jobs not yet run.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
home=${STANCE_REDIS_HOME:-$root/.stance/redis}
port=${REDIS_PORT:-16379}
maxmemory=${REDIS_MAXMEMORY:-512mb}
pidfile="$home/redis.pid"

log() { echo "stance: $*" >&2; }
running() { [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; }
answers() { [ "$(redis-cli -p "$port" ping 2>/dev/null)" = PONG ]; }

install() {
  command -v redis-server >/dev/null 2>&1 && return 0
  [ "$(id -u)" = 0 ] || { log "redis-server is not installed and this is not root: apt-get install redis-server"; exit 1; }
  log "installing Debian's redis-server..."
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null
  # The package starts a system-wide Redis on 6379 where an init system runs; ours is our own process.
}

start() {
  install
  mkdir -p "$home"
  if running && answers; then log "Redis already running on :$port"; return 0; fi
  if ! running && answers; then log "something else answers on :$port; set REDIS_PORT"; exit 1; fi
  log "starting Redis on :$port (maxmemory $maxmemory)..."
  redis-server --port "$port" --bind 127.0.0.1 --save '' --appendonly no \
    --maxmemory "$maxmemory" --maxmemory-policy noeviction \
    --daemonize yes --pidfile "$pidfile" --logfile "$home/redis.log" --dir "$home"
  for _ in $(seq 1 100); do answers && break; sleep 0.1; done
  answers || { log "Redis did not answer on :$port; see $home/redis.log"; tail -20 "$home/redis.log" >&2; exit 1; }
}

stop() {
  if running; then
    local pid; pid=$(cat "$pidfile")
    log "stopping Redis (pid $pid)"
    kill "$pid"
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
  fi
  rm -f "$pidfile"
}

case "${1:-}" in
  start) start >&2; echo "REDIS_URL=redis://127.0.0.1:$port" ;;
  stop) stop ;;
  status) running ;;
  install) install ;;
  *) echo "usage: $0 start|stop|status|install" >&2; exit 2 ;;
esac
