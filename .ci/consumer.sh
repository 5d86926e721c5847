#!/usr/bin/env bash
# The library as another project uses it: 'mvn install' (which also builds the sources and javadoc jars), then the
# separate consumer/ project is built against the installed artifacts and runs a policy trained by ddpg.jar.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B install -DskipTests
for m in engine physics rl; do
  for kind in "" -sources -javadoc; do
    f=~/.m2/repository/io/github/ddpgjava/ddpg-$m/0.1.0/ddpg-$m-0.1.0$kind.jar
    test -s "$f" || { echo "missing $f"; exit 1; }
  done
done
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
java -jar ddpg.jar --task cartpole-swingup --steps 1000 --warmup 500 --learning-starts 500 --hidden 32,32 --batch 32 \
  --eval-every 1000 --eval-episodes 1 --no-gif --no-tensorboard --out "$T" > "$T/train.log"
(cd consumer && mvn -q -B package)
out=$(java -cp consumer/target/classes:"$(cat consumer/target/classpath.txt)" example.RunPolicy "$T"/cartpole-swingup-s1-* cartpole-swingup)
echo "$out"
grep -Eq '^cartpole-swingup: return [0-9.]+ over one episode$' <<<"$out"
echo "consumer: passed"
