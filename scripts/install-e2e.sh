#!/usr/bin/env bash
# Installs the browser-test tooling: playwright-core from npm (it drives Debian's chromium;
# it never downloads a browser of its own).
set -euo pipefail
cd "$(dirname "$0")/../tests/e2e"
[[ -f package.json ]] || exit 0
if [[ ! -d node_modules/playwright-core ]]; then
  npm ci --no-audit --no-fund --loglevel=error 2>/dev/null || npm install --no-audit --no-fund --loglevel=error
fi

# The InstantSearch example's packages (instantsearch.js, algoliasearch 5 and 4, instantsearch.css),
# exactly as its package-lock.json says: the page loads them from web/instantsearch/node_modules
# and the InstantSearch tests drive it. `make run` does not need them.
cd ../../web/instantsearch
if [[ -f package-lock.json ]]; then
  for p in instantsearch.js algoliasearch algoliasearch-v4 instantsearch.css; do
    if [[ ! -d node_modules/$p ]]; then
      npm ci --no-audit --no-fund --loglevel=error
      break
    fi
  done
fi
