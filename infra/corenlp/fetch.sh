#!/usr/bin/env bash
# Resolves Stanford CoreNLP (code and English models, about 520 MB) from Maven
# Central into .stance/corenlp/lib, once. Later calls return at once (the
# pom's hash is kept beside the jars, so a version bump fetches again).
# Messages go to stderr; stdout stays empty.
set -euo pipefail
exec >&2
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
lib="$root/.stance/corenlp/lib"
stamp="$lib/.pom.sha256"
want=$(sha256sum "$here/pom.xml" | cut -d' ' -f1)

if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
  exit 0
fi
command -v mvn >/dev/null || { echo "stance: Maven (mvn) is needed to fetch CoreNLP; install it (apt-get install -y maven)"; exit 1; }
command -v java >/dev/null || { echo "stance: Java 17 is needed to run CoreNLP; install it (apt-get install -y openjdk-17-jre-headless)"; exit 1; }
echo "stance: fetching Stanford CoreNLP and its English models from Maven Central (once, about 520 MB)..."
rm -rf "$lib" && mkdir -p "$lib"
mvn -q -B -f "$here/pom.xml" dependency:copy-dependencies \
  -DoutputDirectory="$lib" -DincludeScope=runtime
echo "$want" > "$stamp"
echo "stance: $(ls "$lib" | wc -l) jars in .stance/corenlp/lib ($(du -sh "$lib" | cut -f1))"
