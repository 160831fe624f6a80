// Fields of the wrong JSON type are refused when the API server decodes the request body,
// before defaulting and validation, with the Go decoders' words; the cluster is unchanged.
// Texts: apiserver endpoints/handlers/rest.go transformDecodeError ("<Kind> in version "v1"
// cannot be handled as a <Kind>: …"), sigs.k8s.io/json's UnmarshalTypeError, and for PATCH
// (kubectl apply on an existing object, kubectl patch) handlers/patch.go applyPatchToObject
// with runtime/converter.go. Issue reports of the same texts: kubernetes/kubernetes#26327,
// kubernetes/kubernetes#79210, Winson-030/dify-kubernetes#1.
import { describe, expect, it } from 'vitest';
import { createCluster } from '../engine';

const POD = (spec: string, meta = '') => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n${meta}spec:\n${spec}`;
const SVC = (spec: string, meta = '') => `apiVersion: v1\nkind: Service\nmetadata:\n  name: s\n${meta}spec:\n${spec}`;
const created = (kind: string, err: string) => `Error from server (BadRequest): error when creating "STDIN": ${kind} in version "v1" cannot be handled as a ${kind}: ${err}\n`;

function unchanged(command: string, yaml: string) {
  const c = createCluster();
  const before = c.snapshot();
  const r = c.exec(command, yaml);
  const after = c.snapshot();
  expect(after.resourceVersion).toBe(before.resourceVersion);
  expect(after.objects).toEqual(before.objects);
  return r;
}

const CASES: [string, string, string, string][] = [
  ['a list given an object', 'Pod', POD('  containers: {}\n'), 'json: cannot unmarshal object into Go struct field PodSpec.spec.containers of type []v1.Container'],
  ['a list given a string', 'Pod', POD('  tolerations: x\n  containers: [{name: c, image: nginx}]\n'), 'json: cannot unmarshal string into Go struct field PodSpec.spec.tolerations of type []v1.Toleration'],
  ['a list in a list item given a number', 'Pod', POD('  containers: [{name: c, image: nginx, ports: 5}]\n'), 'json: cannot unmarshal number into Go struct field Container.spec.containers.ports of type []v1.ContainerPort'],
  ['a Service port list given an object', 'Service', SVC('  ports: {port: 80}\n'), 'json: cannot unmarshal object into Go struct field ServiceSpec.spec.ports of type []v1.ServicePort'],
  ['an int32 given a string', 'Service', SVC('  ports: [{port: "80"}]\n'), 'json: cannot unmarshal string into Go struct field ServicePort.spec.ports.port of type int32'],
  ['an int32 given a fraction', 'Service', SVC('  ports: [{port: 1.5}]\n'), 'json: cannot unmarshal number 1.5 into Go struct field ServicePort.spec.ports.port of type int32'],
  ['an int32 given a number out of range', 'Service', SVC('  ports: [{port: 3000000000}]\n'), 'json: cannot unmarshal number 3000000000 into Go struct field ServicePort.spec.ports.port of type int32'],
  ['a label map given a list', 'Service', SVC('  ports: [{port: 80}]\n', '  labels: [a]\n'), 'json: cannot unmarshal array into Go struct field ObjectMeta.metadata.labels of type map[string]string'],
  ['a label value given a number', 'Service', SVC('  ports: [{port: 80}]\n', '  labels: {a: 1}\n'), 'json: cannot unmarshal number into Go struct field ObjectMeta.metadata.labels of type string'],
  ['a struct given a list', 'Pod', POD('  containers: [{name: c, image: nginx, readinessProbe: []}]\n'), 'json: cannot unmarshal array into Go struct field Container.spec.containers.readinessProbe of type v1.Probe'],
  ['a bool given a string', 'Service', SVC('  publishNotReadyAddresses: "yes"\n  ports: [{port: 80}]\n'), 'json: cannot unmarshal string into Go struct field ServiceSpec.spec.publishNotReadyAddresses of type bool'],
  ['a string given a bool', 'Service', SVC('  type: true\n  ports: [{port: 80}]\n'), 'json: cannot unmarshal bool into Go struct field ServiceSpec.spec.type of type string'],
  ['an int-or-string given an object (its own UnmarshalJSON, no struct context)', 'Service', SVC('  ports: [{port: 80, targetPort: {a: 1}}]\n'), 'json: cannot unmarshal object into Go value of type int32'],
  ['a quantity given a list', 'Pod', POD('  containers: [{name: c, image: nginx, resources: {limits: {cpu: [1]}}}]\n'), "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"],
  ['the first error in sorted key order wins', 'Pod', POD('  tolerations: x\n  containers: {}\n'), 'json: cannot unmarshal object into Go struct field PodSpec.spec.containers of type []v1.Container'],
];

describe('kubectl apply: wrong field types are refused at decoding, cluster unchanged', () => {
  for (const [name, kind, yaml, err] of CASES) {
    it(name, () => {
      expect(unchanged('kubectl apply -f -', yaml)).toEqual({ stdout: '', stderr: created(kind, err), exitCode: 1 });
    });
  }

  it('workload kinds name their own Go types', () => {
    const deploy = 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  replicas: "3"\n  selector: {matchLabels: {a: b}}\n  template: {metadata: {labels: {a: b}}, spec: {containers: [{name: c, image: nginx}]}}\n';
    expect(unchanged('kubectl apply -f -', deploy).stderr).toBe(created('Deployment', 'json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32'));
    const netpol = 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: np}\nspec:\n  podSelector: {}\n  ingress: [{ports: [{port: 80, endPort: x}]}]\n';
    expect(unchanged('kubectl apply -f -', netpol).stderr).toBe(created('NetworkPolicy', 'json: cannot unmarshal string into Go struct field NetworkPolicyPort.spec.ingress.ports.endPort of type int32'));
  });

  it('null is the zero value: fields, list items and map values decode', () => {
    const c = createCluster();
    expect(c.exec('kubectl apply -f -', SVC('  selector: {app: null}\n  ports: [{port: 80, targetPort: null}]\n  clusterIP: null\n')).stdout).toBe('service/s created\n');
    expect(c.exec('kubectl get svc s -o jsonpath={.spec.selector}').stdout).toBe('{"app":""}');
    const r = c.exec('kubectl apply -f -', POD('  containers: [null]\n'));
    expect(r.stderr).toBe('The Pod "p" is invalid: \n* spec.containers[0].name: Required value\n* spec.containers[0].image: Required value\n');
  });

  it('int-or-string fields take both', () => {
    const c = createCluster();
    const r = c.exec('kubectl apply -f -', SVC('  ports: [{port: 80, targetPort: http, name: a}, {port: 81, targetPort: 8081, name: b}]\n'));
    expect(r).toEqual({ stdout: 'service/s created\n', stderr: '', exitCode: 0 });
  });
});

describe('other paths', () => {
  it('kubectl create -f - prints the same decoding error', () => {
    expect(unchanged('kubectl create -f -', SVC('  ports: {port: 80}\n')).stderr).toBe(created('Service', 'json: cannot unmarshal object into Go struct field ServiceSpec.spec.ports of type []v1.ServicePort'));
  });

  it('a multi-document apply applies the valid documents and reports each bad one', () => {
    const c = createCluster();
    const docs = [SVC('  ports: [{port: 80}]\n').replace('name: s', 'name: a'), SVC('  ports: {port: 80}\n').replace('name: s', 'name: b'), SVC('  ports: [{port: 80}]\n').replace('name: s', 'name: c')];
    const r = c.exec('kubectl apply -f -', docs.join('---\n'));
    expect(r.stdout).toBe('service/a created\nservice/c created\n');
    expect(r.stderr).toBe(created('Service', 'json: cannot unmarshal object into Go struct field ServiceSpec.spec.ports of type []v1.ServicePort'));
    expect(r.exitCode).toBe(1);
    expect(c.exec('kubectl get svc b').stderr).toBe('Error from server (NotFound): services "b" not found\n');
  });

  it('kubectl apply on an existing object goes through PATCH: 422 on `patch` with the converter\'s words', () => {
    const c = createCluster();
    c.exec('kubectl apply -f -', SVC('  ports: [{port: 80}]\n'));
    const before = c.snapshot();
    const r = c.exec('kubectl apply -f -', SVC('  ports: {port: 80}\n'));
    const annotation = '{\\"apiVersion\\":\\"v1\\",\\"kind\\":\\"Service\\",\\"metadata\\":{\\"annotations\\":{},\\"name\\":\\"s\\",\\"namespace\\":\\"default\\"},\\"spec\\":{\\"ports\\":{\\"port\\":80}}}\\n';
    expect(r.stderr).toBe(`The request is invalid: patch: Invalid value: "map[metadata:map[annotations:map[kubectl.kubernetes.io/last-applied-configuration:${annotation}]] spec:map[ports:map[port:80]]]": cannot restore slice from map\n`);
    expect(c.snapshot().objects).toEqual(before.objects);
  });

  it('kubectl patch: the converter\'s words for a strategic merge patch', () => {
    const c = createCluster();
    c.exec('kubectl apply -f -', SVC('  ports: [{port: 80}]\n'));
    const before = c.snapshot();
    expect(c.exec(`kubectl patch svc s -p '{"spec":{"ports":5}}'`).stderr).toBe('The request is invalid: patch: Invalid value: "map[spec:map[ports:5]]": cannot restore slice from int64\n');
    expect(c.exec(`kubectl patch svc s -p '{"spec":{"type":7}}'`).stderr).toBe('The request is invalid: patch: Invalid value: "map[spec:map[type:7]]": cannot convert int64 to string\n');
    expect(c.exec(`kubectl patch svc s -p '{"spec":{"ports":[{"port":"80"}]}}'`).stderr).toBe('The request is invalid: patch: Invalid value: "map[spec:map[ports:[map[port:80]]]]": unrecognized type: int32\n');
    expect(c.snapshot().objects).toEqual(before.objects);
  });
});
