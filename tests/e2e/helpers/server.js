// Starts the real peacesearch binaries for the browser tests: builds the sample-data index into
// a temporary directory with the indexer, then runs the server on a free port with --web web.

import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

function buildDir() {
  const dir = process.env.PEACESEARCH_BUILD_DIR || 'build/release';
  return path.isAbsolute(dir) ? dir : path.join(REPO_ROOT, dir);
}

function binary(rel) {
  const p = path.join(buildDir(), rel);
  if (!existsSync(p)) {
    throw new Error(`${p} not found: build first (cmake --preset release && cmake --build build/release) ` +
      'or set PEACESEARCH_BUILD_DIR');
  }
  return p;
}

/// Builds the sample-data index into a fresh temp dir; returns {dir, index}.
export function buildIndex() {
  const dir = mkdtempSync(path.join(tmpdir(), 'peacesearch-e2e-'));
  const index = path.join(dir, 'index');
  const r = spawnSync(binary('indexer/peacesearch-indexer'),
    ['build', '--input', path.join(REPO_ROOT, 'sample-data'), '--index', index], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`indexer failed (${r.status}): ${r.stderr || r.stdout}`);
  return { dir, index };
}

/// Starts the server on a free port. Returns {url, port, stop()}; stop() also removes the index.
/// `corsOrigins` are passed as --cors-origin flags, `args` as further flags.
export async function startServer({ corsOrigins = [], args: extraArgs = [] } = {}) {
  const { dir, index } = buildIndex();
  const args = ['--index', index, '--host', '127.0.0.1', '--port', '0', '--web', path.join(REPO_ROOT, 'web')];
  for (const o of corsOrigins) args.push('--cors-origin', o);
  args.push(...extraArgs);
  const child = spawn(binary('server/peacesearch-server'), args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  const port = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('server did not start in 15 s:\n' + log)), 15000);
    const onData = (chunk) => {
      log += chunk;
      const m = /serving .* on http:\/\/[^:\s]+:(\d+)/.exec(log);
      if (m) {
        clearTimeout(timer);
        resolve(+m[1]);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${log}`));
    });
  });
  child.removeAllListeners('exit');
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    port,
    log: () => log,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        const t = setTimeout(() => child.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(t);
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/// GET a JSON API path on the server.
export async function apiGet(server, pathAndQuery) {
  const res = await fetch(server.url + pathAndQuery);
  const body = await res.json();
  if (!res.ok) throw new Error(`${pathAndQuery}: HTTP ${res.status} ${JSON.stringify(body)}`);
  return body;
}
