// Placeholder until the data plane lands: kube-proxy's rules per node.
import type { EngineContext } from '../context';

export function proxyRules(_ctx: EngineContext): readonly unknown[] {
  return [];
}
