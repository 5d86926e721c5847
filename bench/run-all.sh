#!/usr/bin/env bash
# The whole JMH suite with the default settings of each benchmark (about 25 minutes), JSON to bench/target/results/.
#   bench/run-all.sh                        # with `java` on PATH
#   JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java bench/run-all.sh
# Extra arguments go to JMH, e.g. `bench/run-all.sh -p variant=vector` or a benchmark regex.
set -euo pipefail
cd "$(dirname "$0")/.."
JAVA="${JAVA:-java}"
[ -f bench/target/benchmarks.jar ] || mvn -q -B -pl bench -am package -DskipTests
jdk=$("$JAVA" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
mkdir -p bench/target/results
out="bench/target/results/all-jdk${jdk}-$(date -u +%Y%m%dT%H%MZ)"
"$JAVA" -jar bench/target/benchmarks.jar -rf json -rff "$out.json" "$@" | tee "$out.txt"
echo "results: $out.json"
