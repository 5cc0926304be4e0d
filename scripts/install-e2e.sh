#!/usr/bin/env bash
# Installs the browser-test tooling: playwright-core from npm (it drives Debian's chromium;
# it never downloads a browser of its own).
set -euo pipefail
cd "$(dirname "$0")/../tests/e2e"
[[ -f package.json ]] || exit 0
if [[ ! -d node_modules/playwright-core ]]; then
  npm ci --no-audit --no-fund --loglevel=error 2>/dev/null || npm install --no-audit --no-fund --loglevel=error
fi
