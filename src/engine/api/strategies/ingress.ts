// Ingress strategy (networking.k8s.io/v1). Sources: pkg/registry/networking/ingress/strategy.go
// (status reset on create and kept on update, generation), pkg/apis/networking/validation/validation.go
// (ValidateIngressCreate/Update, validateIngressRules, validateHTTPIngressPath, validateIngressBackend,
// validateIngressTLS), plugin/pkg/admission/network/defaultingressclass/admission.go (the
// DefaultIngressClass admission plugin, which fills spec.ingressClassName on create).

import type { EngineContext } from '../../context';
import { field, type FieldError } from '../../core/errors';
import { DEFAULT_INGRESS_CLASS_ANNOTATION, INGRESS_CLASS_ANNOTATION, type Ingress, type IngressBackend, type IngressClass, type IngressRule } from '../../network/types';
import { KINDS } from '../kinds';
import type { KindStrategy } from '../registry';
import { isDNS1035Label, isDNS1123Subdomain, isValidIP, isValidPortName, isValidPortNum, validateObjectMeta } from '../validation/common';

const SUPPORTED_PATH_TYPES = ['Exact', 'ImplementationSpecific', 'Prefix']; // sets.NewString(...).List(): sorted
const INVALID_PATH_SEQUENCES = ['//', '/./', '/../', '%2f', '%2F'];
const INVALID_PATH_SUFFIXES = ['/..', '/.'];

const WILDCARD_FMT = '\\*\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*';
const WILDCARD_MSG =
  "a wildcard DNS-1123 subdomain must start with '*.', followed by a valid DNS subdomain, which must consist of lower case alphanumeric characters, '-' or '.' and end with an alphanumeric character";
const wildcardRe = new RegExp(`^${WILDCARD_FMT}$`);

/** validation.IsWildcardDNS1123Subdomain (apimachinery util/validation). */
export function isWildcardDNS1123Subdomain(value: string): string[] {
  const errs: string[] = [];
  if (value.length > 253) errs.push('must be no more than 253 characters');
  if (!wildcardRe.test(value)) errs.push(`${WILDCARD_MSG} (e.g. '*.example.com', regex used for validation is '${WILDCARD_FMT}')`);
  return errs;
}

/** path.IsValidPathSegmentName: names used in a URL path segment. */
function pathSegmentNameErrors(name: string): string[] {
  if (name === '.' || name === '..') return [`may not be '${name}'`];
  const errs: string[] = [];
  for (const c of ['/', '%']) if (name.includes(c)) errs.push(`may not contain '${c}'`);
  return errs;
}

function str(v: unknown): string {
  return typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v);
}

function validateBackend(backend: IngressBackend | undefined, path: string): FieldError[] {
  const b = backend ?? {};
  const errs: FieldError[] = [];
  if (b.resource && b.service) return [field.invalid(path, '', 'cannot set both resource and service backends')];
  if (b.resource) {
    const r = b.resource;
    if (r.apiGroup !== undefined) for (const m of isDNS1123Subdomain(str(r.apiGroup))) errs.push(field.invalid(`${path}.resource.apiGroup`, r.apiGroup, m));
    if (!r.kind) errs.push(field.required(`${path}.resource.kind`));
    else for (const m of pathSegmentNameErrors(str(r.kind))) errs.push(field.invalid(`${path}.resource.kind`, r.kind, m));
    if (!r.name) errs.push(field.required(`${path}.resource.name`));
    else for (const m of pathSegmentNameErrors(str(r.name))) errs.push(field.invalid(`${path}.resource.name`, r.name, m));
    return errs;
  }
  if (!b.service) return [field.invalid(path, '', 'resource or service backend is required')];
  const svc = b.service;
  if (!svc.name) errs.push(field.required(`${path}.service.name`));
  // ValidateServiceName: NameIsDNS1035Label (RelaxedServiceNameValidation is off on the v1.32 baseline).
  else for (const m of isDNS1035Label(str(svc.name))) errs.push(field.invalid(`${path}.service.name`, svc.name, m));
  const portName = str(svc.port?.name);
  const portNumber = svc.port?.number ?? 0;
  if (portName && portNumber) errs.push(field.invalid(path, '', 'cannot set both port name & port number'));
  else if (portName) for (const m of isValidPortName(portName)) errs.push(field.invalid(`${path}.service.port.name`, portName, m));
  else if (portNumber) for (const m of isValidPortNum(portNumber)) errs.push(field.invalid(`${path}.service.port.number`, portNumber, m));
  else errs.push(field.required(path, 'port name or number is required'));
  return errs;
}

function validatePaths(rule: IngressRule, base: string): FieldError[] {
  const http = rule.http;
  if (!http) return [];
  const errs: FieldError[] = [];
  const paths = http.paths ?? [];
  if (paths.length === 0) errs.push(field.required(`${base}.http.paths`));
  paths.forEach((p, i) => {
    const at = `${base}.http.paths[${i}]`;
    if (p.pathType === undefined || p.pathType === null) {
      errs.push(field.required(`${at}.pathType`, 'pathType must be specified'));
      return;
    }
    const value = str(p.path);
    switch (p.pathType) {
      case 'Exact':
      case 'Prefix':
        if (!value.startsWith('/')) errs.push(field.invalid(`${at}.path`, value, 'must be an absolute path'));
        for (const seq of INVALID_PATH_SEQUENCES) if (value.includes(seq)) errs.push(field.invalid(`${at}.path`, value, `must not contain '${seq}'`));
        for (const suffix of INVALID_PATH_SUFFIXES) if (value.endsWith(suffix)) errs.push(field.invalid(`${at}.path`, value, `cannot end with '${suffix}'`));
        break;
      case 'ImplementationSpecific':
        if (value.length > 0 && !value.startsWith('/')) errs.push(field.invalid(`${at}.path`, value, 'must be an absolute path'));
        break;
      default:
        errs.push(field.notSupported(`${at}.pathType`, p.pathType, SUPPORTED_PATH_TYPES));
    }
    errs.push(...validateBackend(p.backend, `${at}.backend`));
  });
  return errs;
}

function hostErrors(host: string, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (isValidIP(host)) errs.push(field.invalid(path, host, 'must be a DNS name, not an IP address'));
  const msgs = host.includes('*') ? isWildcardDNS1123Subdomain(host) : isDNS1123Subdomain(host);
  for (const m of msgs) errs.push(field.invalid(path, host, m));
  return errs;
}

/** ValidateIngressSpec. */
export function validateIngressSpec(spec: Ingress['spec'] | undefined): FieldError[] {
  const s = spec ?? {};
  const errs: FieldError[] = [];
  const rules = s.rules;
  if ((rules ?? []).length === 0 && !s.defaultBackend) {
    // field.Invalid(spec, spec.Rules, …): the nil or empty slice prints in %#v syntax.
    errs.push(field.invalidRaw('spec', Array.isArray(rules) ? '[]networking.IngressRule{}' : '[]networking.IngressRule(nil)', 'either `defaultBackend` or `rules` must be specified'));
  }
  if (s.defaultBackend) errs.push(...validateBackend(s.defaultBackend, 'spec.defaultBackend'));
  (rules ?? []).forEach((rule, i) => {
    const host = str(rule?.host);
    if (host) {
      errs.push(...hostErrors(host, `spec.rules[${i}].host`));
    }
    errs.push(...validatePaths(rule ?? {}, `spec.rules[${i}]`));
  });
  (s.tls ?? []).forEach((tls, i) => {
    (tls.hosts ?? []).forEach((host, j) => {
      const msgs = str(host).includes('*') ? isWildcardDNS1123Subdomain(str(host)) : isDNS1123Subdomain(str(host));
      for (const m of msgs) errs.push(field.invalid(`spec.tls[${i}].hosts[${j}]`, host, m));
    });
    if (tls.secretName) for (const m of isDNS1123Subdomain(str(tls.secretName))) errs.push(field.invalid(`spec.tls[${i}].secretName`, tls.secretName, m));
  });
  if (s.ingressClassName !== undefined && s.ingressClassName !== null) {
    for (const m of isDNS1123Subdomain(str(s.ingressClassName))) errs.push(field.invalid('spec.ingressClassName', s.ingressClassName, m));
  }
  return errs;
}

export function validateIngress(ing: Ingress): FieldError[] {
  return [...validateObjectMeta(ing.metadata, true, isDNS1123Subdomain), ...validateIngressSpec(ing.spec)];
}

/** ValidateIngressCreate adds the class annotation check to the common validation. */
export function validateIngressCreate(ing: Ingress): FieldError[] {
  const errs = validateIngress(ing);
  const annotation = ing.metadata.annotations?.[INGRESS_CLASS_ANNOTATION];
  const className = ing.spec?.ingressClassName;
  if (annotation !== undefined && className !== undefined && className !== null && annotation !== className) {
    errs.push(field.invalid(`annotations.${INGRESS_CLASS_ANNOTATION}`, annotation, 'must match `ingressClassName` when both are specified'));
  }
  return errs;
}

/**
 * getDefaultClass of the DefaultIngressClass plugin: the IngressClasses annotated
 * `ingressclass.kubernetes.io/is-default-class: "true"`; with several, the newest
 * (equal timestamps: the lower name).
 */
export function defaultIngressClass(classes: readonly IngressClass[]): IngressClass | undefined {
  const defaults = classes.filter((c) => c.metadata.annotations?.[DEFAULT_INGRESS_CLASS_ANNOTATION] === 'true');
  defaults.sort((a, b) => {
    const ta = a.metadata.creationTimestamp ?? '';
    const tb = b.metadata.creationTimestamp ?? '';
    if (ta === tb) return (a.metadata.name ?? '') < (b.metadata.name ?? '') ? -1 : 1;
    return ta > tb ? -1 : 1;
  });
  return defaults[0];
}

export function createIngressStrategy(ctx: EngineContext): KindStrategy<Ingress> {
  return {
    info: KINDS.Ingress,
    prepareForCreate(ing) {
      if (!ing.spec || typeof ing.spec !== 'object') ing.spec = {};
      // Mutating admission (DefaultIngressClass) runs on create only, before validation;
      // an Ingress that names a class, or carries the old class annotation, keeps it.
      if ((ing.spec.ingressClassName === undefined || ing.spec.ingressClassName === null) && ing.metadata.annotations?.[INGRESS_CLASS_ANNOTATION] === undefined) {
        const cls = defaultIngressClass(ctx.store.list<IngressClass>('IngressClass'));
        if (cls) ing.spec.ingressClassName = cls.metadata.name;
      }
      // IngressStatus has a struct-valued loadBalancer, so a fresh object shows `loadBalancer: {}`.
      ing.status = { loadBalancer: {} };
    },
    validate: validateIngressCreate,
    prepareForUpdate(ing, old) {
      if (!ing.spec || typeof ing.spec !== 'object') ing.spec = {};
      if (old.status === undefined) delete ing.status;
      else ing.status = old.status;
    },
    validateUpdate: (ing) => validateIngress(ing),
  };
}
