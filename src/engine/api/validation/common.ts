// Validation helpers shared by every kind, with apimachinery's exact texts.
// Source: staging/src/k8s.io/apimachinery/pkg/util/validation/validation.go and
// staging/src/k8s.io/apimachinery/pkg/api/validation/objectmeta.go.

import { field, type FieldError } from '../../core/errors';
import type { ObjectMeta } from '../../core/types';
import { scanDNS1035Label, scanDNS1123Label, scanDNS1123Subdomain, scanLabelValue, scanPortName, scanQualifiedName } from './syntax';

/** validation.RegexError: note the `',  or '` double space from the example joiner. */
export function regexError(msg: string, fmt: string, ...examples: string[]): string {
  if (examples.length === 0) return `${msg} (regex used for validation is '${fmt}')`;
  let out = `${msg} (e.g. `;
  examples.forEach((ex, i) => {
    if (i > 0) out += ' or ';
    out += `'${ex}', `;
  });
  return `${out}regex used for validation is '${fmt}')`;
}

/*
 * Boolean forms of the checks below, for the fast paths that only need to know whether a
 * value is clean (the error texts are built by the list-returning forms when it is not).
 * Each is exactly `isX(value).length === 0`: a character scan for strings (syntax.ts);
 * anything else goes through the full check, as it did before.
 */
/** The boolean form of a check: a character scan for strings, the full check for anything else. */
const booleanForm =
  (scan: (value: string) => boolean, check: (value: string) => unknown[]) =>
  (value: string): boolean =>
    typeof value === 'string' ? scan(value) : check(value).length === 0;

export const validDNS1123Label = booleanForm(scanDNS1123Label, checkDNS1123Label);
export const validDNS1035Label = booleanForm(scanDNS1035Label, checkDNS1035Label);
export const validDNS1123Subdomain = booleanForm(scanDNS1123Subdomain, checkDNS1123Subdomain);
export const validQualifiedName = booleanForm(scanQualifiedName, checkQualifiedName);
export const validLabelValue = booleanForm(scanLabelValue, checkLabelValue);
export const validPortName = booleanForm(scanPortName, isValidPortName);

export const maxLenError = (n: number) => `must be no more than ${n} characters`;
export const EMPTY_ERROR = 'must be non-empty';
export const PORT_RANGE_ERROR = 'must be between 1 and 65535, inclusive';

const DNS1123_LABEL_FMT = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const DNS1123_LABEL_MSG = "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character";
const DNS1123_SUBDOMAIN_FMT = `${DNS1123_LABEL_FMT}(\\.${DNS1123_LABEL_FMT})*`;
const DNS1123_SUBDOMAIN_MSG = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";
const DNS1035_LABEL_FMT = '[a-z]([-a-z0-9]*[a-z0-9])?';
const DNS1035_LABEL_MSG = "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character";
const QUALIFIED_NAME_FMT = '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]';
const QUALIFIED_NAME_MSG = "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
const LABEL_VALUE_FMT = '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?';
const LABEL_VALUE_MSG = "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";

const dns1123LabelRe = new RegExp(`^${DNS1123_LABEL_FMT}$`);
const dns1123SubdomainRe = new RegExp(`^${DNS1123_SUBDOMAIN_FMT}$`);
const dns1035LabelRe = new RegExp(`^${DNS1035_LABEL_FMT}$`);
const qualifiedNameRe = new RegExp(`^${QUALIFIED_NAME_FMT}$`);
const labelValueRe = new RegExp(`^${LABEL_VALUE_FMT}$`);

export function isDNS1123Label(value: string): string[] {
  return validDNS1123Label(value) ? [] : checkDNS1123Label(value);
}

function checkDNS1123Label(value: string): string[] {
  const errs: string[] = [];
  if (value.length > 63) errs.push(maxLenError(63));
  if (!dns1123LabelRe.test(value)) {
    if (isDNS1123Subdomain(value).length === 0) errs.push('must not contain dots');
    else errs.push(regexError(DNS1123_LABEL_MSG, DNS1123_LABEL_FMT, 'my-name', '123-abc'));
  }
  return errs;
}

export function isDNS1123Subdomain(value: string): string[] {
  return validDNS1123Subdomain(value) ? [] : checkDNS1123Subdomain(value);
}

function checkDNS1123Subdomain(value: string): string[] {
  const errs: string[] = [];
  if (value.length > 253) errs.push(maxLenError(253));
  if (!dns1123SubdomainRe.test(value)) errs.push(regexError(DNS1123_SUBDOMAIN_MSG, DNS1123_SUBDOMAIN_FMT, 'example.com'));
  return errs;
}

export function isDNS1035Label(value: string): string[] {
  return validDNS1035Label(value) ? [] : checkDNS1035Label(value);
}

function checkDNS1035Label(value: string): string[] {
  const errs: string[] = [];
  if (value.length > 63) errs.push(maxLenError(63));
  if (!dns1035LabelRe.test(value)) errs.push(regexError(DNS1035_LABEL_MSG, DNS1035_LABEL_FMT, 'my-name', 'abc-123'));
  return errs;
}

/** IsQualifiedName: label keys, annotation keys, appProtocol, loadBalancerClass. */
export function isQualifiedName(value: string): string[] {
  return validQualifiedName(value) ? [] : checkQualifiedName(value);
}

function checkQualifiedName(value: string): string[] {
  const errs: string[] = [];
  const parts = value.split('/');
  let name: string;
  if (parts.length === 1) {
    name = parts[0];
  } else if (parts.length === 2) {
    const prefix = parts[0];
    name = parts[1];
    if (prefix.length === 0) errs.push(`prefix part ${EMPTY_ERROR}`);
    else for (const m of isDNS1123Subdomain(prefix)) errs.push(`prefix part ${m}`);
  } else {
    return [
      `a qualified name ${regexError(QUALIFIED_NAME_MSG, QUALIFIED_NAME_FMT, 'MyName', 'my.name', '123-abc')} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`,
    ];
  }
  if (name.length === 0) errs.push(`name part ${EMPTY_ERROR}`);
  else if (name.length > 63) errs.push(`name part ${maxLenError(63)}`);
  if (!qualifiedNameRe.test(name)) errs.push(`name part ${regexError(QUALIFIED_NAME_MSG, QUALIFIED_NAME_FMT, 'MyName', 'my.name', '123-abc')}`);
  return errs;
}

export function isValidLabelValue(value: string): string[] {
  return validLabelValue(value) ? [] : checkLabelValue(value);
}

function checkLabelValue(value: string): string[] {
  const errs: string[] = [];
  if (value.length > 63) errs.push(maxLenError(63));
  if (!labelValueRe.test(value)) errs.push(regexError(LABEL_VALUE_MSG, LABEL_VALUE_FMT, 'MyValue', 'my_value', '12345'));
  return errs;
}

/** IsValidPortName (IANA_SVC_NAME): each failing rule adds its own message. */
export function isValidPortName(port: string): string[] {
  const errs: string[] = [];
  if (port.length > 15) errs.push(maxLenError(15));
  if (!/^[-a-z0-9]+$/.test(port)) errs.push('must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)');
  if (!/[a-z]/.test(port)) errs.push('must contain at least one letter (a-z)');
  if (port.includes('--')) errs.push('must not contain consecutive hyphens');
  if (port.length > 0 && (port[0] === '-' || port[port.length - 1] === '-')) errs.push('must not begin or end with a hyphen');
  return errs;
}

export function isValidPortNum(port: number): string[] {
  return validPortNum(port) ? [] : [PORT_RANGE_ERROR];
}

/** Whether isValidPortNum reports nothing. */
export function validPortNum(port: number): boolean {
  return Number.isInteger(port) && port >= 1 && port <= 65535;
}

/**
 * Dotted-quad IPv4 only: four groups of 1-3 ASCII digits, each at most 255 and without a
 * leading zero (Go's net.ParseIP rejects "010.0.0.1" since 1.17). A character scan, cheaper
 * than a cache look-up: pod and Service IPs are parsed on every Endpoints write.
 */
export function parseIPv4(input: string): number | undefined {
  const s = typeof input === 'string' ? input : `${input}`;
  let n = 0;
  let part = 0;
  let digits = 0;
  let dots = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 46 /* . */) {
      if (digits === 0 || dots === 3) return undefined;
      n = n * 256 + part;
      dots++;
      part = 0;
      digits = 0;
    } else if (c >= 48 && c <= 57) {
      if (digits === 3 || (digits === 1 && part === 0)) return undefined; // too long, or a leading zero
      part = part * 10 + (c - 48);
      digits++;
      if (part > 255) return undefined;
    } else {
      return undefined;
    }
  }
  if (digits === 0 || dots !== 3) return undefined;
  return n * 256 + part;
}

export function formatIPv4(n: number): string {
  return `${(n >>> 24) & 255}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`;
}

export function isIPv6(s: string): boolean {
  if (!s.includes(':') || !/^[0-9a-fA-F:.]+$/.test(s)) return false;
  const halves = s.split('::');
  if (halves.length > 2) return false;
  const groups = (part: string) => (part === '' ? [] : part.split(':'));
  const head = groups(halves[0]);
  const tail = halves.length === 2 ? groups(halves[1]) : [];
  const all = [...head, ...tail];
  // An embedded IPv4 tail counts as two groups.
  const last = all[all.length - 1];
  const v4 = last !== undefined && last.includes('.');
  if (v4 && parseIPv4(last) === undefined) return false;
  const hexGroups = v4 ? all.slice(0, -1) : all;
  if (!hexGroups.every((g) => /^[0-9a-fA-F]{1,4}$/.test(g))) return false;
  const count = hexGroups.length + (v4 ? 2 : 0);
  return halves.length === 2 ? count < 8 : count === 8;
}

export function isValidIP(s: string): boolean {
  return parseIPv4(s) !== undefined || isIPv6(s);
}

export const IP_ERROR = 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)';
export const CIDR_ERROR = 'must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)';

export function isValidCIDR(s: string): boolean {
  const m = /^(.+)\/(\d{1,3})$/.exec(s);
  if (!m) return false;
  const bits = Number(m[2]);
  if (parseIPv4(m[1]) !== undefined) return bits <= 32;
  return isIPv6(m[1]) && bits <= 128;
}

/** Whether nonSpecialIPErrors rejects this parsed IPv4 address (unspecified, loopback, link-local, link-local multicast). */
export function isSpecialIPv4(n: number): boolean {
  return n === 0 || n >>> 24 === 127 || n >>> 16 === ((169 << 8) | 254) || n >>> 8 === ((224 << 16) | 0);
}

/** ValidateNonSpecialIP: externalIPs and Endpoints addresses. */
export function nonSpecialIPErrors(path: string, ip: string): FieldError[] {
  const n = parseIPv4(ip);
  if (n === undefined) {
    if (isIPv6(ip)) {
      if (ip === '::') return [field.invalid(path, ip, 'may not be unspecified (::)')];
      if (ip === '::1') return [field.invalid(path, ip, 'may not be in the loopback range (127.0.0.0/8, ::1/128)')];
      return [];
    }
    return [field.invalid(path, ip, IP_ERROR)];
  }
  if (n === 0) return [field.invalid(path, ip, 'may not be unspecified (0.0.0.0)')];
  if (n >>> 24 === 127) return [field.invalid(path, ip, 'may not be in the loopback range (127.0.0.0/8, ::1/128)')];
  if (n >>> 16 === ((169 << 8) | 254)) return [field.invalid(path, ip, 'may not be in the link-local range (169.254.0.0/16, fe80::/10)')];
  if (n >>> 8 === ((224 << 16) | 0)) return [field.invalid(path, ip, 'may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)')];
  return [];
}

const hasOwn = Object.prototype.hasOwnProperty;

/**
 * Whether validateLabels finds nothing: every key a qualified name, every value a valid label
 * value. A walk without the entry arrays; anything but a plain object (or a value that is not
 * a string) answers false and takes the full path.
 */
export function labelsAreValid(labels: Record<string, string> | undefined): boolean {
  if (labels === undefined || labels === null) return true;
  if (typeof labels !== 'object') return false;
  for (const k in labels) {
    if (!hasOwn.call(labels, k)) continue;
    const v = labels[k];
    if (typeof v !== 'string' || !validQualifiedName(k) || !validLabelValue(v)) return false;
  }
  return true;
}

/** Whether validateAnnotations finds nothing (keys lower-cased are qualified names, ≤ 256 KiB in all). */
function annotationsAreValid(annotations: Record<string, string> | undefined): boolean {
  if (annotations === undefined || annotations === null) return true;
  if (typeof annotations !== 'object') return false;
  let total = 0;
  for (const k in annotations) {
    if (!hasOwn.call(annotations, k)) continue;
    const v = annotations[k];
    if (typeof v !== 'string' || !validQualifiedName(k.toLowerCase())) return false;
    total += k.length + v.length;
  }
  return total <= 256 * 1024;
}

/** ValidateLabels: each key a qualified name, each value a label value. */
export function validateLabels(labels: Record<string, string> | undefined, path: string): FieldError[] {
  if (labelsAreValid(labels)) return [];
  const errs: FieldError[] = [];
  for (const [k, v] of Object.entries(labels ?? {})) {
    for (const m of isQualifiedName(k)) errs.push(field.invalid(path, k, m));
    if (typeof v !== 'string') errs.push(field.invalid(path, v, 'label values must be strings'));
    else for (const m of isValidLabelValue(v)) errs.push(field.invalid(path, v, m));
  }
  return errs;
}

/** ValidateAnnotations: keys are qualified names (lower-cased first); total size ≤ 256 KiB. */
export function validateAnnotations(annotations: Record<string, string> | undefined, path: string): FieldError[] {
  if (annotationsAreValid(annotations)) return [];
  const errs: FieldError[] = [];
  let total = 0;
  for (const [k, v] of Object.entries(annotations ?? {})) {
    for (const m of isQualifiedName(k.toLowerCase())) errs.push(field.invalid(path, k, m));
    total += k.length + String(v).length;
  }
  if (total > 256 * 1024) errs.push({ type: 'FieldValueTooLong', field: path, value: '', detail: `may not be more than ${256 * 1024} bytes` });
  return errs;
}

export type NameValidator = (name: string) => string[];

/** The memoised boolean forms of the usual name rules, so the clean case builds no message lists. */
const NAME_PREDICATES = new Map<NameValidator, (name: string) => boolean>([
  [isDNS1123Subdomain, validDNS1123Subdomain],
  [isDNS1123Label, validDNS1123Label],
  [isDNS1035Label, validDNS1035Label],
]);

function nameIsValid(nameFn: NameValidator, name: string): boolean {
  const predicate = NAME_PREDICATES.get(nameFn);
  return predicate ? predicate(name) : nameFn(name).length === 0;
}

/** Whether validateObjectMeta finds nothing; checked first, as almost every write is clean. */
export function objectMetaIsValid(meta: ObjectMeta, namespaced: boolean, nameFn: NameValidator): boolean {
  if (meta.generateName && !nameIsValid(nameFn, maskTrailingDash(meta.generateName))) return false;
  if (!meta.name || !nameIsValid(nameFn, meta.name)) return false;
  if (namespaced ? !meta.namespace || !validDNS1123Label(meta.namespace) : meta.namespace) return false;
  return labelsAreValid(meta.labels) && annotationsAreValid(meta.annotations);
}

/** The generateName prefix may end in '-': validated without its trailing dash as Kubernetes' maskTrailingDash does. */
function maskTrailingDash(generateName: string): string {
  return generateName.length > 1 && generateName.endsWith('-') ? `${generateName.slice(0, -2)}a` : generateName;
}

/** ValidateObjectMeta: name (by the kind's rule), generateName, namespace, labels, annotations. */
export function validateObjectMeta(meta: ObjectMeta, namespaced: boolean, nameFn: NameValidator, path = 'metadata'): FieldError[] {
  if (objectMetaIsValid(meta, namespaced, nameFn)) return [];
  const errs: FieldError[] = [];
  if (meta.generateName) {
    for (const m of nameFn(maskTrailingDash(meta.generateName))) errs.push(field.invalid(`${path}.generateName`, meta.generateName, m));
  }
  if (!meta.name) {
    if (!meta.generateName) errs.push(field.required(`${path}.name`, 'name or generateName is required'));
  } else {
    for (const m of nameFn(meta.name)) errs.push(field.invalid(`${path}.name`, meta.name, m));
  }
  if (namespaced) {
    if (!meta.namespace) errs.push(field.required(`${path}.namespace`));
    else for (const m of isDNS1123Label(meta.namespace)) errs.push(field.invalid(`${path}.namespace`, meta.namespace, m));
  } else if (meta.namespace) {
    errs.push(field.forbidden(`${path}.namespace`, 'not allowed on this type'));
  }
  errs.push(...validateLabels(meta.labels, `${path}.labels`));
  errs.push(...validateAnnotations(meta.annotations, `${path}.annotations`));
  return errs;
}
