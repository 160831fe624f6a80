// `npm run screenshot -- --help` and `node scripts/screenshot.mjs --help` print the
// usage and exit 0 without building or starting a browser; a mistyped option is an
// error that says so instead of running the job.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const SCRIPT = join(ROOT, 'scripts', 'screenshot.mjs');
// Far less than a build takes: if the job started, the run is cut short and the test fails.
const TIMEOUT_MS = 20_000;

function run(cmd: string, args: string[]) {
  return spawnSync(cmd, args, { cwd: ROOT, encoding: 'utf8', timeout: TIMEOUT_MS, env: { ...process.env, NO_COLOR: '1' } });
}

describe('scripts/screenshot.mjs', () => {
  it.each(['--help', '-h', '--out x.png --help'])('node scripts/screenshot.mjs %s prints the usage and exits 0', (line) => {
    const r = run(process.execPath, [SCRIPT, ...line.split(' ')]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Usage: node scripts\/screenshot\.mjs \[options\]/);
    expect(r.stdout).toContain('--dist DIR');
  });

  it('npm run screenshot -- --help prints the usage and exits 0', () => {
    const r = run(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', 'screenshot', '--', '--help']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('Usage: node scripts/screenshot.mjs [options]');
  });

  it.each(['--bogus', '--dist', '--port --out', 'extra'])('%s is refused with exit code 2 and the usage', (line) => {
    const r = run(process.execPath, [SCRIPT, ...line.split(' ')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^screenshot: (unknown argument|--\w+ needs a value)/);
    expect(r.stderr).toContain('Usage:');
  });
});
