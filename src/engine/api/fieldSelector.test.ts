// Field selectors as the API server applies them: the parser of apimachinery's
// fields/selector.go, each kind's field label conversion (pkg/apis/core/v1/conversion.go,
// runtime.DefaultMetaV1FieldSelectorConversion) and its selectable fields (ToSelectableFields).
import { describe, expect, it } from 'vitest';
import { isStatusError } from '../core/errors';
import type { KubeObject } from '../core/types';
import { compileFieldSelector, type FieldRequirement, parseFieldSelector, supportedFieldLabels } from './fieldSelector';
import { KINDS } from './kinds';

const eq = (field: string, value: string): FieldRequirement => ({ field, operator: '=', value });
const ne = (field: string, value: string): FieldRequirement => ({ field, operator: '!=', value });

describe('parseFieldSelector (fields.ParseSelector)', () => {
  it.each<[string, FieldRequirement[]]>([
    ['status.phase=Running', [eq('status.phase', 'Running')]],
    ['status.phase==Running', [eq('status.phase', 'Running')]],
    ['status.phase!=Running', [ne('status.phase', 'Running')]],
    // Terms are sorted before anything else (sort.StringSlice(parts).Sort()).
    ['spec.nodeName=n1,metadata.name=web', [eq('metadata.name', 'web'), eq('spec.nodeName', 'n1')]],
    ['', []],
    [',', []],
    ['a=b,', [eq('a', 'b')]],
    ['a=', [eq('a', '')]],
    ['=b', [eq('', 'b')]],
    // UnescapeValue: \, \= and \\ stand for themselves; an escaped comma does not split terms.
    ['a=x\\,y', [eq('a', 'x,y')]],
    ['a=x\\=y', [eq('a', 'x=y')]],
    ['a=x\\\\y', [eq('a', 'x\\y')]],
    ['a=x\\,y,b!=z', [eq('a', 'x,y'), ne('b', 'z')]],
  ])('%j', (text, want) => {
    expect(parseFieldSelector(text)).toEqual(want);
  });

  it.each<[string, string]>([
    ['foo', "invalid selector: 'foo'; can't understand 'foo'"],
    // The first bad term in sorted order is the one named; uppercase sorts first.
    ['z=1,b,a', "invalid selector: 'z=1,b,a'; can't understand 'a'"],
    ['a=1,Z', "invalid selector: 'a=1,Z'; can't understand 'Z'"],
    // The rune is printed with %v: its code point.
    ['a=b=c', 'invalid field selector: unescaped character in value: 61'],
    ['a!==b', 'invalid field selector: unescaped character in value: 61'],
    ['a=x\\y', 'invalid field selector: invalid escape sequence: \\y'],
    ['a=x\\', 'invalid field selector: invalid escape sequence: \\'],
  ])('%j fails: %s', (text, message) => {
    expect(() => parseFieldSelector(text)).toThrow(message);
  });
});

/** The message of the BadRequest the LIST would answer with, or '' when the selector is accepted. */
function refusal(kind: keyof typeof KINDS, selector: string): string {
  try {
    compileFieldSelector(KINDS[kind], selector);
    return '';
  } catch (e) {
    if (!isStatusError(e)) throw e;
    expect(e.status.code).toBe(400);
    expect(e.reason).toBe('BadRequest');
    return e.message;
  }
}

describe('field labels each kind accepts (AddFieldLabelConversionFunc)', () => {
  it.each<[keyof typeof KINDS, string[]]>([
    ['Pod', ['metadata.name', 'metadata.namespace', 'spec.nodeName', 'spec.restartPolicy', 'spec.schedulerName', 'spec.serviceAccountName', 'spec.hostNetwork', 'status.phase', 'status.podIP', 'status.podIPs', 'status.nominatedNodeName', 'spec.host']],
    ['Node', ['metadata.name', 'spec.unschedulable']],
    ['Namespace', ['status.phase', 'metadata.name']],
    ['Service', ['metadata.namespace', 'metadata.name', 'spec.clusterIP', 'spec.type']],
    ['Event', ['involvedObject.kind', 'involvedObject.namespace', 'involvedObject.name', 'involvedObject.uid', 'involvedObject.apiVersion', 'involvedObject.resourceVersion', 'involvedObject.fieldPath', 'reason', 'reportingComponent', 'source', 'type', 'metadata.namespace', 'metadata.name']],
    ['Deployment', ['metadata.name', 'metadata.namespace']],
    ['ReplicaSet', ['metadata.name', 'metadata.namespace']],
    ['IngressClass', ['metadata.name', 'metadata.namespace']],
  ])('%s', (kind, labels) => {
    expect(supportedFieldLabels(KINDS[kind])).toEqual(labels);
    for (const label of labels) expect(refusal(kind, `${label}=x`)).toBe('');
  });

  it.each<[keyof typeof KINDS, string, string]>([
    // The core/v1 conversion funcs' text.
    ['Pod', 'status.hostIP=10.0.0.1', 'field label not supported: status.hostIP'],
    ['Pod', 'foo=bar', 'field label not supported: foo'],
    ['Node', 'metadata.namespace=default', 'field label not supported: metadata.namespace'],
    ['Namespace', 'metadata.namespace=x', 'field label not supported: metadata.namespace'],
    ['Service', 'spec.ports=80', 'field label not supported: spec.ports'],
    ['Event', 'message=hi', 'field label not supported: message'],
    // DefaultMetaV1FieldSelectorConversion's text (the kubernetes.io Field Selectors page example).
    ['Ingress', 'foo.bar=baz', '"foo.bar" is not a known field selector: only "metadata.name", "metadata.namespace"'],
    ['Deployment', 'spec.replicas=2', '"spec.replicas" is not a known field selector: only "metadata.name", "metadata.namespace"'],
    // Listed by ReplicaSet's strategy, but apps/v1 registers no conversion (kubernetes#135136).
    ['ReplicaSet', 'status.replicas=0', '"status.replicas" is not a known field selector: only "metadata.name", "metadata.namespace"'],
    // Conversion stops at the first bad label in sorted order.
    ['Pod', 'zz=1,aa=2', 'field label not supported: aa'],
    // Parse errors come first, whatever the kind.
    ['Deployment', 'foo', "invalid selector: 'foo'; can't understand 'foo'"],
    // Labels are user text: no prototype keys slip through.
    ['Pod', 'constructor=x', 'field label not supported: constructor'],
  ])('%s %s is refused', (kind, selector, message) => {
    expect(refusal(kind, selector)).toBe(message);
  });
});

const newPod = (name: string, spec: Record<string, unknown>, status: Record<string, unknown> = {}): KubeObject =>
  ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default' }, spec: { containers: [], restartPolicy: 'Always', schedulerName: 'default-scheduler', serviceAccountName: 'default', ...spec }, status }) as KubeObject;
const newNode = (name: string, unschedulable?: boolean): KubeObject =>
  ({ apiVersion: 'v1', kind: 'Node', metadata: { name }, spec: unschedulable === undefined ? {} : { unschedulable } }) as KubeObject;
const newEvent = (name: string, fields: Record<string, unknown>): KubeObject =>
  ({ apiVersion: 'v1', kind: 'Event', metadata: { name, namespace: 'default' }, involvedObject: { kind: 'Pod', name: 'web' }, reason: 'Started', type: 'Normal', source: { component: 'kubelet' }, ...fields }) as KubeObject;

/** The names of `objects` the selector keeps, checking the objects are left as they were. */
function selected(kind: keyof typeof KINDS, selector: string, objects: KubeObject[]): string[] {
  const before = JSON.stringify(objects);
  const names = objects.filter(compileFieldSelector(KINDS[kind], selector)).map((o) => o.metadata.name!);
  expect(JSON.stringify(objects)).toBe(before);
  return names;
}

describe('matching the selectable fields (ToSelectableFields)', () => {
  const pods = [
    newPod('running', { nodeName: 'node-1' }, { phase: 'Running', podIP: '10.244.0.5', podIPs: [{ ip: '10.244.0.5' }] }),
    newPod('pending', {}, { phase: 'Pending' }),
    newPod('host', { nodeName: 'node-2', hostNetwork: true, restartPolicy: 'Never' }, { phase: 'Succeeded', podIPs: [{ ip: '192.168.0.2' }] }),
  ];

  it.each<[string, string[]]>([
    ['status.phase=Running', ['running']],
    ['status.phase!=Running', ['pending', 'host']],
    ['spec.nodeName=node-1', ['running']],
    // An unscheduled pod's nodeName reads as '' (how `kubectl get pods --field-selector spec.nodeName=` finds them).
    ['spec.nodeName=', ['pending']],
    ['spec.host=node-2', ['host']],
    ['spec.hostNetwork=true', ['host']],
    ['spec.hostNetwork=false', ['running', 'pending']],
    ['spec.restartPolicy=Never', ['host']],
    ['status.podIP=10.244.0.5', ['running']],
    ['status.podIP=192.168.0.2', ['host']],
    // Accepted, but never among the selectable fields: it always reads ''.
    ['status.podIPs=10.244.0.5', []],
    ['status.podIPs=', ['running', 'pending', 'host']],
    ['status.phase!=Running,spec.restartPolicy=Always', ['pending']],
    ['metadata.name=pending,metadata.namespace=default', ['pending']],
    ['metadata.namespace!=default', []],
    ['', ['running', 'pending', 'host']],
  ])('pods %j', (selector, names) => {
    expect(selected('Pod', selector, pods)).toEqual(names);
  });

  it('nodes: spec.unschedulable defaults to false', () => {
    const nodes = [newNode('a'), newNode('b', true), newNode('c', false)];
    expect(selected('Node', 'spec.unschedulable=true', nodes)).toEqual(['b']);
    expect(selected('Node', 'spec.unschedulable==false', nodes)).toEqual(['a', 'c']);
  });

  it('events: source falls back to the reporting controller', () => {
    const events = [
      newEvent('a', {}),
      newEvent('b', { source: { component: '' }, reportingComponent: 'deployment-controller', involvedObject: { kind: 'Deployment', name: 'web' }, type: 'Warning' }),
    ];
    expect(selected('Event', 'source=kubelet', events)).toEqual(['a']);
    expect(selected('Event', 'source=deployment-controller', events)).toEqual(['b']);
    expect(selected('Event', 'involvedObject.kind=Deployment,type=Warning', events)).toEqual(['b']);
    expect(selected('Event', 'reason=Started,involvedObject.name=web', events)).toEqual(['a', 'b']);
  });

  it('cluster-scoped kinds with the default conversion have no metadata.namespace: it reads as ""', () => {
    const cls = { apiVersion: 'networking.k8s.io/v1', kind: 'IngressClass', metadata: { name: 'nginx' }, spec: {} } as KubeObject;
    expect(selected('IngressClass', 'metadata.namespace=', [cls])).toEqual(['nginx']);
    expect(selected('IngressClass', 'metadata.namespace=default', [cls])).toEqual([]);
  });
});
