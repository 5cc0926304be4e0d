#!/usr/bin/env bash
# Installs the Debian packages peacesearch needs, only those that are missing.
# Usage: scripts/install-deps.sh [build|cluster|test|bench]   (each level includes the previous)
set -euo pipefail
level=${1:-build}

pkgs=(build-essential cmake pkg-config libxapian-dev libcpp-httplib-dev nlohmann-json3-dev
      libspdlog-dev libgtest-dev libutf8proc-dev libcld2-dev libroaring-dev libxml2-dev libyaml-cpp-dev
      iso-codes curl
      dpkg-dev)  # dpkg-shlibdeps computes the Debian package's Depends (make deb)
if [[ $level == cluster || $level == test || $level == bench ]]; then
  pkgs+=(haproxy xapian-tools)  # scripts/cluster.sh: the load balancer, Xapian's replication
fi
if [[ $level == test || $level == bench ]]; then
  pkgs+=(chromium nodejs npm wrk clang libclang-rt-14-dev)
fi
if [[ $level == bench ]]; then
  pkgs+=(postgresql postgresql-contrib python3-psycopg2 sqlite3 wfrench wamerican)
fi

missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
# npm may come from the machine's own Node.js rather than Debian's package.
if command -v npm >/dev/null 2>&1; then
  missing=("${missing[@]/npm/}")
  command -v node >/dev/null 2>&1 && missing=("${missing[@]/nodejs/}")
fi
read -r -a missing <<<"${missing[*]}"
[[ ${#missing[@]} -eq 0 ]] && exit 0

sudo=""
[[ $(id -u) -ne 0 ]] && sudo="sudo"
echo "Installing missing packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
