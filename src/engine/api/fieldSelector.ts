// Field selectors as the API server applies them to a LIST: the `fieldSelector`
// query parameter is parsed (fields.ParseSelector), each term's field is checked
// against the kind's field label conversion, and the listed objects are matched
// against the kind's selectable fields. Every failure is a 400 BadRequest.
// Sources: staging/src/k8s.io/apimachinery/pkg/fields/selector.go (splitTerms,
// splitTerm, UnescapeValue, parseSelector), staging/src/k8s.io/apimachinery/pkg/runtime/
// converter.go (DefaultMetaV1FieldSelectorConversion), pkg/apis/core/v1/conversion.go
// (the Pod, Node, Event, Namespace and Service conversion funcs), and the registries'
// ToSelectableFields (pkg/registry/core/{pod,node,event,namespace,service}/strategy.go).

import { apiErrors, goQuote } from '../core/errors';
import type { KubeObject } from '../core/types';
import type { KindInfo } from './registry';

/** One term; `==` parses to `=` (hasTerm), as upstream. */
export interface FieldRequirement {
  field: string;
  operator: '=' | '!=';
  value: string;
}

/** Upstream checks `!=` and `==` before `=` so `a==b` leaves no `=` on the value. */
const TERM_OPERATORS = ['!=', '==', '='] as const;

/** splitTerms: commas split terms unless escaped; the backslash is kept for UnescapeValue. */
function splitTerms(selector: string): string[] {
  if (selector === '') return [];
  const terms: string[] = [];
  let start = 0;
  let inSlash = false;
  for (let i = 0; i < selector.length; i++) {
    const c = selector[i];
    if (inSlash) inSlash = false;
    else if (c === '\\') inSlash = true;
    else if (c === ',') {
      terms.push(selector.slice(start, i));
      start = i + 1;
    }
  }
  terms.push(selector.slice(start));
  return terms;
}

/** splitTerm: the field takes no escapes, so the first operator anywhere splits the term. */
function splitTerm(term: string): { lhs: string; op: string; rhs: string } | undefined {
  for (let i = 0; i < term.length; i++) {
    for (const op of TERM_OPERATORS) {
      if (term.startsWith(op, i)) return { lhs: term.slice(0, i), op, rhs: term.slice(i + op.length) };
    }
  }
  return undefined;
}

/** UnescapeValue: `\\`, `\,` and `\=` are the only escapes; a bare `,` or `=` is an error. */
function unescapeValue(s: string): string {
  if (!/[\\,=]/.test(s)) return s;
  let out = '';
  let inSlash = false;
  for (const c of s) {
    if (inSlash) {
      if (c !== '\\' && c !== ',' && c !== '=') throw new Error(`invalid field selector: invalid escape sequence: \\${c}`);
      out += c;
      inSlash = false;
    } else if (c === '\\') {
      inSlash = true;
    } else if (c === ',' || c === '=') {
      // Go formats the rune with %v: its code point, e.g. 61 for '='.
      throw new Error(`invalid field selector: unescaped character in value: ${c.codePointAt(0)}`);
    } else {
      out += c;
    }
  }
  if (inSlash) throw new Error('invalid field selector: invalid escape sequence: \\');
  return out;
}

/**
 * fields.ParseSelector. Terms are sorted first (upstream sorts the split parts), so
 * the term an error names is the first bad one in sorted order; empty terms are skipped.
 * Throws an Error with the upstream message.
 */
export function parseFieldSelector(selector: string): FieldRequirement[] {
  const parts = splitTerms(selector).sort();
  const out: FieldRequirement[] = [];
  for (const part of parts) {
    if (part === '') continue;
    const split = splitTerm(part);
    if (!split) throw new Error(`invalid selector: '${selector}'; can't understand '${part}'`);
    out.push({ field: split.lhs, operator: split.op === '!=' ? '!=' : '=', value: unescapeValue(split.rhs) });
  }
  return out;
}

type FieldSet = Record<string, string>;

interface SelectableFields {
  /** The field labels the kind's conversion func accepts, with what they convert to (a Map: labels are user text). */
  labels: ReadonlyMap<string, string>;
  /** The conversion func's error for any other label. */
  unsupported: (label: string) => string;
  /** ToSelectableFields (GetAttrs): the values matched against; a missing field reads as ''. */
  fields: (obj: KubeObject) => FieldSet;
}

const same = (...names: string[]): [string, string][] => names.map((n) => [n, n]);

/** The core/v1 conversion funcs' error. */
const fieldLabelNotSupported = (label: string) => `field label not supported: ${label}`;

/** generic.ObjectMetaFieldsSet: metadata.name, and metadata.namespace for namespaced kinds. */
function objectMetaFields(obj: KubeObject, namespaced: boolean): FieldSet {
  const set: FieldSet = { 'metadata.name': obj.metadata.name ?? '' };
  if (namespaced) set['metadata.namespace'] = obj.metadata.namespace ?? '';
  return set;
}

/** Reads a nested value from the v1 object as JSON; strings as they are, absent as ''. */
function read(obj: unknown, ...path: string[]): unknown {
  let v: unknown = obj;
  for (const p of path) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[p] : undefined;
  return v;
}
const str = (v: unknown): string => (typeof v === 'string' ? v : '');
/** strconv.FormatBool of a field that defaults to false. */
const bool = (v: unknown): string => (v === true ? 'true' : 'false');

/**
 * Kinds with a field label conversion func of their own; every other kind takes the default.
 * (Secret `type`, ReplicationController `status.replicas` and Job `status.successful` too
 * upstream, but the simulated API server serves none of those kinds.)
 */
const BY_KIND: Partial<Record<string, SelectableFields>> = {
  Pod: {
    labels: new Map([
      ...same('metadata.name', 'metadata.namespace', 'spec.nodeName', 'spec.restartPolicy', 'spec.schedulerName', 'spec.serviceAccountName', 'spec.hostNetwork', 'status.phase', 'status.podIP', 'status.podIPs', 'status.nominatedNodeName'),
      // Kept for old v1 clients that send spec.host.
      ['spec.host', 'spec.nodeName'],
    ]),
    unsupported: fieldLabelNotSupported,
    // status.podIPs is accepted but not among the pod's selectable fields, so it always reads ''.
    fields: (pod) => ({
      ...objectMetaFields(pod, true),
      'spec.nodeName': str(read(pod, 'spec', 'nodeName')),
      'spec.restartPolicy': str(read(pod, 'spec', 'restartPolicy')),
      'spec.schedulerName': str(read(pod, 'spec', 'schedulerName')),
      'spec.serviceAccountName': str(read(pod, 'spec', 'serviceAccountName')),
      'spec.hostNetwork': bool(read(pod, 'spec', 'hostNetwork')),
      'status.phase': str(read(pod, 'status', 'phase')),
      // The internal pod's first podIPs entry; v1 conversion makes status.podIP that entry.
      'status.podIP': str(read(pod, 'status', 'podIP')) || str(read(pod, 'status', 'podIPs', '0', 'ip')),
      'status.nominatedNodeName': str(read(pod, 'status', 'nominatedNodeName')),
    }),
  },
  Node: {
    labels: new Map(same('metadata.name', 'spec.unschedulable')),
    unsupported: fieldLabelNotSupported,
    fields: (node) => ({ ...objectMetaFields(node, false), 'spec.unschedulable': bool(read(node, 'spec', 'unschedulable')) }),
  },
  Namespace: {
    labels: new Map(same('status.phase', 'metadata.name')),
    unsupported: fieldLabelNotSupported,
    fields: (ns) => ({ ...objectMetaFields(ns, false), 'status.phase': str(read(ns, 'status', 'phase')) }),
  },
  Service: {
    // spec.clusterIP since v1.30 (kubernetes#122541), spec.type since v1.31.
    labels: new Map(same('metadata.namespace', 'metadata.name', 'spec.clusterIP', 'spec.type')),
    unsupported: fieldLabelNotSupported,
    fields: (svc) => ({ ...objectMetaFields(svc, true), 'spec.clusterIP': str(read(svc, 'spec', 'clusterIP')), 'spec.type': str(read(svc, 'spec', 'type')) }),
  },
  Event: {
    labels: new Map(same(
      'involvedObject.kind', 'involvedObject.namespace', 'involvedObject.name', 'involvedObject.uid', 'involvedObject.apiVersion',
      'involvedObject.resourceVersion', 'involvedObject.fieldPath', 'reason', 'reportingComponent', 'source', 'type', 'metadata.namespace', 'metadata.name',
    )),
    unsupported: fieldLabelNotSupported,
    fields: (ev) => {
      const involved = (f: string) => str(read(ev, 'involvedObject', f));
      const reporting = str(read(ev, 'reportingComponent'));
      return {
        ...objectMetaFields(ev, true),
        'involvedObject.kind': involved('kind'),
        'involvedObject.namespace': involved('namespace'),
        'involvedObject.name': involved('name'),
        'involvedObject.uid': involved('uid'),
        'involvedObject.apiVersion': involved('apiVersion'),
        'involvedObject.resourceVersion': involved('resourceVersion'),
        'involvedObject.fieldPath': involved('fieldPath'),
        reason: str(read(ev, 'reason')),
        reportingComponent: reporting,
        // source.component, or the reporting controller for events written through events.k8s.io.
        source: str(read(ev, 'source', 'component')) || reporting,
        type: str(read(ev, 'type')),
      };
    },
  },
};

/**
 * DefaultMetaV1FieldSelectorConversion, for kinds without a conversion func (Deployment,
 * ReplicaSet, Ingress …). ReplicaSet's strategy lists status.replicas, but apps/v1 registers
 * no conversion for it, so the server rejects it (kubernetes#135136).
 */
function defaultFields(info: KindInfo): SelectableFields {
  return {
    labels: new Map(same('metadata.name', 'metadata.namespace')),
    unsupported: (label) => `${goQuote(label)} is not a known field selector: only "metadata.name", "metadata.namespace"`,
    fields: (obj) => objectMetaFields(obj, info.namespaced),
  };
}

/** The field labels a kind accepts in a field selector (for help texts and tests). */
export function supportedFieldLabels(info: KindInfo): string[] {
  return [...(BY_KIND[info.kind] ?? defaultFields(info)).labels.keys()];
}

/**
 * What the LIST handler does with a `fieldSelector`: parse it, convert each term's
 * field for the kind, and return the predicate the storage layer filters with.
 * Throws a BadRequest StatusError with the server's message on a bad selector.
 */
export function compileFieldSelector(info: KindInfo, selector: string): (obj: KubeObject) => boolean {
  let requirements: FieldRequirement[];
  try {
    requirements = parseFieldSelector(selector);
  } catch (e) {
    throw apiErrors.badRequest((e as Error).message);
  }
  const kind = BY_KIND[info.kind] ?? defaultFields(info);
  // Transform runs over the sorted terms and stops at the first unsupported label.
  const converted = requirements.map((r) => {
    const field = kind.labels.get(r.field);
    if (field === undefined) throw apiErrors.badRequest(kind.unsupported(r.field));
    return { ...r, field };
  });
  if (converted.length === 0) return () => true;
  return (obj) => {
    const set = kind.fields(obj);
    return converted.every((r) => ((set[r.field] ?? '') === r.value) === (r.operator === '='));
  };
}
