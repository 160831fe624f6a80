// Small field validators from pkg/apis/core/validation/validation.go that
// several kinds share (ValidateNonnegativeField, ValidateDNS1123Label, …).

import { field, type FieldError } from '../../core/errors';
import { IP_ERROR, isDNS1123Label, isDNS1123Subdomain, isQualifiedName, isValidIP, nonSpecialIPErrors } from './common';

export const IMMUTABLE_ERROR = 'field is immutable';

/** ValidateNonnegativeField. */
export function nonNegative(path: string, value: number | undefined): FieldError[] {
  return typeof value === 'number' && value < 0 ? [field.invalid(path, value, 'must be greater than or equal to 0')] : [];
}

/** ValidateDNS1123Label. */
export function dns1123LabelField(path: string, value: string): FieldError[] {
  return isDNS1123Label(value).map((m) => field.invalid(path, value, m));
}

/** ValidateDNS1123Subdomain (also NameIsDNSSubdomain used on a field). */
export function dns1123SubdomainField(path: string, value: string): FieldError[] {
  return isDNS1123Subdomain(value).map((m) => field.invalid(path, value, m));
}

/** ValidateQualifiedName. */
export function qualifiedNameField(path: string, value: string): FieldError[] {
  return isQualifiedName(value).map((m) => field.invalid(path, value, m));
}

/**
 * validation.IsValidIP followed by ValidateNonSpecialIP, as Endpoints addresses
 * are checked: an unparsable address gets both errors.
 */
/** IPs already found valid and non-special (no errors at any path); Endpoints writes repeat them. Bounded. */
const validEndpointIPs = new Set<string>();

export function endpointIPErrors(path: string, ip: string): FieldError[] {
  if (validEndpointIPs.has(ip)) return [];
  if (!isValidIP(ip)) return [field.invalid(path, ip, IP_ERROR), field.invalid(path, ip, 'must be a valid IP address')];
  const errs = nonSpecialIPErrors(path, ip);
  if (errs.length === 0) {
    if (validEndpointIPs.size >= 65_536) validEndpointIPs.clear();
    validEndpointIPs.add(ip);
  }
  return errs;
}
