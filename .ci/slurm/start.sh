#!/usr/bin/env bash
# Starts a throw-away single-node Slurm cluster (munged, slurmctld, slurmd from Debian's packages) for the sweep
# tests: no systemd, no cgroups, no accounting, everything under $DIR. Prints the line that exports SLURM_CONF.
# Traps it avoids: impossible jobs pend forever unless EnforcePartLimits=ALL; --mem is checked against RealMemory;
# every Slurm client needs SLURM_CONF; without accounting, poll squeue/scontrol instead of sacct.
set -euo pipefail
DIR=${DDPG_SLURM_DIR:-/tmp/ddpg-slurm}
CPUS=${DDPG_SLURM_CPUS:-$(nproc)}
NODE=$(hostname -s)
CONF=$DIR/slurm.conf
SOCK=$DIR/munge/socket

say() { echo "[slurm] $*" >&2; }
fail() { say "error: $*"; exit 1; }
[ "$(id -u)" = 0 ] || fail "must run as root (slurmd starts jobs as the submitting user)"

if ! command -v slurmctld >/dev/null || ! command -v slurmd >/dev/null || ! command -v sbatch >/dev/null || ! command -v munged >/dev/null; then
  say "installing slurmctld slurmd slurm-client munge"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends slurmctld slurmd slurm-client munge >/dev/null
fi

if [ -f "$DIR/slurm.conf" ] && SLURM_CONF=$CONF scontrol ping 2>/dev/null | grep -q UP; then
  say "already running in $DIR"
  echo "export SLURM_CONF=$CONF"
  exit 0
fi
[ -e "$DIR" ] && [ ! -f "$DIR/slurm.conf" ] && [ -n "$(ls -A "$DIR")" ] && fail "$DIR exists and is not ours"
rm -rf "$DIR"
mkdir -p "$DIR"/{munge,state,spool,log,run}
chmod 0755 "$DIR" "$DIR"/{state,spool,log,run}

# munge: a private key and socket, so a system munged (if any) is left alone.
chown munge:munge "$DIR/munge"
runuser -u munge -- sh -c "umask 077; head -c 1024 /dev/urandom > '$DIR/munge/key'"
runuser -u munge -- munged --socket="$SOCK" --key-file="$DIR/munge/key" --pid-file="$DIR/munge/pid" \
  --log-file="$DIR/munge/log" --seed-file="$DIR/munge/seed" --origin=127.0.0.1 || fail "munged did not start"

MEM=$(slurmd -C 2>/dev/null | sed -n 's/.*RealMemory=\([0-9]*\).*/\1/p' | head -n1)
cat > "$CONF" <<CONFEOF
# ddpg CI: one node, no cgroups, no accounting
ClusterName=ddpgci
SlurmctldHost=$NODE(127.0.0.1)
SlurmUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$SOCK
StateSaveLocation=$DIR/state
SlurmdSpoolDir=$DIR/spool
SlurmctldPidFile=$DIR/run/slurmctld.pid
SlurmdPidFile=$DIR/run/slurmd.pid
SlurmctldLogFile=$DIR/log/slurmctld.log
SlurmdLogFile=$DIR/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
MpiDefault=none
ReturnToService=2
EnforcePartLimits=ALL
SlurmdParameters=config_overrides
MinJobAge=600
KillWait=5
MailProg=/bin/true
NodeName=$NODE NodeAddr=127.0.0.1 CPUs=$CPUS RealMemory=${MEM:-1000} State=UNKNOWN
PartitionName=debug Nodes=$NODE Default=YES MaxTime=INFINITE State=UP
CONFEOF
chmod 0644 "$CONF"
export SLURM_CONF=$CONF

slurmctld -f "$CONF" -c -i || fail "slurmctld did not start: $(tail -n 5 "$DIR/log/slurmctld.log" 2>/dev/null)"
for _ in $(seq 60); do scontrol ping 2>/dev/null | grep -q UP && break; sleep 1; done
scontrol ping | grep -q UP || fail "slurmctld does not answer: $(tail -n 5 "$DIR/log/slurmctld.log")"
slurmd -f "$CONF" -N "$NODE" || fail "slurmd did not start: $(tail -n 5 "$DIR/log/slurmd.log" 2>/dev/null)"
for _ in $(seq 60); do sinfo -h -n "$NODE" -o %T 2>/dev/null | grep -Eq '^(idle|mixed|allocated)' && break; sleep 1; done
sinfo -h -n "$NODE" -o %T | grep -Eq '^(idle|mixed|allocated)' || fail "node $NODE is $(sinfo -h -n "$NODE" -o %T)"
say "up: node $NODE, $CPUS CPUs, state in $DIR"
echo "export SLURM_CONF=$CONF"
