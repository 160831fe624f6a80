// EndpointSlice strategy. Sources: pkg/apis/discovery/v1/defaults.go (port name ""
// and protocol TCP), pkg/apis/discovery/validation/validation.go (ValidateEndpointSlice,
// validateEndpoints, validatePorts, validateAddressType; addressType immutable on
// update). `endpoints` and `ports` have no omitempty, so unset lists read back as null.
// The kubernetes.io/service-name label is free-form: only ordinary label rules apply.

import type { EngineContext } from '../../context';
import { field, type FieldError } from '../../core/errors';
import type { EndpointPort, EndpointSlice, SliceEndpoint } from '../../core/types';
import { jsonEqual } from '../apiServer';
import { KINDS } from '../kinds';
import type { KindStrategy } from '../registry';
import {
  isDNS1123Label, isDNS1123Subdomain, isIPv6, isSpecialIPv4, nonSpecialIPErrors, parseIPv4, validateObjectMeta, validDNS1123Label,
  validQualifiedName,
} from '../validation/common';
import { dns1123LabelField, IMMUTABLE_ERROR, qualifiedNameField } from '../validation/fields';

const MAX_ENDPOINTS = 1000;
const MAX_ADDRESSES = 100;
const MAX_PORTS = 100;
const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
const CREATE_ADDRESS_TYPES = ['FQDN', 'IPv4', 'IPv6'];
/** The deprecated `IP` type is tolerated on update only. */
const UPDATE_ADDRESS_TYPES = ['FQDN', 'IP', 'IPv4', 'IPv6'];

function nonSpecial(path: string, address: string): FieldError[] {
  if (parseIPv4(address) === undefined && !isIPv6(address)) return [field.invalid(path, address, 'must be a valid IP address')];
  return nonSpecialIPErrors(path, address);
}

/** validation.IsFullyQualifiedDomainName. */
function fqdnErrors(path: string, name: string): FieldError[] {
  if (!name) return [field.required(path)];
  const trimmed = name.endsWith('.') ? name.slice(0, -1) : name;
  const sub = isDNS1123Subdomain(trimmed);
  if (sub.length) return [field.invalid(path, trimmed, sub.join(','))];
  const labels = trimmed.split('.');
  if (labels.length < 2) return [field.invalid(path, trimmed, 'should be a domain with at least two segments separated by dots')];
  for (const label of labels) {
    const msgs = isDNS1123Label(label);
    if (msgs.length) return [field.invalid(path, label, msgs.join(','))];
  }
  return [];
}

/** Whether addressErrors reports nothing; for IPv4 (what the controllers write) a parse and a range check. */
function addressIsValid(addressType: string, address: string): boolean {
  if (addressType !== 'IPv4') return addressErrors(addressType, '', address).length === 0;
  const n = parseIPv4(address);
  return n !== undefined && !isSpecialIPv4(n);
}

function addressErrors(addressType: string, path: string, address: string): FieldError[] {
  switch (addressType) {
    case 'IPv4':
      return [...(parseIPv4(address) === undefined ? [field.invalid(path, address, 'must be a valid IPv4 address')] : []), ...nonSpecial(path, address)];
    case 'IPv6':
      return [...(isIPv6(address) ? [] : [field.invalid(path, address, 'must be a valid IPv6 address')]), ...nonSpecial(path, address)];
    case 'FQDN':
      return fqdnErrors(path, address);
    default:
      return []; // unknown types are reported by validateAddressType alone
  }
}

/*
 * The controllers rewrite every slice of a Service as its pods come and go, so nearly every
 * endpoint and port is clean. Each is first checked by a predicate that holds exactly when
 * the full checks below report nothing for it; only the others build paths and errors.
 */

function endpointIsValid(ep: SliceEndpoint, addressType: string): boolean {
  const addresses = ep?.addresses;
  if (!Array.isArray(addresses) || addresses.length === 0 || addresses.length > MAX_ADDRESSES) return false;
  for (const a of addresses) if (!addressIsValid(addressType, String(a))) return false;
  return ep.hostname === undefined || ep.hostname === null || validDNS1123Label(ep.hostname);
}

/** The per-port checks other than the duplicate name, which needs the names seen so far. */
function portIsValid(port: EndpointPort): boolean {
  if (!port) return false;
  if (port.name && !validDNS1123Label(port.name)) return false;
  if (!port.protocol || !PROTOCOLS.includes(port.protocol)) return false;
  return port.appProtocol === undefined || validQualifiedName(port.appProtocol);
}

function endpointsAreValid(endpoints: SliceEndpoint[], addressType: string): boolean {
  for (let i = 0; i < endpoints.length; i++) if (!endpointIsValid(endpoints[i], addressType)) return false;
  return true;
}

/** Every port clean, and no two with the same name (an absent name counts as ""). */
function portsAreValid(ports: EndpointPort[]): boolean {
  for (let i = 0; i < ports.length; i++) {
    const port = ports[i];
    if (!portIsValid(port)) return false;
    const name = port.name ?? '';
    for (let j = 0; j < i; j++) if ((ports[j].name ?? '') === name) return false;
  }
  return true;
}

export function validateEndpointSlice(slice: EndpointSlice, validTypes: string[]): FieldError[] {
  const errs = validateObjectMeta(slice.metadata, true, isDNS1123Subdomain);
  const addressType = slice.addressType ?? '';
  if (!addressType) errs.push(field.required('addressType'));
  else if (!validTypes.includes(addressType)) errs.push(field.notSupported('addressType', addressType, validTypes));

  const endpoints = slice.endpoints ?? [];
  if (endpoints.length > MAX_ENDPOINTS) errs.push(field.tooMany('endpoints', endpoints.length, MAX_ENDPOINTS));
  else if (!(Array.isArray(endpoints) && endpointsAreValid(endpoints, addressType))) {
    endpoints.forEach((ep, i) => {
      if (endpointIsValid(ep, addressType)) return;
      const p = `endpoints[${i}]`;
      const addresses = ep?.addresses ?? [];
      if (addresses.length === 0) errs.push(field.required(`${p}.addresses`, 'must contain at least 1 address'));
      else if (addresses.length > MAX_ADDRESSES) errs.push(field.tooMany(`${p}.addresses`, addresses.length, MAX_ADDRESSES));
      addresses.forEach((a, j) => errs.push(...addressErrors(addressType, `${p}.addresses[${j}]`, String(a))));
      if (ep?.hostname !== undefined && ep.hostname !== null) errs.push(...dns1123LabelField(`${p}.hostname`, ep.hostname));
    });
  }

  const ports = slice.ports ?? [];
  if (ports.length > MAX_PORTS) errs.push(field.tooMany('ports', ports.length, MAX_PORTS));
  else if (!(Array.isArray(ports) && portsAreValid(ports))) {
    const names = new Set<string>();
    ports.forEach((port, i) => {
      const name = port?.name ?? '';
      if (portIsValid(port) && !names.has(name)) {
        names.add(name);
        return;
      }
      const p = `ports[${i}]`;
      if (name) errs.push(...dns1123LabelField(`${p}.name`, name));
      if (names.has(name)) errs.push(field.duplicate(`${p}.name`, name));
      else names.add(name);
      if (!port?.protocol) errs.push(field.required(`${p}.protocol`));
      else if (!PROTOCOLS.includes(port.protocol)) errs.push(field.notSupported(`${p}.protocol`, port.protocol, PROTOCOLS));
      if (port?.appProtocol !== undefined) errs.push(...qualifiedNameField(`${p}.appProtocol`, port.appProtocol));
    });
  }
  return errs;
}

export function createEndpointSliceStrategy(_ctx: EngineContext): KindStrategy<EndpointSlice> {
  return {
    info: KINDS.EndpointSlice,
    defaults(slice) {
      if (slice.endpoints === undefined) slice.endpoints = null;
      if (slice.ports === undefined) slice.ports = null;
      for (const port of slice.ports ?? []) {
        if (!port || typeof port !== 'object') continue;
        if (port.name === undefined) port.name = '';
        if (port.protocol === undefined) port.protocol = 'TCP';
      }
    },
    // Generation (pkg/registry/discovery/endpointslice/strategy.go): 1 on create (kinds.ts
    // hasGeneration); the API server bumps it when anything but metadata changed, and
    // PrepareForUpdate also when the labels changed.
    prepareForUpdate(slice, old) {
      if (!jsonEqual(slice.metadata.labels ?? {}, old.metadata.labels ?? {})) slice.metadata.generation = (old.metadata.generation ?? 0) + 1;
    },
    validate: (slice) => validateEndpointSlice(slice, CREATE_ADDRESS_TYPES),
    validateUpdate(slice, old) {
      const errs = validateEndpointSlice(slice, UPDATE_ADDRESS_TYPES);
      if (slice.addressType !== old.addressType) errs.push(field.invalid('addressType', slice.addressType ?? '', IMMUTABLE_ERROR));
      return errs;
    },
  };
}
