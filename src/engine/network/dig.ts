// dig [@SERVER] NAME [TYPE] [+short] [+search] [-x ADDR], laid out as BIND 9.18's
// dig prints it: master-file style with tab stops at columns 24/32/40/48
// (dig.c dns_master_stylecreate, masterdump.c indent()), CoreDNS's answers
// flagged `qr aa rd` with "recursion requested but not available".
// dig does not use the search list unless +search is given.

import { fqdn, reverseName } from '../dns/names';
import { searchCandidates } from '../dns/resolver';
import type { DnsAnswer, DnsRecord, RecordType } from '../dns/types';
import { type ExecResult, fail } from '../exec';
import type { ProgramEnv } from '../programs/types';
import { askServer, dnsClient } from './dnsClient';
import { announceDnsTrace, originSource } from '../dataplane/dnsTrace';

export const DIG_VERSION = '9.18.33-1~deb12u2-Debian';
const TYPES: RecordType[] = ['A', 'AAAA', 'SRV', 'PTR', 'CNAME', 'SOA', 'ANY'];

/** Pads from `col` to the tab stop `to` the way BIND's indent() does: tabs of 8, at least one blank. */
function indent(col: number, to: number): [string, number] {
  if (to < col + 1) to = col + 1;
  const tabs = Math.floor(to / 8) - Math.floor(col / 8);
  const text = tabs > 0 ? '\t'.repeat(tabs) + ' '.repeat(to % 8) : ' '.repeat(to - col);
  return [text, to];
}

/** One record line: name, TTL at 24, class at 32, type at 40, rdata at 48. */
export function recordLine(r: DnsRecord): string {
  let line = r.name;
  let col = line.length;
  for (const [field, stop] of [[String(r.ttl), 24], ['IN', 32], [r.type, 40]] as const) {
    const [pad, at] = indent(col, stop);
    line += pad + field;
    col = at + field.length;
  }
  const [pad] = indent(col, 48);
  return `${line}${pad}${r.data}`;
}

function questionLine(name: string, type: RecordType): string {
  let line = `;${name}`;
  let col = line.length;
  for (const [field, stop] of [['IN', 32], [type, 40]] as const) {
    const [pad, at] = indent(col, stop);
    line += pad + field;
    col = at + field.length;
  }
  return line;
}

const nameWire = (name: string) => (name === '.' ? 1 : name.split('.').filter(Boolean).reduce((n, l) => n + l.length + 1, 1));

/** Approximate wire size: header, question, records with the owner compressed to the question, OPT with echoed cookie. */
function messageSize(qname: string, reply: DnsAnswer): number {
  let size = 12 + nameWire(qname) + 4;
  for (const r of [...reply.answers, ...reply.authority, ...reply.additional]) {
    const owner = r.name === qname ? 2 : nameWire(r.name);
    const rdata = r.type === 'A' ? 4 : r.type === 'AAAA' ? 16 : r.type === 'SRV' ? 6 + nameWire(r.data.split(' ')[3]) : r.type === 'SOA' ? 20 + r.data.split(' ').slice(0, 2).reduce((n, d) => n + nameWire(d), 0) : nameWire(r.data);
    size += owner + 10 + rdata;
  }
  return size + 11 + 12;
}

function whenLine(ms: number): string {
  const d = new Date(ms);
  const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const p = (n: number) => String(n).padStart(2, '0');
  return `${days[d.getUTCDay()]} ${months[d.getUTCMonth()]} ${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} UTC ${d.getUTCFullYear()}`;
}

function shortData(r: DnsRecord): string {
  return r.data;
}

export function dig(env: ProgramEnv, argv: string[]): ExecResult {
  const client = dnsClient(env);
  if (client.tools && !client.tools.programs.has('dig')) return fail('dig: not found\n', 127);
  let name: string | undefined;
  let type: RecordType | undefined;
  let server: string | undefined;
  let short = false;
  let search = false;
  const args = argv.slice(1);
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a.startsWith('@')) server = a.slice(1);
    else if (a === '+short') short = true;
    else if (a === '+search') search = true;
    else if (a === '+nosearch') search = false;
    else if (a.startsWith('+')) continue;
    else if (a === '-x' && args[i + 1]) {
      name = reverseName(args[++i]) ?? args[i];
      type = 'PTR';
    } else if (a === '-t' && args[i + 1]) type = args[++i].toUpperCase() as RecordType;
    else if (!type && TYPES.includes(a.toUpperCase() as RecordType)) type = a.toUpperCase() as RecordType;
    else if (name === undefined) name = a;
  }
  if (type && !TYPES.includes(type)) return fail(`dig: '${type}' is not a valid type\n`, 1);
  const qtype = type ?? (name === undefined ? 'NS' as RecordType : 'A');
  const nameserver = server ?? client.conf.nameservers[0];
  const typed = name ?? '.';
  const header = `\n; <<>> DiG ${DIG_VERSION} <<>> ${args.join(' ')}\n${server ? '; (1 server found)\n' : ''};; global options: +cmd\n`;
  const candidates = search && name ? searchCandidates(name, client.conf.search, client.conf.ndots) : [fqdn(typed)];
  let qname = candidates[0];
  let reply: ReturnType<typeof askServer> = 'timeout';
  for (const candidate of candidates) {
    qname = candidate;
    reply = askServer(env, client, nameserver, candidate, qtype);
    if (typeof reply === 'string' || reply.rcode === 'NOERROR') break;
  }
  // The UI animates the lookup (a pod's question to kube-dns and the answer).
  if (!server && name !== undefined) announceDnsTrace(env.ctx, { from: originSource(env.origin), name, type: qtype });
  if (reply === 'refused' || reply === 'timeout') {
    const why = reply === 'refused' ? 'connection refused' : 'timed out';
    const errors = `;; communications error to ${nameserver}#53: ${why}\n`.repeat(3);
    if (short) return { stdout: errors, stderr: '', exitCode: 9 };
    return { stdout: `${errors}${header};; no servers could be reached\n`, stderr: '', exitCode: 9 };
  }
  if (short) return { stdout: reply.answers.map((r) => `${shortData(r)}\n`).join(''), stderr: '', exitCode: 0 };
  const id = env.ctx.rng.int(65536);
  const flags = reply.authoritative ? 'qr aa rd' : 'qr rd ra';
  const lines: string[] = [
    ';; Got answer:',
    `;; ->>HEADER<<- opcode: QUERY, status: ${reply.rcode}, id: ${id}`,
    `;; flags: ${flags}; QUERY: 1, ANSWER: ${reply.answers.length}, AUTHORITY: ${reply.authority.length}, ADDITIONAL: ${reply.additional.length + 1}`,
  ];
  if (reply.authoritative) lines.push(';; WARNING: recursion requested but not available');
  lines.push('', ';; OPT PSEUDOSECTION:', '; EDNS: version: 0, flags:; udp: 1232', `; COOKIE: ${env.ctx.rng.hex(16)} (echoed)`, ';; QUESTION SECTION:', questionLine(qname, qtype), '');
  const section = (title: string, records: DnsRecord[]) => {
    if (records.length) lines.push(`;; ${title} SECTION:`, ...records.map(recordLine), '');
  };
  section('ANSWER', reply.answers);
  section('AUTHORITY', reply.authority);
  section('ADDITIONAL', reply.additional);
  lines.push(
    ';; Query time: 0 msec',
    `;; SERVER: ${nameserver}#53(${nameserver}) (UDP)`,
    `;; WHEN: ${whenLine(env.ctx.clock.now())}`,
    `;; MSG SIZE  rcvd: ${messageSize(qname, reply)}`,
    '',
  );
  return { stdout: `${header}${lines.join('\n')}\n`, stderr: '', exitCode: 0 };
}
