// A Service's ports as the graph prints them: `80 → http (8080)`, `nodePort 30080`,
// and kubectl's short form `80:30080/TCP`.
import type { Pod, Service } from '../engine';

export function describePorts(svc: Service, samplePod?: Pod): { lines: string[]; short: string } {
  const ports = svc.spec.ports ?? [];
  const lines: string[] = [];
  const short: string[] = [];
  for (const p of ports) {
    const proto = p.protocol && p.protocol !== 'TCP' ? `/${p.protocol}` : '';
    let target: string;
    if (svc.spec.type === 'ExternalName') target = '';
    else if (typeof p.targetPort === 'string') {
      const resolved = samplePod?.spec.containers.flatMap((c) => c.ports ?? []).find((cp) => cp.name === p.targetPort)?.containerPort;
      target = ` → ${p.targetPort}${resolved !== undefined ? ` (${resolved})` : ''}`;
    } else target = ` → ${p.targetPort ?? p.port}`;
    const name = p.name ? `${p.name}: ` : '';
    lines.push(`${name}${p.port}${proto}${target}${p.nodePort ? ` · nodePort ${p.nodePort}` : ''}`);
    short.push(`${p.port}${p.nodePort ? `:${p.nodePort}` : ''}/${p.protocol ?? 'TCP'}`);
  }
  return { lines, short: short.join(',') };
}
