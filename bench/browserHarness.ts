// What the browser benchmark needs around the page: a built site, a `vite preview`
// server on a free port, Debian's Chromium (or Playwright's), timeouts on every
// wait, and the size of the JavaScript a first visit must fetch. Nothing here
// measures the app; browser.bench.ts does.

import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from '@playwright/test';
import { chromiumLaunchOptions } from '../e2e/chromium';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const VITE = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');


/** Rejects after `ms` with a message naming what did not finish. */
export function withTimeout<T>(what: string, ms: number, p: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolvePort(port));
    });
  });
}

/** Kills a child and everything it started (it leads its own process group). */
export function killTree(child: ChildProcess | undefined): void {
  if (!child || child.exitCode !== null || child.pid === undefined) return;
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    child.kill('SIGTERM');
  }
}

/** `vite build --outDir dir`, with a time limit. */
export async function buildSite(outDir: string, timeoutMs = 180_000): Promise<void> {
  const child = spawn(process.execPath, [VITE, 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'pipe'],
    detached: true,
  });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  try {
    const code = await withTimeout(
      'vite build',
      timeoutMs,
      new Promise<number | null>((res) => child.on('exit', (c) => res(c))),
    );
    if (code !== 0) throw new Error(`vite build failed (exit ${code}):\n${stderr.slice(-2000)}`);
  } finally {
    killTree(child);
  }
}

export interface Preview {
  url: string;
  stop(): void;
}

/** `vite preview` of a built site on 127.0.0.1:port; resolves once it answers. */
export async function startPreview(dist: string, port: number, timeoutMs = 30_000): Promise<Preview> {
  const child = spawn(process.execPath, [VITE, 'preview', '--outDir', dist, '--port', String(port), '--strictPort', '--host', '127.0.0.1'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'pipe'],
    detached: true,
  });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const url = `http://127.0.0.1:${port}/`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`vite preview exited (${child.exitCode}): ${stderr.slice(-1000)}`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (res.ok) break;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) {
      killTree(child);
      throw new Error(`vite preview did not answer on ${url} within ${timeoutMs} ms`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { url, stop: () => killTree(child) };
}

export async function launchChromium(): Promise<Browser> {
  return withTimeout(
    'launching Chromium',
    60_000,
    chromium.launch({ ...chromiumLaunchOptions(), timeout: 60_000 }),
  );
}

// ---- statistics ----

export function quantile(xs: readonly number[], q: number): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.round(q * (s.length - 1))))];
}

export const median = (xs: readonly number[]) => quantile(xs, 0.5);

// ---- initial JavaScript ----

export interface JsFile {
  file: string;
  raw: number;
  gzip: number;
}

export function gzipSize(path: string): JsFile & { file: string } {
  const buf = readFileSync(path);
  return { file: path, raw: buf.length, gzip: gzipSync(buf, { level: 9 }).length };
}

/** Monaco and its workers: loaded lazily, outside the initial-JavaScript budget. */
export const isMonacoChunk = (file: string) => /(^|\/)(MonacoEditor|editor\.worker|yaml\.worker|monaco)[^/]*\.js$/i.test(file);

/**
 * The JavaScript a browser must fetch before the entry script can run: index.html's
 * module script(s) and modulepreload links, plus every chunk they import statically
 * (transitively). Dynamic `import()` chunks are left out: they load later. Paths are
 * relative to `dist`.
 */
export function initialJavaScript(dist: string): string[] {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const seeds: string[] = [];
  for (const m of html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g)) seeds.push(m[1]);
  for (const m of html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)) seeds.push(m[1]);
  const seen = new Set<string>();
  const queue = seeds.map((s) => s.replace(/^\.?\//, ''));
  while (queue.length) {
    const rel = queue.shift()!;
    if (seen.has(rel) || !rel.endsWith('.js')) continue;
    seen.add(rel);
    const code = readFileSync(join(dist, rel), 'utf8');
    // Static imports only: `import{a as b}from"./x.js"`, `import"./x.js"`, `export*from"./x.js"`;
    // never `import("./x.js")`.
    for (const m of code.matchAll(/(?:^|[;\n}\s])(?:import|export)\s*(?:[\w$*{}\s,]+?\s*from\s*)?["'](\.{1,2}\/[^"']+\.js)["']/g)) {
      queue.push(join(dirname(rel), m[1]).replace(/\\/g, '/'));
    }
  }
  return [...seen];
}
