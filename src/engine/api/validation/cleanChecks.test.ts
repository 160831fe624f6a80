// The clean-case shortcuts of validation (podSpecIsValid, clusterIPServiceIsValid) may only say
// "valid" when the full validators, which build upstream's error list, would report nothing.
// Objects are stored specs as the API server defaults them, then perturbed field by field with
// values both valid and invalid; whenever a shortcut says yes, the full check must say no error.
// The full validators take smaller shortcuts of their own (the name scans, a clean container,
// a clean toleration); those are switched off while they give the reference answer, so a
// shortcut that says yes too often cannot hide behind itself.
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import type { Pod, Service } from '../../core/types';
import { createCluster } from '../../index';
import { clusterIPServiceIsValid, validateServiceFully } from '../strategies/service/validation';
import { validatePodSpecFully } from './podSpec';
import { type FullPodSpec, podSpecIsValid } from './podSpecClean';

/** Off while the full validators run: the switchable shortcuts then answer false. */
const shortcuts = vi.hoisted(() => ({ on: true }));

vi.mock('./syntax', async (importOriginal) => {
  const actual = await importOriginal<Record<string, (s: string) => boolean>>();
  return Object.fromEntries(Object.entries(actual).map(([name, scan]) => [name, (s: string) => shortcuts.on && scan(s)]));
});

// podSpec.ts's per-container and per-toleration shortcuts; podSpecIsValid keeps calling the real ones.
vi.mock('./podSpecClean', async (importOriginal) => {
  const actual = await importOriginal<typeof import('./podSpecClean')>();
  return {
    ...actual,
    regularContainerIsValid: (c: Parameters<typeof actual.regularContainerIsValid>[0]) => shortcuts.on && actual.regularContainerIsValid(c),
    tolerationIsValid: (t: Parameters<typeof actual.tolerationIsValid>[0]) => shortcuts.on && actual.tolerationIsValid(t),
  };
});

/** The full validator's answer with the shortcuts it shares with the predicates off. */
function withoutShortcuts<T>(run: () => T): T {
  shortcuts.on = false;
  try {
    return run();
  } finally {
    shortcuts.on = true;
  }
}

function storedPodAndService(): { spec: FullPodSpec; service: Service } {
  const c = createCluster({ seed: 5 });
  c.exec('kubectl run web --image=nginx:1.27 --port=80 --labels=app=web');
  c.exec('kubectl expose pod web --port=80 --name=web');
  const pod = c.context.store.get<Pod>('Pod', 'default', 'web')!;
  const service = c.context.store.get<Service>('Service', 'default', 'web')!;
  return { spec: structuredClone(pod.spec) as FullPodSpec, service: structuredClone(service) };
}

const { spec: baseSpec, service: baseService } = storedPodAndService();

const anyValue = fc.constantFrom<unknown>(
  undefined, null, '', 'web', 'Web', 'a_b', 'x'.repeat(70), 0, -1, 80, 65536, 'TCP', 'tcp', 'UDP', 'Always', 'Never',
  'IfNotPresent', 'ClusterFirst', 'Default', 'None', 'NoExecute', 'NoSchedule', 'Exists', 'Equal', true, false, [], {}, ['a'],
  { app: 'web' }, { 'bad key!': 'v' }, { app: 'Bad Value!' }, [{ name: 'web', image: 'nginx' }],
  [{ key: 'k', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 5 }], [{ key: 'k', operator: 'Equal', value: 'v', effect: 'NoSchedule', tolerationSeconds: 5 }],
  [{ name: 'http', containerPort: 80, protocol: 'TCP' }], [{ name: 'http', containerPort: 80 }, { name: 'http', containerPort: 81 }],
  [{ containerPort: 0 }], [{ port: 80, targetPort: 80, protocol: 'TCP' }], [{ port: 80, targetPort: 'http', protocol: 'TCP', name: 'a' }, { port: 80, protocol: 'TCP', name: 'b' }],
  ['10.96.0.10'], ['10.96.0.10', '10.96.0.11'], '10.96.0.10', 'None', ['IPv4'], ['IPv6'], 'SingleStack', 'RequireDualStack', 'Cluster', 'Local',
);

const podPaths = [
  'restartPolicy', 'dnsPolicy', 'terminationGracePeriodSeconds', 'tolerations', 'nodeSelector', 'hostNetwork', 'schedulerName',
  'serviceAccountName', 'priority', 'preemptionPolicy', 'securityContext', 'nodeName', 'initContainers', 'readinessGates',
  'containers', 'containers.0.name', 'containers.0.image', 'containers.0.ports', 'containers.0.imagePullPolicy',
  'containers.0.terminationMessagePolicy', 'containers.0.terminationMessagePath', 'containers.0.resources', 'containers.0.command',
  'containers.0.ports.0.containerPort', 'containers.0.ports.0.name', 'containers.0.ports.0.protocol', 'containers.0.ports.0.hostPort',
];
const servicePaths = [
  'metadata.name', 'metadata.labels', 'metadata.annotations', 'spec.type', 'spec.ports', 'spec.ports.0.port', 'spec.ports.0.targetPort',
  'spec.ports.0.protocol', 'spec.ports.0.name', 'spec.ports.0.nodePort', 'spec.selector', 'spec.clusterIP', 'spec.clusterIPs',
  'spec.ipFamilies', 'spec.ipFamilyPolicy', 'spec.sessionAffinity', 'spec.externalIPs', 'spec.internalTrafficPolicy',
  'spec.externalTrafficPolicy', 'spec.publishNotReadyAddresses', 'spec.externalName', 'spec.loadBalancerIP',
];

/** Sets a dotted path (array indices as numbers) in a copy, creating nothing that is missing. */
function withValue<T>(base: T, path: string, value: unknown): T {
  const copy = structuredClone(base) as Record<string, unknown>;
  const parts = path.split('.');
  let at: Record<string, unknown> | undefined = copy;
  for (const p of parts.slice(0, -1)) {
    const next: unknown = at?.[p];
    if (!next || typeof next !== 'object') return copy as T;
    at = next as Record<string, unknown>;
  }
  const last = parts[parts.length - 1];
  if (value === undefined) delete at![last];
  else at![last] = structuredClone(value);
  return copy as T;
}

/** Values that matter for one path in particular, drawn as often as all the others together. */
const special: Record<string, unknown[]> = {
  // Two stored containers: with the same name (invalid) and with different names.
  containers: [[baseSpec.containers[0], baseSpec.containers[0]], [baseSpec.containers[0], { ...baseSpec.containers[0], name: 'side' }]],
  'containers.0.ports': [[{ name: 'http', containerPort: 80, protocol: 'TCP' }, { name: 'http', containerPort: 81, protocol: 'TCP' }],
    [{ containerPort: 80, protocol: 'TCP' }, { containerPort: 80, protocol: 'TCP' }]],
  'spec.ports': [[{ name: 'a', port: 80, targetPort: 80, protocol: 'TCP' }, { name: 'a', port: 81, targetPort: 81, protocol: 'TCP' }],
    [{ name: 'a', port: 80, targetPort: 80, protocol: 'TCP' }, { name: 'b', port: 80, targetPort: 81, protocol: 'TCP' }]],
};

const edits = (paths: string[]) =>
  fc.array(
    fc.constantFrom(...paths).chain((path) => fc.tuple(fc.constant(path), special[path] ? fc.oneof(anyValue, fc.constantFrom(...special[path])) : anyValue)),
    { minLength: 0, maxLength: 3 },
  );

/**
 * Perturbs `base` at random and checks that whenever `shortcut` says valid, `full` reports no
 * error; and that the shortcut still says yes often enough to be tested.
 */
function expectAgreement<T>(base: T, paths: string[], shortcut: (o: T) => boolean, full: (o: T) => unknown[], seed: number): void {
  expect(shortcut(base)).toBe(true);
  let yes = 0;
  fc.assert(
    fc.property(edits(paths), (changes) => {
      const obj = changes.reduce((o, [path, v]) => withValue(o, path, v), base);
      let errors: unknown[];
      try {
        errors = withoutShortcuts(() => full(obj));
      } catch {
        return; // shapes the full validator cannot read (reported as a crash either way)
      }
      if (shortcut(obj)) {
        yes++;
        expect(errors).toEqual([]);
      }
    }),
    { numRuns: 3000, seed },
  );
  expect(yes).toBeGreaterThan(100);
}

describe('clean-case validation shortcuts agree with the full validators', () => {
  it('podSpecIsValid says yes only for specs validatePodSpec finds nothing wrong with', () => {
    expectAgreement(baseSpec, podPaths, podSpecIsValid, (s) => validatePodSpecFully(s, 'spec', { isPod: true }), 7);
  });

  it('clusterIPServiceIsValid says yes only for Services validateService finds nothing wrong with', () => {
    expectAgreement(baseService, servicePaths, clusterIPServiceIsValid, validateServiceFully, 11);
  });
});
