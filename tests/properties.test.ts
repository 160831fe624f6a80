// Property-based tests (fast-check): after any random sequence of applies,
// deletes, scales, label changes, readiness flips, node stops and time steps,
// the cluster's invariants hold, and the same seed and inputs replay byte for byte.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCluster, type Cluster } from '../src/engine/index';
import { allViolations } from './invariants';

type Op =
  | { op: 'deployment'; name: string; app: string; replicas: number; portName: string; containerPort: number; probe: boolean }
  | { op: 'service'; name: string; app: string; targetPort: number | string; type: string; publishNotReady: boolean }
  | { op: 'pod'; name: string; app: string }
  | { op: 'delete'; kind: string; name: string }
  | { op: 'scale'; name: string; replicas: number }
  | { op: 'readiness'; fail: boolean; index: number }
  | { op: 'node'; stop: boolean; index: number }
  | { op: 'advance'; ms: number };

const apps = ['web', 'api', 'wbe'];
const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    op: fc.constant('deployment' as const),
    name: fc.constantFrom('web', 'api'),
    app: fc.constantFrom(...apps),
    replicas: fc.integer({ min: 0, max: 4 }),
    portName: fc.constantFrom('http', 'web'),
    containerPort: fc.constantFrom(80, 8080),
    probe: fc.boolean(),
  }),
  fc.record({
    op: fc.constant('service' as const),
    name: fc.constantFrom('web', 'api', 'db'),
    app: fc.constantFrom(...apps),
    targetPort: fc.constantFrom<number | string>(80, 8080, 'http', 'web'),
    type: fc.constantFrom('ClusterIP', 'NodePort', 'LoadBalancer'),
    publishNotReady: fc.boolean(),
  }),
  fc.record({ op: fc.constant('pod' as const), name: fc.constantFrom('solo-1', 'solo-2'), app: fc.constantFrom(...apps) }),
  fc.record({ op: fc.constant('delete' as const), kind: fc.constantFrom('deployment', 'service', 'pod'), name: fc.constantFrom('web', 'api', 'db', 'solo-1', 'solo-2') }),
  fc.record({ op: fc.constant('scale' as const), name: fc.constantFrom('web', 'api'), replicas: fc.integer({ min: 0, max: 5 }) }),
  fc.record({ op: fc.constant('readiness' as const), fail: fc.boolean(), index: fc.nat(20) }),
  fc.record({ op: fc.constant('node' as const), stop: fc.boolean(), index: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ op: fc.constant('advance' as const), ms: fc.constantFrom(1_000, 5_000, 15_000, 60_000, 400_000) }),
);

function deploymentYaml(o: Extract<Op, { op: 'deployment' }>): string {
  const probe = o.probe
    ? `
        readinessProbe:
          httpGet: { path: /, port: ${o.portName} }
          periodSeconds: 5`
    : '';
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${o.name}
spec:
  replicas: ${o.replicas}
  selector:
    matchLabels: { deploy: ${o.name} }
  template:
    metadata:
      labels: { deploy: ${o.name}, app: ${o.app} }
    spec:
      containers:
      - name: main
        image: nginx:1.27
        ports:
        - name: ${o.portName}
          containerPort: ${o.containerPort}${probe}
`;
}

function serviceYaml(o: Extract<Op, { op: 'service' }>): string {
  const tp = typeof o.targetPort === 'number' ? o.targetPort : JSON.stringify(o.targetPort);
  return `apiVersion: v1
kind: Service
metadata:
  name: ${o.name}
spec:
  type: ${o.type}
  publishNotReadyAddresses: ${o.publishNotReady}
  selector: { app: ${o.app} }
  ports:
  - port: 80
    targetPort: ${tp}
`;
}

function podYaml(o: Extract<Op, { op: 'pod' }>): string {
  return `apiVersion: v1
kind: Pod
metadata:
  name: ${o.name}
  labels: { app: ${o.app} }
spec:
  containers:
  - name: main
    image: httpd:2.4
    ports:
    - { name: http, containerPort: 80 }
`;
}

/** Runs one op as a person would (files + commands) and returns everything it printed. */
function run(c: Cluster, o: Op): string {
  const exec = (line: string) => {
    const r = c.exec(line);
    return `$ ${line}\n${r.stdout}${r.stderr}[${r.exitCode}]\n`;
  };
  switch (o.op) {
    case 'deployment':
      c.writeFile('op.yaml', deploymentYaml(o));
      return exec('kubectl apply -f op.yaml');
    case 'service':
      c.writeFile('op.yaml', serviceYaml(o));
      return exec('kubectl apply -f op.yaml');
    case 'pod':
      c.writeFile('op.yaml', podYaml(o));
      return exec('kubectl apply -f op.yaml');
    case 'delete':
      return exec(`kubectl delete ${o.kind} ${o.name}`);
    case 'scale':
      return exec(`kubectl scale deployment ${o.name} --replicas=${o.replicas}`);
    case 'readiness': {
      const pods = (c.snapshot().objects.Pod ?? []).filter((p) => p.metadata.namespace === 'default').map((p) => p.metadata.name!).sort();
      if (pods.length === 0) return '';
      return exec(`sim pod ${o.fail ? 'fail-readiness' : 'pass-readiness'} ${pods[o.index % pods.length]}`);
    }
    case 'node':
      return exec(`sim node ${o.stop ? 'stop' : 'start'} node-${o.index}`);
    case 'advance':
      c.advance(o.ms);
      return `advance ${o.ms}\n`;
  }
}

describe('cluster invariants under random user actions (fast-check)', () => {
  it('endpoints follow matching pods by readiness, allocations stay unique, owners stay live', () => {
    fc.assert(
      fc.property(fc.array(opArb, { minLength: 1, maxLength: 25 }), (ops) => {
        const c = createCluster({ seed: 5 });
        const log: string[] = [];
        for (const o of ops) {
          log.push(run(c, o));
          const violations = allViolations(c.snapshot());
          if (violations.length) throw new Error(`after:\n${log.join('')}\nviolations:\n${violations.join('\n')}`);
        }
        c.advance(600_000);
        const violations = allViolations(c.snapshot());
        if (violations.length) throw new Error(`after settling:\n${log.join('')}\nviolations:\n${violations.join('\n')}`);
      }),
      { numRuns: 40, seed: 20261121 },
    );
  });

  it('the same seed and inputs give byte-identical output and state', () => {
    fc.assert(
      fc.property(fc.array(opArb, { minLength: 1, maxLength: 20 }), fc.integer({ min: 1, max: 1000 }), (ops, seed) => {
        const replay = () => {
          const c = createCluster({ seed });
          const out = ops.map((o) => run(c, o)).join('');
          c.advance(60_000);
          return out + JSON.stringify(c.snapshot());
        };
        expect(replay()).toBe(replay());
      }),
      { numRuns: 15, seed: 7 },
    );
  });
});
