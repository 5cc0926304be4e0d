#!/usr/bin/env bash
# A peacesearch cluster on one machine: a master index, Xapian's replication server, N nodes
# (each today's server on its own loopback port) and HAProxy in front. docs/deploy/CLUSTER.md
# explains it and how the same parts run across machines.
#
#   scripts/cluster.sh up --input DIR --work DIR --port PORT [--nodes N]
#   scripts/cluster.sh publish --input DIR --work DIR
#   scripts/cluster.sh rollback --work DIR
#   scripts/cluster.sh status --work DIR
#   scripts/cluster.sh down --work DIR
#
# `up` builds the master index from DIR (first time only), then starts whatever is not
# running; a node that died catches up to the live generation before it listens. `publish`
# builds or updates the master from DIR and rolls the new generation out: copied to every
# running node first, then all switch, and it returns when every one serves it. `rollback`
# switches every node back to the previous generation. Nothing listens beyond 127.0.0.1.
# Binaries: $PEACESEARCH_BIN_DIR, else the build tree, else the installed programs.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
# shellcheck source=cluster/lib.sh
source "$HERE/cluster/lib.sh"

cmd=${1:-}
[[ -n $cmd ]] && shift || true
INPUT="" WORK="" PORT="" NODES=""
while [[ $# -gt 0 ]]; do
  case $1 in
    --input) INPUT=$2; shift 2 ;;
    --work) WORK=$2; shift 2 ;;
    --port) PORT=$2; shift 2 ;;
    --nodes) NODES=$2; shift 2 ;;
    -h|--help) sed -n '2,17p' "$0"; exit 0 ;;
    *) die "unknown argument $1 (see --help)" ;;
  esac
done
[[ -n $WORK ]] || die "--work DIR is required"
mkdir -p "$WORK"
WORK=$(cd "$WORK" && pwd)
[[ -z $INPUT ]] || INPUT=$(cd "$INPUT" && pwd)

cmd_up() {
  [[ -n $INPUT ]] || die "up needs --input DIR"
  load_config
  PORT=${PORT:-$SAVED_PORT}
  NODES=${NODES:-${SAVED_NODES:-3}}
  [[ -n $PORT ]] || die "up needs --port PORT"
  save_config
  need_tools
  if [[ ! -e $WORK/master/current ]]; then
    log "building the index from $INPUT"
    "$INDEXER" build --input "$INPUT" --index "$WORK/master" >"$WORK/indexer.log" 2>&1 ||
      { cat "$WORK/indexer.log" >&2; die "the build failed"; }
  fi
  [[ -s $WORK/live ]] || generation_of "$WORK/master" >"$WORK/live"
  start_replication
  local live n
  live=$(cat "$WORK/live")
  for n in $(seq 1 "$NODES"); do
    running "$WORK/nodes/$n/server.pid" && continue
    log "node $n: catching up to $live"
    replicate_generation "$n" "$live"
    switch_node "$n" "$live"
    start_node "$n"
  done
  start_haproxy
  wait_for "http://127.0.0.1:$PORT/health" 200 30 || die "HAProxy on port $PORT does not answer"
  wait_balanced 30 || die "HAProxy does not count every running node as up"
  log "cluster up: http://127.0.0.1:$PORT ($NODES nodes, generation $live)"
}

cmd_publish() {
  [[ -n $INPUT ]] || die "publish needs --input DIR"
  load_config
  need_tools
  exec 9>"$WORK/publish.lock"
  flock -n 9 || die "another publish is running on $WORK"
  local started old new n
  started=$(date +%s.%N)
  old=$(cat "$WORK/live")
  "$INDEXER" update --input "$INPUT" --index "$WORK/master" | tee "$WORK/indexer.log" >&2 ||
    die "the update failed; the cluster still serves $old"
  new=$(generation_of "$WORK/master")
  if [[ $new == "$old" ]]; then
    log "nothing changed: every node serves $old"
    return 0
  fi
  local alive=()
  for n in $(seq 1 "$SAVED_NODES"); do
    running "$WORK/nodes/$n/server.pid" && alive+=("$n")
  done
  [[ ${#alive[@]} -gt 0 ]] || die "no node is running (scripts/cluster.sh up first)"
  # 1. Every running node gets the new generation's databases; none serves them yet.
  for n in "${alive[@]}"; do replicate_generation "$n" "$new"; done
  local copied
  copied=$(date +%s.%N)
  # 2. Then all switch at once, and the rollout returns when every one serves it.
  for n in "${alive[@]}"; do switch_node "$n" "$new"; done
  for n in "${alive[@]}"; do reload_node "$n"; done
  for n in "${alive[@]}"; do
    wait_generation "$n" "$new" 60 || die "node $n does not serve $new"
  done
  echo "$old" >"$WORK/previous"
  echo "$new" >"$WORK/live"
  for n in "${alive[@]}"; do prune_node "$n"; done
  local done_at
  done_at=$(date +%s.%N)
  log "published $new to ${#alive[@]} node(s): update and copy $(elapsed "$started" "$copied") s," \
    "switch $(elapsed "$copied" "$done_at") s, total $(elapsed "$started" "$done_at") s"
}

cmd_rollback() {
  load_config
  [[ -s $WORK/previous ]] || die "no previous generation to roll back to"
  local old new n
  new=$(cat "$WORK/previous") old=$(cat "$WORK/live")
  for n in $(seq 1 "$SAVED_NODES"); do
    running "$WORK/nodes/$n/server.pid" || continue
    replicate_generation "$n" "$new"
    switch_node "$n" "$new"
    reload_node "$n"
  done
  for n in $(seq 1 "$SAVED_NODES"); do
    running "$WORK/nodes/$n/server.pid" || continue
    wait_generation "$n" "$new" 60 || die "node $n does not serve $new"
  done
  # The master goes back too, so the next publish updates from what is served.
  ln -sfn "generations/$new" "$WORK/master/current.tmp" && mv -T "$WORK/master/current.tmp" "$WORK/master/current"
  echo "$new" >"$WORK/live"
  echo "$old" >"$WORK/previous"
  log "rolled back to $new (was $old)"
}

cmd_status() {
  load_config
  echo "live: $(cat "$WORK/live" 2>/dev/null || echo -), previous: $(cat "$WORK/previous" 2>/dev/null || echo -)"
  local n
  for n in $(seq 1 "${SAVED_NODES:-0}"); do
    local port
    port=$(cat "$WORK/nodes/$n/port" 2>/dev/null || echo "?")
    if running "$WORK/nodes/$n/server.pid"; then
      echo "node $n (127.0.0.1:$port): $(curl -s "http://127.0.0.1:$port/health" || echo 'no answer')"
    else
      echo "node $n (127.0.0.1:$port): not running"
    fi
  done
  running "$WORK/haproxy.pid" && echo "haproxy: http://127.0.0.1:$SAVED_PORT" || echo "haproxy: not running"
}

cmd_down() {
  local f
  for f in "$WORK"/haproxy.pid "$WORK"/nodes/*/server.pid "$WORK"/replication.pid; do
    [[ -e $f ]] && stop_pid "$f"
  done
  log "stopped everything under $WORK"
}

case $cmd in
  up) cmd_up ;;
  publish) cmd_publish ;;
  rollback) cmd_rollback ;;
  status) cmd_status ;;
  down) cmd_down ;;
  *) sed -n '2,17p' "$0" >&2; exit 2 ;;
esac
