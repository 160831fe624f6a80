// IP family defaulting and cluster-configuration checks of the allocation
// phase. Source: pkg/registry/core/service/storage/alloc.go (initIPFamilyFields,
// isMatchingPreferDualStackClusterIPFields). The reference cluster is
// single-stack, so `families` holds the configured families in order
// (primary first).

import { field, type FieldError } from '../../../core/errors';
import type { Service } from '../../../core/types';
import { validateClusterIPsRelatedFields } from './clusterIPValidation';
import {
  CLUSTER_IP_NONE, goStrings, ipFamilyOf, IPV4, IPV6, PREFER_DUAL_STACK, REQUIRE_DUAL_STACK, sameStrings, SINGLE_STACK,
  TYPE_CLUSTER_IP, TYPE_EXTERNAL_NAME, TYPE_LOAD_BALANCER, TYPE_NODE_PORT,
} from './serviceUtil';

const otherFamily = (f: string) => (f === IPV4 ? IPV6 : IPV4);

/** A PreferDualStack service whose IP fields did not change is left alone on update. */
export function isMatchingPreferDualStack(svc: Service, old: Service | undefined): boolean {
  if (!old || svc.spec.ipFamilyPolicy == null) return false;
  if (old.spec.type !== svc.spec.type) return false;
  const t = svc.spec.type;
  if (t !== TYPE_CLUSTER_IP && t !== TYPE_NODE_PORT && t !== TYPE_LOAD_BALANCER) return false;
  if (svc.spec.ipFamilyPolicy !== PREFER_DUAL_STACK) return false;
  if (old.spec.ipFamilyPolicy != null && old.spec.ipFamilyPolicy !== PREFER_DUAL_STACK) return false;
  return sameStrings(old.spec.clusterIPs, svc.spec.clusterIPs) && sameStrings(old.spec.ipFamilies, svc.spec.ipFamilies);
}

/**
 * initIPFamilyFields: defaults ipFamilyPolicy and ipFamilies and checks them
 * against the cluster. Returns the errors to report alone (§1.6), or [].
 */
export function initIPFamilyFields(svc: Service, old: Service | undefined, families: readonly string[]): FieldError[] {
  const spec = svc.spec;
  if (spec.type === TYPE_EXTERNAL_NAME) return [];
  if (isMatchingPreferDualStack(svc, old)) return [];
  const headlessSelectorless = spec.clusterIP === CLUSTER_IP_NONE && Object.keys(spec.selector ?? {}).length === 0;

  if (spec.ipFamilyPolicy == null) {
    if (old && old.spec.ipFamilyPolicy != null) spec.ipFamilyPolicy = old.spec.ipFamilyPolicy;
    else spec.ipFamilyPolicy = headlessSelectorless ? REQUIRE_DUAL_STACK : SINGLE_STACK;
  }

  const loose = validateClusterIPsRelatedFields(svc);
  if (loose.length) return loose;

  const errs: FieldError[] = [];
  if (old) {
    if (spec.ipFamilyPolicy === SINGLE_STACK) {
      // Setting SingleStack with unchanged fields is a clear request to downgrade.
      if (sameStrings(old.spec.clusterIPs, spec.clusterIPs) && (spec.clusterIPs ?? []).length > 1) spec.clusterIPs = spec.clusterIPs!.slice(0, 1);
      if (sameStrings(old.spec.ipFamilies, spec.ipFamilies) && (spec.ipFamilies ?? []).length > 1) spec.ipFamilies = spec.ipFamilies!.slice(0, 1);
    } else {
      const ips = spec.clusterIPs ?? [];
      const fams = spec.ipFamilies ?? [];
      if (ips.length > 0 && ips.length < (old.spec.clusterIPs ?? []).length) {
        errs.push(field.invalid('spec.ipFamilyPolicy', spec.ipFamilyPolicy, "must be 'SingleStack' to release the secondary cluster IP"));
      }
      if (fams.length > 0 && fams.length < (old.spec.ipFamilies ?? []).length) {
        errs.push(field.invalid('spec.ipFamilyPolicy', spec.ipFamilyPolicy, "must be 'SingleStack' to release the secondary IP family"));
      }
    }
  }

  if (spec.ipFamilyPolicy === SINGLE_STACK) {
    if ((spec.clusterIPs ?? []).length === 2) {
      errs.push(field.invalid('spec.ipFamilyPolicy', spec.ipFamilyPolicy, "must be 'RequireDualStack' or 'PreferDualStack' when multiple cluster IPs are specified"));
    }
    if ((spec.ipFamilies ?? []).length === 2) {
      errs.push(field.invalid('spec.ipFamilyPolicy', spec.ipFamilyPolicy, "must be 'RequireDualStack' or 'PreferDualStack' when multiple IP families are specified"));
    }
  }

  // Infer ipFamilies from the given clusterIPs.
  const ips = spec.clusterIPs ?? [];
  for (let i = 0; i < ips.length; i++) {
    if (ips[i] === CLUSTER_IP_NONE) break;
    const fam = ipFamilyOf(ips[i]);
    if (i >= (spec.ipFamilies ?? []).length) {
      if (!families.includes(fam)) errs.push(field.invalidRaw(`spec.clusterIPs[${i}]`, goStrings(ips), `${fam} is not configured on this cluster`));
      else spec.ipFamilies = [...(spec.ipFamilies ?? []), fam];
    }
  }
  if (errs.length) return errs;

  // Headless + selectorless may name families the cluster lacks (endpoints are the user's).
  if (headlessSelectorless) {
    if ((spec.ipFamilies ?? []).length === 0) spec.ipFamilies = [families[0]];
    if (spec.ipFamilies!.length < 2 && spec.ipFamilyPolicy !== SINGLE_STACK) {
      spec.ipFamilies = [...spec.ipFamilies!, otherFamily(spec.ipFamilies![0])];
    }
    return [];
  }

  if (spec.ipFamilyPolicy === REQUIRE_DUAL_STACK && families.length < 2) {
    errs.push(field.invalid('spec.ipFamilyPolicy', spec.ipFamilyPolicy, 'this cluster is not configured for dual-stack services'));
  }
  (spec.ipFamilies ?? []).forEach((fam, i) => {
    if (!families.includes(fam)) errs.push(field.invalid(`spec.ipFamilies[${i}]`, fam, 'not configured on this cluster'));
  });
  if (errs.length) return errs;

  if ((spec.ipFamilies ?? []).length === 0) spec.ipFamilies = [families[0]];
  if (spec.ipFamilyPolicy !== SINGLE_STACK && spec.ipFamilies!.length === 1 && families.length === 2) {
    spec.ipFamilies = [...spec.ipFamilies!, otherFamily(spec.ipFamilies![0])];
  }
  return [];
}
