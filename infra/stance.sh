#!/usr/bin/env bash
# The project's two entry points, usable on a fresh machine:
#   npm start  -> infra/stance.sh start   run the service (and a local Neo4j)
#   npm test   -> infra/stance.sh test    run every test tier
#   npm run demo -> infra/stance.sh demo  (re)load the demo graph
#   npm run ingest -- FILES -> ingest plain-text articles
#   npm run quality -- [FOLDER] [GOLD] -> extraction quality from an empty graph
#   npm run corpus -- check|import -> the real-article corpus's texts (test/fixtures/articles-real)
#   npm run token -- ROLE [TTL] [SUBJECT] -> a signed bearer token (reader|editor|admin)
#   npm run bench -- [--tiny] ...  -> the performance benchmark (bench/run.ts)
#   npm run bench:data -- --stances N -> generate a bench data tier once
#   infra/stance.sh node CMD...  -> CMD with Node 24 and the dependencies
#     (every other npm script: check, build, lint, test:unit, ...)
# Each provides what the machine lacks first: Node 24 (from the npm registry,
# into .stance/toolchain), the npm dependencies, and for the tests a Docker
# engine and the Neo4j test image.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
log() { echo "stance: $*" >&2; }

# Debian packages the machine lacks, installed in one apt call (we run as root
# on these machines; elsewhere install them yourself: see README).
ensure_packages() {
  local missing=() cmd pkg
  for pair in "$@"; do
    cmd=${pair%%=*}; pkg=${pair#*=}
    command -v "$cmd" >/dev/null 2>&1 || [ -x "$cmd" ] || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" != 0 ]; then
    log "missing: ${missing[*]}; install them (apt-get install ${missing[*]}) and run again"; exit 1
  fi
  log "installing ${missing[*]} from Debian (once)..."
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
}

# Set once Node 24 is on PATH and the dependencies match the lock file, so the
# npm scripts that `test` runs (each through `stance.sh node`) skip the checks.
ready() { [ "${STANCE_READY:-}" = "$root" ]; }

ensure_node() {
  ready && return 0
  local major
  major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
  if [ "$major" -lt 24 ]; then
    local bin="$root/.stance/toolchain/node_modules/.bin"
    if [ ! -x "$bin/node" ]; then
      log "this machine has Node $(node --version 2>/dev/null || echo none); installing Node 24 LTS from the npm registry into .stance/toolchain"
      npm install --prefix "$root/.stance/toolchain" --no-save --no-audit --no-fund --loglevel=error node@24 >/dev/null
    fi
    export PATH="$bin:$PATH"
  fi
  log "node $(node --version)"
}

ensure_deps() {
  ready && return 0
  # npm ci when node_modules is missing or older than the lock file.
  local stamp="$root/node_modules/.stance-lock"
  local want; want=$(sha256sum package-lock.json | cut -d' ' -f1)
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
    log "installing npm dependencies (npm ci)..."
    npm ci --no-audit --no-fund --loglevel=error >&2
    echo "$want" > "$stamp"
  fi
  export STANCE_READY="$root"
}

# Our stdout is the commands' data (a token, say): the build speaks on stderr.
# The service (src/) builds into dist/, alone; the tools (cli/, bench/) build
# apart, into dist-tools/ (tsconfig.tools.json, with the service code they run).
build() {
  log "building (nest build)..."
  npx nest build >&2
}

build_tools() {
  log "building the tools (nest build -c nest-cli.tools.json)..."
  npx nest build -c nest-cli.tools.json >&2
}

# Starts the local Neo4j (or reuses it) and exports what server.sh prints:
# exactly NEO4J_URI, NEO4J_USERNAME and NEO4J_PASSWORD lines. Its output is
# read as data, never run: any other line is an error.
local_neo4j_env() {
  local out line name seen=""
  out=$(bash infra/neo4j/server.sh start) || { log "the local Neo4j did not start (above)"; exit 1; }
  while IFS= read -r line; do
    [ -z "$line" ] && continue
    if [[ $line =~ ^NEO4J_(URI|USERNAME|PASSWORD)=(.*)$ ]]; then
      name="NEO4J_${BASH_REMATCH[1]}"
      export "$name=${BASH_REMATCH[2]}"
      seen+=" $name"
    else
      log "infra/neo4j/server.sh start printed an unexpected line on stdout (only NEO4J_URI=, NEO4J_USERNAME=, NEO4J_PASSWORD= are read): ${line:0:200}"
      exit 1
    fi
  done <<< "$out"
  for name in NEO4J_URI NEO4J_USERNAME NEO4J_PASSWORD; do
    [[ " $seen " == *" $name "* ]] || { log "infra/neo4j/server.sh start did not print $name"; exit 1; }
  done
}

# `start` runs the built service; `start watch` (npm run start:dev) runs
# `nest start --watch` instead: rebuilt and restarted on every change.
start() {
  local mode=${1:-built}
  ensure_packages java=openjdk-17-jre-headless mvn=maven
  ensure_node
  ensure_deps
  [ "$mode" = watch ] || build
  # A person at a terminal reads the log; a collector reads JSON lines.
  if [ -z "${STANCE_LOG_FORMAT:-}" ] && [ -t 1 ]; then export STANCE_LOG_FORMAT=text; fi
  local started_neo4j=0
  if [ -z "${NEO4J_URI:-}" ]; then
    # The embedded default: a local Neo4j 5.26 from the Maven Central jars.
    local_neo4j_env
    started_neo4j=1
    export STANCE_LOAD_DEMO=${STANCE_LOAD_DEMO:-true}
  else
    log "using the Neo4j at $NEO4J_URI (NEO4J_URI is set; no local server started)"
  fi
  # The parser at the front of extraction (the default reader: it scores better on
  # the real blind set): started in the background, so the service answers at
  # once; until the parser has loaded its models, articles are read by the
  # patterns alone. STANCE_PARSER=off, or a CORENLP_URL of your own, skips it.
  local parser_job=""
  if [ -z "${CORENLP_URL:-}" ] && [ "${STANCE_PARSER:-corenlp}" != off ]; then
    export CORENLP_URL="http://127.0.0.1:${CORENLP_PORT:-9000}"
    if ! bash infra/corenlp/server.sh status; then
      log "starting the CoreNLP parser in the background (the first time, its 473 MB of jars come from Maven Central); log .stance/corenlp/logs"
      setsid bash infra/corenlp/server.sh start >/dev/null 2>&1 &
      parser_job=$!
    fi
  fi
  if [ "$mode" = watch ]; then
    # Nest's watcher prints its compiler's progress on stdout: for people, so to stderr.
    "$root/node_modules/.bin/nest" start --watch >&2 &
  else
    node dist/main.js &
  fi
  local app=$!
  stop_all() {
    trap - INT TERM
    kill -TERM "$app" 2>/dev/null || true
    wait "$app" 2>/dev/null || true
    if [ "$started_neo4j" = 1 ]; then bash infra/neo4j/server.sh stop; fi
    if [ -n "$parser_job" ]; then
      # its own process group (setsid): the fetch, the script and the server with it
      kill -TERM -- "-$parser_job" 2>/dev/null || true
      bash infra/corenlp/server.sh stop
    fi
  }
  trap 'stop_all; exit 0' INT TERM
  log "Neo4j Browser: http://localhost:${NEO4J_HTTP_PORT:-7474}/browser/  (user neo4j, password in ${STANCE_NEO4J_HOME:-.stance/neo4j}/password)"
  local status=0
  wait "$app" || status=$?
  stop_all
  exit "$status"
}

# Runs a built tool (dist-tools/NAME.js) against NEO4J_URI, or against the local
# Neo4j (started for the command, and stopped again if it was not running).
run_cli() {
  local name=$1; shift
  ensure_node
  ensure_deps
  build_tools
  local stop_after=0
  if [ -z "${NEO4J_URI:-}" ]; then
    bash infra/neo4j/server.sh status || stop_after=1
    local_neo4j_env
  fi
  # The parser when it runs already (npm start runs it); a command does not wait for one to load.
  if [ -z "${CORENLP_URL:-}" ] && [ "${STANCE_PARSER:-corenlp}" != off ] && bash infra/corenlp/server.sh status; then
    export CORENLP_URL="http://127.0.0.1:${CORENLP_PORT:-9000}"
  fi
  local status=0
  node "dist-tools/$name.js" "$@" || status=$?
  if [ "$stop_after" = 1 ]; then bash infra/neo4j/server.sh stop; fi
  return "$status"
}

# Quality and benchmarks are measured from an empty graph: a throwaway Neo4j
# on free ports, removed afterwards (unless NEO4J_URI names a database).
run_fresh() {
  if [ -n "${NEO4J_URI:-}" ]; then run_cli "$@"; return; fi
  ensure_node
  local home; home=$(mktemp -d "$root/.stance/quality-XXXXXX")
  local ports; ports=$(node -e 'const n=require("net");const f=()=>new Promise(r=>{const s=n.createServer();s.listen(0,"127.0.0.1",()=>{const p=s.address().port;s.close(()=>r(p))})});Promise.all([f(),f()]).then(p=>console.log(p.join(" ")))')
  local status=0
  (
    export STANCE_NEO4J_HOME="$home" NEO4J_BOLT_PORT=${ports% *} NEO4J_HTTP_PORT=${ports#* }
    trap 'bash infra/neo4j/server.sh stop; rm -rf "$home"' EXIT
    local_neo4j_env
    run_cli "$@"
  ) || status=$?
  return "$status"
}

run_tests() {
  ensure_packages java=openjdk-17-jre-headless mvn=maven /usr/bin/chromium=chromium redis-server=redis-server
  ensure_node
  ensure_deps
  log "type check"
  npm run --silent check
  log "unit tests"
  npm run --silent test:unit
  bash infra/docker.sh ensure
  log "integration tests (Neo4j in a container started by testcontainers)"
  npm run --silent test:int
  # The memory test runs the built service as a process of its own.
  build
  log "reliability tests (concurrent ingesters, a Neo4j outage under load, fuzzing, every route x spelling x role, memory under large anonymous requests, pathological articles; sizes: STANCE_REL_*)"
  npm run --silent test:reliability
  log "end-to-end tests (the run command, a real browser)"
  npm run --silent test:e2e
  log "benchmark, tiny (that it runs and the three servers agree; not timings)"
  npm run --silent bench -- --tiny
}

# The performance benchmark (bench/): it starts the Neo4j servers it needs
# itself (a kept home per data tier under .stance/bench-neo4j, or NEO4J_URI),
# and measures the service as production builds it (dist/main.js).
run_bench() {
  local name=$1; shift
  ensure_packages java=openjdk-17-jre-headless mvn=maven
  ensure_node
  ensure_deps
  build
  build_tools
  node "dist-tools/$name.js" "$@"
}

# `stance.sh node CMD...`: CMD with Node 24 and the project's tools on PATH.
run_tool() {
  ensure_node
  ensure_deps
  export PATH="$root/node_modules/.bin:$PATH"
  command -v "${1:-}" >/dev/null 2>&1 || { log "'${1:-}' is not installed here (not a dependency in package.json?)"; exit 127; }
  exec "$@"
}

case "${1:-}" in
  start) start ;;
  dev) start watch ;;
  test) run_tests ;;
  demo) shift; run_cli cli/demo "$@" ;;
  ingest) shift; run_cli cli/ingest "$@" ;;
  quality) shift; run_fresh cli/quality "$@" ;;
  learning) shift; run_fresh cli/learning "$@" ;;
  token) shift; ensure_node; ensure_deps; build_tools; node dist-tools/cli/token.js "$@" ;;
  schema) shift; ensure_node; ensure_deps; build_tools; node dist-tools/cli/schema.js "$@" ;;
  schema-diff) shift; ensure_node; ensure_deps; build_tools; node dist-tools/cli/schema-diff.js "$@" ;;
  corpus) shift; ensure_node; ensure_deps; build_tools; node dist-tools/cli/corpus.js "$@" ;;
  confidence-fit) shift; ensure_node; ensure_deps; build_tools; node dist-tools/cli/confidence-fit.js "$@" ;;
  bench-ingest) shift; run_fresh bench/ingest-bench "$@" ;;
  bench-queue) shift; ensure_node; ensure_deps; ensure_packages redis-server=redis-server; build; run_fresh bench/queue-bench "$@" ;;
  bench) shift; run_bench bench/run "$@" ;;
  bench-cpu) shift; run_bench bench/cpu-profile "$@" ;;
  bench-data) shift; run_bench bench/data "$@" ;;
  # The other npm scripts (check, build, lint, test:unit, ...): the command
  # with Node 24 and the project's tools on PATH.
  node) shift; run_tool "$@" ;;
  *) echo "usage: $0 start|dev|test|demo|ingest|quality|learning|confidence-fit|token|schema|schema-diff|corpus|bench|bench-ingest|bench-data|node CMD..." >&2; exit 2 ;;
esac
