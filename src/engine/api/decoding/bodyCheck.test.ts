// The request-body check on its own: both decoders' words for one failing field, valid
// bodies passing untouched, unknown fields flagged and worded, and the stored copy's repair.
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../core/types';
import { checkRequestBody, HAS_NULLS, HAS_UNKNOWN_FIELDS, repairBody, strictFailure, unknownFields } from './bodyCheck';

const svc = (spec: unknown, metadata: unknown = { name: 's' }) => ({ apiVersion: 'v1', kind: 'Service', metadata, spec }) as KubeObject;

describe('checkRequestBody', () => {
  it('passes valid bodies and nulls; kinds without a schema are not checked', () => {
    expect(checkRequestBody('Service', svc({ ports: [{ port: 80, targetPort: 'http' }], selector: { a: 'b' }, clusterIP: null }))).toBe(0);
    expect(checkRequestBody('Event', { apiVersion: 'v1', kind: 'Event', metadata: { name: 'e' }, count: 'x' } as KubeObject)).toBe(0);
  });

  it('flags unknown fields and words them with their paths, in body order, sorted for the converter', () => {
    const obj = svc({ selecter: { a: 'b' }, ports: [{ port: 80, targetport: 8080 }, { port: 81, nodeport: { x: 1 } }] });
    expect(checkRequestBody('Service', obj)).toBe(HAS_UNKNOWN_FIELDS);
    const unknown = unknownFields('Service', obj);
    expect(unknown).toEqual(['unknown field "spec.ports[0].targetport"', 'unknown field "spec.ports[1].nodeport"', 'unknown field "spec.selecter"']);
    expect(strictFailure(unknown).json).toBe('strict decoding error: unknown field "spec.ports[0].targetport", unknown field "spec.ports[1].nodeport", unknown field "spec.selecter"');
    expect(strictFailure(['unknown field "spec.port"', 'unknown field "spec.a"']).converter).toBe('strict decoding error: unknown field "spec.a", unknown field "spec.port"');
  });

  it('knows the fields the playground does not model, and checks only their shape', () => {
    const pod = {
      apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', managedFields: [{ manager: 'kubectl', fieldsV1: { 'f:spec': {} } }] },
      spec: { volumes: [{ name: 'v', emptyDir: {} }], affinity: { nodeAffinity: {} }, containers: [{ name: 'c', image: 'i', volumeMounts: [{ name: 'v', mountPath: '/v' }], env: [{ name: 'A', valueFrom: { fieldRef: { fieldPath: 'status.podIP' } } }] }] },
    } as KubeObject;
    expect(checkRequestBody('Pod', pod)).toBe(0);
    expect(checkRequestBody('Pod', { ...pod, spec: { containers: [], volumes: 'x' } } as KubeObject)).toMatchObject({
      json: 'json: cannot unmarshal string into Go struct field PodSpec.spec.volumes of type []v1.Volume',
      converter: 'cannot restore slice from string',
    });
    expect(checkRequestBody('Pod', { ...pod, spec: { containers: [], affinity: [] } } as KubeObject)).toMatchObject({ converter: 'cannot restore struct from: slice' });
  });

  it('a type error wins over unknown fields', () => {
    expect(checkRequestBody('Service', svc({ bogus: 1, ports: [{ port: 'x' }] }))).toMatchObject({ json: 'json: cannot unmarshal string into Go struct field ServicePort.spec.ports.port of type int32' });
  });

  it('an unknown field in a map-typed field or inside an unknown field is not looked into', () => {
    const obj = svc({ selector: { anyKey: 'v' }, madeUp: { deeper: { x: 1 } } });
    expect(unknownFields('Service', obj)).toEqual(['unknown field "spec.madeUp"']);
  });

  it('words a failure for the body decoder (POST/PUT) and the unstructured converter (PATCH)', () => {
    expect(checkRequestBody('Service', svc({ ports: [{ port: 1.5 }] }))).toEqual({
      json: 'json: cannot unmarshal number 1.5 into Go struct field ServicePort.spec.ports.port of type int32',
      converter: 'cannot convert float64 to int32',
    });
    expect(checkRequestBody('Service', svc({}, { name: 's', labels: ['a'] }))).toEqual({
      json: 'json: cannot unmarshal array into Go struct field ObjectMeta.metadata.labels of type map[string]string',
      converter: 'cannot restore map from slice',
    });
  });

  it('an UnmarshalJSON error ends decoding and wins over an earlier type error', () => {
    expect(checkRequestBody('Service', svc({ clusterIP: 1, ports: [{ port: 80, targetPort: true }] }))).toEqual({
      json: 'json: cannot unmarshal bool into Go value of type int32',
      converter: 'json: cannot unmarshal bool into Go value of type int32',
    });
  });

  it('flags null list items and map values, which then get their zero values; unknown fields are dropped', () => {
    const obj = svc({ ports: [null, { port: 80, targetport: 1 }], selector: { a: null }, foo: 1 });
    expect(checkRequestBody('Service', obj)).toBe(HAS_NULLS | HAS_UNKNOWN_FIELDS);
    repairBody('Service', obj);
    expect(obj.spec).toEqual({ ports: [{}, { port: 80 }], selector: { a: '' } });
  });
});
