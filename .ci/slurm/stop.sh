#!/usr/bin/env bash
# Stops what start.sh started: cancels every job, then slurmd, slurmctld and munged by their pid files (after checking
# the pid still belongs to that daemon), and removes the state folder. Safe to run twice.
set -uo pipefail
DIR=${DDPG_SLURM_DIR:-/tmp/ddpg-slurm}
[ -f "$DIR/slurm.conf" ] || { echo "[slurm] nothing to stop" >&2; exit 0; }
export SLURM_CONF=$DIR/slurm.conf
ids=$(squeue -h -o %A 2>/dev/null | sort -u)
if [ -n "$ids" ]; then
  scancel $ids 2>/dev/null
  for _ in $(seq 40); do [ -z "$(squeue -h 2>/dev/null)" ] && break; sleep 0.5; done
fi
stop() { # pidfile daemon-name
  local p
  p=$(cat "$1" 2>/dev/null) || return 0
  [ -n "$p" ] && [ "$(cat /proc/$p/comm 2>/dev/null)" = "$2" ] || return 0
  kill "$p"
  for _ in $(seq 30); do [ -d "/proc/$p" ] || return 0; sleep 0.5; done
  kill -9 "$p" 2>/dev/null
}
stop "$DIR/run/slurmd.pid" slurmd
stop "$DIR/run/slurmctld.pid" slurmctld
stop "$DIR/munge/pid" munged
rm -rf "$DIR"
echo "[slurm] stopped" >&2
