// Placeholder until DNS lands: the records CoreDNS serves.
import type { EngineContext } from '../context';

export function dnsRecords(_ctx: EngineContext): readonly unknown[] {
  return [];
}
