#!/usr/bin/env bash
# Quick JMH subset (about 4 minutes): the main GEMM strategies on five DDPG shapes and 1024^3, the elementwise
# kernels, the MLP forward+backward and one DDPG update. Writes JMH's JSON next to the text output.
#   bench/run-quick.sh                      # with `java` on PATH
#   JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java bench/run-quick.sh
set -euo pipefail
cd "$(dirname "$0")/.."
JAVA="${JAVA:-java}"
[ -f bench/target/benchmarks.jar ] || mvn -q -B -pl bench -am package -DskipTests
jdk=$("$JAVA" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
mkdir -p bench/target/results
out="bench/target/results/quick-jdk${jdk}-$(date -u +%Y%m%dT%H%MZ)"
common=(-f 1 -wi 2 -w 1s -i 3 -r 1s -rf json)
"$JAVA" -jar bench/target/benchmarks.jar 'ddpg.bench.GemmBench' "${common[@]}" -rff "$out-gemm.json" \
  -p shape=64x24x400,256x400x300,256x300x1,nt:256x300x400,tn:400x256x300 \
  -p variant=scalar,vector-row,vector-blocked,vector | tee "$out-gemm.txt"
"$JAVA" -jar bench/target/benchmarks.jar 'ddpg.bench.GemmBigBench' "${common[@]}" -rff "$out-gemm1024.json" \
  -p shape=1024x1024x1024 -p variant=vector | tee "$out-gemm1024.txt"
"$JAVA" -jar bench/target/benchmarks.jar 'ddpg.bench.ElementwiseBench.(add|relu|tanh|columnSums|sum|adamStep)$' "${common[@]}" -rff "$out-elementwise.json" \
  | tee "$out-elementwise.txt"
"$JAVA" -jar bench/target/benchmarks.jar 'ddpg.bench.(MlpBench.mlp|DdpgUpdateBench)' "${common[@]}" \
  -p batch=64 -p batchNorm=true -rff "$out-engine.json" | tee "$out-engine.txt"
echo "results: $out-*.json"
