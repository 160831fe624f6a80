// Endpoints strategy. Sources: pkg/apis/core/v1/defaults.go (SetDefaults_Endpoints:
// port protocol TCP), validation.go (ValidateEndpoints, validateEndpointSubsets,
// validateEndpointAddress, validateEndpointPort). Endpoints have no spec/status split.

import type { EngineContext } from '../../context';
import { field, type FieldError } from '../../core/errors';
import type { EndpointAddress, EndpointPort, Endpoints, EndpointSubset } from '../../core/types';
import { KINDS } from '../kinds';
import type { KindStrategy } from '../registry';
import {
  isDNS1123Subdomain, isValidPortNum, validateObjectMeta, validDNS1123Label, validPortNum, validDNS1123Subdomain, validQualifiedName,
} from '../validation/common';
import { dns1123LabelField, dns1123SubdomainField, endpointIPErrors, isValidEndpointIP, qualifiedNameField } from '../validation/fields';

const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];

/*
 * The controllers rewrite every Endpoints object of a Service as its pods come and go, so
 * nearly every address and port is clean. Each is first checked by a predicate that holds
 * exactly when its validator below reports nothing; only the others build paths and errors.
 */

function addressIsValid(a: EndpointAddress): boolean {
  if (!a) return false;
  return isValidEndpointIP(a.ip ?? '') && (!a.hostname || validDNS1123Label(a.hostname)) && (a.nodeName === undefined || validDNS1123Subdomain(a.nodeName));
}

function portIsValid(port: EndpointPort, requireName: boolean): boolean {
  if (!port) return false;
  if (port.name ? !validDNS1123Label(port.name) : requireName) return false;
  if (!validPortNum(port.port)) return false;
  if (!port.protocol || !PROTOCOLS.includes(port.protocol)) return false;
  return port.appProtocol === undefined || validQualifiedName(port.appProtocol);
}

function validateAddress(a: EndpointAddress, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const ip = a?.ip ?? '';
  // IsValidIP first, then (for parsable IPs) ValidateNonSpecialIP after hostname and nodeName.
  const ipErrs = endpointIPErrors(`${path}.ip`, ip);
  const invalid = ipErrs.length === 2 && ipErrs[1].detail === 'must be a valid IP address';
  if (invalid) errs.push(ipErrs[0]);
  if (a?.hostname) errs.push(...dns1123LabelField(`${path}.hostname`, a.hostname));
  if (a?.nodeName !== undefined) errs.push(...dns1123SubdomainField(`${path}.nodeName`, a.nodeName));
  errs.push(...(invalid ? [ipErrs[1]] : ipErrs));
  return errs;
}

function validatePort(port: EndpointPort, requireName: boolean, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (requireName && !port.name) errs.push(field.required(`${path}.name`));
  else if (port.name) errs.push(...dns1123LabelField(`${path}.name`, port.name));
  for (const m of isValidPortNum(port.port)) errs.push(field.invalid(`${path}.port`, port.port ?? 0, m));
  if (!port.protocol) errs.push(field.required(`${path}.protocol`));
  else if (!PROTOCOLS.includes(port.protocol)) errs.push(field.notSupported(`${path}.protocol`, port.protocol, PROTOCOLS));
  if (port.appProtocol !== undefined) errs.push(...qualifiedNameField(`${path}.appProtocol`, port.appProtocol));
  return errs;
}

/** A subset with addresses, every address and port clean (lists that are not arrays answer false). */
function subsetIsValid(ss: EndpointSubset): boolean {
  if (!ss) return false;
  const addresses = ss.addresses ?? [];
  const notReady = ss.notReadyAddresses ?? [];
  const ports = ss.ports ?? [];
  if (!Array.isArray(addresses) || !Array.isArray(notReady) || !Array.isArray(ports)) return false;
  if (addresses.length === 0 && notReady.length === 0) return false;
  for (let i = 0; i < addresses.length; i++) if (!addressIsValid(addresses[i])) return false;
  for (let i = 0; i < notReady.length; i++) if (!addressIsValid(notReady[i])) return false;
  for (let i = 0; i < ports.length; i++) if (!portIsValid(ports[i], ports.length > 1)) return false;
  return true;
}

export function validateEndpoints(ep: Endpoints): FieldError[] {
  const errs = validateObjectMeta(ep.metadata, true, isDNS1123Subdomain);
  const subsets = ep.subsets;
  if (subsets === undefined || subsets === null || (Array.isArray(subsets) && subsetsAreValid(subsets))) return errs;
  // The full walk builds every error (and fails, as it always did, on a list that is not an array).
  (ep.subsets ?? []).forEach((ss, i) => {
    const p = `subsets[${i}]`;
    const addresses = ss.addresses ?? [];
    const notReady = ss.notReadyAddresses ?? [];
    if (addresses.length === 0 && notReady.length === 0) errs.push(field.required(p, 'must specify `addresses` or `notReadyAddresses`'));
    addresses.forEach((a, j) => {
      if (!addressIsValid(a)) errs.push(...validateAddress(a, `${p}.addresses[${j}]`));
    });
    notReady.forEach((a, j) => {
      if (!addressIsValid(a)) errs.push(...validateAddress(a, `${p}.notReadyAddresses[${j}]`));
    });
    const ports = ss.ports ?? [];
    ports.forEach((port, j) => {
      if (!portIsValid(port, ports.length > 1)) errs.push(...validatePort(port, ports.length > 1, `${p}.ports[${j}]`));
    });
  });
  return errs;
}

function subsetsAreValid(subsets: EndpointSubset[]): boolean {
  for (let i = 0; i < subsets.length; i++) if (!subsetIsValid(subsets[i])) return false;
  return true;
}

export function createEndpointsStrategy(_ctx: EngineContext): KindStrategy<Endpoints> {
  return {
    info: KINDS.Endpoints,
    defaults(ep) {
      for (const ss of ep.subsets ?? []) for (const port of ss?.ports ?? []) if (port && !port.protocol) port.protocol = 'TCP';
    },
    validate: validateEndpoints,
  };
}
