// Turns a live API object into a manifest a person would write and re-apply:
// without status, without what the API server fills in (uid, resourceVersion,
// managedFields, timestamps, allocated IPs and nodePorts, kubectl's
// last-applied annotation) and without fields that only repeat a default.
// Pure: tested in Node (cleanObject.test.ts).

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

const SERVER_METADATA = ['uid', 'resourceVersion', 'creationTimestamp', 'generation', 'managedFields', 'selfLink', 'ownerReferences', 'deletionTimestamp', 'deletionGracePeriodSeconds', 'generateName'];
const SERVER_ANNOTATIONS = ['kubectl.kubernetes.io/last-applied-configuration', 'deployment.kubernetes.io/revision', 'endpoints.kubernetes.io/last-change-trigger-time'];

/** Deletes `key` from `obj` when its value equals `value` (deep, via JSON). */
function dropDefault(obj: Json, key: string, value: unknown): void {
  if (key in obj && JSON.stringify(obj[key]) === JSON.stringify(value)) delete obj[key];
}

function cleanMetadata(meta: Json): void {
  for (const k of SERVER_METADATA) delete meta[k];
  if (isObject(meta.annotations)) {
    for (const k of SERVER_ANNOTATIONS) delete meta.annotations[k];
    if (Object.keys(meta.annotations).length === 0) delete meta.annotations;
  }
}

function cleanPodSpec(spec: Json, isPod: boolean): void {
  if (isPod) delete spec.nodeName; // the scheduler's choice, not the person's
  dropDefault(spec, 'dnsPolicy', 'ClusterFirst');
  dropDefault(spec, 'restartPolicy', 'Always');
  dropDefault(spec, 'schedulerName', 'default-scheduler');
  dropDefault(spec, 'securityContext', {});
  dropDefault(spec, 'terminationGracePeriodSeconds', 30);
  dropDefault(spec, 'enableServiceLinks', true);
  dropDefault(spec, 'preemptionPolicy', 'PreemptLowerPriority');
  dropDefault(spec, 'priority', 0);
  if (isPod) {
    delete spec.tolerations; // the default not-ready/unreachable tolerations are added on admission
    delete spec.serviceAccountName;
    delete spec.serviceAccount;
    delete spec.volumes; // the projected service-account token volume
  }
  for (const list of ['containers', 'initContainers']) {
    const containers = spec[list];
    if (!Array.isArray(containers)) continue;
    for (const c of containers) {
      if (!isObject(c)) continue;
      dropDefault(c, 'terminationMessagePath', '/dev/termination-log');
      dropDefault(c, 'terminationMessagePolicy', 'File');
      dropDefault(c, 'imagePullPolicy', 'IfNotPresent');
      dropDefault(c, 'resources', {});
      if (isPod) delete c.volumeMounts;
      if (Array.isArray(c.ports)) for (const p of c.ports) if (isObject(p)) dropDefault(p, 'protocol', 'TCP');
    }
  }
}

function cleanService(spec: Json): void {
  // A headless Service must keep `clusterIP: None`; an allocated IP is the server's.
  if (spec.clusterIP !== 'None') delete spec.clusterIP;
  delete spec.clusterIPs;
  delete spec.healthCheckNodePort;
  dropDefault(spec, 'ipFamilies', ['IPv4']);
  dropDefault(spec, 'ipFamilyPolicy', 'SingleStack');
  dropDefault(spec, 'sessionAffinity', 'None');
  dropDefault(spec, 'internalTrafficPolicy', 'Cluster');
  dropDefault(spec, 'externalTrafficPolicy', 'Cluster');
  dropDefault(spec, 'type', 'ClusterIP');
  dropDefault(spec, 'allocateLoadBalancerNodePorts', true);
  if (Array.isArray(spec.ports)) {
    for (const p of spec.ports) {
      if (!isObject(p)) continue;
      delete p.nodePort; // allocated; a copy under another name would collide
      dropDefault(p, 'protocol', 'TCP');
    }
  }
}

function cleanWorkload(kind: string, spec: Json): void {
  if (kind === 'Deployment') {
    dropDefault(spec, 'progressDeadlineSeconds', 600);
    dropDefault(spec, 'revisionHistoryLimit', 10);
    dropDefault(spec, 'strategy', { rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' }, type: 'RollingUpdate' });
  }
  if (kind === 'StatefulSet') {
    dropDefault(spec, 'podManagementPolicy', 'OrderedReady');
    dropDefault(spec, 'revisionHistoryLimit', 10);
    dropDefault(spec, 'updateStrategy', { rollingUpdate: { partition: 0 }, type: 'RollingUpdate' });
    dropDefault(spec, 'persistentVolumeClaimRetentionPolicy', { whenDeleted: 'Retain', whenScaled: 'Retain' });
  }
  const template = spec.template;
  if (isObject(template)) {
    if (isObject(template.metadata)) {
      delete template.metadata.creationTimestamp;
      if (kind !== 'ReplicaSet' && isObject(template.metadata.labels)) delete template.metadata.labels['pod-template-hash'];
    }
    if (isObject(template.spec)) cleanPodSpec(template.spec, false);
  }
}

/** A deep copy of `object`, cleaned for re-applying. The input is not modified. */
export function cleanForApply(object: unknown): Json {
  const copy = JSON.parse(JSON.stringify(object ?? {})) as Json;
  delete copy.status;
  if (isObject(copy.metadata)) cleanMetadata(copy.metadata);
  const kind = typeof copy.kind === 'string' ? copy.kind : '';
  const spec = copy.spec;
  if (isObject(spec)) {
    if (kind === 'Service') cleanService(spec);
    else if (kind === 'Pod') cleanPodSpec(spec, true);
    else cleanWorkload(kind, spec);
  }
  return copy;
}

/** A workspace file name for the object that does not clash with `existing`. */
export function fileNameFor(kind: string, name: string, existing: Iterable<string>): string {
  const taken = new Set(existing);
  const base = `${name}-${kind.toLowerCase()}`.replace(/[^\w.-]+/g, '-');
  if (!taken.has(`${base}.yaml`)) return `${base}.yaml`;
  for (let i = 2; ; i++) if (!taken.has(`${base}-${i}.yaml`)) return `${base}-${i}.yaml`;
}
