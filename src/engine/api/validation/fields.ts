// Small field validators from pkg/apis/core/validation/validation.go that
// several kinds share (ValidateNonnegativeField, ValidateDNS1123Label, …).

import { field, type FieldError } from '../../core/errors';
import { IP_ERROR, isDNS1123Label, isDNS1123Subdomain, isQualifiedName, isSpecialIPv4, isValidIP, nonSpecialIPErrors, parseIPv4 } from './common';

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

/** Whether endpointIPErrors reports nothing for this address (at any path): for IPv4, a parse and a range check. */
export function isValidEndpointIP(ip: string): boolean {
  const n = parseIPv4(ip);
  if (n !== undefined) return !isSpecialIPv4(n);
  return endpointIPErrors('', ip).length === 0;
}

/**
 * validation.IsValidIP followed by ValidateNonSpecialIP, as Endpoints addresses
 * are checked: an unparsable address gets both errors.
 */
export function endpointIPErrors(path: string, ip: string): FieldError[] {
  if (!isValidIP(ip)) return [field.invalid(path, ip, IP_ERROR), field.invalid(path, ip, 'must be a valid IP address')];
  return nonSpecialIPErrors(path, ip);
}
