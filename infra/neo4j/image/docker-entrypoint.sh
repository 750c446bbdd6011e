#!/bin/bash
# Starts Neo4j in the foreground, honouring what Testcontainers' Neo4jContainer
# and docker-compose users rely on from the official image:
#   NEO4J_AUTH=neo4j/<password> | none, NEO4J_<setting> overrides, logs on
#   stdout (the "Started." line is the readiness signal), Bolt 7687, HTTP 7474.
set -euo pipefail
conf="$NEO4J_CONF/neo4j.conf"
java_cp="$NEO4J_HOME/lib/*"

# A fresh conf per start, so a restarted container never repeats overrides.
cp /etc/stance/neo4j.conf "$conf"

# NEO4J_server_memory_heap_max__size -> server.memory.heap.max_size, as in the
# official image. Only names with lowercase letters are settings; NEO4J_AUTH,
# NEO4J_HOME, NEO4J_CONF, NEO4J_PLUGINS and the like are not.
while IFS='=' read -r name value; do
  [[ $name =~ ^NEO4J_.*[a-z] ]] || continue
  key=${name#NEO4J_}; key=${key//__/@}; key=${key//_/.}; key=${key//@/_}
  echo "$key=$value" >> "$conf"
done < <(env)

if [ -n "${NEO4J_PLUGINS:-}" ]; then
  echo "stance: NEO4J_PLUGINS is ignored: this local image has no plugins (no registry to fetch them)" >&2
fi

case "${NEO4J_AUTH:-}" in
  none)
    echo "dbms.security.auth_enabled=false" >> "$conf" ;;
  neo4j/?*)
    # Only the first start of an empty database can take an initial password.
    # It goes in through a 0600 @file (neo4j-admin is picocli-based and reads
    # @file arguments), so no process's argv holds it: the host's `ps` lists
    # container processes too.
    if [ ! -d /data/databases/system ]; then
      # In double quotes, \ and " escaped: picocli reads it back verbatim,
      # spaces, # and quotes included (tried).
      pw=${NEO4J_AUTH#neo4j/}; pw=${pw//\\/\\\\}; pw=${pw//\"/\\\"}
      argfile=$(umask 077 && mktemp)
      printf '"%s"\n' "$pw" > "$argfile"
      java -cp "$java_cp" org.neo4j.cli.AdminTool dbms set-initial-password "@$argfile" || { rm -f "$argfile"; exit 1; }
      rm -f "$argfile"
    fi ;;
  "") ;; # Neo4j's default: user neo4j, password neo4j, changed on first login.
  *)
    echo "stance: NEO4J_AUTH must be 'neo4j/<password>' or 'none'" >&2; exit 1 ;;
esac

# The server never reads it; its environment (/proc/PID/environ) need not hold it.
unset NEO4J_AUTH

# bin/neo4j would read the heap size from the conf and start a second JVM; we
# exec the entry point ourselves (one JVM, docker stop's SIGTERM reaches it).
setting() { sed -n "s/^$1=//p" "$conf" | tail -n 1; }
# Flags from the distribution's default neo4j.conf that matter on Java 17
# (without the --add-opens Neo4j falls back to slower I/O and warns), and
# --console-mode, which puts the user log (with its "Started." line) on stdout.
exec java \
  -Xms"$(setting server.memory.heap.initial_size)" \
  -Xmx"$(setting server.memory.heap.max_size)" \
  -XX:+UseG1GC -XX:-OmitStackTraceInFastThrow -XX:+DisableExplicitGC \
  -XX:+UnlockExperimentalVMOptions -XX:+TrustFinalNonStaticFields \
  -Djdk.nio.maxCachedBufferSize=1024 -Dio.netty.tryReflectionSetAccessible=true \
  -Dlog4j2.disable.jmx=true \
  --add-opens=java.base/java.nio=ALL-UNNAMED \
  --add-opens=java.base/java.io=ALL-UNNAMED \
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED \
  -cp "$java_cp" org.neo4j.server.CommunityEntryPoint \
  --home-dir="$NEO4J_HOME" --config-dir="$NEO4J_CONF" --console-mode
