// kubectl's RESTMapper and resource arguments: `svc`, `deployments.apps`,
// `svc,deploy`, `all`, `TYPE NAME…`, `TYPE/NAME…`, and listing with a selector.
// Source: k8s.io/cli-runtime/pkg/resource/builder.go (ResourceTypeOrNameArgs,
// resourceTuple handling, MultipleTypesRequested).

import { compileFieldSelector } from '../engine/api/fieldSelector';
import type { KindInfo } from '../engine/api/registry';
import type { EngineContext } from '../engine/context';
import { matchesSelector, type Selector } from '../engine/core/labels';
import { parseSelector } from '../engine/core/labelSelectorParser';
import { apiErrors, goQuote, isStatusError, StatusError } from '../engine/core/errors';
import type { KubeObject } from '../engine/core/types';
import { KubectlError } from './errors';

/** The order kubectl expands `all` in (the `all` category as discovery lists it). */
const ALL_ORDER = ['Pod', 'ReplicationController', 'Service', 'DaemonSet', 'Deployment', 'ReplicaSet', 'StatefulSet', 'HorizontalPodAutoscaler', 'CronJob', 'Job'];

export function resolveKind(ctx: EngineContext, token: string): KindInfo {
  const info = ctx.registry.resolve(token);
  if (!info) throw new KubectlError(`the server doesn't have a resource type "${token}"`);
  return info;
}

export function allCategory(ctx: EngineContext): KindInfo[] {
  const kinds = ctx.registry.all().filter((i) => i.categories?.includes('all'));
  const rank = (k: string) => { const i = ALL_ORDER.indexOf(k); return i < 0 ? ALL_ORDER.length : i; };
  return kinds.sort((a, b) => rank(a.kind) - rank(b.kind) || (a.kind < b.kind ? -1 : 1));
}

/** `svc,deploy` or `all` → kinds, in the order given, each once. */
export function expandTypes(ctx: EngineContext, typeArg: string): KindInfo[] {
  const out: KindInfo[] = [];
  for (const t of typeArg.split(',')) {
    if (t === '') continue;
    const infos = t === 'all' ? allCategory(ctx) : [resolveKind(ctx, t)];
    for (const i of infos) if (!out.includes(i)) out.push(i);
  }
  return out;
}

/** hasCombinedTypeArgs: some arguments in TYPE/NAME form and some not. */
const COMBINED_TYPE_ARGS_ERROR =
  "there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'";

/** SplitResourceArgument: `svc,deploy` → its words, each once, in order. */
function splitResourceArgument(arg: string): string[] {
  return [...new Set(arg.split(','))];
}

/** splitResourceTypeName's format checks on a TYPE/NAME argument: the error text, or undefined. */
function tupleFormatError(arg: string): string | undefined {
  const seg = arg.split('/');
  if (seg.length !== 2) return 'arguments in resource/name form may not have more than one slash';
  if (!seg[0] || !seg[1] || splitResourceArgument(seg[0]).length !== 1) return 'arguments in resource/name form must have a single resource and name';
  return undefined;
}

export interface ResourceRequest {
  /** Kinds to list (when no names were given) — or the kinds the names belong to. */
  types: KindInfo[];
  /** Named objects, in the order given. Empty: list every object of `types`. */
  named: { info: KindInfo; name: string }[];
  /** Several kinds requested: tables name objects as `kind/name`. */
  multipleTypes: boolean;
  /** Exactly one object asked for by name: `-o yaml` prints it bare, not as a List. */
  singleItem: boolean;
  /**
   * The names came as resource/name tuples (the builder's resourceTuples): `TYPE/NAME…`, or
   * `TYPE,TYPE NAME…`, which normalizeMultipleResourcesArgs turns into `TYPE/NAME` pairs.
   */
  tuples: boolean;
}

/** Parses `TYPE[,TYPE…] [NAME…]` or `TYPE/NAME…`. Returns undefined when there are no arguments. */
export function parseResourceArgs(ctx: EngineContext, args: string[]): ResourceRequest | undefined {
  if (args.length === 0) return undefined;
  if (args.some((a) => a.includes('/'))) {
    if (!args[0].includes('/') || args.some((a) => !a.includes('/'))) {
      throw new KubectlError(COMBINED_TYPE_ARGS_ERROR);
    }
    // ResourceTypeOrNameArgs checks every tuple's form before any type is looked up.
    for (const a of args) {
      const malformed = tupleFormatError(a);
      if (malformed) throw new KubectlError(malformed);
    }
    const named: ResourceRequest['named'] = [];
    const types: KindInfo[] = [];
    for (const a of args) {
      const [type, name] = a.split('/');
      const info = resolveKind(ctx, type);
      if (!types.includes(info)) types.push(info);
      named.push({ info, name });
    }
    return { types, named, multipleTypes: types.length > 1, singleItem: named.length === 1, tuples: true };
  }
  const [typeArg, ...names] = args;
  const types = expandTypes(ctx, typeArg);
  const multipleTypes = typeArg.includes(',') || typeArg.split(',').includes('all');
  const named = names.flatMap((name) => types.map((info) => ({ info, name })));
  // SplitResourceArgument drops repeated words, so `svc,svc web` stays the TYPE NAME form.
  const tuples = names.length > 0 && splitResourceArgument(typeArg).length > 1;
  return { types, named, multipleTypes, singleItem: named.length === 1 && !multipleTypes, tuples };
}

/**
 * The resource builder's refusals for named objects (cli-runtime/pkg/resource/builder.go
 * visitorResult): a label or field selector, or delete's --all (SelectAllParam, which becomes
 * the everything selector), sends the request down visitBySelector, which refuses names; names
 * across all namespaces are refused by visitByResource/visitByName for namespaced kinds.
 * Returns the error text kubectl prints, or undefined.
 */
export function namedArgsError(req: ResourceRequest, opts: { selector: boolean; allNamespaces?: boolean }): string | undefined {
  if (!req.named.length) return undefined;
  if (opts.selector) {
    return req.tuples ? 'selectors and the all flag cannot be used when passing resource/name arguments' : 'name cannot be provided when a selector is specified';
  }
  if (opts.allNamespaces && req.named.some((n) => n.info.namespaced)) return 'a resource cannot be retrieved by name across all namespaces';
  return undefined;
}

/**
 * The resource builder's refusal of resource arguments beside `-f` (cli-runtime
 * pkg/resource/builder.go): ResourceTypeOrNameArgs files the arguments first (its own
 * TYPE/NAME format errors win), then visitByPaths refuses bulk TYPEs and TYPE NAME ("when
 * paths, URLs, or stdin is provided as input, you may not specify resource arguments as
 * well") and TYPE/NAME tuples ("resource/name arguments cannot be provided when a path is
 * specified"). Types are not looked up, so an unknown one gets the same text.
 * Returns the error text, or undefined when there are no arguments.
 */
export function pathArgsError(args: string[]): string | undefined {
  if (args.length === 0) return undefined;
  let normalized = args;
  // normalizeMultipleResourcesArgs: `svc,deploy NAME…` becomes svc/NAME… deploy/NAME… tuples.
  const types = splitResourceArgument(args[0]);
  if (args.length >= 2 && types.length > 1) normalized = types.flatMap((t) => args.slice(1).map((name) => `${t}/${name}`));
  const slashed = normalized.filter((a) => a.includes('/')).length;
  if (slashed === 0) return 'when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well';
  if (slashed !== normalized.length) return COMBINED_TYPE_ARGS_ERROR;
  for (const a of normalized) {
    const malformed = tupleFormatError(a);
    if (malformed) return malformed;
  }
  return 'resource/name arguments cannot be provided when a path is specified';
}

/**
 * A selector kubectl parses itself (labels.Parse in the command, e.g. `kubectl top`): a bad
 * one fails as `error: <parse error>`. Selectors sent with a LIST through the resource
 * builder are parsed by the server instead: see listSelected.
 */
export function compileSelector(text: string): Selector | undefined {
  if (!text) return undefined;
  try {
    return parseSelector(text);
  } catch (e) {
    throw new KubectlError((e as Error).message);
  }
}

function byNamespaceAndName(a: KubeObject, b: KubeObject): number {
  const na = a.metadata.namespace ?? '';
  const nb = b.metadata.namespace ?? '';
  if (na !== nb) return na < nb ? -1 : 1;
  const ma = a.metadata.name ?? '';
  const mb = b.metadata.name ?? '';
  return ma < mb ? -1 : ma > mb ? 1 : 0;
}

/**
 * Objects of one kind as a LIST request returns them (sorted by namespace and
 * name, etcd's key order). `namespace` undefined = all namespaces.
 */
export function listObjects(ctx: EngineContext, info: KindInfo, namespace: string | undefined, selector?: Selector): KubeObject[] {
  let objects: KubeObject[];
  if (info.kind === 'Pod' && selector && selector.length) {
    objects = ctx.store.podIndex.match(info.namespaced ? namespace : undefined, selector);
  } else {
    objects = ctx.store.list(info.kind, info.namespaced ? namespace : undefined);
    if (selector && selector.length) objects = objects.filter((o) => matchesSelector(o.metadata.labels, selector));
  }
  return objects.sort(byNamespaceAndName);
}

/** The selectors of a LIST as kubectl sends them (metav1.ListOptions), each trimmed as the builder's *SelectorParam does. */
export interface ListSelectors {
  labelSelector: string;
  fieldSelector: string;
}

/** `-l` and `--field-selector` as given. */
export function listSelectors(labelSelector = '', fieldSelector = ''): ListSelectors {
  return { labelSelector: labelSelector.trim(), fieldSelector: fieldSelector.trim() };
}

/** `/v1, Resource=pods`: schema.GroupVersionResource.String(), how kubectl names a mapping in list errors. */
function groupVersionResource(info: KindInfo): string {
  return `${info.group}/${info.version}, Resource=${info.resource}`;
}

/**
 * resource.EnhanceListError for a LIST that carried selectors: the server's BadRequest keeps
 * its reason and gets the request's selectors in front (cli-runtime/pkg/resource/helper.go).
 */
function enhanceListError(e: unknown, sel: ListSelectors, info: KindInfo): unknown {
  if (!isStatusError(e)) return e;
  const message = `Unable to find ${goQuote(groupVersionResource(info))} that match label selector ${goQuote(sel.labelSelector)}, field selector ${goQuote(sel.fieldSelector)}: ${e.message}`;
  return new StatusError({ ...e.status, message });
}

/**
 * A LIST through the resource builder, which sends `-l` and `--field-selector` as given
 * (LabelSelectorParam and FieldSelectorParam only trim). The server parses both on every
 * LIST before reading storage, labels first (Convert_v1_ListOptions_To_internalversion_ListOptions),
 * and refuses a bad one with BadRequest (apiserver handlers/get.go ListResource), so a bad
 * selector fails even where nothing would match; kubectl then names the request in front.
 */
export function listSelected(ctx: EngineContext, info: KindInfo, namespace: string | undefined, sel: ListSelectors): KubeObject[] {
  let labels: Selector | undefined;
  let matches: ((obj: KubeObject) => boolean) | undefined;
  try {
    if (sel.labelSelector) labels = parseRequestSelector(sel.labelSelector);
    if (sel.fieldSelector) matches = compileFieldSelector(info, sel.fieldSelector);
  } catch (e) {
    throw enhanceListError(e, sel, info);
  }
  const objects = listObjects(ctx, info, namespace, labels);
  return matches ? objects.filter(matches) : objects;
}

/**
 * One LIST per type, as the builder runs them with ContinueOnError: the lists in the order of
 * `types`; a LIST the server refuses (a bad selector, a field it does not support) goes to
 * `errors` and the others still run.
 */
export function listEachSelected(ctx: EngineContext, types: readonly KindInfo[], namespace: string | undefined, sel: ListSelectors, errors: Error[]): { info: KindInfo; objects: KubeObject[] }[] {
  const lists: { info: KindInfo; objects: KubeObject[] }[] = [];
  for (const info of types) {
    try {
      lists.push({ info, objects: listSelected(ctx, info, namespace, sel) });
    } catch (e) {
      if (!isStatusError(e)) throw e;
      errors.push(e);
    }
  }
  return lists;
}

/** The server's labels.Parse of `?labelSelector=`: a parse error is a BadRequest with its text. */
function parseRequestSelector(text: string): Selector {
  try {
    return parseSelector(text);
  } catch (e) {
    throw apiErrors.badRequest((e as Error).message);
  }
}

/** `No resources found in default namespace.` / `No resources found` (all namespaces or cluster-scoped). */
export function noResourcesText(namespace: string | undefined, types: KindInfo[]): string {
  if (namespace === undefined || types.every((t) => !t.namespaced)) return 'No resources found\n';
  return `No resources found in ${namespace} namespace.\n`;
}
