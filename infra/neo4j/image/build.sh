#!/usr/bin/env bash
# Builds stance-graph/neo4j:5.26-local, a stand-in for neo4j:5.26-community on
# machines that reach no container registry (only Debian and Maven Central).
# Once, cached: the Debian base is made only if missing, and the Neo4j image
# is rebuilt only when this folder's files or the pom change (content-hash
# label). Progress goes to stderr; stdout is the image name alone, for scripts.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
image=stance-graph/neo4j:5.26-local
base=stance-graph/debian-java17:bookworm
work="$root/.stance/image"
say() { echo "stance: $*" >&2; }
elapsed() { echo $(( $(date +%s) - $1 )); }
# stdout is the image name alone, whatever the tools below print: keep it as
# fd $data and send everything else to stderr. dockerd may be started below
# and outlive us: it must not hold a caller's pipe open.
exec {data}>&1 1>&2

bash "$root/infra/docker.sh" ensure {data}>&-
bash "$root/infra/neo4j/fetch.sh"
mkdir -p "$work"
# Two test runs starting at once must not build twice into the same folders.
exec 9>"$work/.lock"
flock 9

hash=$(cat "$here/Dockerfile" "$here/docker-entrypoint.sh" "$here/neo4j.conf" \
  "$root/infra/neo4j/pom.xml" | sha256sum | cut -c1-16)
have=$(docker image inspect -f '{{index .Config.Labels "stance.content-hash"}}' "$image" 2>/dev/null || true)
if [ "$have" = "$hash" ]; then
  echo "$image" >&"$data"
  exit 0
fi

# The Debian mirror this machine already uses (never a hard-coded host): the
# deb822 stanza serving bookworm, else a classic sources.list line.
mirror() {
  local uri
  uri=$(cat /etc/apt/sources.list.d/*.sources 2>/dev/null | awk -v RS= '
    /(^|\n)Suites:[^\n]*[ \t]bookworm([ \t\n]|$)/ && !/(^|\n)Enabled: *no/ {
      if (match($0, /URIs:[ \t]*[^ \t\n]+/)) {
        u = substr($0, RSTART, RLENGTH); sub(/URIs:[ \t]*/, "", u); print u; exit } }')
  if [ -z "$uri" ]; then
    uri=$(cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null | awk '
      $1 == "deb" && / bookworm / { for (i = 2; i <= NF; i++) if ($i ~ /^[a-z+]+:\/\//) { print $i; exit } }')
  fi
  [ -n "$uri" ] || { say "no Debian bookworm mirror found in /etc/apt/sources.list*"; return 1; }
  echo "$uri"
}

if ! docker image inspect "$base" >/dev/null 2>&1; then
  command -v debootstrap >/dev/null || {
    say "installing debootstrap (once)..."
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null
  }
  url=$(mirror)
  say "building base image (once, ~40 s): Debian bookworm + Java 17 from $url..."
  rootfs="$work/rootfs"
  rm -rf "$rootfs"
  t=$(date +%s)
  debootstrap --variant=minbase --include=openjdk-17-jre-headless bookworm "$rootfs" "$url" \
    >"$work/debootstrap.log" 2>&1 || { tail -n 30 "$work/debootstrap.log" >&2; exit 1; }
  say "debootstrap took $(elapsed "$t") s ($(du -sh "$rootfs" | cut -f1))"
  # Downloaded .debs, package lists, docs and translations: ~190 MB nobody
  # reads in a test container.
  rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/* \
    "$rootfs"/usr/share/doc/* "$rootfs"/usr/share/man/* "$rootfs"/usr/share/locale/*
  t=$(date +%s)
  tar -C "$rootfs" -c . | docker import - "$base" >/dev/null
  say "docker import took $(elapsed "$t") s ($(( $(docker image inspect -f '{{.Size}}' "$base") / 1000000 )) MB)"
  rm -rf "$rootfs"
fi

say "building $image (jars from .stance/neo4j/lib)..."
ctx="$work/context"
rm -rf "$ctx" && mkdir -p "$ctx"
cp -r "$root/.stance/neo4j/lib" "$ctx/lib"
rm -f "$ctx/lib/.pom.sha256"
cp "$here/neo4j.conf" "$here/docker-entrypoint.sh" "$ctx/"
t=$(date +%s)
docker build -f "$here/Dockerfile" --label "stance.content-hash=$hash" -t "$image" "$ctx" \
  >"$work/build.log" 2>&1 || { tail -n 30 "$work/build.log" >&2; exit 1; }
rm -rf "$ctx" # a 140 MB copy of the jars, remade at each build
# The image this one replaces is now untagged: drop it, and only it.
docker image prune -f --filter "label=stance.content-hash" >/dev/null
size=$(docker image inspect -f '{{.Size}}' "$image")
say "built $image in $(elapsed "$t") s ($(( size / 1000000 )) MB)"
echo "$image" >&"$data"
