import { describe, expect, it } from 'vitest';
import type { Pod, Service } from '../engine';
import { LabelIndex } from './labels';
import { diagnoseService } from './serviceDiagnostics';
import { newPod, newService } from './testing/builders';

const web = (n: number, labels: Record<string, string>, ns = 'default') =>
  Array.from({ length: n }, (_, i) => newPod(`${labels.app ?? 'pod'}-${ns}-${i}`, { labels, ns }));

describe('diagnoseService: why a selector matches nothing', () => {
  const cases: { name: string; selector: Record<string, string>; pods: Pod[]; ns?: string; warning: string }[] = [
    { name: 'a misspelt value names the closest value', selector: { app: 'web' }, pods: web(3, { app: 'wbe' }), warning: 'no pod has app=web; 3 pods have app=wbe' },
    { name: 'one pod reads "has"', selector: { app: 'web' }, pods: web(1, { app: 'api' }), warning: 'no pod has app=web; 1 pod has app=api' },
    {
      name: 'the closest of several values comes first',
      selector: { app: 'web' },
      pods: [...web(2, { app: 'database' }), ...web(1, { app: 'webb' })],
      warning: 'no pod has app=web; 1 pod has app=webb, 2 pods have app=database',
    },
    { name: 'a misspelt key with the right value', selector: { app: 'web' }, pods: web(2, { ap: 'web' }), warning: 'no pod has app=web; 2 pods have ap=web' },
    { name: 'a key in another case', selector: { app: 'web' }, pods: web(2, { App: 'web' }), warning: 'no pod has app=web; 2 pods have App=web' },
    {
      name: 'pods in another namespace',
      selector: { app: 'web' },
      pods: web(2, { app: 'web' }, 'shop'),
      warning: 'no pod has app=web: namespace default has no pods; pods with app=web exist in namespace shop (a Service selects only in its own namespace)',
    },
    {
      name: 'each pair matches but not together',
      selector: { app: 'web', tier: 'fe' },
      pods: [newPod('a', { labels: { app: 'web' } }), newPod('b', { labels: { tier: 'fe' } })],
      warning: 'no pod has all of app=web,tier=fe; 1 pod has app=web, 1 pod has tier=fe',
    },
    { name: 'nothing close at all', selector: { app: 'web' }, pods: web(2, { role: 'db' }), warning: 'no pod has app=web' },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const index = new LabelIndex(c.pods);
      const before = JSON.stringify(c.pods);
      const d = diagnoseService(newService('web', c.selector, { ns: c.ns }), index);
      expect(d.matched).toEqual([]);
      expect(d.warning).toBe(c.warning);
      expect(JSON.stringify(c.pods), 'inputs are not mutated').toBe(before);
    });
  }
});

describe('diagnoseService: pods that match but get no traffic', () => {
  const cases: { name: string; pod: Pod; failing?: boolean; ports?: { port: number; targetPort: string | number }[]; reason: string | undefined }[] = [
    { name: 'a ready pod is included', pod: newPod('p', { labels: { app: 'web' } }), reason: undefined },
    { name: 'a failing readiness probe', pod: newPod('p', { labels: { app: 'web' }, ready: false, probe: true }), reason: 'readiness probe failing' },
    { name: 'sim fail-readiness names the probe', pod: newPod('p', { labels: { app: 'web' }, ready: false }), failing: true, reason: 'readiness probe failing' },
    { name: 'a pending pod', pod: newPod('p', { labels: { app: 'web' }, phase: 'Pending' }), reason: 'not Running yet (Pending)' },
    { name: 'a terminating pod', pod: newPod('p', { labels: { app: 'web' }, terminating: true }), reason: 'terminating' },
    { name: 'a crashed container', pod: newPod('p', { labels: { app: 'web' }, ready: false, waiting: 'CrashLoopBackOff' }), reason: 'container app not running' },
    {
      name: 'a named targetPort the pod does not declare',
      pod: newPod('p', { labels: { app: 'web' }, ports: [{ containerPort: 80 }] }),
      ports: [{ port: 80, targetPort: 'http' }],
      reason: 'named targetPort "http" not found on this pod',
    },
    {
      name: 'a named targetPort the pod declares',
      pod: newPod('p', { labels: { app: 'web' }, ports: [{ name: 'http', containerPort: 8080 }] }),
      ports: [{ port: 80, targetPort: 'http' }],
      reason: undefined,
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const svc = newService('web', { app: 'web' }, { ports: c.ports });
      const d = diagnoseService(svc, new LabelIndex([c.pod]), new Set(c.failing ? ['default/p'] : []));
      expect(d.matched).toHaveLength(1);
      expect(d.matched[0].reason).toBe(c.reason);
      expect(d.matched[0].included).toBe(c.reason === undefined);
    });
  }

  it('warns when every matched pod is left out', () => {
    const pods = [newPod('a', { labels: { app: 'web' }, ready: false, probe: true }), newPod('b', { labels: { app: 'web' }, terminating: true })];
    const d = diagnoseService(newService('web', { app: 'web' }), new LabelIndex(pods));
    expect(d.warning).toBe('no ready endpoints: 2 pods match app=web but none is ready');
  });

  it('publishNotReadyAddresses keeps not-ready pods in', () => {
    const svc = newService('db', { app: 'db' });
    svc.spec.publishNotReadyAddresses = true;
    const d = diagnoseService(svc, new LabelIndex([newPod('a', { labels: { app: 'db' }, ready: false, probe: true })]));
    expect(d.matched[0].included).toBe(true);
  });

  it('has nothing to say about ExternalName and selector-less Services', () => {
    const pods = new LabelIndex([newPod('a', { labels: { app: 'web' } })]);
    expect(diagnoseService(newService('ext', undefined, { type: 'ExternalName', externalName: 'example.com' }), pods)).toEqual({ matched: [] });
    expect(diagnoseService(newService('manual', undefined), pods)).toEqual({ matched: [] });
  });

  it('selects only in its own namespace', () => {
    const pods = [newPod('a', { labels: { app: 'web' }, ns: 'shop' }), newPod('b', { labels: { app: 'web' } })];
    const d = diagnoseService(newService('web', { app: 'web' }, { ns: 'shop' }), new LabelIndex(pods));
    expect(d.matched.map((m) => m.pod.metadata.name)).toEqual(['a']);
  });
});

// The engine refuses a connection to a port no container listens on (dataplane/routing.ts:
// "Nothing in pod … listens on port 8080 (nginx on 80) … Check the Service's targetPort");
// Kubernetes still lists the ready pods as endpoints, so the graph says why nothing answers.
describe('diagnoseService: a targetPort nothing listens on', () => {
  const ready = (n: number, ports: { name?: string; containerPort: number }[] = [{ containerPort: 80 }]) => Array.from({ length: n }, (_, i) => newPod(`web-${i}`, { labels: { app: 'web' }, ports }));
  const cases: { name: string; pods: Pod[]; ports: NonNullable<Service['spec']['ports']>; warning: string | undefined }[] = [
    { name: 'targetPort 8080 on nginx pods that serve 80', pods: ready(3), ports: [{ port: 80, targetPort: 8080, protocol: 'TCP' }], warning: 'targetPort 8080: nothing in the pods listens on it (app on 80), so connections are refused' },
    { name: 'one pod', pods: ready(1), ports: [{ port: 81, targetPort: 8081, protocol: 'TCP' }], warning: 'targetPort 8081: nothing in the pods listens on it (app on 80), so connections are refused' },
    { name: 'the right targetPort', pods: ready(3), ports: [{ port: 8080, targetPort: 80, protocol: 'TCP' }], warning: undefined },
    { name: 'no targetPort: the port itself, which nginx serves', pods: ready(2), ports: [{ port: 80, protocol: 'TCP' }], warning: undefined },
    { name: "nginx's well-known port 80 though only 8080 is declared", pods: ready(2, [{ containerPort: 8080 }]), ports: [{ port: 80, targetPort: 80, protocol: 'TCP' }], warning: undefined },
    { name: 'a named targetPort: the containerPort it names is served', pods: ready(2, [{ name: 'http', containerPort: 8080 }]), ports: [{ port: 80, targetPort: 'http', protocol: 'TCP' }], warning: undefined },
    { name: 'the second port is the wrong one', pods: ready(2), ports: [{ port: 80, targetPort: 80, protocol: 'TCP' }, { port: 443, targetPort: 8443, protocol: 'TCP' }], warning: 'targetPort 8443: nothing in the pods listens on it (app on 80), so connections are refused' },
    { name: 'UDP ports are not judged (nothing here answers UDP but DNS)', pods: ready(2), ports: [{ port: 53, targetPort: 5353, protocol: 'UDP' }], warning: undefined },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const d = diagnoseService(newService('web', { app: 'web' }, { ports: c.ports }), new LabelIndex(c.pods));
      expect(d.matched.every((m) => m.included), 'the pods stay endpoints, as in Kubernetes').toBe(true);
      expect(d.warning).toBe(c.warning);
    });
  }

  it('one pod that listens is enough: the Service answers, some of the time', () => {
    const pods = [newPod('a', { labels: { app: 'web' }, ports: [{ containerPort: 8080 }] }), newPod('b', { labels: { app: 'web' } })];
    pods[1].spec.containers[0].image = 'busybox';
    const d = diagnoseService(newService('web', { app: 'web' }, { ports: [{ port: 80, targetPort: 8080, protocol: 'TCP' }] }), new LabelIndex(pods));
    expect(d.warning).toBeUndefined();
  });

  it('pods left out of the endpoints do not count: no ready pods is the warning', () => {
    const pods = [newPod('a', { labels: { app: 'web' }, ready: false, probe: true })];
    const d = diagnoseService(newService('web', { app: 'web' }, { ports: [{ port: 80, targetPort: 8080, protocol: 'TCP' }] }), new LabelIndex(pods));
    expect(d.warning).toBe('no ready endpoints: 1 pod matches app=web but none is ready');
  });
});
