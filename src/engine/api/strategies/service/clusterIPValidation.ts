// ClusterIP / IP-family field rules, run in the allocation phase (and again in
// validation). Source: pkg/apis/core/validation/validation.go
// ValidateServiceClusterIPsRelatedFields, validateUpgradeDowngradeClusterIPs,
// validateUpgradeDowngradeIPFamilies.

import { field, type FieldError } from '../../../core/errors';
import type { Service } from '../../../core/types';
import { IP_ERROR, isIPv6, isValidIP, parseIPv4 } from '../../validation/common';
import { CLUSTER_IP_NONE, goStrings, isHeadless, TYPE_EXTERNAL_NAME } from './serviceUtil';

const SUPPORTED_FAMILIES = ['IPv4', 'IPv6'];
const SUPPORTED_POLICIES = ['PreferDualStack', 'RequireDualStack', 'SingleStack'];

/**
 * ValidateServiceClusterIPsRelatedFields reports nothing for a non-ExternalName Service: the
 * shapes nearly every Service has (no ClusterIP yet, one IPv4 ClusterIP, or headless `None`,
 * with at most one IP family). Others, dual-stack and IPv6 included, answer false and take
 * the full checks.
 */
export function clusterIPFieldsAreValid(svc: Service): boolean {
  const spec = svc.spec;
  const ips = spec.clusterIPs ?? [];
  const families = spec.ipFamilies ?? [];
  if (!Array.isArray(ips) || !Array.isArray(families) || ips.length > 1 || families.length > 1) return false;
  if (spec.clusterIP ? ips.length === 0 || ips[0] !== spec.clusterIP : ips.length !== 0) return false;
  if (families.length === 1 && !SUPPORTED_FAMILIES.includes(families[0])) return false;
  if (spec.ipFamilyPolicy != null && !SUPPORTED_POLICIES.includes(spec.ipFamilyPolicy)) return false;
  if (ips.length === 0 || ips[0] === CLUSTER_IP_NONE) return true;
  // An IPv4 address matches any family but IPv6 (the family check skips headless Services only).
  return typeof ips[0] === 'string' && parseIPv4(ips[0]) !== undefined && (families.length === 0 || families[0] === 'IPv4');
}

export function validateClusterIPsRelatedFields(svc: Service): FieldError[] {
  const spec = svc.spec;
  if (spec.type === TYPE_EXTERNAL_NAME || clusterIPFieldsAreValid(svc)) return [];
  const errs: FieldError[] = [];
  const clusterIPs = spec.clusterIPs ?? [];
  const families = spec.ipFamilies ?? [];
  let hasInvalidIPs = false;

  if (spec.clusterIP) {
    if (clusterIPs.length === 0) errs.push(field.required('spec.clusterIPs'));
    else if (clusterIPs[0] !== spec.clusterIP) errs.push(field.invalidRaw('spec.clusterIPs', goStrings(clusterIPs), 'first value must match `clusterIP`'));
  } else if (clusterIPs.length !== 0) {
    errs.push(field.invalidRaw('spec.clusterIPs', goStrings(clusterIPs), 'must be empty when `clusterIP` is not specified'));
  }

  const seen = new Set<string>();
  families.forEach((fam, i) => {
    if (!SUPPORTED_FAMILIES.includes(fam)) errs.push(field.notSupported(`spec.ipFamilies[${i}]`, fam, SUPPORTED_FAMILIES));
    if (seen.has(fam)) errs.push(field.duplicate(`spec.ipFamilies[${i}]`, fam));
    seen.add(fam);
  });

  if (spec.ipFamilyPolicy != null && !SUPPORTED_POLICIES.includes(spec.ipFamilyPolicy)) {
    errs.push(field.notSupported('spec.ipFamilyPolicy', spec.ipFamilyPolicy, SUPPORTED_POLICIES));
  }

  clusterIPs.forEach((ip, i) => {
    if (i === 0 && ip === CLUSTER_IP_NONE) {
      if (clusterIPs.length > 1) {
        hasInvalidIPs = true;
        errs.push(field.invalidRaw('spec.clusterIPs', goStrings(clusterIPs), "'None' must be the first and only value"));
      }
      return;
    }
    if (typeof ip !== 'string' || !isValidIP(ip)) {
      hasInvalidIPs = true;
      errs.push(field.invalid(`spec.clusterIPs[${i}]`, ip, IP_ERROR));
    }
  });

  if (clusterIPs.length > 2) errs.push(field.invalidRaw('spec.clusterIPs', goStrings(clusterIPs), 'may only hold up to 2 values'));
  if (hasInvalidIPs) return errs;

  if (clusterIPs.length > 1) {
    // IsDualStackIPStrings: one of each family.
    const v4 = clusterIPs.filter((ip) => parseIPv4(ip) !== undefined).length;
    const v6 = clusterIPs.filter((ip) => isIPv6(ip)).length;
    if (!(v4 >= 1 && v6 >= 1)) {
      errs.push(field.invalidRaw('spec.clusterIPs', goStrings(clusterIPs), 'may specify no more than one IP for each IP family'));
    }
  }

  if (!isHeadless(svc) && clusterIPs.length > 0 && families.length > 0) {
    for (let i = 0; i < clusterIPs.length && i < families.length; i++) {
      const ip = clusterIPs[i];
      if (families[i] === 'IPv4' && isIPv6(ip)) {
        errs.push(field.invalid(`spec.clusterIPs[${i}]`, ip, `expected an IPv4 value as indicated by \`ipFamilies[${i}]\``));
      }
      if (families[i] === 'IPv6' && !isIPv6(ip)) {
        errs.push(field.invalid(`spec.clusterIPs[${i}]`, ip, `expected an IPv6 value as indicated by \`ipFamilies[${i}]\``));
      }
    }
  }
  return errs;
}

const goFamilies = (f: readonly string[] | undefined) => goStrings(f, 'core.IPFamily');

/** validateUpgradeDowngradeClusterIPs: ClusterIP is immutable (except to/from ExternalName). */
export function validateClusterIPsUpdate(old: Service, svc: Service): FieldError[] {
  if (svc.spec.type === TYPE_EXTERNAL_NAME || old.spec.type === TYPE_EXTERNAL_NAME) return [];
  if (isHeadless(old) && isHeadless(svc)) return [];
  const errs: FieldError[] = [];
  const oldIPs = old.spec.clusterIPs ?? [];
  const ips = svc.spec.clusterIPs ?? [];
  const rendered = goStrings(ips);
  if (oldIPs.length === ips.length) {
    oldIPs.forEach((ip, i) => {
      if (ip !== ips[i]) errs.push(field.invalidRaw(`spec.clusterIPs[${i}]`, rendered, 'may not change once set'));
    });
  } else if (oldIPs.length > ips.length) {
    if (ips.length === 0) errs.push(field.invalidRaw('spec.clusterIPs[0]', rendered, 'primary clusterIP can not be unset'));
    if (oldIPs.length > 0 && ips.length > 0 && ips[0] !== oldIPs[0]) {
      errs.push(field.invalidRaw('spec.clusterIPs[0]', rendered, 'may not change once set'));
    }
    if (ips.length === 1 && svc.spec.ipFamilyPolicy !== 'SingleStack') {
      errs.push(field.invalid('spec.ipFamilyPolicy', svc.spec.ipFamilyPolicy ?? null, "must be set to 'SingleStack' when releasing the secondary clusterIP"));
    }
  } else if (oldIPs.length > 0 && ips[0] !== oldIPs[0]) {
    errs.push(field.invalidRaw('spec.clusterIPs[0]', rendered, 'may not change once set'));
  }
  return errs;
}

/** validateUpgradeDowngradeIPFamilies: the primary family is immutable. */
export function validateIPFamiliesUpdate(old: Service, svc: Service): FieldError[] {
  if (svc.spec.type === TYPE_EXTERNAL_NAME || old.spec.type === TYPE_EXTERNAL_NAME) return [];
  if (isHeadless(old) !== isHeadless(svc) || isHeadless(svc)) return [];
  const errs: FieldError[] = [];
  const oldFams = old.spec.ipFamilies ?? [];
  const fams = svc.spec.ipFamilies ?? [];
  if (oldFams.length === fams.length) {
    oldFams.forEach((f, i) => {
      if (f !== fams[i]) errs.push(field.invalidRaw('spec.ipFamilies[0]', goFamilies(fams), 'may not change once set'));
    });
  } else if (oldFams.length > fams.length) {
    if ((svc.spec.clusterIPs ?? []).length === 0) errs.push(field.invalidRaw('spec.ipFamilies[0]', goFamilies(fams), 'primary ipFamily can not be unset'));
    if (fams.length > 0 && fams[0] !== oldFams[0]) errs.push(field.invalidRaw('spec.ipFamilies[0]', goStrings(svc.spec.clusterIPs), 'may not change once set'));
    if (fams.length === 1 && svc.spec.ipFamilyPolicy !== 'SingleStack') {
      errs.push(field.invalid('spec.ipFamilyPolicy', svc.spec.ipFamilyPolicy ?? null, "must be set to 'SingleStack' when releasing the secondary ipFamily"));
    }
  } else if (oldFams.length > 0 && fams.length > 0 && fams[0] !== oldFams[0]) {
    errs.push(field.invalidRaw('spec.ipFamilies[0]', goStrings(svc.spec.clusterIPs), 'may not change once set'));
  }
  return errs;
}
