// IngressClass strategy (networking.k8s.io/v1, cluster-scoped). Sources:
// pkg/apis/networking/v1/defaults.go (SetDefaults_IngressClass: parameters.scope Cluster),
// pkg/apis/networking/validation/validation.go (ValidateIngressClass, validateIngressClassSpec,
// validateIngressClassParametersReference, controller immutable on update),
// staging/src/k8s.io/apimachinery/pkg/util/validation/field (IsDomainPrefixedPath).

import type { EngineContext } from '../../context';
import { field, type FieldError } from '../../core/errors';
import type { IngressClass } from '../../network/types';
import { KINDS } from '../kinds';
import type { KindStrategy } from '../registry';
import { isDNS1123Label, isDNS1123Subdomain, regexError, validateObjectMeta } from '../validation/common';
import { IMMUTABLE_ERROR } from '../validation/fields';

const MAX_CONTROLLER_LENGTH = 250;
const HTTP_PATH_FMT = "[A-Za-z0-9/\\-._~%!$&'()*+,;=:]+";
const httpPathRe = new RegExp(`^${HTTP_PATH_FMT}$`);

/** validation.IsDomainPrefixedPath: `acme.io/foo`. */
function domainPrefixedPathErrors(path: string, value: string): FieldError[] {
  const slash = value.indexOf('/');
  const host = slash < 0 ? value : value.slice(0, slash);
  const rest = slash < 0 ? '' : value.slice(slash + 1);
  if (slash < 0 || host === '' || rest === '') return [field.invalid(path, value, 'must be a domain-prefixed path (such as "acme.io/foo")')];
  const errs = isDNS1123Subdomain(host).map((m) => field.invalid(path, host, m));
  if (!httpPathRe.test(rest)) errs.push(field.invalid(path, rest, regexError('Invalid path', HTTP_PATH_FMT)));
  return errs;
}

function segmentErrors(path: string, value: string): FieldError[] {
  if (value === '.' || value === '..') return [field.invalid(path, value, `may not be '${value}'`)];
  return ['/', '%'].filter((c) => value.includes(c)).map((c) => field.invalid(path, value, `may not contain '${c}'`));
}

export function validateIngressClass(ic: IngressClass): FieldError[] {
  const errs = validateObjectMeta(ic.metadata, false, isDNS1123Subdomain);
  const spec = ic.spec ?? {};
  const controller = typeof spec.controller === 'string' ? spec.controller : '';
  if (!controller) errs.push(field.required('spec.controller'));
  else {
    if (controller.length > MAX_CONTROLLER_LENGTH) errs.push(field.tooLong('spec.controller', '', MAX_CONTROLLER_LENGTH));
    errs.push(...domainPrefixedPathErrors('spec.controller', controller));
  }
  const params = spec.parameters;
  if (params) {
    const p = 'spec.parameters';
    if (params.apiGroup !== undefined) for (const m of isDNS1123Subdomain(String(params.apiGroup))) errs.push(field.invalid(`${p}.apiGroup`, params.apiGroup, m));
    if (!params.kind) errs.push(field.required(`${p}.kind`));
    else errs.push(...segmentErrors(`${p}.kind`, String(params.kind)));
    if (!params.name) errs.push(field.required(`${p}.name`));
    else errs.push(...segmentErrors(`${p}.name`, String(params.name)));
    const scope = params.scope;
    if (scope === undefined) errs.push(field.required(`${p}.scope`));
    else if (scope !== 'Cluster' && scope !== 'Namespace') errs.push(field.notSupported(`${p}.scope`, scope, ['Cluster', 'Namespace']));
    else if (scope === 'Namespace') {
      if (params.namespace === undefined) errs.push(field.required(`${p}.namespace`, "`parameters.scope` is set to 'Namespace'"));
      else for (const m of isDNS1123Label(String(params.namespace))) errs.push(field.invalid(`${p}.namespace`, params.namespace, m));
    } else if (params.namespace !== undefined) errs.push(field.forbidden(`${p}.namespace`, "`parameters.scope` is set to 'Cluster'"));
  }
  return errs;
}

export function createIngressClassStrategy(_ctx: EngineContext): KindStrategy<IngressClass> {
  return {
    info: KINDS.IngressClass,
    defaults(ic) {
      const params = ic.spec?.parameters;
      if (params && (params.scope === undefined || params.scope === null)) params.scope = 'Cluster';
    },
    validate: validateIngressClass,
    validateUpdate(ic, old) {
      const errs: FieldError[] = [];
      if (ic.spec?.controller !== old.spec?.controller) errs.push(field.invalid('spec.controller', ic.spec?.controller ?? '', IMMUTABLE_ERROR));
      return [...errs, ...validateIngressClass(ic)];
    },
  };
}
