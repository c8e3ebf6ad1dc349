#!/usr/bin/env bash
# Makes the api of a commit (default HEAD) the new baseline of the bnd baseline check.
# Run it only when an API change has been accepted; see README.md beside this script.
#
#   api-baseline/refresh.sh [COMMIT]
#
# Builds bundles/org.jixiao.api from a clean export of COMMIT (never from uncommitted edits, never installing
# anything into ~/.m2), stores the jar here as org.jixiao:org.jixiao.api:baseline-<date>-<commit> in a Maven
# repository layout, drops the previous baseline and points the api pom's jixiao.api.baseline.version at the
# new one. Commit what it changed afterwards.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
api_pom="$root/bundles/org.jixiao.api/pom.xml"

commit="$(git -C "$root" rev-parse --verify "${1:-HEAD}^{commit}")"
short="$(git -C "$root" rev-parse --short=7 "$commit")"
day="$(git -C "$root" show -s --format=%cd --date=format:%Y%m%d "$commit")"
version="baseline-$day-$short"

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/src"
git -C "$root" archive "$commit" | tar -x -C "$tmp/src"

echo "Building org.jixiao.api from $short ..."
# The baseline check itself is skipped: the baseline being replaced may be the thing that is out of date.
if ! mvn -B -f "$tmp/src/pom.xml" -pl bundles/org.jixiao.api -am package -DskipTests -Dbnd.baseline.skip=true \
    > "$tmp/build.log" 2>&1; then
  cat "$tmp/build.log" >&2
  echo "the api of $short did not build" >&2
  exit 1
fi

jar="$(ls "$tmp"/src/bundles/org.jixiao.api/target/org.jixiao.api-*.jar | grep -v -e '-sources' -e '-javadoc' | head -n 1)"
[ -f "$jar" ] || { echo "no api jar was built" >&2; exit 1; }

rm -rf "$here/org"
dir="$here/org/jixiao/org.jixiao.api/$version"
mkdir -p "$dir"
cp "$jar" "$dir/org.jixiao.api-$version.jar"
cat > "$dir/org.jixiao.api-$version.pom" <<POM
<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>org.jixiao</groupId>
  <artifactId>org.jixiao.api</artifactId>
  <version>$version</version>
  <description>Baseline of the bnd baseline check: org.jixiao.api as built from commit $commit</description>
</project>
POM
for f in "$dir"/*; do sha1sum "$f" | cut -d' ' -f1 | tr -d '\n' > "$f.sha1"; done

sed -i "s|<jixiao.api.baseline.version>[^<]*</jixiao.api.baseline.version>|<jixiao.api.baseline.version>$version</jixiao.api.baseline.version>|" "$api_pom"
grep -q "<jixiao.api.baseline.version>$version</jixiao.api.baseline.version>" "$api_pom" \
  || { echo "could not set jixiao.api.baseline.version in $api_pom" >&2; exit 1; }

echo "Baseline is now org.jixiao:org.jixiao.api:$version"
unzip -p "$dir/org.jixiao.api-$version.jar" META-INF/MANIFEST.MF | tr -d '\r' \
  | awk '/^ /{l=l substr($0,2); next} {if(l!="")print l; l=$0} END{print l}' | grep '^Export-Package:' || true
echo "Commit it: git add -A api-baseline bundles/org.jixiao.api/pom.xml && git commit -m 'api baseline: $short'"
