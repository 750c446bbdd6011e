#!/usr/bin/env bash
# The local Stanford CoreNLP server (jars from Maven Central, fetch.sh), run as
# a real server process on loopback, the parser at the front of extraction.
#   server.sh start   start it (or reuse the one running) and wait until it
#                     answers; print CORENLP_URL=... alone on stdout
#   server.sh stop    stop it
#   server.sh status  exit 0 when it runs
# Home (logs, pid): $STANCE_CORENLP_HOME, default .stance/corenlp.
# Port: $CORENLP_PORT (9000). Heap: $CORENLP_HEAP (2g); threads: $CORENLP_THREADS (4).
# The annotators it preloads are the ones extraction asks for (see
# src/parsing/corenlp.ts); others still work, loaded on first use.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
home=${STANCE_CORENLP_HOME:-$root/.stance/corenlp}
lib="$root/.stance/corenlp/lib"
port=${CORENLP_PORT:-9000}
heap=${CORENLP_HEAP:-2g}
threads=${CORENLP_THREADS:-4}
pidfile="$home/run/corenlp.pid"
preload=tokenize,ssplit,pos,lemma,ner,depparse

log() { echo "stance: $*" >&2; }
running() { [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; }
answers() { curl -sf -m 2 "http://127.0.0.1:$port/ready" >/dev/null 2>&1; }

start() {
  bash "$here/fetch.sh"
  mkdir -p "$home"/{run,logs}
  if running && answers; then log "CoreNLP already running on :$port"; return 0; fi
  if ! running && answers; then log "something else answers on :$port; set CORENLP_PORT"; exit 1; fi
  log "starting CoreNLP on :$port (heap $heap, $threads threads)..."
  local t0=$SECONDS
  # -preload loads the models at start (about 20 s); the server answers
  # /ready only after that, so callers never wait on a half-loaded model.
  nohup java -mx"$heap" -XX:+UseG1GC -Dfile.encoding=UTF-8 -cp "$lib/*" \
    edu.stanford.nlp.pipeline.StanfordCoreNLPServer \
    -port "$port" -threads "$threads" -timeout 60000 -quiet true \
    -preload "$preload" -annotators "$preload" -ner.model '' -ner.applyFineGrained false \
    -ner.buildEntityMentions false -ner.combinationMode NORMAL \
    > "$home/logs/console.log" 2>&1 &
  echo $! > "$pidfile"
  for _ in $(seq 1 240); do
    answers && break
    if ! running; then log "CoreNLP exited; see $home/logs/console.log"; tail -20 "$home/logs/console.log" >&2; exit 1; fi
    sleep 0.5
  done
  answers || { log "CoreNLP did not answer on :$port within 120 s"; exit 1; }
  log "CoreNLP up in $((SECONDS - t0)) s"
}

stop() {
  if running; then
    local pid; pid=$(cat "$pidfile")
    log "stopping CoreNLP (pid $pid)"
    kill "$pid"
    for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -0 "$pid" 2>/dev/null && { log "CoreNLP did not stop in 20 s; killing it"; kill -9 "$pid"; }
  fi
  rm -f "$pidfile"
}

case "${1:-}" in
  start) start >&2; echo "CORENLP_URL=http://127.0.0.1:$port" ;;
  stop) stop ;;
  status) running ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
