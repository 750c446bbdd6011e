#!/usr/bin/env bash
# The local Neo4j 5.26 Community server: the official jars from Maven Central
# (fetch.sh), run as a real server process with its own neo4j.conf.
#   server.sh start   start it (or reuse the one already running), print env:
#                     NEO4J_URI=, NEO4J_USERNAME=, NEO4J_PASSWORD= lines, and
#                     nothing else, on stdout (all else goes to stderr)
#   server.sh stop    stop it cleanly
#   server.sh status  exit 0 when it runs
# Home (conf, data, logs, password): $STANCE_NEO4J_HOME, default .stance/neo4j.
# Ports: $NEO4J_BOLT_PORT (7687) and $NEO4J_HTTP_PORT (7474).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
home=${STANCE_NEO4J_HOME:-$root/.stance/neo4j}
lib="$root/.stance/neo4j/lib"
bolt_port=${NEO4J_BOLT_PORT:-7687}
http_port=${NEO4J_HTTP_PORT:-7474}
pidfile="$home/run/neo4j.pid"

log() { echo "stance: $*" >&2; }

running() { [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; }

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

write_conf() {
  mkdir -p "$home"/{conf,data,logs,plugins,import,run}
  # The home holds the password and the data: its owner's alone.
  chmod 700 "$home"
  sed -e "s|@BOLT_PORT@|$bolt_port|g" -e "s|@HTTP_PORT@|$http_port|g" -e "s|@HOME@|$home|g" \
    "$here/neo4j.conf" > "$home/conf/neo4j.conf"
  # A home may keep its own settings (the bench homes size memory for big
  # graphs): each key in $home/neo4j.local.conf replaces the template's.
  if [ -f "$home/neo4j.local.conf" ]; then
    local key
    for key in $(grep -E '^[a-z]' "$home/neo4j.local.conf" | cut -d= -f1); do
      sed -i "/^${key//./\\.}=/d" "$home/conf/neo4j.conf"
    done
    cat "$home/neo4j.local.conf" >> "$home/conf/neo4j.conf"
  fi
}

# A setting's value in the home's neo4j.conf (the last one wins, as in Neo4j).
conf_value() {
  grep -E "^${1//./\\.}=" "$home/conf/neo4j.conf" | tail -1 | cut -d= -f2- | tr -d ' '
}

admin() {
  NEO4J_HOME="$home" NEO4J_CONF="$home/conf" java -cp "$lib/*" org.neo4j.cli.AdminTool "$@"
}

# Sets a fresh database's password without putting it on a command line (any
# user's `ps` shows argv): neo4j-admin is picocli-based and reads `@file`
# arguments from the file, so argv holds only the path of a 0600 file that
# lives as long as the call. In double quotes with \ and " escaped, picocli
# reads any password back verbatim.
set_initial_password() {
  local argfile status=0 pw=${1//\\/\\\\}
  pw=${pw//\"/\\\"}
  argfile=$(umask 077 && mktemp "$home/run/password-arg.XXXXXX")
  printf '"%s"\n' "$pw" > "$argfile"
  admin dbms set-initial-password "@$argfile" >/dev/null || status=$?
  rm -f "$argfile"
  return "$status"
}

start() {
  bash "$here/fetch.sh"
  write_conf
  if [ ! -f "$home/password" ]; then
    # A fresh database: pick a password once and keep it beside the data,
    # readable by its owner only.
    local pw; pw=$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')
    set_initial_password "$pw"
    (umask 077 && echo "$pw" > "$home/password")
  fi
  chmod 600 "$home/password" # homes made before it was written 0600
  if running; then
    log "Neo4j already running (pid $(cat "$pidfile"))"
  else
    if port_open "$bolt_port"; then
      log "port $bolt_port is taken by another process; set NEO4J_BOLT_PORT or stop it"; exit 1
    fi
    log "starting Neo4j 5.26 Community (bolt :$bolt_port, browser http://localhost:$http_port/browser/)"
    local t0=$SECONDS
    # The heap the configuration names, as Neo4j's own launcher would pass it:
    # without these flags the JVM takes a quarter of the machine's memory
    # (6 GB here) whatever neo4j.conf says.
    local heap=() size
    size=$(conf_value server.memory.heap.initial_size); [ -n "$size" ] && heap+=("-Xms$size")
    size=$(conf_value server.memory.heap.max_size); [ -n "$size" ] && heap+=("-Xmx$size")
    nohup java -XX:+UseG1GC "${heap[@]}" -Dfile.encoding=UTF-8 -cp "$lib/*" org.neo4j.server.CommunityEntryPoint \
      --home-dir="$home" --config-dir="$home/conf" > "$home/logs/console.log" 2>&1 &
    echo $! > "$pidfile"
    for _ in $(seq 1 120); do
      if port_open "$bolt_port" && port_open "$http_port"; then break; fi
      if ! running; then log "Neo4j exited; see $home/logs/console.log"; tail -20 "$home/logs/console.log" >&2; exit 1; fi
      sleep 0.5
    done
    port_open "$bolt_port" || { log "Neo4j did not open bolt :$bolt_port within 60 s"; exit 1; }
    log "Neo4j up in $((SECONDS - t0)) s"
  fi
}

# What `start` hands its caller, alone on stdout (stance.sh and the bench read it).
print_env() {
  echo "NEO4J_URI=bolt://localhost:$bolt_port"
  echo "NEO4J_USERNAME=neo4j"
  echo "NEO4J_PASSWORD=$(cat "$home/password")"
}

stop() {
  if running; then
    local pid; pid=$(cat "$pidfile")
    log "stopping Neo4j (pid $pid)"
    kill "$pid"
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -0 "$pid" 2>/dev/null && { log "Neo4j did not stop in 30 s; killing it"; kill -9 "$pid"; }
  fi
  rm -f "$pidfile"
}

case "${1:-}" in
  # Whatever start and its children (fetch.sh, Maven, java) print goes to
  # stderr; only the three variables reach stdout.
  start) start >&2; print_env ;;
  stop) stop ;;
  status) running ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
