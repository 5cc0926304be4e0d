#!/usr/bin/env bash
# Idempotent install of what the peer benchmarks need (Debian 12).
# Usage: bash bench/setup_peers.sh
set -euo pipefail

PKGS=(postgresql postgresql-contrib python3-psycopg2 wfrench wamerican wrk sqlite3 iso-codes time curl
      sphinxsearch python3-pymysql)

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  SUDO="sudo"
fi

missing=()
for p in "${PKGS[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ "${#missing[@]}" -eq 0 ]; then
  echo "setup_peers: all packages present"
  exit 0
fi

echo "setup_peers: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# policy-rc.d-free install: Debian's postgresql package starts a system cluster;
# the benchmark uses its own private cluster, so the system one is left alone.
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
# sphinxsearch starts no searchd either (its init.d script and daily cron job do nothing while
# /etc/default/sphinxsearch has START=no): peers/sphinx_bench.py runs its own indexer and searchd.
echo "setup_peers: done"
