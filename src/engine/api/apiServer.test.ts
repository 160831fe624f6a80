import { describe, expect, it } from 'vitest';
import { createCluster } from '../cluster';
import type { Endpoints } from '../core/types';

const endpoints = (name: string, extra: Record<string, unknown> = {}): Endpoints =>
  ({
    apiVersion: 'v1',
    kind: 'Endpoints',
    metadata: { name, namespace: 'default', labels: { app: name } },
    subsets: [{ addresses: [{ ip: '10.0.0.1' }], ports: [{ name: 'http', port: 80 }] }],
    ...extra,
  }) as Endpoints;

/** The same writes, once copied and once handed over: what is stored must not differ. */
function bothWays(write: (handOver: boolean, c: ReturnType<typeof createCluster>) => Endpoints): [string, string] {
  const run = (handOver: boolean) => {
    const c = createCluster({ seed: 3, nodes: 1 });
    return JSON.stringify(write(handOver, c));
  };
  return [run(false), run(true)];
}

describe('ApiServer writes with handOver (the caller gives up its object)', () => {
  it('stores what the copying write stores, keeping the input and freezing it', () => {
    const c = createCluster({ seed: 3, nodes: 1 });
    const input = endpoints('web');
    const stored = c.context.api.create<Endpoints>(input, { handOver: true });
    expect(stored).toBe(input);
    expect(Object.isFrozen(stored.subsets![0].ports![0])).toBe(true);
    expect(stored.subsets![0].ports![0].protocol).toBe('TCP');

    const [copied, handed] = bothWays((handOver, cc) => cc.context.api.create<Endpoints>(endpoints('web'), { handOver }));
    expect(handed).toBe(copied);
  });

  it('updates from a stored version spread into a fresh object, frozen parts and undefined metadata included', () => {
    const [copied, handed] = bothWays((handOver, cc) => {
      const first = cc.context.api.create<Endpoints>(endpoints('web'));
      const next = {
        ...first,
        metadata: { ...first.metadata, annotations: { a: 'b' }, generation: undefined },
        subsets: [first.subsets![0], { addresses: [{ ip: '10.0.0.2' }], ports: [{ port: 81 }] }],
      } as Endpoints;
      return cc.context.api.update<Endpoints>(next, { handOver });
    });
    expect(handed).toBe(copied);
  });

  it('copies inputs that a copy would change: undefined values below metadata, holes, class instances', () => {
    const c = createCluster({ seed: 3, nodes: 1 });
    const withUndefined = endpoints('a', { subsets: [{ addresses: [{ ip: '10.0.0.1', hostname: undefined }] }] });
    const out = c.context.api.create<Endpoints>(withUndefined, { handOver: true });
    expect(out).not.toBe(withUndefined);
    expect('hostname' in out.subsets![0].addresses![0]).toBe(false);
    expect(Object.isFrozen(withUndefined)).toBe(false);

    class Port {
      port = 80;
    }
    const withClass = endpoints('b', { subsets: [{ addresses: [{ ip: '10.0.0.1' }], ports: [new Port()] }] });
    const out2 = c.context.api.create<Endpoints>(withClass, { handOver: true });
    expect(out2).not.toBe(withClass);
    expect(Object.getPrototypeOf(out2.subsets![0].ports![0])).toBe(Object.prototype);
  });

  it('leaves the input alone without handOver', () => {
    const c = createCluster({ seed: 3, nodes: 1 });
    const input = endpoints('web');
    const stored = c.context.api.create<Endpoints>(input);
    expect(stored).not.toBe(input);
    expect(Object.isFrozen(input)).toBe(false);
    expect(input.subsets![0].ports![0].protocol).toBeUndefined();
  });
});

describe('ApiServer update metadata', () => {
  it('a kind without generation has no generation key after an update (jsonpath printed <nil> for it)', () => {
    const c = createCluster({ seed: 1 });
    c.exec('kubectl run web --image=nginx');
    c.advance(3000);
    c.exec('kubectl label pod web tier=x');
    expect(Object.keys(c.context.store.get('Pod', 'default', 'web')!.metadata)).not.toContain('generation');
    expect(c.exec(`kubectl get pod web -o jsonpath='{.metadata.*}'`).stdout).not.toContain('<nil>');
    c.exec('kubectl create deployment d --image=nginx');
    c.exec('kubectl scale deployment d --replicas=2');
    expect(c.exec(`kubectl get deployment d -o jsonpath='{.metadata.generation}'`).stdout).toBe('2');
  });
});
