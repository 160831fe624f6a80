#!/usr/bin/env node
// The README's picture of the main view: docs/screenshot.png, 1440x900, light theme,
// the welcome example with a request from your machine paused mid-way at the hop where
// kube-proxy picks a pod (DNAT), its explanation beside the packet, the pods it could have
// picked on the right and curl's answer in the terminal.
//
//   npm run screenshot                   builds the site into a temporary directory first
//   node scripts/screenshot.mjs --dist /tmp/dist-me [--port 4190] [--out docs/screenshot.png] [--scale 1]
//   node scripts/screenshot.mjs --help   (or `npm run screenshot -- --help`: without the `--`,
//                                        npm takes --help for itself and prints `npm run`'s help)
//
// Debian's Chromium when installed (flags as in playwright.config.ts), Playwright's otherwise.
// Every wait has a time limit; the preview server is stopped whatever happens.

import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const VITE = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
const DEBIAN_CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

const USAGE = `Usage: node scripts/screenshot.mjs [options]
       npm run screenshot -- [options]

Writes the README's picture of the main view (1440x900, light theme, a request
paused at the hop where kube-proxy picks a pod) with Chromium.

Options:
  --dist DIR     serve this built site (default: build one into a temporary directory)
  --port N       port for vite preview (default: a free one)
  --out FILE     where to write the PNG (default: docs/screenshot.png)
  --scale N      device scale factor (default: 1)
  -h, --help     print this help and exit
`;

const OPTIONS = new Set(['dist', 'port', 'out', 'scale']);

/**
 * The command line as { help, options }, or { error } for an unknown option or
 * a missing value. Takes `--name value` and `--name=value`.
 */
function parseArgs(argv) {
  const options = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--help' || a === '-h') return { help: true, options };
    const m = /^--([a-z]+)(?:=(.*))?$/.exec(a);
    if (!m || !OPTIONS.has(m[1])) return { error: `unknown argument: ${a}` };
    const value = m[2] ?? argv[++i];
    if (value === undefined || value === '' || (m[2] === undefined && value.startsWith('-'))) return { error: `--${m[1]} needs a value` };
    options[m[1]] = value;
  }
  return { help: false, options };
}

const parsed = parseArgs(process.argv.slice(2));
const arg = (name) => parsed.options?.[name];

function freePort() {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.on('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => res(port));
    });
  });
}

function run(args, what, timeoutMs) {
  const child = spawn(process.execPath, [VITE, ...args], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'], detached: true });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const stop = () => {
    if (child.exitCode === null) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        child.kill('SIGTERM');
      }
    }
  };
  const done = new Promise((res, rej) => {
    const t = setTimeout(() => {
      stop();
      rej(new Error(`${what}: not done within ${timeoutMs} ms`));
    }, timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(t);
      if (code === 0) res();
      else rej(new Error(`${what} exited ${code}: ${stderr.slice(-1500)}`));
    });
  });
  return { child, stop, done };
}

async function main() {
  const out = resolve(ROOT, arg('out') ?? 'docs/screenshot.png');
  const scale = Number(arg('scale') ?? 1);
  let dist = arg('dist');
  let temp;
  if (!dist) {
    temp = mkdtempSync(join(tmpdir(), 'playground-shot-'));
    dist = temp;
    await run(['build', '--outDir', dist, '--emptyOutDir', '--logLevel', 'warn'], 'vite build', 180_000).done;
  }
  const port = Number(arg('port') ?? (await freePort()));
  const preview = run(['preview', '--outDir', dist, '--port', String(port), '--strictPort', '--host', '127.0.0.1'], 'vite preview', 10 * 60_000);
  preview.done.catch(() => undefined);
  process.on('exit', () => preview.stop());
  const base = `http://127.0.0.1:${port}/`;
  let browser;
  const watchdog = setTimeout(() => {
    console.error('screenshot: still running after 3 minutes; stopping.');
    preview.stop();
    process.exit(1);
  }, 3 * 60_000);
  try {
    for (let i = 0; ; i++) {
      try {
        if ((await fetch(base, { signal: AbortSignal.timeout(2000) })).ok) break;
      } catch {
        // not up yet
      }
      if (i > 150) throw new Error(`vite preview did not answer on ${base}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    browser = await chromium.launch({ executablePath: existsSync(DEBIAN_CHROMIUM) ? DEBIAN_CHROMIUM : undefined, args: ARGS, timeout: 60_000 });
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: scale, colorScheme: 'light', reducedMotion: 'no-preference' });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    await page.goto(`${base}?theme=light`);
    // The three web pods ready, Monaco loaded (not the plain-text stand-in).
    await page.getByRole('group', { name: /^Pod web-/ }).nth(2).waitFor();
    await page.locator('.monaco-editor').first().waitFor();
    await page.waitForFunction(() => globalThis.document.querySelectorAll('[role="group"][aria-label^="Pod web-"][aria-label*=", ready,"]').length >= 3);
    await page.waitForTimeout(1500);

    // Send a request from your machine to the NodePort, through the dialog a person uses.
    await page.getByRole('button', { name: 'Send request' }).click();
    const dialog = page.getByRole('dialog', { name: 'Send a request' });
    const from = dialog.getByRole('combobox', { name: 'From' });
    const fromValue = await from.locator('option', { hasText: 'Your machine' }).first().getAttribute('value');
    await from.selectOption(fromValue);
    const to = dialog.getByRole('combobox', { name: 'To' });
    const toValue = await to.locator('option', { hasText: /NodePort on node-1/ }).first().getAttribute('value');
    await to.selectOption(toValue);
    await dialog.getByRole('button', { name: 'Send', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });

    // Stop at the hop where kube-proxy picks a pod (the Service's point), else the third hop.
    const callout = page.getByRole('note', { name: 'Hop explanation' });
    await callout.waitFor();
    await page.getByRole('button', { name: 'Pause packets' }).click();
    const back = page.getByRole('button', { name: 'Step back' });
    const forward = page.getByRole('button', { name: 'Step forward' });
    for (let i = 0; i < 12; i++) {
      if (!(await back.isDisabled())) await back.click();
    }
    let chosen = false;
    const seen = [];
    for (let i = 0; i < 12; i++) {
      const text = (await callout.innerText()).replace(/\s+/g, ' ');
      seen.push(text);
      if (/DNAT|kube-proxy|chose|picked|endpoint/i.test(text) && /pod|10\.244\./i.test(text)) {
        chosen = true;
        break;
      }
      if (await forward.isDisabled()) break;
      await forward.click();
      await page.waitForTimeout(150);
    }
    if (!chosen) {
      for (let i = 0; i < 12; i++) if (!(await back.isDisabled())) await back.click();
      for (let i = 0; i < 2; i++) await forward.click();
    }
    // Move the mouse off anything with a hover style.
    await page.mouse.move(720, 880);
    await page.waitForTimeout(600);
    mkdirSync(dirname(out), { recursive: true });
    await page.screenshot({ path: out });
    console.log(`wrote ${out} (${1440 * scale}x${900 * scale}); callout: ${(await callout.innerText()).replace(/\s+/g, ' ')}`);
    if (process.env.SCREENSHOT_DEBUG) console.log(seen.join('\n'));
  } finally {
    clearTimeout(watchdog);
    await browser?.close().catch(() => undefined);
    preview.stop();
    if (temp) rmSync(temp, { recursive: true, force: true });
  }
}

if (parsed.help) {
  process.stdout.write(USAGE);
} else if (parsed.error) {
  process.stderr.write(`screenshot: ${parsed.error}\n\n${USAGE}`);
  process.exitCode = 2;
} else {
  main().then(
    () => process.exit(0),
    (e) => {
      console.error('screenshot failed:', e);
      process.exit(1);
    },
  );
}
