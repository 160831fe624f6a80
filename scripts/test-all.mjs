#!/usr/bin/env node
// `npm test`: every check the project has, in the order a person would want the
// feedback, ending with ONE plain line `N passed, N failed[, N skipped]` counted
// from the JSON reports of Vitest and Playwright (the CI harness reads that line).
// Exits non-zero if a test failed, a step failed, or no test ran at all.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const reports = join(root, '.reports');
const VITEST_REPORT = join(reports, 'vitest.json');
const PLAYWRIGHT_REPORT = join(reports, 'playwright.json');
const bin = (name) => join(root, 'node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name);

const steps = [
  { name: 'typecheck', cmd: 'tsc', args: ['-b'] },
  { name: 'lint', cmd: 'eslint', args: ['.'] },
  {
    name: 'unit and property tests',
    cmd: 'vitest',
    args: ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${VITEST_REPORT}`],
    count: () => countVitest(VITEST_REPORT),
  },
  { name: 'build', cmd: 'vite', args: ['build'] },
  {
    name: 'end-to-end tests',
    cmd: 'playwright',
    args: ['test'],
    // The e2e suite serves dist/: without a fresh build it would test a stale site.
    needs: 'build',
    count: () => countPlaywright(PLAYWRIGHT_REPORT),
  },
];

/** Vitest's JSON reporter follows Jest's result format. */
function countVitest(file) {
  const r = readJson(file);
  if (!r) return null;
  return { passed: r.numPassedTests ?? 0, failed: r.numFailedTests ?? 0, skipped: (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0) };
}

/** Playwright's JSON reporter: expected = passed, unexpected = failed, flaky = passed on retry. */
function countPlaywright(file) {
  const r = readJson(file);
  if (!r?.stats) return null;
  const s = r.stats;
  return { passed: (s.expected ?? 0) + (s.flaky ?? 0), failed: s.unexpected ?? 0, skipped: s.skipped ?? 0 };
}

function readJson(file) {
  if (!existsSync(file)) return null;
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

const totals = { passed: 0, failed: 0, skipped: 0 };
let testsRun = 0;
const failedSteps = [];
const summary = [];

for (const step of steps) {
  if (step.needs && failedSteps.includes(step.needs)) {
    console.log(`\n=== ${step.name}: skipped, because ${step.needs} failed`);
    failedSteps.push(step.name);
    summary.push(`  ${step.name}: not run`);
    // A suite that could not run counts as one failure, so the line never looks green.
    totals.failed += 1;
    continue;
  }
  console.log(`\n=== ${step.name}: ${step.cmd} ${step.args.join(' ')}`);
  const started = Date.now();
  const result = spawnSync(bin(step.cmd), step.args, { cwd: root, stdio: 'inherit', env: process.env });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const ok = result.status === 0;
  if (result.error) console.error(`${step.name}: could not start ${step.cmd}: ${result.error.message}`);

  let note = '';
  if (step.count) {
    const counts = step.count();
    if (counts) {
      totals.passed += counts.passed;
      totals.failed += counts.failed;
      totals.skipped += counts.skipped;
      testsRun += counts.passed + counts.failed;
      note = `, ${counts.passed} passed, ${counts.failed} failed${counts.skipped ? `, ${counts.skipped} skipped` : ''}`;
      // A runner that failed without a failed test (a file that did not load, the web server
      // did not start) still counts as one failure.
      if (!ok && counts.failed === 0) totals.failed += 1;
    } else {
      note = ', no report written';
      totals.failed += 1;
    }
  } else if (!ok) {
    totals.failed += 1;
  }
  if (!ok) failedSteps.push(step.name);
  summary.push(`  ${step.name}: ${ok ? 'ok' : `FAILED (exit ${result.status ?? result.signal})`} in ${seconds} s${note}`);
}

console.log('\n=== summary');
for (const lineText of summary) console.log(lineText);
if (testsRun === 0) console.log('  no test ran');
if (failedSteps.length) console.log(`  failed steps: ${failedSteps.join(', ')}`);
console.log(`${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);

process.exitCode = failedSteps.length > 0 || totals.failed > 0 || testsRun === 0 ? 1 : 0;
