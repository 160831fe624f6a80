// Placeholder until the data plane lands: every request is refused.
import type { EngineContext } from '../context';
import type { Trace, TraceRequest } from './types';

export function traceRequest(_ctx: EngineContext, request: TraceRequest): Trace {
  return { request, hops: [], outcome: { kind: 'refused' } };
}
