# Helpers of scripts/cluster.sh (sourced; expects ROOT and WORK).

log() { echo "cluster: $*" >&2; }
die() { echo "cluster: error: $*" >&2; exit 1; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }

# Settings of the first `up`, kept for the other commands.
load_config() {
  SAVED_PORT="" SAVED_NODES=""
  # shellcheck disable=SC1091
  [[ -f $WORK/cluster.env ]] && source "$WORK/cluster.env"
  SAVED_PORT=${SAVED_PORT:-} SAVED_NODES=${SAVED_NODES:-}
  [[ $cmd == up || -n $SAVED_NODES ]] || die "$WORK holds no cluster (scripts/cluster.sh up first)"
  find_binaries
}
save_config() {
  printf 'SAVED_PORT=%q\nSAVED_NODES=%q\n' "$PORT" "$NODES" >"$WORK/cluster.env"
  SAVED_PORT=$PORT SAVED_NODES=$NODES
}

find_binaries() {
  local dir=${PEACESEARCH_BIN_DIR:-}
  if [[ -n $dir ]]; then
    INDEXER=$dir/peacesearch-indexer SERVER=$dir/peacesearch-server
  elif [[ -x $ROOT/build/release/server/peacesearch-server ]]; then
    INDEXER=$ROOT/build/release/indexer/peacesearch-indexer
    SERVER=$ROOT/build/release/server/peacesearch-server
  else
    INDEXER=$(command -v peacesearch-indexer || true) SERVER=$(command -v peacesearch-server || true)
  fi
  [[ -x $INDEXER && -x $SERVER ]] ||
    die "peacesearch-indexer and peacesearch-server not found (make build, or set PEACESEARCH_BIN_DIR)"
}

# HAProxy and Xapian's replication tools, installed the way `make run` installs its packages.
need_tools() {
  command -v haproxy >/dev/null && command -v xapian-replicate >/dev/null && return 0
  "$ROOT/scripts/install-deps.sh" cluster
}

# A process of a pid file is alive (a zombie is not: without an init that reaps them, a
# killed node would look alive to kill -0).
running() {
  local pid state
  pid=$(cat "$1" 2>/dev/null) || return 1
  state=$(awk '{ print $3 }' "/proc/$pid/stat" 2>/dev/null) || return 1
  [[ -n $state && $state != Z ]]
}
stop_pid() {
  local pid
  pid=$(cat "$1" 2>/dev/null || true)
  if [[ -n $pid ]] && running "$1" && kill "$pid" 2>/dev/null; then
    for _ in $(seq 50); do running "$1" || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f "$1"
}
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
# A port kept in FILE, chosen once, so a restarted process listens where HAProxy expects it.
port_in() { [[ -s $1 ]] || free_port >"$1"; cat "$1"; }

generation_of() { basename "$(readlink "$1/current")"; }

# wait_for URL STATUS SECONDS: until URL answers STATUS.
wait_for() {
  local deadline=$((SECONDS + $3))
  while ((SECONDS < deadline)); do
    [[ $(curl -s -o /dev/null -w '%{http_code}' "$1" || true) == "$2" ]] && return 0
    sleep 0.05
  done
  return 1
}

# The master's databases a generation is made of, relative to the master root: a build's
# xapian/, or an update's delta/ and the build it stands on.
databases_of() {
  local g=$WORK/master/generations/$1
  if [[ -f $g/parts.json ]]; then
    echo "generations/$1/delta"
    python3 -c 'import json,os,sys; b=json.load(open(sys.argv[1]))["base"]; print(os.path.normpath(os.path.join("generations", sys.argv[2], b)))' \
      "$g/parts.json" "$1"
  elif [[ -d $g/xapian ]]; then
    echo "generations/$1/xapian"
  else
    die "generation $1 is not in the master index"
  fi
}

start_replication() {
  running "$WORK/replication.pid" && return 0
  local port
  port=$(port_in "$WORK/replication.port")
  setsid xapian-replicate-server -I 127.0.0.1 -p "$port" "$WORK/master" \
    >"$WORK/replication.log" 2>&1 </dev/null &
  echo $! >"$WORK/replication.pid"
  for _ in $(seq 100); do
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && return 0
    sleep 0.05
  done
  die "the replication server does not listen on $port (see $WORK/replication.log)"
}

# Copies a generation's databases to node N with xapian-replicate; a database is renamed into
# place once whole, and a base already there is kept (a generation never changes).
replicate_generation() {
  local n=$1 gen=$2 db dest port
  port=$(cat "$WORK/replication.port")
  mkdir -p "$WORK/nodes/$n/index/generations/$gen"
  : >"$WORK/nodes/$n/index/generations/$gen.dbs.tmp"
  for db in $(databases_of "$gen"); do
    echo "$db" >>"$WORK/nodes/$n/index/generations/$gen.dbs.tmp"
    dest=$WORK/nodes/$n/index/$db
    [[ -f $dest/XAPIANDB ]] && continue
    rm -rf "$dest.part"
    mkdir -p "$(dirname "$dest")"
    xapian-replicate -h 127.0.0.1 -p "$port" -m "$db" -o -q "$dest.part" ||
      die "replicating $db to node $n failed"
    mv -T "$dest.part" "$dest"
  done
  mv "$WORK/nodes/$n/index/generations/$gen.dbs.tmp" "$WORK/nodes/$n/index/generations/$gen.dbs"
}

switch_node() {
  local index=$WORK/nodes/$1/index
  ln -sfn "generations/$2" "$index/current.tmp"
  mv -T "$index/current.tmp" "$index/current"
}

# The server's watcher would see the switch within its interval; asking it now saves that.
reload_node() {
  curl -s -o /dev/null -X POST -H "Authorization: Bearer $(cat "$WORK/admin-token")" \
    "http://127.0.0.1:$(cat "$WORK/nodes/$1/port")/admin/reload" || true
}

wait_generation() {
  local url deadline=$((SECONDS + $3))
  url="http://127.0.0.1:$(cat "$WORK/nodes/$1/port")/health"
  while ((SECONDS < deadline)); do
    curl -s "$url" | grep -q "\"generation\":\"$2\",.*\"status\":\"ok\"\\|\"status\":\"ok\".*\"generation\":\"$2\"" && return 0
    sleep 0.05
  done
  return 1
}

start_node() {
  local n=$1 dir=$WORK/nodes/$1 port
  port=$(port_in "$dir/port")
  [[ -s $WORK/admin-token ]] || (umask 077 && python3 -c 'import secrets; print(secrets.token_hex(16))' >"$WORK/admin-token")
  PEACESEARCH_ADMIN_TOKEN=$(cat "$WORK/admin-token") setsid "$SERVER" --index "$dir/index" \
    --host 127.0.0.1 --port "$port" --watch-interval-ms 200 --no-access-log \
    >"$dir/server.log" 2>&1 </dev/null &
  echo $! >"$dir/server.pid"
  wait_for "http://127.0.0.1:$port/health" 200 60 || die "node $n does not start (see $dir/server.log)"
}

start_haproxy() {
  running "$WORK/haproxy.pid" && return 0
  local servers="" n
  for n in $(seq 1 "$SAVED_NODES"); do
    servers+="    server node$n 127.0.0.1:$(cat "$WORK/nodes/$n/port") check"$'\n'
  done
  python3 - "$ROOT/scripts/cluster/haproxy.cfg.in" "$WORK/haproxy.cfg" "$SAVED_PORT" "$WORK" "$servers" <<'PY'
import sys
src, dst, port, work, servers = sys.argv[1:]
text = open(src).read().replace("@PORT@", port).replace("@WORK@", work).replace("@SERVERS@\n", servers)
open(dst, "w").write(text)
PY
  haproxy -c -q -f "$WORK/haproxy.cfg" || die "bad HAProxy configuration $WORK/haproxy.cfg"
  haproxy -D -f "$WORK/haproxy.cfg" || die "HAProxy does not start"
}

# The nodes HAProxy counts as up, from its stats socket ("node1 node3").
haproxy_up() {
  python3 - "$WORK/haproxy.sock" <<'PY'
import csv, io, socket, sys
s = socket.socket(socket.AF_UNIX)
s.connect(sys.argv[1])
s.sendall(b"show stat\n")
data = b""
while chunk := s.recv(65536):
    data += chunk
rows = csv.DictReader(io.StringIO(data.decode().lstrip("# ")))
print(" ".join(r["svname"] for r in rows if r["pxname"] == "nodes" and r["status"].startswith("UP")))
PY
}

# wait_balanced SECONDS: until HAProxy sends traffic to every running node.
wait_balanced() {
  local deadline=$((SECONDS + $1)) n missing
  while ((SECONDS < deadline)); do
    missing=0
    local up
    up=" $(haproxy_up 2>/dev/null || true) "
    for n in $(seq 1 "$SAVED_NODES"); do
      running "$WORK/nodes/$n/server.pid" && [[ $up != *" node$n "* ]] && missing=1
    done
    ((missing == 0)) && return 0
    sleep 0.1
  done
  return 1
}

# Keeps the live and previous generations (and the builds they stand on) of node N.
prune_node() {
  local gens=$WORK/nodes/$1/index/generations keep=" " g
  for g in "$(cat "$WORK/live")" "$(cat "$WORK/previous" 2>/dev/null)"; do
    [[ -n $g && -f $gens/$g.dbs ]] || continue
    keep+="$g $(cut -d/ -f2 "$gens/$g.dbs" | tr '\n' ' ')"
  done
  for g in "$gens"/*/; do
    g=$(basename "$g")
    [[ $keep == *" $g "* ]] || rm -rf "${gens:?}/$g" "$gens/$g.dbs"
  done
}
