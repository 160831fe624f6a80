// Test helpers shared by the strategy tests: a fresh cluster and the message of
// the StatusError an API call throws.
import { createCluster } from '../../cluster';
import { isStatusError } from '../../core/errors';
import type { KubeObject } from '../../core/types';
import type { ApiServer } from '../apiServer';

export function newApi(): ApiServer {
  return createCluster({ seed: 1, nodes: 1 }).context.api;
}

/** Runs `fn` and returns the API error message it throws (fails the test if it does not throw one). */
export function apiError(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (isStatusError(e)) return e.message;
    throw e;
  }
  throw new Error('expected the API call to fail');
}

/** The body of a create that must fail. */
export function createError(api: ApiServer, obj: KubeObject): string {
  return apiError(() => api.create(obj));
}
