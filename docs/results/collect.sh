#!/usr/bin/env bash
# Copies the small files of the campaign's sweeps (sweep.json, and each cell's config.json and progress.csv; no
# checkpoints, no replay buffers) into runs/, then regenerates results.md, results.csv and curves.png with the report
# arguments in report.args. Usage, from the repository root, after building ddpg.jar:
#   bash docs/results/collect.sh ~/campaign/sweeps/dmc4 ~/campaign/sweeps/humanoid ...
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
for sweep in "$@"; do
  name=$(basename "$sweep")
  mkdir -p "$here/runs/$name"
  cp "$sweep/sweep.json" "$here/runs/$name/"
  for cell in "$sweep"/*/; do
    [ -f "$cell/config.json" ] || continue
    dest="$here/runs/$name/$(basename "$cell")"
    mkdir -p "$dest"
    cp "$cell/config.json" "$cell/progress.csv" "$dest/"
  done
done
cd "$here"
mapfile -t args < <(grep -v '^#' report.args | grep -v '^$')
java -jar "$root/ddpg.jar" report "${args[@]}" --out .
