// nslookup NAME [SERVER], in the two flavours people meet:
// - busybox's applet (busybox, alpine, curlimages/curl): sends A and AAAA for
//   every search suffix when the name has no dot (the name as-is otherwise) and
//   prints every reply, NXDOMAINs included; exit 1 if any reply was an error.
//   Source: busybox networking/nslookup.c (send_queries, parse_reply, add_query_with_search).
// - busybox 1.28 and older (busybox:1.28, radial/busyboxplus): libc-based, see nslookupLegacy.ts.
// - bind9's (dnsutils, netshoot, the person's machine): follows the search list
//   and ndots, prints the answer or `** server can't find NAME: NXDOMAIN`.

import { reverseName } from '../dns/names';
import { searchCandidates } from '../dns/resolver';
import type { DnsRecord, RecordType } from '../dns/types';
import { type ExecResult, fail } from '../exec';
import type { ProgramEnv } from '../programs/types';
import { askServer, dnsClient, isIPv4Literal, type DnsClient, type ServerReply } from './dnsClient';
import { announceDnsTrace, originSource } from '../dataplane/dnsTrace';
import { legacyBusyboxNslookup } from './nslookupLegacy';

const TYPES: RecordType[] = ['A', 'AAAA', 'SRV', 'PTR', 'CNAME', 'SOA', 'ANY'];
const bare = (name: string) => name.replace(/\.$/, '');

function parseArgs(argv: string[]): { name: string; server?: string; type?: RecordType } | string {
  const rest: string[] = [];
  let type: RecordType | undefined;
  for (const a of argv.slice(1)) {
    const m = /^-(?:type|querytype|query|q)=(.*)$/i.exec(a);
    if (m) {
      const t = m[1].toUpperCase() as RecordType;
      if (!TYPES.includes(t)) return `invalid query type "${m[1]}"`;
      type = t;
    } else if (a.startsWith('-')) {
      continue; // other options (-debug, -timeout=…) do not change the simulated answer
    } else {
      rest.push(a);
    }
  }
  if (rest.length === 0 || rest.length > 2) return 'usage';
  return { name: rest[0], server: rest[1], type };
}

function busyboxRecord(r: DnsRecord): string {
  const name = bare(r.name);
  switch (r.type) {
    case 'A':
    case 'AAAA': return `Name:\t${name}\nAddress: ${r.data}\n`;
    case 'CNAME': return `${name}\tcanonical name = ${bare(r.data)}\n`;
    case 'PTR': return `${name}\tname = ${bare(r.data)}\n`;
    case 'SRV': {
      const [prio, weight, port, target] = r.data.split(' ');
      return `${name}\tservice = ${prio} ${weight} ${port} ${bare(target)}\n`;
    }
    default: return '';
  }
}

function bindRecord(r: DnsRecord): string {
  switch (r.type) {
    case 'A':
    case 'AAAA': return `Name:\t${bare(r.name)}\nAddress: ${r.data}\n`;
    case 'CNAME': return `${bare(r.name)}\tcanonical name = ${r.data}\n`;
    case 'PTR': return `${bare(r.name)}\tname = ${r.data}\n`;
    case 'SRV': return `${bare(r.name)}\tservice = ${r.data}\n`;
    default: return '';
  }
}

const NO_SERVERS = ';; connection timed out; no servers could be reached\n\n';

function busybox(env: ProgramEnv, client: DnsClient, name: string, server: string, type?: RecordType): ExecResult {
  const search = client.conf.search;
  const withSearch = (t: RecordType) => (t === 'PTR' || search.length === 0 || name.includes('.') ? [name] : search.map((s) => `${name}.${s}`));
  const ptr = !type && isIPv4Literal(name) ? reverseName(name) : undefined;
  const queries: { name: string; type: RecordType }[] = ptr
    ? [{ name: ptr, type: 'PTR' }]
    : (type ? [type] : (['A', 'AAAA'] as RecordType[])).flatMap((t) => withSearch(t).map((n) => ({ name: bare(n), type: t })));
  const replies = queries.map((q) => askServer(env, client, server, q.name, q.type));
  if (replies.every((r) => r === 'refused' || r === 'timeout')) {
    // The ICMP port-unreachable from kube-proxy's REJECT surfaces as a failed read, then the applet gives up.
    const stderr = replies[0] === 'refused' ? 'nslookup: read: Connection refused\n'.repeat(2) : '';
    return { stdout: NO_SERVERS, stderr, exitCode: 1 };
  }
  let out = `Server:\t\t${server}\nAddress:\t${server}:53\n\n`;
  let exitCode = 0;
  replies.forEach((reply, i) => {
    if (typeof reply === 'string') return;
    const q = queries[i];
    if (reply.rcode !== 'NOERROR') {
      out += `** server can't find ${q.name}: ${reply.rcode}\n\n`;
      exitCode = 1;
      return;
    }
    if (!reply.authoritative) out += 'Non-authoritative answer:\n';
    out += reply.answers.length ? reply.answers.map(busyboxRecord).join('') : `*** Can't find ${q.name}: No answer\n`;
    out += '\n';
  });
  return { stdout: out, stderr: '', exitCode };
}

function bind(env: ProgramEnv, client: DnsClient, name: string, server: string, type?: RecordType): ExecResult {
  const ptr = !type && isIPv4Literal(name) ? reverseName(name) : undefined;
  const candidates = ptr ? [ptr] : searchCandidates(name, client.conf.search, client.conf.ndots);
  const firstType: RecordType = ptr ? 'PTR' : type ?? 'A';
  let found: { name: string; reply: ServerReply } | undefined;
  let lastError: ServerReply | undefined;
  for (const candidate of candidates) {
    const reply = askServer(env, client, server, candidate, firstType);
    if (reply === 'refused' || reply === 'timeout') {
      const comm = reply === 'refused' ? `;; communications error to ${server}#53: connection refused\n` : '';
      return { stdout: `${comm}${NO_SERVERS}`, stderr: '', exitCode: 1 };
    }
    if (reply.rcode === 'NOERROR') {
      found = { name: candidate, reply };
      break;
    }
    lastError = reply;
  }
  let out = `Server:\t\t${server}\nAddress:\t${server}#53\n\n`;
  if (!found || typeof found.reply === 'string') {
    const rcode = typeof lastError === 'object' ? lastError.rcode : 'NXDOMAIN';
    return { stdout: `${out}** server can't find ${name}: ${rcode}\n\n`, stderr: '', exitCode: 1 };
  }
  const records = [...found.reply.answers];
  if (!ptr && !type) {
    const aaaa = askServer(env, client, server, found.name, 'AAAA');
    if (typeof aaaa === 'object') records.push(...aaaa.answers.filter((r) => r.type === 'AAAA'));
  }
  if (!found.reply.authoritative) out += 'Non-authoritative answer:\n';
  out += records.length ? records.map(bindRecord).join('') : `*** Can't find ${name}: No answer\n`;
  return { stdout: `${out}\n`, stderr: '', exitCode: 0 };
}

export function nslookup(env: ProgramEnv, argv: string[]): ExecResult {
  const client = dnsClient(env);
  const flavour = client.tools?.nslookup ?? 'bind';
  if (flavour === 'busybox-legacy') {
    const result = legacyBusyboxNslookup(env, client, argv);
    if (argv.length === 2) announceDnsTrace(env.ctx, { from: originSource(env.origin), name: argv[1] });
    return result;
  }
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    if (flavour === 'busybox') {
      return fail(args === 'usage'
        ? 'BusyBox v1.37.0 (2024-09-26 21:31:42 UTC) multi-call binary.\n\nUsage: nslookup [-type=QUERY_TYPE] [-debug] HOST [DNS_SERVER]\n\nQuery DNS about HOST\n\nQUERY_TYPE: soa,ns,a,aaaa,cname,mx,txt,any,srv,ptr\n'
        : `nslookup: ${args}\n`, 1);
    }
    return fail(args === 'usage' ? 'Usage: nslookup [-opt ...] [host [server]]\n' : `unknown query type: ${args}\n`, 1);
  }
  const server = args.server ?? client.conf.nameservers[0];
  const result = flavour === 'busybox' ? busybox(env, client, args.name, server, args.type) : bind(env, client, args.name, server, args.type);
  // The UI animates the lookup (a pod's question to kube-dns and the answer).
  if (!args.server) announceDnsTrace(env.ctx, { from: originSource(env.origin), name: args.name, type: args.type });
  return result;
}
