// FindPort on stored (frozen) pods: a named targetPort resolves by name and
// protocol, containers first, then sidecars (restartPolicy Always) only.
import { describe, expect, it } from 'vitest';
import { deepFreeze } from '../../core/store';
import type { Pod } from '../../core/types';
import { findPort } from './podEndpoints';
import { newPod } from './testBuilders';

function withSpec(spec: Partial<Pod['spec']>): Pod {
  const pod = structuredClone(newPod(0));
  Object.assign(pod.spec, spec);
  return deepFreeze(pod);
}

describe('findPort', () => {
  it('resolves a named port by name and protocol, an integer as it is', () => {
    const pod = withSpec({
      containers: [
        { name: 'a', image: 'x', ports: [{ name: 'dns', containerPort: 53, protocol: 'UDP' }] },
        { name: 'b', image: 'x', ports: [{ name: 'dns', containerPort: 5353 }, { name: 'http', containerPort: 8080 }] },
      ],
    });
    expect(findPort(pod, { port: 80, targetPort: 'dns', protocol: 'UDP' })).toBe(53);
    expect(findPort(pod, { port: 80, targetPort: 'dns' })).toBe(5353);
    expect(findPort(pod, { port: 80, targetPort: 'http' })).toBe(8080);
    expect(findPort(pod, { port: 80, targetPort: 'metrics' })).toBeUndefined();
    expect(findPort(pod, { port: 80, targetPort: 9000 })).toBe(9000);
    expect(findPort(pod, { port: 80 })).toBe(80);
  });

  it('looks in sidecars after containers, never in plain init containers', () => {
    const pod = withSpec({
      containers: [{ name: 'app', image: 'x', ports: [{ name: 'http', containerPort: 8080 }] }],
      initContainers: [
        { name: 'setup', image: 'x', ports: [{ name: 'admin', containerPort: 9000 }] },
        { name: 'proxy', image: 'x', restartPolicy: 'Always', ports: [{ name: 'http', containerPort: 15001 }, { name: 'admin', containerPort: 15000 }] },
      ],
    });
    expect(findPort(pod, { port: 80, targetPort: 'http' })).toBe(8080);
    expect(findPort(pod, { port: 80, targetPort: 'admin' })).toBe(15000);
  });
});
