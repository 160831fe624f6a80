// RepackSubsets (pkg/api/v1/endpoints/util.go): expand subsets to
// (address, port, ready) triples and repack them so that addresses offering the
// same set of ports share one subset. Addresses without ports (a headless
// Service without ports) are kept under a sentinel port that is stripped again.
// An address that is not ready on a port stays not ready there ("not ready
// trumps ready"). Addresses sort by IP (byte order) then target UID, as upstream;
// ports and subsets upstream sort by an md5 of their Go dump, which we do not
// reproduce: we sort ports by number, protocol, name and subsets by their first
// address (KUBERNETES.md §18 lists this order as uncertain).

import type { EndpointAddress, EndpointPort, EndpointSubset } from '../../core/types';

const SENTINEL: EndpointPort = { port: -1 };

function addressKey(a: EndpointAddress): string {
  return `${a.ip}\u0000${a.targetRef?.uid ?? ''}`;
}

function portKey(p: EndpointPort): string {
  return `${p.name ?? ''}\u0000${p.port}\u0000${p.protocol ?? ''}\u0000${p.appProtocol ?? ''}`;
}

/** LessEndpointAddress */
export function lessAddress(a: EndpointAddress, b: EndpointAddress): number {
  if (a.ip !== b.ip) return a.ip < b.ip ? -1 : 1;
  if (!b.targetRef) return a.targetRef ? 1 : 0;
  if (!a.targetRef) return -1;
  const ua = a.targetRef.uid ?? '';
  const ub = b.targetRef.uid ?? '';
  return ua < ub ? -1 : ua > ub ? 1 : 0;
}

/**
 * Sorts addresses by lessAddress. A Service's lists are mostly short, and for those an
 * insertion sort avoids the work arrays Array.prototype.sort allocates per call; both
 * sorts are stable, so the order is the same.
 */
function sortAddresses(list: EndpointAddress[]): void {
  if (list.length > 16) {
    list.sort(lessAddress);
    return;
  }
  for (let i = 1; i < list.length; i++) {
    const x = list[i];
    let j = i - 1;
    for (; j >= 0 && lessAddress(list[j], x) > 0; j--) list[j + 1] = list[j];
    list[j + 1] = x;
  }
}

function comparePorts(a: EndpointPort, b: EndpointPort): number {
  if (a.port !== b.port) return a.port - b.port;
  const pa = `${a.protocol ?? ''}\u0000${a.name ?? ''}`;
  const pb = `${b.protocol ?? ''}\u0000${b.name ?? ''}`;
  return pa < pb ? -1 : pa > pb ? 1 : 0;
}

function subsetSortKey(s: EndpointSubset): string {
  const first = s.addresses?.[0] ?? s.notReadyAddresses?.[0];
  return `${first?.ip ?? ''}\u0000${(s.ports ?? []).map(portKey).join('\u0001')}`;
}

/** Same port key as portKey() gives, without building the strings. */
function samePortKey(a: EndpointPort, b: EndpointPort): boolean {
  return (
    String(a.name ?? '') === String(b.name ?? '') && String(a.port) === String(b.port) &&
    String(a.protocol ?? '') === String(b.protocol ?? '') && String(a.appProtocol ?? '') === String(b.appProtocol ?? '')
  );
}

/**
 * A string IP and target uid (no NUL to blur addressKey): lessAddress then orders these
 * addresses by exactly their addressKey, so equal keys sort next to each other.
 */
function hasUID(a: EndpointAddress): boolean {
  const uid = a.targetRef?.uid;
  return typeof uid === 'string' && typeof a.ip === 'string' && !a.ip.includes('\u0000') && !uid.includes('\u0000');
}

/** Whether two lists sorted by lessAddress share no address key, within or across them. */
function distinctSorted(ready: EndpointAddress[], notReady: EndpointAddress[]): boolean {
  for (let i = 1; i < ready.length; i++) if (lessAddress(ready[i - 1], ready[i]) === 0) return false;
  for (let i = 1; i < notReady.length; i++) if (lessAddress(notReady[i - 1], notReady[i]) === 0) return false;
  for (let i = 0, j = 0; i < ready.length && j < notReady.length; ) {
    const c = lessAddress(ready[i], notReady[j]);
    if (c === 0) return false;
    if (c < 0) i++;
    else j++;
  }
  return true;
}

/**
 * The usual case, answered without the maps: every subset offers the same one port and
 * no address appears twice. Then there is one group, the ready and not-ready addresses
 * sorted, under the first port seen. undefined: take the general path.
 */
function repackOnePort(subsets: readonly EndpointSubset[]): EndpointSubset[] | undefined {
  let port: EndpointPort | undefined;
  const ready: EndpointAddress[] = [];
  const notReady: EndpointAddress[] = [];
  for (const s of subsets) {
    if (!s.ports || s.ports.length !== 1) return undefined;
    const p = s.ports[0];
    const addrs = s.addresses ?? [];
    const unready = s.notReadyAddresses ?? [];
    if (addrs.length + unready.length === 0) continue;
    if (port === undefined) port = p;
    else if (p !== port && !samePortKey(p, port)) return undefined;
    for (const a of addrs) ready.push(a);
    for (const a of unready) notReady.push(a);
  }
  if (port === undefined) return [];
  return packOnePort(ready, notReady, port);
}

/**
 * Addresses that all offer the one `port`, packed as repackSubsets would: one
 * subset, each list sorted. The lists are sorted in place. undefined when an
 * address lacks a string IP and uid or appears twice (take the general path).
 */
export function packOnePort(ready: EndpointAddress[], notReady: EndpointAddress[], port: EndpointPort): EndpointSubset[] | undefined {
  if (ready.length + notReady.length === 0) return [];
  for (let i = 0; i < ready.length; i++) if (!hasUID(ready[i])) return undefined;
  for (let i = 0; i < notReady.length; i++) if (!hasUID(notReady[i])) return undefined;
  sortAddresses(ready);
  sortAddresses(notReady);
  if (!distinctSorted(ready, notReady)) return undefined;
  const subset: EndpointSubset = {};
  if (ready.length) subset.addresses = ready;
  if (notReady.length) subset.notReadyAddresses = notReady;
  subset.ports = [port];
  return [subset];
}

export function repackSubsets(subsets: readonly EndpointSubset[]): EndpointSubset[] {
  const onePort = repackOnePort(subsets);
  if (onePort) return onePort;
  const allAddrs = new Map<string, EndpointAddress>();
  // port key -> (port, address key -> ready); Maps keep first-seen order.
  const byPort = new Map<string, { port: EndpointPort; addrs: Map<string, boolean> }>();
  const map = (addr: EndpointAddress, port: EndpointPort, ready: boolean) => {
    const ak = addressKey(addr);
    if (!allAddrs.has(ak)) allAddrs.set(ak, addr);
    const pk = portKey(port);
    let entry = byPort.get(pk);
    if (!entry) byPort.set(pk, (entry = { port, addrs: new Map() }));
    const was = entry.addrs.get(ak);
    if (was === undefined || was) entry.addrs.set(ak, ready);
  };
  for (const s of subsets) {
    const ports = s.ports && s.ports.length ? s.ports : [SENTINEL];
    for (const port of ports) {
      for (const a of s.addresses ?? []) map(a, port, true);
      for (const a of s.notReadyAddresses ?? []) map(a, port, false);
    }
  }

  // Group ports by the exact set of (address, ready) pairs that offer them.
  const groups = new Map<string, { addrs: Map<string, boolean>; ports: EndpointPort[] }>();
  if (byPort.size === 1) {
    // One port (the usual Service): one group, whatever its key would be.
    const { port, addrs } = byPort.values().next().value!;
    groups.set('', { addrs, ports: [port] });
  } else for (const { port, addrs } of byPort.values()) {
    const key = [...addrs.entries()].map(([k, r]) => `${k}\u0000${r ? 1 : 0}`).sort().join('\u0001');
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { addrs, ports: [] }));
    g.ports.push(port);
  }

  const out: EndpointSubset[] = [];
  for (const { addrs, ports } of groups.values()) {
    const ready: EndpointAddress[] = [];
    const notReady: EndpointAddress[] = [];
    for (const [k, r] of addrs) (r ? ready : notReady).push(allAddrs.get(k)!);
    sortAddresses(ready);
    sortAddresses(notReady);
    const subset: EndpointSubset = {};
    if (ready.length) subset.addresses = ready;
    if (notReady.length) subset.notReadyAddresses = notReady;
    if (!(ports.length === 1 && ports[0] === SENTINEL)) subset.ports = [...ports].sort(comparePorts);
    out.push(subset);
  }
  if (out.length < 2) return out;
  const keys = new Map(out.map((s) => [s, subsetSortKey(s)]));
  return out.sort((a, b) => (keys.get(a)! < keys.get(b)! ? -1 : keys.get(a)! > keys.get(b)! ? 1 : 0));
}
