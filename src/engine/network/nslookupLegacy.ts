// nslookup of BusyBox 1.28 and older — `busybox:1.28`, which the Kubernetes docs pinned
// for DNS debugging, and `radial/busyboxplus` from "Connecting Applications with
// Services". This applet asks libc (getaddrinfo, which follows the search list and
// ndots) and prints every address with its reverse name:
//
//   Server:    10.96.0.10
//   Address 1: 10.96.0.10 kube-dns.kube-system.svc.cluster.local
//
//   Name:      hostnames
//   Address 1: 10.0.1.175 hostnames.default.svc.cluster.local
//
// or `nslookup: can't resolve 'NAME'` on stderr with exit 1. The server line is
// printed the same way, so an unreachable kube-dns shows its address without a name.
// Source: busybox networking/nslookup.c before the LEDE rewrite (print_host,
// server_print, nslookup_main: printf("%-10s %s\n"), "Address %u: %s%c").

import { fqdn, reverseName } from '../dns/names';
import { searchCandidates } from '../dns/resolver';
import type { ExecResult } from '../exec';
import type { ProgramEnv } from '../programs/types';
import { askServer, isIPv4Literal, type DnsClient } from './dnsClient';

const bare = (name: string) => name.replace(/\.$/, '');

export const LEGACY_BUSYBOX_USAGE =
  'BusyBox v1.28.4 (2018-05-22 17:00:17 UTC) multi-call binary.\n\nUsage: nslookup [HOST] [SERVER]\n\nQuery the nameserver for the IP address of the given HOST\noptionally using a specified DNS server\n';

/** getnameinfo(NI_NAMEREQD): the PTR target of `ip`, if the server answers one. */
function reverseHost(env: ProgramEnv, client: DnsClient, server: string, ip: string): string | undefined {
  const ptr = reverseName(ip);
  if (!ptr) return undefined;
  const reply = askServer(env, client, server, bare(ptr), 'PTR');
  if (typeof reply === 'string' || reply.rcode !== 'NOERROR') return undefined;
  const record = reply.answers.find((r) => r.type === 'PTR');
  return record ? bare(record.data) : undefined;
}

/** getaddrinfo: an IP literal as is; a name through the search list, first candidate with addresses wins. */
function addresses(env: ProgramEnv, client: DnsClient, server: string, name: string): string[] | undefined {
  if (isIPv4Literal(name)) return [name];
  for (const candidate of searchCandidates(name, client.conf.search, client.conf.ndots)) {
    const reply = askServer(env, client, server, bare(fqdn(candidate)), 'A');
    if (typeof reply === 'string') return undefined; // no server answered
    const ips = reply.answers.filter((r) => r.type === 'A').map((r) => r.data);
    if (reply.rcode === 'NOERROR' && ips.length) return ips;
  }
  return undefined;
}

function printHost(env: ProgramEnv, client: DnsClient, server: string, header: string, host: string): string | undefined {
  const ips = addresses(env, client, server, host);
  if (!ips) return undefined;
  let out = `${header.padEnd(10)} ${host}\n`;
  ips.forEach((ip, i) => {
    const rev = reverseHost(env, client, server, ip);
    out += `Address ${i + 1}: ${ip}${rev ? ` ${rev}` : ''}\n`;
  });
  return out;
}

export function legacyBusyboxNslookup(env: ProgramEnv, client: DnsClient, argv: string[]): ExecResult {
  const args = argv.slice(1);
  // nslookup_main: one or two arguments, and no options at all.
  if (args.length === 0 || args.length > 2 || args[0].startsWith('-')) return { stdout: '', stderr: LEGACY_BUSYBOX_USAGE, exitCode: 1 };
  const [name, serverArg] = args;
  const server = serverArg ?? client.conf.nameservers[0];
  const serverText = printHost(env, client, server, 'Server:', server) ?? `${'Server:'.padEnd(10)} ${server}\n`;
  const nameText = printHost(env, client, server, 'Name:', name);
  if (!nameText) return { stdout: `${serverText}\n`, stderr: `nslookup: can't resolve '${name}'\n`, exitCode: 1 };
  return { stdout: `${serverText}\n${nameText}`, stderr: '', exitCode: 0 };
}
