// The request-body type check on its own: both decoders' words for one failing field, and
// valid bodies (including unknown fields, which it leaves alone) passing untouched.
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../core/types';
import { checkRequestBody, fillZeroValues } from './bodyCheck';

const svc = (spec: unknown, metadata: unknown = { name: 's' }) => ({ apiVersion: 'v1', kind: 'Service', metadata, spec }) as KubeObject;

describe('checkRequestBody', () => {
  it('passes valid bodies, unknown fields and nulls', () => {
    expect(checkRequestBody('Service', svc({ ports: [{ port: 80, targetPort: 'http' }], selector: { a: 'b' }, madeUp: { x: [1] }, clusterIP: null }))).toBeUndefined();
    expect(checkRequestBody('Event', { apiVersion: 'v1', kind: 'Event', metadata: { name: 'e' }, count: 'x' } as KubeObject)).toBeUndefined();
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

  it('flags null list items and map values, which then get their zero values', () => {
    const obj = svc({ ports: [null], selector: { a: null } });
    expect(checkRequestBody('Service', obj)).toBe('zero-fill');
    fillZeroValues('Service', obj);
    expect(obj.spec).toEqual({ ports: [{}], selector: { a: '' } });
  });
});
