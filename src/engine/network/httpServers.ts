// The servers inside simulated containers: what a well-known image answers to
// an HTTP request, and the line it writes to its log. Every answer names the
// pod that served it, so load balancing shows in plain `curl` output
// (DESIGN.md "The built-in container behaviour").

import type { EngineContext } from '../context';
import type { Container, Pod } from '../core/types';
import { imageBasename } from '../workloads/containerBehaviour';
import { appendLog, clfTime, goLogTime } from './containerLog';

export interface HttpRequestIn {
  method: string;
  /** Path with query. */
  path: string;
  /** Request headers in the order the client sent them (Host first). */
  headers: [string, string][];
  body?: string;
  scheme: 'http' | 'https';
  /** The address the server sees the connection from (after any SNAT). */
  clientIP: string;
  clientPort: number;
  serverPort: number;
}

export interface HttpResponseOut {
  status: number;
  statusText: string;
  headers: [string, string][];
  body: string;
  /** Not HTTP at all: redis/mysql greet with text (curl: HTTP/0.9), others close (curl: empty reply). */
  protocolError?: 'http09' | 'empty';
}

export const STATUS_TEXT: Record<number, string> = {
  200: 'OK', 301: 'Moved Permanently', 302: 'Found', 400: 'Bad Request', 403: 'Forbidden', 404: 'Not Found',
  405: 'Not Allowed', 500: 'Internal Server Error', 502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout',
};

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** RFC 7231 IMF-fixdate, as the Date header carries it. */
export function httpDate(ms: number): string {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${DAYS[d.getUTCDay()]}, ${p(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} GMT`;
}

const DEFAULT_VERSIONS: Record<string, string> = { nginx: '1.27.4', httpd: '2.4.62', 'hello-app': '1.0.0' };

/** `nginx:1.25.4` → `1.25.4`; `nginx:1.25` → `1.25.0`… no tag or `latest` → the version `latest` pointed at. */
export function imageVersion(container: Container, base: string): string {
  const ref = (container.image ?? '').split('@')[0];
  const colon = ref.lastIndexOf(':');
  const tag = colon > ref.lastIndexOf('/') ? ref.slice(colon + 1) : '';
  const m = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?/.exec(tag);
  if (!m) return DEFAULT_VERSIONS[base] ?? '1.0.0';
  return `${m[1]}.${m[2] ?? '0'}.${m[3] ?? '0'}`;
}

const header = (req: HttpRequestIn, name: string) => req.headers.find(([k]) => k.toLowerCase() === name.toLowerCase())?.[1];

function htmlPage(title: string, heading: string, line: string): string {
  return `<!DOCTYPE html>\n<html>\n<head>\n<title>${title}</title>\n</head>\n<body>\n<h1>${heading}</h1>\n<p>${line}</p>\n</body>\n</html>\n`;
}

function nginxError(status: number, version: string): string {
  const t = `${status} ${STATUS_TEXT[status]}`;
  return `<html>\r\n<head><title>${t}</title></head>\r\n<body>\r\n<center><h1>${t}</h1></center>\r\n<hr><center>nginx/${version}</center>\r\n</body>\r\n</html>\r\n`;
}

interface ServeContext {
  ctx: EngineContext;
  pod: Pod;
  container: Container;
  req: HttpRequestIn;
  now: number;
  who: string;
}

function respond(status: number, headers: [string, string][], body: string): HttpResponseOut {
  return { status, statusText: STATUS_TEXT[status] ?? '', headers, body };
}

/** `"GET / HTTP/1.1"` as access logs quote the request line. */
const requestLine = (req: HttpRequestIn) => `${req.method} ${req.path} HTTP/1.1`;

function combinedLog(s: ServeContext, status: number, bytes: number, xff = true): string {
  const ua = header(s.req, 'User-Agent') ?? '-';
  const ref = header(s.req, 'Referer') ?? '-';
  const fwd = header(s.req, 'X-Forwarded-For') ?? '-';
  return `${s.req.clientIP} - - [${clfTime(s.now)}] "${requestLine(s.req)}" ${status} ${bytes} "${ref}" "${ua}"${xff ? ` "${fwd}"` : ''}`;
}

function bodyBytes(s: ServeContext, body: string): number {
  return s.req.method === 'HEAD' ? 0 : body.length;
}

function serveNginx(s: ServeContext): HttpResponseOut {
  const version = imageVersion(s.container, 'nginx');
  const date = httpDate(s.now);
  const path = s.req.path.split('?')[0];
  let res: HttpResponseOut;
  if (path === '/' || path === '/index.html') {
    const body = htmlPage('Welcome to nginx!', 'Welcome to nginx!', s.who);
    const lastModified = Date.UTC(2024, 10, 26, 15, 55, 0);
    res = respond(200, [
      ['Server', `nginx/${version}`], ['Date', date], ['Content-Type', 'text/html'], ['Content-Length', String(body.length)],
      ['Last-Modified', httpDate(lastModified)], ['Connection', 'keep-alive'],
      ['ETag', `"${(lastModified / 1000).toString(16)}-${body.length.toString(16)}"`], ['Accept-Ranges', 'bytes'],
    ], body);
  } else {
    const status = ['GET', 'HEAD'].includes(s.req.method) ? 404 : 405;
    const body = nginxError(status, version);
    res = respond(status, [['Server', `nginx/${version}`], ['Date', date], ['Content-Type', 'text/html'], ['Content-Length', String(body.length)], ['Connection', 'keep-alive']], body);
    appendLog(s.ctx, s.pod, s.container.name, `${goLogTime(s.now)} [error] 29#29: *1 open() "/usr/share/nginx/html${path}" failed (2: No such file or directory), client: ${s.req.clientIP}, server: localhost, request: "${requestLine(s.req)}", host: "${header(s.req, 'Host') ?? ''}"`);
  }
  appendLog(s.ctx, s.pod, s.container.name, combinedLog(s, res.status, bodyBytes(s, res.body)));
  return res;
}

function serveHttpd(s: ServeContext): HttpResponseOut {
  const body = `<html><body><h1>It works!</h1>\n<p>${s.who}</p>\n</body></html>\n`;
  const res = respond(200, [
    ['Date', httpDate(s.now)], ['Server', `Apache/${imageVersion(s.container, 'httpd')} (Unix)`],
    ['Last-Modified', 'Mon, 11 Jun 2007 18:53:14 GMT'], ['ETag', `"${body.length.toString(16)}-42f0bd3ab3b80"`],
    ['Accept-Ranges', 'bytes'], ['Content-Length', String(body.length)], ['Content-Type', 'text/html'],
  ], body);
  const bytes = bodyBytes(s, body);
  appendLog(s.ctx, s.pod, s.container.name, `${s.req.clientIP} - - [${clfTime(s.now)}] "${requestLine(s.req)}" 200 ${bytes || '-'}`);
  return res;
}

/** registry.k8s.io/echoserver: nginx + lua printing the request back (the "Using Source IP" tutorial's server). */
function serveEchoserver(s: ServeContext): HttpResponseOut {
  const [path, query = ''] = s.req.path.split('?');
  const host = (header(s.req, 'Host') ?? '').replace(/:\d+$/, '');
  const headers = [...s.req.headers].map(([k, v]) => [k.toLowerCase(), v] as const).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const body = [
    '', '', `Hostname: ${s.pod.metadata.name}`, '', 'Pod Information:', '\t-no pod information available-', '',
    'Server values:', '\tserver_version=nginx: 1.13.3 - lua: 10008', '',
    'Request Information:', `\tclient_address=${s.req.clientIP}`, `\tmethod=${s.req.method}`, `\treal path=${path}`,
    `\tquery=${query}`, '\trequest_version=1.1', `\trequest_scheme=${s.req.scheme}`,
    `\trequest_uri=${s.req.scheme}://${host}:${s.req.serverPort}${s.req.path}`, '',
    'Request Headers:', ...headers.map(([k, v]) => `\t${k}=${v}`), '',
    'Request Body:', s.req.body ? s.req.body : '\t-no body in request-', '', '',
  ].join('\n');
  const res = respond(200, [
    ['Server', 'nginx/1.13.3'], ['Date', httpDate(s.now)], ['Content-Type', 'text/plain'],
    ['Transfer-Encoding', 'chunked'], ['Connection', 'keep-alive'],
  ], body);
  appendLog(s.ctx, s.pod, s.container.name, combinedLog(s, 200, bodyBytes(s, body), false));
  return res;
}

/** hashicorp/http-echo prints its `-text` argument. */
function serveHttpEcho(s: ServeContext): HttpResponseOut {
  const words = [...(s.container.command ?? []), ...(s.container.args ?? [])];
  let text = 'hello-world';
  for (let i = 0; i < words.length; i++) {
    const m = /^--?text(?:=(.*))?$/s.exec(words[i]);
    if (m) text = m[1] ?? words[i + 1] ?? '';
  }
  const body = `${text}\n`;
  const res = respond(200, [
    ['X-App-Name', 'http-echo'], ['X-App-Version', '1.0.0'], ['Date', httpDate(s.now)],
    ['Content-Length', String(body.length)], ['Content-Type', 'text/plain; charset=utf-8'],
  ], body);
  const ua = header(s.req, 'User-Agent') ?? '';
  appendLog(s.ctx, s.pod, s.container.name, `${goLogTime(s.now)} ${header(s.req, 'Host') ?? ''} ${s.req.clientIP}:${s.req.clientPort} "${requestLine(s.req)}" 200 ${body.length} "${ua}" 18.4µs`);
  return res;
}

function serveWhoami(s: ServeContext): HttpResponseOut {
  const body = [
    `Hostname: ${s.pod.metadata.name}`, 'IP: 127.0.0.1', `IP: ${s.pod.status?.podIP ?? ''}`,
    `RemoteAddr: ${s.req.clientIP}:${s.req.clientPort}`, `${s.req.method} ${s.req.path} HTTP/1.1`,
    ...s.req.headers.map(([k, v]) => `${k}: ${v}`), '', '',
  ].join('\n');
  return respond(200, [['Date', httpDate(s.now)], ['Content-Length', String(body.length)], ['Content-Type', 'text/plain; charset=utf-8']], body);
}

function serveHelloApp(s: ServeContext): HttpResponseOut {
  const body = `Hello, world!\nVersion: ${imageVersion(s.container, 'hello-app')}\nHostname: ${s.pod.metadata.name}\n`;
  appendLog(s.ctx, s.pod, s.container.name, `${goLogTime(s.now)} Serving request: ${s.req.path}`);
  return respond(200, [['Content-Type', 'text/plain; charset=utf-8'], ['Date', httpDate(s.now)], ['Content-Length', String(body.length)]], body);
}

/**
 * registry.k8s.io/serve_hostname: the hostname, no newline, and a log line per request.
 * Source: kubernetes/kubernetes test/images/agnhost/serve-hostname/serve_hostname.go.
 */
function serveHostname(s: ServeContext): HttpResponseOut {
  appendLog(s.ctx, s.pod, s.container.name, `${goLogTime(s.now)} HTTP request from ${s.req.clientIP}:${s.req.clientPort}`);
  return servePlain(s, 200, s.pod.spec.hostname ?? s.pod.metadata.name ?? '');
}

/** The Kubernetes Basics tutorial's server.js: `Hello Kubernetes bootcamp! | Running on: <pod> | v=<image major>`. */
function serveBootcamp(s: ServeContext): HttpResponseOut {
  const version = imageVersion(s.container, 'kubernetes-bootcamp').split('.')[0];
  const body = `Hello Kubernetes bootcamp! | Running on: ${s.pod.metadata.name} | v=${version}\n`;
  return respond(200, [['Content-Type', 'text/plain'], ['Date', httpDate(s.now)], ['Connection', 'keep-alive'], ['Transfer-Encoding', 'chunked']], body);
}

function servePlain(s: ServeContext, status: number, body: string): HttpResponseOut {
  return respond(status, [['Content-Type', 'text/plain; charset=utf-8'], ['Date', httpDate(s.now)], ['Content-Length', String(body.length)]], body);
}

/** The built-in app behind a declared containerPort of an image the playground does not know. */
function serveGeneric(s: ServeContext): HttpResponseOut {
  const res = servePlain(s, 200, `Hello from ${s.pod.metadata.name} (${s.pod.status?.podIP ?? ''}) on ${s.pod.spec.nodeName ?? ''}, port ${s.req.serverPort}\n`);
  appendLog(s.ctx, s.pod, s.container.name, combinedLog(s, 200, bodyBytes(s, res.body)));
  return res;
}

const NON_HTTP: Record<string, 'http09' | 'empty'> = {
  redis: 'http09', mysql: 'http09', mariadb: 'http09', postgres: 'empty', mongo: 'empty', memcached: 'empty', rabbitmq: 'empty',
};

/** One HTTP request served by `container` of `pod` (which listens on req.serverPort). */
export function serveHttp(ctx: EngineContext, pod: Pod, container: Container, req: HttpRequestIn): HttpResponseOut {
  const now = ctx.clock.now();
  const who = `Served by pod ${pod.metadata.name} (${pod.status?.podIP ?? ''}) on node ${pod.spec.nodeName ?? ''}.`;
  const s: ServeContext = { ctx, pod, container, req, now, who };
  const base = imageBasename(container.image);
  switch (base) {
    case 'nginx':
    case 'nginx-unprivileged':
      return serveNginx(s);
    case 'httpd':
      return serveHttpd(s);
    case 'echoserver':
      return serveEchoserver(s);
    case 'http-echo':
      return serveHttpEcho(s);
    case 'whoami':
      return serveWhoami(s);
    case 'hello-app':
      return serveHelloApp(s);
    case 'serve_hostname':
      return serveHostname(s);
    case 'kubernetes-bootcamp':
      return serveBootcamp(s);
    case 'traefik':
      return servePlain(s, 404, '404 page not found\n');
    case 'coredns':
      if (req.serverPort === 53) return { status: 0, statusText: '', headers: [], body: '', protocolError: 'empty' };
      if (req.serverPort === 8080 && req.path === '/health') return servePlain(s, 200, 'OK');
      if (req.serverPort === 8181 && req.path === '/ready') return servePlain(s, 200, 'OK');
      return servePlain(s, 404, '404 page not found\n');
    default:
      if (NON_HTTP[base]) return { status: 0, statusText: '', headers: [], body: '', protocolError: NON_HTTP[base] };
      return serveGeneric(s);
  }
}
