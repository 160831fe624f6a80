// Pod defaults, validation and update rules through the API server
// (pkg/apis/core/v1/defaults.go, pkg/apis/core/validation/validation.go, pkg/registry/core/pod/strategy.go).
import { describe, expect, it } from 'vitest';
import type { Container, KubeObject, Pod } from '../../core/types';
import { defaultPullPolicy } from './podDefaults';
import { createError, newApi, apiError } from './testing';

function pod(containers: Partial<Container>[] = [{ name: 'web', image: 'nginx:1.25' }], spec: Record<string, unknown> = {}, name = 'web'): KubeObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, labels: { app: 'web' } }, spec: { containers, ...spec } };
}

const invalid = (detail: string) => `Pod "web" is invalid: ${detail}`;

describe('Pod defaults (as `kubectl get pod -o yaml` shows them right after create)', () => {
  it('fills the v1 defaults, admission fields (ServiceAccount plugin: the kube-api-access volume) and the initial status', () => {
    const api = newApi();
    const created = api.create<Pod>(pod([{ name: 'web', image: 'nginx:1.25', ports: [{ containerPort: 80 }] }]));
    const volumeName = (created.spec as unknown as { volumes: { name: string }[] }).volumes[0].name;
    expect(volumeName).toMatch(/^kube-api-access-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(created.spec).toEqual({
      containers: [
        {
          name: 'web',
          image: 'nginx:1.25',
          imagePullPolicy: 'IfNotPresent',
          ports: [{ containerPort: 80, protocol: 'TCP' }],
          resources: {},
          terminationMessagePath: '/dev/termination-log',
          terminationMessagePolicy: 'File',
          volumeMounts: [{ mountPath: '/var/run/secrets/kubernetes.io/serviceaccount', name: volumeName, readOnly: true }],
        },
      ],
      dnsPolicy: 'ClusterFirst',
      enableServiceLinks: true,
      preemptionPolicy: 'PreemptLowerPriority',
      priority: 0,
      restartPolicy: 'Always',
      schedulerName: 'default-scheduler',
      securityContext: {},
      serviceAccount: 'default',
      serviceAccountName: 'default',
      terminationGracePeriodSeconds: 30,
      tolerations: [
        { effect: 'NoExecute', key: 'node.kubernetes.io/not-ready', operator: 'Exists', tolerationSeconds: 300 },
        { effect: 'NoExecute', key: 'node.kubernetes.io/unreachable', operator: 'Exists', tolerationSeconds: 300 },
      ],
      volumes: [
        {
          name: volumeName,
          projected: {
            defaultMode: 420,
            sources: [
              { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
              { configMap: { items: [{ key: 'ca.crt', path: 'ca.crt' }], name: 'kube-root-ca.crt' } },
              { downwardAPI: { items: [{ fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' }, path: 'namespace' }] } },
            ],
          },
        },
      ],
    });
    expect(created.status).toEqual({ phase: 'Pending', qosClass: 'BestEffort' });
  });

  it('ignores a status sent by the client and computes the QoS class', () => {
    const api = newApi();
    const guaranteed = { name: 'web', image: 'nginx', resources: { limits: { cpu: '100m', memory: '64Mi' } } };
    const created = api.create<Pod>({ ...pod([guaranteed]), status: { phase: 'Running' } });
    expect(created.status).toEqual({ phase: 'Pending', qosClass: 'Guaranteed' });
    // SetDefaults_Pod copies limits into missing requests.
    expect(created.spec.containers[0].resources).toEqual({ limits: { cpu: '100m', memory: '64Mi' }, requests: { cpu: '100m', memory: '64Mi' } });
    const burstable = api.create<Pod>(pod([{ name: 'web', image: 'nginx', resources: { requests: { cpu: '100m' } } }], {}, 'b'));
    expect(burstable.status?.qosClass).toBe('Burstable');
  });

  it('keeps tolerations the pod already has for the node taints', () => {
    const api = newApi();
    const tolerations = [{ key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 5 }];
    const created = api.create<Pod>(pod(undefined, { tolerations }));
    expect(created.spec.tolerations).toEqual([
      tolerations[0],
      { effect: 'NoExecute', key: 'node.kubernetes.io/not-ready', operator: 'Exists', tolerationSeconds: 300 },
    ]);
  });

  it.each([
    ['nginx', 'Always'],
    ['nginx:latest', 'Always'],
    ['nginx:1.25', 'IfNotPresent'],
    ['localhost:5000/team/app', 'Always'],
    ['localhost:5000/team/app:v2', 'IfNotPresent'],
    ['nginx@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef', 'IfNotPresent'],
  ])('imagePullPolicy for %s is %s', (image, policy) => {
    expect(defaultPullPolicy(image)).toBe(policy);
  });

  it('defaults probes (timeout 1, period 10, success 1, failure 3; httpGet path / and scheme HTTP), treating 0 as unset', () => {
    const api = newApi();
    const created = api.create<Pod>(
      pod([{ name: 'web', image: 'nginx', readinessProbe: { httpGet: { port: 80 }, periodSeconds: 0, initialDelaySeconds: 5 }, livenessProbe: { tcpSocket: { port: 'http' } } }]),
    );
    expect(created.spec.containers[0].readinessProbe).toEqual({
      httpGet: { port: 80, path: '/', scheme: 'HTTP' }, initialDelaySeconds: 5, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3,
    });
    expect(created.spec.containers[0].livenessProbe).toEqual({ tcpSocket: { port: 'http' }, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 });
  });
});

describe('Pod validation (validation.go ValidatePodSpec and friends)', () => {
  const cases: [string, KubeObject, string][] = [
    ['name must be a DNS-1123 subdomain', pod(undefined, {}, 'Web_1'),
      `Pod "Web_1" is invalid: metadata.name: Invalid value: "Web_1": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`],
    ['containers are required', pod([]), invalid('spec.containers: Required value')],
    ['a container needs a name', pod([{ image: 'nginx' }]), invalid('spec.containers[0].name: Required value')],
    ['container names are DNS-1123 labels', pod([{ name: 'Web', image: 'nginx' }]),
      invalid(`spec.containers[0].name: Invalid value: "Web": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')`)],
    ['container names are unique', pod([{ name: 'web', image: 'nginx' }, { name: 'web', image: 'redis' }]), invalid('spec.containers[1].name: Duplicate value: "web"')],
    ['image is required', pod([{ name: 'web' }]), invalid('spec.containers[0].image: Required value')],
    ['containerPort is required', pod([{ name: 'web', image: 'nginx', ports: [{ containerPort: 0 }] }]), invalid('spec.containers[0].ports[0].containerPort: Required value')],
    ['containerPort is 1-65535', pod([{ name: 'web', image: 'nginx', ports: [{ containerPort: 70000 }] }]),
      invalid('spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive')],
    ['port names are at most 15 characters', pod([{ name: 'web', image: 'nginx', ports: [{ name: 'very-long-port-name', containerPort: 80 }] }]),
      invalid('spec.containers[0].ports[0].name: Invalid value: "very-long-port-name": must be no more than 15 characters')],
    ['port names need a letter', pod([{ name: 'web', image: 'nginx', ports: [{ name: '8080', containerPort: 80 }] }]),
      invalid('spec.containers[0].ports[0].name: Invalid value: "8080": must contain at least one letter (a-z)')],
    ['port names are unique', pod([{ name: 'web', image: 'nginx', ports: [{ name: 'http', containerPort: 80 }, { name: 'http', containerPort: 81 }] }]),
      invalid('spec.containers[0].ports[1].name: Duplicate value: "http"')],
    ['port protocols are TCP, UDP or SCTP', pod([{ name: 'web', image: 'nginx', ports: [{ containerPort: 80, protocol: 'HTTP' }] }]),
      invalid('spec.containers[0].ports[0].protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"')],
    ['a probe needs a handler', pod([{ name: 'web', image: 'nginx', readinessProbe: { periodSeconds: 5 } }]),
      invalid('spec.containers[0].readinessProbe: Required value: must specify a handler type')],
    ['a probe has one handler', pod([{ name: 'web', image: 'nginx', readinessProbe: { exec: { command: ['true'] }, tcpSocket: { port: 80 } } }]),
      invalid('spec.containers[0].readinessProbe.tcpSocket: Forbidden: may not specify more than 1 handler type')],
    ['probe numbers are non-negative', pod([{ name: 'web', image: 'nginx', readinessProbe: { tcpSocket: { port: 80 }, initialDelaySeconds: -1 } }]),
      invalid('spec.containers[0].readinessProbe.initialDelaySeconds: Invalid value: -1: must be greater than or equal to 0')],
    ['liveness successThreshold must be 1', pod([{ name: 'web', image: 'nginx', livenessProbe: { tcpSocket: { port: 80 }, successThreshold: 2 } }]),
      invalid('spec.containers[0].livenessProbe.successThreshold: Invalid value: 2: must be 1')],
    ['startup successThreshold must be 1', pod([{ name: 'web', image: 'nginx', startupProbe: { tcpSocket: { port: 80 }, successThreshold: 3 } }]),
      invalid('spec.containers[0].startupProbe.successThreshold: Invalid value: 3: must be 1')],
    ['probe ports are 1-65535', pod([{ name: 'web', image: 'nginx', readinessProbe: { httpGet: { port: 0 } } }]),
      invalid('spec.containers[0].readinessProbe.httpGet.port: Invalid value: 0: must be between 1 and 65535, inclusive')],
    ['named probe ports are IANA service names', pod([{ name: 'web', image: 'nginx', readinessProbe: { tcpSocket: { port: 'http_port' } } }]),
      invalid('spec.containers[0].readinessProbe.tcpSocket.port: Invalid value: "http_port": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)')],
    ['an exec probe needs a command', pod([{ name: 'web', image: 'nginx', readinessProbe: { exec: { command: [] } } }]),
      invalid('spec.containers[0].readinessProbe.exec.command: Required value')],
    ['restartPolicy values', pod(undefined, { restartPolicy: 'Sometimes' }),
      invalid('spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"')],
    ['dnsPolicy values', pod(undefined, { dnsPolicy: 'ClusterLast' }),
      invalid('spec.dnsPolicy: Unsupported value: "ClusterLast": supported values: "ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"')],
    ['dnsPolicy None needs dnsConfig', pod(undefined, { dnsPolicy: 'None' }), invalid('spec.dnsConfig: Required value: must provide `dnsConfig` when `dnsPolicy` is None')],
    ['nodeSelector values are label values', pod(undefined, { nodeSelector: { disk: 'fast ssd' } }),
      invalid(`spec.nodeSelector: Invalid value: "fast ssd": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`)],
    ['hostname is a DNS-1123 label', pod(undefined, { hostname: 'web.one' }), invalid('spec.hostname: Invalid value: "web.one": must not contain dots')],
    ['subdomain is a DNS-1123 label', pod(undefined, { subdomain: 'Headless' }),
      invalid(`spec.subdomain: Invalid value: "Headless": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')`)],
    ['a regular container may not set restartPolicy', pod([{ name: 'web', image: 'nginx', restartPolicy: 'Always' }]),
      invalid('spec.containers[0].restartPolicy: Forbidden: may not be set for non-init containers')],
  ];
  it.each(cases)('%s', (_name, obj, message) => {
    expect(createError(newApi(), obj)).toBe(message);
  });

  it('reports several problems as one bracketed list', () => {
    const message = createError(newApi(), pod([{ name: 'web', ports: [{ containerPort: 0 }] }]));
    expect(message).toBe(invalid('[spec.containers[0].image: Required value, spec.containers[0].ports[0].containerPort: Required value]'));
  });

  it('creates nothing when validation fails', () => {
    const api = newApi();
    createError(api, pod([]));
    expect(api.tryGet('Pod', 'default', 'web')).toBeUndefined();
  });
});

describe('Pod updates (ValidatePodUpdate)', () => {
  function setup() {
    const api = newApi();
    const created = api.create<Pod>(pod([{ name: 'web', image: 'nginx:1.25', ports: [{ containerPort: 80 }] }]));
    const edit = (f: (p: Pod) => void) => {
      const copy = JSON.parse(JSON.stringify(api.get<Pod>('Pod', 'default', 'web'))) as Pod;
      f(copy);
      return copy;
    };
    return { api, created, edit };
  }

  it('allows label changes and image changes, and keeps the stored status', () => {
    const { api, created, edit } = setup();
    const updated = api.update<Pod>(edit((p) => {
      p.metadata.labels = { app: 'web', tier: 'front' };
      p.spec.containers[0].image = 'nginx:1.27';
      p.status = { phase: 'Succeeded' };
    }));
    expect(updated.metadata.labels).toEqual({ app: 'web', tier: 'front' });
    expect(updated.spec.containers[0].image).toBe('nginx:1.27');
    expect(updated.status).toEqual(created.status);
  });

  it('forbids other spec changes with the API server text', () => {
    const { api, edit } = setup();
    const message = apiError(() => api.update(edit((p) => void (p.spec.containers[0].ports![0].containerPort = 8080))));
    expect(message.split('\n')[0]).toBe(
      'Pod "web" is invalid: spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)',
    );
    expect(message).toContain('Containers');
  });

  it('forbids adding or removing containers', () => {
    const { api, edit } = setup();
    const message = apiError(() => api.update(edit((p) => void p.spec.containers.push({ name: 'sidecar', image: 'busybox' }))));
    expect(message).toBe(invalid('spec.containers: Forbidden: pod updates may not add or remove containers'));
  });

  it('allows adding tolerations but not changing existing ones', () => {
    const { api, edit } = setup();
    const added = api.update<Pod>(edit((p) => void p.spec.tolerations!.push({ key: 'dedicated', operator: 'Exists', effect: 'NoSchedule' })));
    expect(added.spec.tolerations).toHaveLength(3);
    const message = apiError(() => api.update(edit((p) => void (p.spec.tolerations![0] = { key: 'other', operator: 'Exists' }))));
    expect(message).toBe(invalid('spec.tolerations: Forbidden: existing toleration can not be modified except its tolerationSeconds'));
  });
});

describe('Pod without a spec', () => {
  it('is defaulted like an empty spec, so only the containers are reported', () => {
    expect(createError(newApi(), { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web' } })).toBe(invalid('spec.containers: Required value'));
  });
});

describe('constant defaults are shared, not copied per pod', () => {
  it('gives every pod the same frozen admission tolerations and empty structs, with the same JSON', () => {
    const api = newApi();
    const a = api.create<Pod>(pod(undefined, {}, 'a'));
    const b = api.create<Pod>(pod(undefined, {}, 'b'));
    expect(b.spec.tolerations).toBe(a.spec.tolerations);
    expect(b.spec.securityContext).toBe(a.spec.securityContext);
    expect(b.spec.containers[0].resources).toBe(a.spec.containers[0].resources);
    expect(Object.isFrozen(a.spec.tolerations![0])).toBe(true);
    expect(JSON.stringify(a.spec.securityContext)).toBe('{}');
  });

  it('appends the defaults after tolerations of the pod itself, in a list of its own', () => {
    const api = newApi();
    const own = { key: 'dedicated', operator: 'Exists', effect: 'NoSchedule' };
    const created = api.create<Pod>(pod(undefined, { tolerations: [own] }));
    const plain = api.create<Pod>(pod(undefined, {}, 'plain'));
    expect(created.spec.tolerations).toEqual([own, ...plain.spec.tolerations!]);
    expect(plain.spec.tolerations).toHaveLength(2);
  });

  it('replaces an empty securityContext from the request by the shared one, and keeps a non-empty one', () => {
    const api = newApi();
    const empty = api.create<Pod>(pod(undefined, { securityContext: {} }, 'empty'));
    const plain = api.create<Pod>(pod(undefined, {}, 'plain'));
    const set = api.create<Pod>(pod(undefined, { securityContext: { runAsUser: 1000 } }, 'set'));
    expect(empty.spec.securityContext).toBe(plain.spec.securityContext);
    expect(set.spec.securityContext).toEqual({ runAsUser: 1000 });
  });
});
