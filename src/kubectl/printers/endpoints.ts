// `kubectl get endpoints` and `kubectl get endpointslices`.
// Source: pkg/printers/internalversion/printers.go (formatEndpoints, printEndpointSlice,
// formatDiscoveryPorts, formatDiscoveryEndpoints), printers_test.go (TestPrintEndpoint,
// TestPrintEndpointSlice).

import type { EndpointSlice, Endpoints } from '../../engine/core/types';
import { ageSince } from './age';
import { AGE, NAME, type KindTable } from './columns';
import { joinHostPort, listWithMoreString } from './format';

const MAX_SHOWN = 3;

/** Ready addresses only, `ip:port` per (port × address), 3 then ` + N more...`; `<none>` without subsets. */
export function formatEndpoints(ep: Endpoints): string {
  const subsets = ep.subsets ?? [];
  if (subsets.length === 0) return '<none>';
  const list: string[] = [];
  let more = false;
  let count = 0;
  for (const ss of subsets) {
    const addresses = ss.addresses ?? [];
    const ports = ss.ports ?? [];
    if (ports.length === 0) {
      // Headless services may have no ports.
      count += addresses.length;
      for (const a of addresses) {
        if (list.length === MAX_SHOWN) {
          more = true;
          break;
        }
        list.push(a.ip);
      }
      continue;
    }
    for (const port of ports) {
      count += addresses.length;
      for (const a of addresses) {
        if (list.length === MAX_SHOWN) {
          more = true;
          break;
        }
        list.push(joinHostPort(a.ip, port.port));
      }
    }
  }
  const ret = list.join(',');
  return more ? `${ret} + ${count - MAX_SHOWN} more...` : ret;
}

export const endpointsTable: KindTable = {
  columns: [NAME, { name: 'Endpoints' }, AGE],
  row(obj, env) {
    return [obj.metadata.name ?? '', formatEndpoints(obj as Endpoints), ageSince(env.nowMs, obj.metadata.creationTimestamp)];
  },
};

export function formatDiscoveryPorts(slice: EndpointSlice): string {
  const list: string[] = [];
  let more = false;
  let count = 0;
  for (const port of slice.ports ?? []) {
    if (list.length < MAX_SHOWN) list.push(port.port !== undefined && port.port !== null ? String(port.port) : port.name ?? '*');
    else if (list.length === MAX_SHOWN) more = true;
    count++;
  }
  return listWithMoreString(list, more, count, MAX_SHOWN);
}

export function formatDiscoveryEndpoints(slice: EndpointSlice): string {
  const list: string[] = [];
  let more = false;
  let count = 0;
  for (const ep of slice.endpoints ?? []) {
    for (const address of ep.addresses) {
      if (list.length < MAX_SHOWN) list.push(address);
      else if (list.length === MAX_SHOWN) more = true;
      count++;
    }
  }
  return listWithMoreString(list, more, count, MAX_SHOWN);
}

export const endpointSliceTable: KindTable = {
  columns: [NAME, { name: 'AddressType' }, { name: 'Ports' }, { name: 'Endpoints' }, AGE],
  row(obj, env) {
    const slice = obj as EndpointSlice;
    return [slice.metadata.name ?? '', slice.addressType, formatDiscoveryPorts(slice), formatDiscoveryEndpoints(slice), ageSince(env.nowMs, slice.metadata.creationTimestamp)];
  },
};
