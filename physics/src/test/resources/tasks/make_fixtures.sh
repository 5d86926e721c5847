#!/bin/sh
# Regenerates every fixture in this folder from real MuJoCo 2.2.2 (the project's mjref harness, built against
# Debian's libmujoco-dev 2.2.2; not part of this repository).
# usage: make_fixtures.sh MJREF MODEL_DIR      e.g. make_fixtures.sh path/to/mjref <dir with cartpole.xml ...>
set -e
MJREF=$1
MODELS=$2
HERE=$(cd "$(dirname "$0")" && pwd)
TMP=$(mktemp -d)
for task in cartpole-swingup cartpole-balance reacher-easy reacher-hard cheetah-run \
            walker-stand walker-walk walker-run humanoid-stand humanoid-walk humanoid-run; do
  case $task in humanoid-*) rows=100; every=50 ;; *) rows=200; every=20 ;; esac
  "$MJREF" task $task "$TMP/$task" --seed 7 --episodes 1 --steps 1000 --hold 5 --raw --model-dir "$MODELS" >/dev/null
  mkdir -p "$HERE/$task"
  /usr/bin/python3 "$HERE/trim_episode.py" "$TMP/$task" "$HERE/$task" $rows $every
done
# humanoid seed 2 needs 3 draws before a contact-free start: keep its reset row (and first step) for the loop test
"$MJREF" task humanoid-stand "$TMP/h2" --seed 2 --episodes 1 --steps 1 --hold 5 --model-dir "$MODELS" >/dev/null
cp "$TMP/h2/episode_0.csv" "$HERE/humanoid-stand/seed2_episode_0.csv"
rm -rf "$TMP"
