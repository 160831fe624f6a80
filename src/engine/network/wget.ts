// BusyBox 1.36 wget, the one in busybox and alpine images: `wget -qO- URL`,
// `-O FILE`, `-T SEC`, `-S`, `--spider`, its progress bar and its terse
// error texts (networking/wget.c: "bad address", "can't connect to remote
// host", "download timed out", "server returned error").

import { traceRequest } from '../dataplane/trace';
import type { ExecResult } from '../exec';
import type { Program } from '../programs/types';
import { parseSeconds, sourceOf } from './httpClient';

interface WgetOptions {
  urls: string[];
  quiet: boolean;
  output?: string;
  timeout?: number;
  serverResponse: boolean;
  spider: boolean;
  userAgent: string;
  headers: Record<string, string>;
  postData?: string;
}

const USAGE = `BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.

Usage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]
	[--post-data STR | --post-file FILE] [-Y on/off]
	[-P DIR] [-U AGENT] [-T SEC] URL...

Retrieve files via HTTP or FTP

	--spider	Only check URL existence: $? is 0 if exists
	--header STR	Add STR (of form 'header: value') to headers
	--post-data STR	Send STR using POST method
	-c		Continue retrieval of aborted transfer
	-q		Quiet
	-P DIR		Save to DIR (default .)
	-S    		Show server response
	-T SEC		Network read timeout is SEC seconds
	-O FILE		Save to FILE ('-' for stdout)
	-o LOGFILE	Log messages to FILE
	-U STR		Use STR for User-Agent header
	-Y on/off	Use proxy
`;

const fail = (stderr: string, exitCode = 1): ExecResult => ({ stdout: '', stderr, exitCode });

function parse(argv: string[]): WgetOptions | ExecResult {
  const o: WgetOptions = { urls: [], quiet: false, serverResponse: false, spider: false, userAgent: 'Wget', headers: {} };
  const takes = new Set(['O', 'T', 'U', 'P', 'o', 'Y']);
  const apply = (f: string, v: string): ExecResult | undefined => {
    if (f === 'O' || f === 'output-document') o.output = v;
    else if (f === 'T' || f === 'timeout') {
      const s = parseSeconds(v);
      if (s === undefined) return fail(`wget: invalid number '${v}'\n`);
      o.timeout = s;
    } else if (f === 'U' || f === 'user-agent') o.userAgent = v;
    else if (f === 'header') {
      const i = v.indexOf(':');
      if (i > 0) o.headers[v.slice(0, i).trim()] = v.slice(i + 1).trim();
    } else if (f === 'post-data') o.postData = v;
    return undefined;
  };
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--help') return fail(USAGE);
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = (eq > 0 ? a.slice(0, eq) : a).slice(2);
      if (name === 'spider') { o.spider = true; continue; }
      if (name === 'quiet') { o.quiet = true; continue; }
      if (name === 'server-response') { o.serverResponse = true; continue; }
      if (!['output-document', 'timeout', 'user-agent', 'header', 'post-data'].includes(name)) return fail(`wget: unrecognized option '${a}'\n${USAGE}`);
      const v = eq > 0 ? a.slice(eq + 1) : argv[++i];
      if (v === undefined) return fail(`wget: option '--${name}' requires an argument\n${USAGE}`);
      const e = apply(name, v);
      if (e) return e;
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const f = a[j];
        if (f === 'q') o.quiet = true;
        else if (f === 'S') o.serverResponse = true;
        else if (f === 'c') continue;
        else if (takes.has(f)) {
          const v = j + 1 < a.length ? a.slice(j + 1) : argv[++i];
          if (v === undefined) return fail(`wget: option requires an argument -- '${f}'\n${USAGE}`);
          const e = apply(f, v);
          if (e) return e;
          break;
        } else return fail(`wget: invalid option -- '${f}'\n${USAGE}`);
      }
      continue;
    }
    o.urls.push(a);
  }
  if (o.urls.length === 0) return fail(USAGE);
  return o;
}

function progress(name: string, bytes: number): string {
  return `${name.padEnd(20).slice(0, 20)} 100% |${'*'.repeat(32)}| ${String(bytes).padStart(5)}  0:00:00 ETA\n`;
}

export const wget: Program = (env, argv) => {
  const o = parse(argv);
  if ('exitCode' in o) return o;
  let stdout = '';
  let stderr = '';
  for (const url of o.urls) {
    const t = traceRequest(env.ctx, {
      from: sourceOf(env.origin), url, method: o.spider ? 'HEAD' : o.postData !== undefined ? 'POST' : 'GET',
      headers: { Accept: '', Connection: 'close', ...o.headers }, body: o.postData, userAgent: o.userAgent,
    });
    const out = t.outcome;
    const host = t.url?.host ?? url;
    if (out.kind === 'invalid') return { stdout, stderr: `${stderr}wget: ${t.url ? out.reason : `bad address '${host}'`}\n`, exitCode: 1 };
    if (out.kind === 'nxdomain') return { stdout, stderr: `${stderr}wget: bad address '${host}'\n`, exitCode: 1 };
    if (!o.quiet) stderr += `Connecting to ${host} (${t.connect!.ip}:${t.connect!.port})\n`;
    if (out.kind === 'refused') return { stdout, stderr: `${stderr}wget: can't connect to remote host (${t.connect!.ip}): Connection refused\n`, exitCode: 1 };
    if (out.kind === 'timeout') {
      const msg = o.timeout !== undefined ? 'wget: download timed out' : `wget: can't connect to remote host (${t.connect!.ip}): Connection timed out`;
      return { stdout, stderr: `${stderr}${msg}\n`, exitCode: 1 };
    }
    if (out.protocolError === 'empty' || out.protocolError === 'tls') return { stdout, stderr: `${stderr}wget: error getting response: Connection reset by peer\n`, exitCode: 1 };
    if (out.protocolError === 'http09') return { stdout, stderr: `${stderr}wget: server returned error: -ERR wrong number of arguments for 'get' command\n`, exitCode: 1 };
    if (o.serverResponse) stderr += [`HTTP/1.1 ${out.status} ${out.statusText}`, ...out.headers.map(([k, v]) => `${k}: ${v}`)].map((l) => `  ${l}\n`).join('');
    if (out.status >= 400) return { stdout, stderr: `${stderr}wget: server returned error: HTTP/1.1 ${out.status} ${out.statusText}\n`, exitCode: 1 };
    if (o.spider) {
      if (!o.quiet) stderr += 'remote file exists\n';
      continue;
    }
    const toStdout = o.output === '-';
    const file = o.output ?? (t.url!.path.split('?')[0].split('/').pop() || 'index.html');
    if (!o.quiet) stderr += toStdout ? 'writing to stdout\n' : `saving to '${file}'\n`;
    if (toStdout) stdout += out.body;
    else if (env.origin.kind === 'workstation' && file !== '/dev/null') env.workspace.write(file, out.body);
    if (!o.quiet) stderr += progress(toStdout ? '-' : file, out.body.length) + (toStdout ? 'written to stdout\n' : `'${file}' saved\n`);
  }
  return { stdout, stderr, exitCode: 0 };
};
