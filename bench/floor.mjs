// Context for the engine budget (10,000 pods and 2,000 Services applied and settled in
// ≤ 300 ms): the object work alone, in a fresh process, as plainly as it can be written.
// The same stored objects as the benchmark's cluster (12,000 creates; three versions of
// each pod: bound, ContainerCreating, Running; 2,000 Endpoints and 2,000 EndpointSlices
// written twice; 40,000 Events), each version a new frozen object (snapshot() hands out
// stored objects as they are, DESIGN.md) announced to four watchers — and nothing else:
// no decoding, defaulting, validation, allocation, timers, scheduling choice, label index
// or printing. An engine that stores what a real cluster stores, as immutable versions,
// cannot do less: this is a floor under the design, not a target.
// With --mutable, the floor of the other design the team could choose: each pod one record
// changed in place (nothing frozen, no new versions), as a store with copy-on-read snapshots
// would keep it.
// Run by `npm run bench:engine` after the engine's figures, both ways.

const MUTABLE = process.argv.includes('--mutable');

const SERVICES = 2000;
const PODS_PER_SERVICE = 5;

const t0 = performance.now();
const store = new Map();
const watchers = [];
const events = [];
let resourceVersion = 1000;
let uid = 0;

function put(obj) {
  obj.metadata.resourceVersion = String(++resourceVersion);
  if (!MUTABLE) Object.freeze(obj);
  const key = `${obj.kind}/${obj.metadata.namespace}/${obj.metadata.name}`;
  const old = store.get(key);
  store.set(key, obj);
  for (const w of watchers) w(obj, old);
  return obj;
}

function record(obj, reason) {
  events.push({ name: obj.metadata.name, reason, resourceVersion });
}

// The endpoints controllers' input: pods by Service, and the Services to sync.
const podsByApp = new Map();
const dirty = new Set();
watchers.push((obj) => {
  if (obj.kind !== 'Pod') return;
  const app = obj.metadata.labels.app;
  let pods = podsByApp.get(app);
  if (!pods) podsByApp.set(app, (pods = new Map()));
  pods.set(obj.metadata.name, obj);
  dirty.add(app);
});
for (let i = 0; i < 3; i++) watchers.push(() => {});

const service = (i) => ({
  apiVersion: 'v1', kind: 'Service',
  metadata: { name: `svc-${i}`, namespace: 'default', uid: `u${++uid}`, creationTimestamp: '2026-01-01T00:00:00Z' },
  spec: { selector: { app: `app-${i}` }, ports: [{ name: 'http', port: 80, targetPort: 'http', protocol: 'TCP' }], type: 'ClusterIP', clusterIP: `10.96.${i >> 8}.${i & 255}`, sessionAffinity: 'None', ipFamilies: ['IPv4'] },
  status: { loadBalancer: {} },
});
const pod = (i, j) => ({
  apiVersion: 'v1', kind: 'Pod',
  metadata: { name: `app-${i}-${j}`, namespace: 'default', labels: { app: `app-${i}`, tier: 'bench' }, uid: `u${++uid}`, creationTimestamp: '2026-01-01T00:00:00Z' },
  spec: { containers: [{ name: 'web', image: 'nginx:1.27', ports: [{ name: 'http', containerPort: 80, protocol: 'TCP' }], imagePullPolicy: 'IfNotPresent', resources: {} }], restartPolicy: 'Always', dnsPolicy: 'ClusterFirst' },
  status: { phase: 'Pending', qosClass: 'BestEffort' },
});

function syncEndpoints() {
  for (const app of dirty) {
    const endpoints = [];
    for (const p of podsByApp.get(app).values()) {
      if (!p.status.podIP) continue;
      endpoints.push({ addresses: [p.status.podIP], conditions: { ready: p.status.phase === 'Running', serving: true, terminating: false }, nodeName: p.spec.nodeName, targetRef: { kind: 'Pod', name: p.metadata.name, namespace: 'default', uid: p.metadata.uid } });
    }
    put({ apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', metadata: { name: `${app}-abcde`, namespace: 'default', labels: { 'kubernetes.io/service-name': app } }, addressType: 'IPv4', endpoints, ports: [{ name: 'http', port: 80, protocol: 'TCP' }] });
    put({ apiVersion: 'v1', kind: 'Endpoints', metadata: { name: app, namespace: 'default' }, subsets: endpoints.length ? [{ addresses: endpoints.map((e) => ({ ip: e.addresses[0] })), ports: [{ name: 'http', port: 80, protocol: 'TCP' }] }] : [] });
  }
  dirty.clear();
}

for (let i = 0; i < SERVICES; i++) put(service(i));
let pods = [];
for (let i = 0; i < SERVICES; i++) for (let j = 0; j < PODS_PER_SERVICE; j++) pods.push(put(pod(i, j)));
const tCreated = performance.now();

/** A pod's next version: a new object sharing what did not change, or (--mutable) the same record changed. */
function nextVersion(p, part, fields) {
  if (MUTABLE) {
    Object.assign(p[part], fields);
    return put(p);
  }
  return put({ ...p, metadata: { ...p.metadata }, [part]: { ...p[part], ...fields } });
}

pods = pods.map((p, n) => {
  const bound = nextVersion(p, 'spec', { nodeName: `node-${n % 10}` });
  record(bound, 'Scheduled');
  return bound;
});
pods = pods.map((p) => {
  return nextVersion(p, 'status', { hostIP: '192.168.49.2', startTime: '2026-01-01T00:00:00Z', conditions: [{ type: 'PodScheduled', status: 'True' }], containerStatuses: [{ name: 'web', state: { waiting: { reason: 'ContainerCreating' } }, ready: false, restartCount: 0 }] });
});
syncEndpoints();
const tSettled = performance.now();

pods.forEach((p, n) => {
  const running = nextVersion(p, 'status', { phase: 'Running', podIP: `10.244.${n >> 8}.${n & 255}`, conditions: [{ type: 'Ready', status: 'True' }], containerStatuses: [{ name: 'web', state: { running: { startedAt: '2026-01-01T00:00:02Z' } }, ready: true, restartCount: 0 }] });
  for (const reason of ['Pulled', 'Created', 'Started']) record(running, reason);
});
syncEndpoints();
const tReady = performance.now();

const ms = (n) => `${n.toFixed(0)} ms`;
console.log(
  (MUTABLE
    ? `  floor of a mutable store (bench/floor.mjs --mutable: each pod one record changed in place, nothing frozen): ${ms(tReady - t0)} `
    : `  floor: the stored objects alone (bench/floor.mjs, fresh process, nothing checked or decided): ${ms(tReady - t0)} `) +
    `(creates ${ms(tCreated - t0)}, bind + ContainerCreating + slices ${ms(tSettled - tCreated)}, Running + slices ${ms(tReady - tSettled)}; ${store.size} objects, ${events.length} events)`,
);
