# Shared shell helpers for bench/run.sh (sourced).

log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "error: $*"; exit 1; }

# A free TCP port on 127.0.0.1.
free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

# wait_http URL SECONDS: polls until URL answers 200.
wait_http() {
  local url=$1 secs=$2 i
  for ((i = 0; i < secs * 10; i++)); do
    curl -fsS -o /dev/null "$url" 2>/dev/null && return 0
    sleep 0.1
  done
  return 1
}

# proc_mem PID: {"vmrss_mb": .., "vmhwm_mb": ..} from /proc/PID/status.
proc_mem() {
  awk '/^VmRSS:/ {r=$2} /^VmHWM:/ {h=$2}
       END {printf "{\"vmrss_mb\": %.1f, \"vmhwm_mb\": %.1f}\n", r/1024, h/1024}' "/proc/$1/status"
}

# size_label N: 10000 -> 10k (for file names); already-labelled sizes pass through.
size_label() {
  case $1 in
    *[!0-9]*) printf '%s' "${1,,}" ;;
    *) python3 -c 'import sys
n=int(sys.argv[1])
print(f"{n//1000000}m" if n % 1000000 == 0 else f"{n//1000}k" if n % 1000 == 0 else n)' "$1" ;;
  esac
}
