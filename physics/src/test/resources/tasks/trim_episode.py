#!/usr/bin/env python3
"""Trims an `mjref task --raw` output directory into the small fixtures the tests read.

usage: trim_episode.py SRC_DIR DST_DIR ROWS EVERY
  DST_DIR/episode_0.csv  = header + the first ROWS rows of SRC_DIR/episode_0.csv (reset row included), unchanged
  DST_DIR/raw_sample.csv = the rows t = -1 and t % EVERY == EVERY - 1 of SRC_DIR/raw_0.csv, each followed by the
                           `reward` and `obs[..]` columns of the same t from episode_0.csv (text copied verbatim)
  DST_DIR/task_info.txt  = copied unchanged
"""
import csv
import shutil
import sys

src, dst, rows, every = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])

with open(f"{src}/episode_0.csv", newline="") as f:
    lines = f.read().splitlines()
with open(f"{dst}/episode_0.csv", "w", newline="") as f:
    f.write("\n".join(lines[: rows + 1]) + "\n")

episode = list(csv.reader(lines))
head = episode[0]
keep = [i for i, name in enumerate(head) if name == "reward" or name.startswith("obs[")]
by_t = {r[0]: [r[i] for i in keep] for r in episode[1:]}

with open(f"{src}/raw_0.csv", newline="") as f:
    raw = list(csv.reader(f))
with open(f"{dst}/raw_sample.csv", "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(raw[0] + [head[i] for i in keep])
    for r in raw[1:]:
        t = int(r[0])
        if t == -1 or t % every == every - 1:
            w.writerow(r + by_t[r[0]])

shutil.copy(f"{src}/task_info.txt", f"{dst}/task_info.txt")
