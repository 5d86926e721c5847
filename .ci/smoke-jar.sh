#!/usr/bin/env bash
# Runs ddpg.jar the way the READMEs do, checking each command's exit code and a line of its output. The jar is
# rebuilt first, so a stale ddpg.jar in the work tree can never pass for the current code. Usage: smoke-jar.sh [java]
set -euo pipefail
cd "$(dirname "$0")/.."
JAVA=${1:-java}
rm -f ddpg.jar
mvn -q -B package -DskipTests
test -f ddpg.jar
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fails=0
check() { # name expected-exit pattern -- command...
  local name=$1 want=$2 pattern=$3; shift 4
  local out rc=0
  out=$("$@" 2>&1) || rc=$?
  if [ "$rc" != "$want" ] || ! grep -Eq -- "$pattern" <<<"$out"; then
    echo "FAIL $name: exit $rc (want $want), output lacks /$pattern/:"; echo "$out" | tail -n 15; fails=$((fails + 1))
  else
    echo "ok   $name"
  fi
}
J=("$JAVA" -jar ddpg.jar)
check help      0 "Commands:"                          -- "${J[@]}" --help
check version   0 "^commit   [0-9a-f]{40}"             -- "${J[@]}" version
check tasks     0 "walker-run +24 +6"                  -- "${J[@]}" tasks
check train     0 "^done: 2,000 steps"                 -- "${J[@]}" --task cartpole-swingup --steps 2000 --warmup 500 \
  --learning-starts 500 --hidden 32,32 --batch 32 --eval-every 1000 --eval-episodes 2 --gif-steps 40 --out "$T/runs"
RUN=$(ls -d "$T"/runs/cartpole-swingup-s1-*)
check run-files 0 "agent.gif"                          -- ls "$RUN" "$RUN/actor.safetensors" "$RUN/curve.png" "$RUN/progress.csv"
check eval      0 "mean.*over 3 episodes|over 3 episodes" -- "${J[@]}" eval --run "$RUN" --episodes 3
check render    0 "^wrote .*clip.gif"                  -- "${J[@]}" render --run "$RUN" --steps 30 --out "$T/clip.gif"
check plot      0 "curves.png"                         -- "${J[@]}" plot "$RUN" --out "$T/curves.png"
check report    0 "results.md"                         -- "${J[@]}" report "$RUN" --out "$T/results"
check resume    0 "done: 2,500 steps"                  -- "${J[@]}" --resume "$RUN" --steps 2500
check validate  0 "PASS"                               -- "${J[@]}" validate --model walker \
  --transitions physics/src/test/resources/oracle/walker/constraints_transitions.csv
check bench     0 "GFLOP/s"                            -- "${J[@]}" bench gemm --quick --shape 64x64x64 --samples 3
check example   0 "E08"                                -- "${J[@]}" example
check mistake   2 "^ddpg: unknown task 'walker-rnu'"   -- "${J[@]}" --task walker-rnu --out "$T/x"
check sweep-k8s 0 "Indexed Job of 2 cells"             -- "${J[@]}" sweep --tasks cartpole-swingup --seeds 1-2 --steps 1000 \
  --out "$T/sweep" --scheduler k8s
if [ "$fails" -gt 0 ]; then echo "jar smoke: $fails failed"; exit 1; fi
echo "jar smoke: all passed"
