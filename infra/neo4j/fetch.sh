#!/usr/bin/env bash
# Resolves the Neo4j 5.26 Community server jars from Maven Central into
# .stance/neo4j/lib, once. Later calls return at once (the pom's hash is kept
# beside the jars, so a version bump in pom.xml fetches again).
# Prints nothing on stdout: its messages (and Maven's) are for people, so they
# go to stderr, and callers may read their own stdout undisturbed.
set -euo pipefail
exec >&2
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
lib="$root/.stance/neo4j/lib"
stamp="$lib/.pom.sha256"
want=$(sha256sum "$here/pom.xml" | cut -d' ' -f1)

if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
  exit 0
fi
command -v mvn >/dev/null || { echo "stance: Maven (mvn) is needed to fetch Neo4j; install it (apt-get install -y maven)" >&2; exit 1; }
command -v java >/dev/null || { echo "stance: Java 17 is needed to run Neo4j; install it (apt-get install -y openjdk-17-jre-headless)" >&2; exit 1; }
echo "stance: fetching the Neo4j server jars from Maven Central (once, about 140 MB)..."
rm -rf "$lib" && mkdir -p "$lib"
mvn -q -B -f "$here/pom.xml" dependency:copy-dependencies \
  -DoutputDirectory="$lib" -DincludeScope=runtime
echo "$want" > "$stamp"
echo "stance: $(ls "$lib" | wc -l) jars in .stance/neo4j/lib"
