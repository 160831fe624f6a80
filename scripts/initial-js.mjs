#!/usr/bin/env node
// Initial JavaScript of a build (DESIGN.md's page budget: ≤ 160 KB gzip without
// Monaco): what the browser must fetch before the entry script can run, i.e. the
// entry chunk plus every chunk it imports statically, recursively, as listed in
// vite's manifest (dist/.vite/manifest.json, `build.manifest` in vite.config.ts).
// Dynamic imports (Monaco, xterm, the command line, the inspector …) load later
// and are not counted. Nothing else is left out.
//
//   node scripts/initial-js.mjs [DIST]        prints each chunk and the total
//
// The browser bench (bench/browser.bench.ts) imports initialJsFiles / initialJs.

import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

export const BUDGET_KB = 160;

/** Chunk files (relative to `dist`) that the entry needs before it runs, entry first. */
export function initialJsFiles(dist = 'dist') {
  const manifest = JSON.parse(readFileSync(join(dist, '.vite', 'manifest.json'), 'utf8'));
  const entries = Object.keys(manifest).filter((key) => manifest[key].isEntry);
  if (entries.length === 0) throw new Error(`${dist}/.vite/manifest.json has no entry chunk`);
  const files = [];
  const seen = new Set();
  const visit = (key) => {
    if (seen.has(key)) return;
    seen.add(key);
    const chunk = manifest[key];
    if (!chunk) throw new Error(`the manifest names ${key} but does not describe it`);
    if (chunk.file.endsWith('.js')) files.push(chunk.file);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  for (const key of entries) visit(key);
  return files;
}

/** Raw and gzip (level 9) bytes of each initial chunk, and their totals. */
export function initialJs(dist = 'dist') {
  const chunks = initialJsFiles(dist).map((file) => {
    const buf = readFileSync(join(dist, file));
    return { file, raw: buf.length, gzip: gzipSync(buf, { level: 9 }).length };
  });
  const raw = chunks.reduce((n, c) => n + c.raw, 0);
  const gzip = chunks.reduce((n, c) => n + c.gzip, 0);
  return { chunks, raw, gzip, withinBudget: gzip <= BUDGET_KB * 1024 };
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dist = process.argv[2] ?? 'dist';
  const { chunks, raw, gzip, withinBudget } = initialJs(dist);
  for (const c of chunks) console.log(`  ${c.file}: ${kb(c.raw)} raw, ${kb(c.gzip)} gzip`);
  console.log(`initial JavaScript: ${kb(gzip)} gzip (${kb(raw)} raw), budget ${BUDGET_KB} KB: ${withinBudget ? 'within' : 'OVER'}`);
  process.exitCode = withinBudget ? 0 : 1;
}
