// curl 8.5 (Ubuntu 24.04's): the options Services tutorials use, its output
// formats (-i, -I, -v, -w, -o) and its error texts and exit codes
// (libcurl-errors: 1, 3, 6, 7, 22, 28, 35, 52, 60). A timeout takes no
// simulated time; the message reports how long it would have taken.

import { traceRequest } from '../dataplane/trace';
import type { Trace, TraceRequest } from '../dataplane/types';
import { type ExecResult, type OutputChunk, orderedOutput, withChunks } from '../exec';
import type { Program, ProgramEnv } from '../programs/types';
import { hopLines, KERNEL_CONNECT_TIMEOUT_MS, parseSeconds, sourceOf } from './httpClient';

interface CurlOptions {
  urls: string[];
  silent: boolean;
  showError: boolean;
  verbose: boolean;
  include: boolean;
  head: boolean;
  fail: boolean;
  insecure: boolean;
  output?: string;
  writeOut?: string;
  headers: Record<string, string>;
  maxTime?: number;
  connectTimeout?: number;
  method?: string;
  data?: string;
  userAgent?: string;
  resolve: Record<string, string>;
}

const TRY = "curl: try 'curl --help' or 'curl --manual' for more information\n";
const usageError = (msg: string): ExecResult => ({ stdout: '', stderr: `curl: ${msg}\n${TRY}`, exitCode: 2 });

const FLAGS: Record<string, keyof CurlOptions> = {
  '-s': 'silent', '--silent': 'silent', '-S': 'showError', '--show-error': 'showError', '-v': 'verbose', '--verbose': 'verbose',
  '-i': 'include', '--include': 'include', '-I': 'head', '--head': 'head', '-f': 'fail', '--fail': 'fail', '-k': 'insecure', '--insecure': 'insecure',
};
const IGNORED = new Set(['-L', '--location', '-4', '--ipv4', '--compressed', '-N', '--no-buffer', '--http1.1', '-#', '--progress-bar']);
const WITH_ARG = new Set(['-o', '--output', '-w', '--write-out', '-H', '--header', '-m', '--max-time', '--connect-timeout', '-X', '--request', '-d', '--data', '--data-raw', '--data-binary', '-A', '--user-agent', '--resolve', '-u', '--user', '-e', '--referer']);

function parse(argv: string[]): CurlOptions | ExecResult {
  const o: CurlOptions = { urls: [], silent: false, showError: false, verbose: false, include: false, head: false, fail: false, insecure: false, headers: {}, resolve: {} };
  const apply = (flag: string, value: string): ExecResult | undefined => {
    switch (flag) {
      case '-o': case '--output': o.output = value; break;
      case '-w': case '--write-out': o.writeOut = value; break;
      case '-H': case '--header': {
        const i = value.indexOf(':');
        if (i > 0) o.headers[value.slice(0, i).trim()] = value.slice(i + 1).trim();
        else if (value.endsWith(';')) o.headers[value.slice(0, -1).trim()] = '';
        break;
      }
      case '-m': case '--max-time': case '--connect-timeout': {
        const s = parseSeconds(value);
        if (s === undefined) return usageError(`option ${flag}: expected a proper numerical parameter`);
        if (flag === '--connect-timeout') o.connectTimeout = s;
        else o.maxTime = s;
        break;
      }
      case '-X': case '--request': o.method = value; break;
      case '-d': case '--data': case '--data-raw': case '--data-binary': o.data = o.data === undefined ? value : `${o.data}&${value}`; break;
      case '-A': case '--user-agent': o.userAgent = value; break;
      case '-e': case '--referer': o.headers.Referer = value; break;
      case '--resolve': {
        const m = /^([^:]+):(\d+):(.+)$/.exec(value);
        if (!m) return usageError(`option --resolve: error encountered when reading a file`);
        o.resolve[m[1].toLowerCase()] = m[3].replace(/^\[|\]$/g, '');
        break;
      }
      default: break;
    }
    return undefined;
  };
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-h' || a === '--help') return { stdout: HELP, stderr: '', exitCode: 0 };
    if (a === '-V' || a === '--version') return { stdout: VERSION, stderr: '', exitCode: 0 };
    if (FLAGS[a]) { (o[FLAGS[a]] as boolean) = true; continue; }
    if (IGNORED.has(a)) continue;
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq > 0 ? a.slice(0, eq) : a;
      if (!WITH_ARG.has(name)) return usageError(`option ${a}: is unknown`);
      const value = eq > 0 ? a.slice(eq + 1) : argv[++i];
      if (value === undefined) return usageError(`option ${name}: requires parameter`);
      const err = apply(name, value);
      if (err) return err;
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      // Short options bundle (-sSv); one taking a value ends the bundle (-so FILE, -sw'%{http_code}').
      for (let j = 1; j < a.length; j++) {
        const f = `-${a[j]}`;
        if (FLAGS[f]) { (o[FLAGS[f]] as boolean) = true; continue; }
        if (IGNORED.has(f)) continue;
        if (WITH_ARG.has(f)) {
          const value = j + 1 < a.length ? a.slice(j + 1) : argv[++i];
          if (value === undefined) return usageError(`option ${f}: requires parameter`);
          const err = apply(f, value);
          if (err) return err;
          break;
        }
        return usageError(`option ${a}: is unknown`);
      }
      continue;
    }
    o.urls.push(a);
  }
  if (o.urls.length === 0) return usageError('no URL specified');
  return o;
}

const crlf = (lines: string[]) => lines.map((l) => `${l}\r\n`).join('');

function writeOut(format: string, t: Trace, exitCode: number, errorMsg: string, bytes: number): string {
  const o = t.outcome;
  const status = o.kind === 'response' && !o.protocolError ? o.status : 0;
  const contentType = o.kind === 'response' ? o.headers.find(([k]) => k.toLowerCase() === 'content-type')?.[1] ?? '' : '';
  const vars: Record<string, string> = {
    http_code: String(status).padStart(3, '0'), response_code: String(status).padStart(3, '0'),
    remote_ip: o.kind === 'response' || o.kind === 'refused' ? t.connect?.ip ?? '' : '',
    remote_port: o.kind === 'response' || o.kind === 'refused' ? String(t.connect?.port ?? '') : '',
    local_ip: t.client?.ip ?? '', url_effective: t.request.url, method: t.method, exitcode: String(exitCode), errormsg: errorMsg,
    size_download: String(bytes), content_type: contentType, time_total: '0.001250', time_connect: '0.000400', num_connects: o.kind === 'response' ? '1' : '0',
    scheme: (t.url?.scheme ?? 'http').toUpperCase(),
  };
  return format
    .replace(/%\{([a-z_]+)\}/g, (m, k: string) => vars[k] ?? m)
    .replace(/%%/g, '%')
    .replace(/\\([ntr\\])/g, (_, c: string) => ({ n: '\n', t: '\t', r: '\r', '\\': '\\' })[c]!);
}

function progressMeter(bytes: number): string {
  const size = String(bytes).padStart(5);
  const speed = `${Math.max(1, Math.round(bytes / 1.024))}`;
  return `  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n                                 Dload  Upload   Total   Spent    Left  Speed\n100 ${size}  100 ${size}    0     0  ${speed.padStart(5)}      0 --:--:-- --:--:-- --:--:-- ${speed.padStart(5)}\n`;
}

function runOne(env: ProgramEnv, o: CurlOptions, url: string): ExecResult {
  const method = o.method ?? (o.head ? 'HEAD' : o.data !== undefined ? 'POST' : 'GET');
  const request: TraceRequest = { from: sourceOf(env.origin), url, method, headers: o.headers, body: o.data, resolve: o.resolve, userAgent: o.userAgent };
  const t = traceRequest(env.ctx, request);
  const out = t.outcome;
  const verbose: string[] = [];
  const host = t.url?.host ?? url;
  const port = t.url?.port ?? 80;
  let stdout = '';
  /** Index of the first verbose line written after the body. */
  let bodyAfterLine: number | undefined;
  let err: { code: number; msg: string } | undefined;
  const connectLimit = Math.min(o.maxTime ?? Infinity, o.connectTimeout ?? Infinity);

  if (out.kind === 'invalid') {
    err = t.url ? { code: 7, msg: `Failed to connect to ${host} port ${port} after 0 ms: Couldn't connect to server` } : { code: /Protocol/.test(out.reason) ? 1 : 3, msg: out.reason };
    if (t.url) verbose.push(`* ${out.reason}`);
  } else if (out.kind === 'nxdomain') {
    verbose.push(...hopLines(t));
    err = out.dnsTimeout && Number.isFinite(connectLimit)
      ? { code: 28, msg: `Resolving timed out after ${Math.round(connectLimit * 1000)} milliseconds` }
      : { code: 6, msg: `Could not resolve host: ${host}` };
    verbose.push(`* ${err.msg}`);
  } else {
    verbose.push(...hopLines(t, (a) => a === 'dns'));
    verbose.push(`*   Trying ${t.connect!.ip}:${t.connect!.port}...`);
    verbose.push(...hopLines(t, (a) => a !== 'dns'));
    if (out.kind === 'refused') {
      verbose.push(`* connect to ${t.connect!.ip} port ${t.connect!.port} from ${t.client!.ip} port ${t.client!.port} failed: Connection refused`);
      err = { code: 7, msg: `Failed to connect to ${host} port ${port} after 0 ms: Couldn't connect to server` };
      verbose.push(`* ${err.msg}`);
    } else if (out.kind === 'timeout') {
      err = Number.isFinite(connectLimit)
        ? { code: 28, msg: `Connection timed out after ${Math.round(connectLimit * 1000) + 2} milliseconds` }
        : { code: 28, msg: `Failed to connect to ${host} port ${port} after ${KERNEL_CONNECT_TIMEOUT_MS} ms: Couldn't connect to server` };
      verbose.push(`* ${err.msg}`);
    } else {
      verbose.push(`* Connected to ${host} (${t.connect!.ip}) port ${t.connect!.port}`);
      const tls = t.url?.scheme === 'https';
      if (out.protocolError === 'tls') {
        err = { code: 35, msg: 'OpenSSL/3.0.13: error:0A00010B:SSL routines::wrong version number' };
      } else if (tls && !o.insecure) {
        err = { code: 60, msg: 'SSL certificate problem: unable to get local issuer certificate' };
      }
      if (err) verbose.push(`* ${err.msg}`);
      else {
        const reqHeaders = requestHeaderLines(t);
        verbose.push(`> ${t.method} ${t.url!.path} HTTP/1.1`, ...reqHeaders.map((h) => `> ${h}`), '> ');
        if (out.protocolError === 'http09') {
          err = { code: 1, msg: 'Received HTTP/0.9 when not allowed' };
          verbose.push(`* ${err.msg}`);
        } else if (out.protocolError === 'empty') {
          err = { code: 52, msg: 'Empty reply from server' };
          verbose.push(`* ${err.msg}`);
        } else {
          const statusLine = `HTTP/1.1 ${out.status} ${out.statusText}`;
          const headerLines = out.headers.map(([k, v]) => `${k}: ${v}`);
          verbose.push(`< ${statusLine}`, ...headerLines.map((h) => `< ${h}`), '< ');
          if (o.fail && out.status >= 400) {
            err = { code: 22, msg: `The requested URL returned error: ${out.status}` };
            verbose.push(`* ${err.msg}`);
          } else {
            const headBlock = crlf([statusLine, ...headerLines, '']);
            const body = method === 'HEAD' ? '' : out.body;
            const shown = (o.include || o.head ? headBlock : '') + body;
            if (o.output === undefined || o.output === '-') stdout = shown;
            else if (o.output !== '/dev/null' && env.origin.kind === 'workstation') env.workspace.write(o.output, shown);
            bodyAfterLine = verbose.length;
            verbose.push(`* Connection #0 to host ${host} left intact`);
          }
        }
      }
    }
  }
  if (err && !verbose.includes('* Closing connection')) verbose.push('* Closing connection');
  const lines = (from: number, to?: number) => (o.verbose ? verbose.slice(from, to).map((l) => `${l}\n`).join('') : '');
  // The body is written between the response headers and curl's closing verbose lines.
  const split = bodyAfterLine ?? verbose.length;
  let before = lines(0, split);
  let after = lines(split);
  const bytes = out.kind === 'response' && !err && method !== 'HEAD' ? out.body.length : 0;
  if (o.output !== undefined && o.output !== '-' && !o.silent && !err) before = progressMeter(bytes) + before;
  if (err && (!o.silent || o.showError)) after += `curl: (${err.code}) ${err.msg}\n`;
  if (err?.code === 60 && !o.silent) {
    after += 'More details here: https://curl.se/docs/sslcerts.html\n\ncurl failed to verify the legitimacy of the server and therefore could not\nestablish a secure connection to it. To learn more about this situation and\nhow to fix it, please visit the web page mentioned above.\n';
  }
  const exitCode = err?.code ?? 0;
  const written = o.writeOut !== undefined ? writeOut(o.writeOut, t, exitCode, err?.msg ?? '', bytes) : '';
  const chunks = [
    { stream: 'stderr' as const, text: before },
    { stream: 'stdout' as const, text: stdout },
    { stream: 'stderr' as const, text: after },
    { stream: 'stdout' as const, text: written },
  ].filter((c) => c.text !== '');
  return withChunks({ stdout: stdout + written, stderr: before + after, exitCode }, chunks);
}


function requestHeaderLines(t: Trace): string[] {
  const url = t.url!;
  const defaultPort = url.scheme === 'https' ? 443 : 80;
  const lines = [`Host: ${url.port !== defaultPort ? `${url.host}:${url.port}` : url.host}`, `User-Agent: ${t.request.userAgent ?? 'curl/8.5.0'}`, 'Accept: */*'];
  const byName = new Map(lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l]));
  for (const [k, v] of Object.entries(t.request.headers ?? {})) {
    if (v === '') byName.delete(k.toLowerCase());
    else byName.set(k.toLowerCase(), `${k}: ${v}`);
  }
  if (t.request.body !== undefined) {
    if (!byName.has('content-type')) byName.set('content-type', 'Content-Type: application/x-www-form-urlencoded');
    byName.set('content-length', `Content-Length: ${t.request.body.length}`);
  }
  return [...byName.values()];
}

export const curl: Program = (env, argv) => {
  const o = parse(argv);
  if ('exitCode' in o) return o;
  let stdout = '';
  let stderr = '';
  let exitCode = 0;
  const chunks: OutputChunk[] = [];
  for (const url of o.urls) {
    const r = runOne(env, o, url);
    stdout += r.stdout;
    stderr += r.stderr;
    chunks.push(...orderedOutput(r));
    if (r.exitCode !== 0) exitCode = r.exitCode;
  }
  return withChunks({ stdout, stderr, exitCode }, chunks);
};

const VERSION = `curl 8.5.0 (x86_64-pc-linux-gnu) libcurl/8.5.0 OpenSSL/3.0.13 zlib/1.3 brotli/1.1.0 zstd/1.5.5 libidn2/2.3.7 libpsl/0.21.2 (+libidn2/2.3.7) libssh/0.10.6/openssl/zlib nghttp2/1.59.0 librtmp/2.3 OpenLDAP/2.6.7
Release-Date: 2023-12-06, security patched: 8.5.0-2ubuntu10.6
Protocols: dict file ftp ftps gopher gophers http https imap imaps ldap ldaps mqtt pop3 pop3s rtmp rtsp scp sftp smb smbs smtp smtps telnet tftp
Features: alt-svc AsynchDNS brotli GSS-API HSTS HTTP2 HTTPS-proxy IDN IPv6 Kerberos Largefile libz NTLM PSL SPNEGO SSL threadsafe TLS-SRP UnixSockets zstd
`;

const HELP = `Usage: curl [options...] <url>
 -d, --data <data>           HTTP POST data
 -f, --fail                  Fail fast with no output on HTTP errors
 -h, --help <category>       Get help for commands
 -i, --include               Include protocol response headers in the output
 -o, --output <file>         Write to file instead of stdout
 -O, --remote-name           Write output to a file named as the remote file
 -s, --silent                Silent mode
 -T, --upload-file <file>    Transfer local FILE to destination
 -u, --user <user:password>  Server user and password
 -A, --user-agent <name>     Send User-Agent <name> to server
 -v, --verbose               Make the operation more talkative
 -V, --version               Show version number and quit

This is not the full help, this menu is stripped into categories.
Use "--help category" to get an overview of all categories.
For all options use the manual or "--help all".
`;
