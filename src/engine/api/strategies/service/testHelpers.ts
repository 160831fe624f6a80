// Builders shared by the Service strategy tests.
import { isStatusError, type StatusError } from '../../../core/errors';
import type { KubeObject, ObjectMeta, Service, ServiceSpec } from '../../../core/types';

export function newService(name: string, spec: ServiceSpec, meta: Partial<ObjectMeta> = {}): Service {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: 'default', ...meta }, spec };
}

/** Runs `fn` and returns the StatusError it throws (fails the test when nothing is thrown). */
export function statusErrorOf(fn: () => unknown): StatusError {
  try {
    fn();
  } catch (e) {
    if (isStatusError(e)) return e;
    throw e;
  }
  throw new Error('expected the API server to refuse the request');
}

export function deepClone<T extends KubeObject>(o: T): T {
  return JSON.parse(JSON.stringify(o)) as T;
}
