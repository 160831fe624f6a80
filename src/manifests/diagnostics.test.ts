import { describe, expect, it } from 'vitest';
import { createCluster } from '../engine';
import { documentsToCheck, fieldCandidates, manifestDiagnostics, splitCauses, type DryRunResult } from './diagnostics';
import { parseManifests } from './parse';

const SERVICE = `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: NodePort
  ports:
    - port: 80
      nodePort: 80
`;

const dry = (docIndex: number, stderr: string, exitCode = 1): DryRunResult => ({ docIndex, exitCode, stdout: '', stderr });

describe('splitCauses (apimachinery NewInvalid: one cause bare, several as [a, b])', () => {
  it('reads one cause', () => {
    expect(splitCauses('spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767')).toEqual([
      { field: 'spec.ports[0].nodePort', text: 'spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767' },
    ]);
  });
  it('splits several, keeping commas inside a cause', () => {
    const causes = splitCauses('[spec.type: Unsupported value: "Bad": supported values: "ClusterIP", "NodePort", metadata.name: Required value: name or generateName is required]');
    expect(causes.map((c) => c.field)).toEqual(['spec.type', 'metadata.name']);
    expect(causes[0].text).toBe('spec.type: Unsupported value: "Bad": supported values: "ClusterIP", "NodePort"');
  });
  it('keeps a cause without a field', () => {
    expect(splitCauses('some problem')).toEqual([{ text: 'some problem' }]);
  });
});

describe('fieldCandidates', () => {
  it('walks up to the nearest recorded ancestor; map keys in brackets become dotted', () => {
    expect(fieldCandidates('spec.ports[0].nodePort')).toEqual(['spec.ports[0].nodePort', 'spec.ports[0]', 'spec.ports', 'spec']);
    expect(fieldCandidates('metadata.labels[app]')).toEqual(['metadata.labels.app', 'metadata.labels', 'metadata']);
  });
});

describe('manifestDiagnostics', () => {
  it('puts an Invalid cause on its field with the text kubectl prints', () => {
    const parsed = parseManifests(SERVICE);
    const msg = 'The Service "web" is invalid: spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767\n';
    const [d, ...rest] = manifestDiagnostics(SERVICE, parsed, [dry(0, msg)], 'web.yaml');
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ line: 9, col: 7, endLine: 9, endCol: 19, severity: 'error', source: 'kubectl', field: 'spec.ports[0].nodePort', message: msg.trim() });
  });

  it('one marker per cause; a field the file lacks goes on its nearest ancestor', () => {
    const parsed = parseManifests(SERVICE);
    const msg = 'The Service "web" is invalid: [spec.type: Unsupported value: "X": supported values: "ClusterIP", spec.ports[0].targetPort: Invalid value: 0: must be between 1 and 65535, inclusive]';
    const ds = manifestDiagnostics(SERVICE, parsed, [dry(0, msg)], 'web.yaml');
    expect(ds.map((d) => [d.line, d.message])).toEqual([
      [6, 'The Service "web" is invalid: spec.type: Unsupported value: "X": supported values: "ClusterIP"'],
      [8, 'The Service "web" is invalid: spec.ports[0].targetPort: Invalid value: 0: must be between 1 and 65535, inclusive'],
    ]);
  });

  it('an unknown kind goes on the kind line, naming the file instead of STDIN', () => {
    const text = 'apiVersion: v1\nkind: Servce\nmetadata:\n  name: web\n';
    const ds = manifestDiagnostics(text, parseManifests(text), [dry(0, 'error: resource mapping not found for name: "web" namespace: "" from "STDIN": no matches for kind "Servce" in version "v1"\nensure CRDs are installed first\n')], 'x.yaml');
    expect(ds).toHaveLength(1);
    expect(ds[0]).toMatchObject({ line: 2, col: 1 });
    expect(ds[0].message).toBe('resource mapping not found for name: "web" namespace: "" from "x.yaml": no matches for kind "Servce" in version "v1"\nensure CRDs are installed first');
  });

  it('a YAML syntax error is reported on its own line, in the second document', () => {
    const text = `${SERVICE}---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: a: b\n`;
    const ds = manifestDiagnostics(text, parseManifests(text), [], 'web.yaml');
    expect(ds).toHaveLength(1);
    expect(ds[0]).toMatchObject({ line: 14, source: 'yaml', severity: 'error' });
    expect(ds[0].message).toMatch(/^error parsing web\.yaml: error converting YAML to JSON: yaml: line 4: mapping values are not allowed in this context/);
  });

  it('a missing namespace is fine when the same file creates it', () => {
    const text = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  namespace: shop\n';
    const notFound = 'Error from server (NotFound): error when creating "STDIN": namespaces "shop" not found\n';
    expect(manifestDiagnostics(text, parseManifests(text), [dry(1, notFound)], 'a.yaml')).toEqual([]);
    const other = text.replace('name: shop', 'name: other');
    const [d] = manifestDiagnostics(other, parseManifests(other), [dry(1, notFound)], 'a.yaml');
    expect(d).toMatchObject({ line: 10, field: 'metadata.namespace' });
  });

  it('warnings stay warnings; success says nothing', () => {
    const parsed = parseManifests(SERVICE);
    expect(manifestDiagnostics(SERVICE, parsed, [{ docIndex: 0, exitCode: 0, stdout: 'service/web created (server dry run)\n', stderr: '' }], 'w.yaml')).toEqual([]);
    const [w] = manifestDiagnostics(SERVICE, parsed, [{ docIndex: 0, exitCode: 0, stdout: '', stderr: 'Warning: something\n' }], 'w.yaml');
    expect(w).toMatchObject({ severity: 'warning', line: 2 });
  });

  it('does not mutate the parse result', () => {
    const parsed = parseManifests(SERVICE);
    const before = JSON.stringify([...parsed.documents[0].positions]);
    manifestDiagnostics(SERVICE, parsed, [dry(0, 'boom')], 'w.yaml');
    expect(JSON.stringify([...parsed.documents[0].positions])).toBe(before);
  });
});

describe('against the simulated API server (kubectl apply --dry-run=server -f -)', () => {
  it('maps the real nodePort error onto the nodePort line and leaves the cluster unchanged', () => {
    const cluster = createCluster({ seed: 1 });
    const rv = cluster.snapshot().resourceVersion;
    const parsed = parseManifests(SERVICE);
    const results = documentsToCheck(parsed).map((doc) => ({ docIndex: doc.index, ...cluster.exec('kubectl apply --dry-run=server -f -', JSON.stringify(doc.value)) }));
    const [d] = manifestDiagnostics(SERVICE, parsed, results, 'web.yaml');
    expect(d.line).toBe(9);
    expect(d.message).toBe('The Service "web" is invalid: spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767');
    expect(cluster.snapshot().resourceVersion).toBe(rv);
  });
});

// The API server's decoding step (engine/api/decoding): typos in field names (strict field
// validation, kubectl's default) and fields of the wrong JSON type, placed on their lines.
const TYPOS = `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selecter:
    app: web
  ports:
    - name: http
      port: 80
      targetport: 8080
`;

const WRONG_TYPE = `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
    - name: a
      image: nginx
    - name: b
      image: nginx
      ports: 5
`;

function dryRunAll(text: string, command = 'kubectl apply --dry-run=server -f -') {
  const cluster = createCluster({ seed: 1 });
  const parsed = parseManifests(text);
  const results = documentsToCheck(parsed).map((doc) => ({ docIndex: doc.index, ...cluster.exec(command, JSON.stringify(doc.value)) }));
  return manifestDiagnostics(text, parsed, results, 'web.yaml');
}

describe('decode errors against the simulated API server', () => {
  it('one marker per unknown field (strict decoding error), on its own line', () => {
    const ds = dryRunAll(TYPOS);
    expect(ds.map((d) => [d.line, d.severity, d.field, d.message])).toEqual([
      [6, 'error', 'spec.selecter', 'Service in version "v1" cannot be handled as a Service: strict decoding error: unknown field "spec.selecter"'],
      [11, 'error', 'spec.ports[0].targetport', 'Service in version "v1" cannot be handled as a Service: strict decoding error: unknown field "spec.ports[0].targetport"'],
    ]);
  });

  it('in every type, nested too (ObjectMeta, PodSpec, Container, ContainerPort): one marker each, on its key', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  lables:\n    app: p\nspec:\n  restartpolicy: Always\n  containers:\n    - name: a\n      image: nginx\n      imagepullpolicy: Always\n      ports:\n        - containerport: 80\n';
    const lead = 'Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field ';
    expect(dryRunAll(text).map((d) => [d.line, d.col, d.message])).toEqual([
      [5, 3, `${lead}"metadata.lables"`],
      [8, 3, `${lead}"spec.restartpolicy"`],
      [12, 7, `${lead}"spec.containers[0].imagepullpolicy"`],
      [14, 11, `${lead}"spec.containers[0].ports[0].containerport"`],
    ]);
  });

  it('an object that exists already goes through PATCH, whose wording differs: still one marker per field', () => {
    const cluster = createCluster({ seed: 1 });
    cluster.exec('kubectl apply -f -', 'apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec: {selector: {app: web}, ports: [{name: http, port: 80}]}\n');
    const parsed = parseManifests(TYPOS);
    const results = documentsToCheck(parsed).map((doc) => ({ docIndex: doc.index, ...cluster.exec('kubectl apply --dry-run=server -f -', JSON.stringify(doc.value)) }));
    expect(results[0].stderr).toMatch(/^The request is invalid: patch: Invalid value: "map\[/);
    const ds = manifestDiagnostics(TYPOS, parsed, results, 'web.yaml');
    expect(ds.map((d) => [d.line, d.message])).toEqual([
      [6, 'strict decoding error: unknown field "spec.selecter"'],
      [11, 'strict decoding error: unknown field "spec.ports[0].targetport"'],
    ]);
  });

  it('--validate=warn: the warnings go on the unknown fields', () => {
    const ds = dryRunAll(TYPOS, 'kubectl apply --validate=warn --dry-run=server -f -');
    expect(ds.map((d) => [d.line, d.severity])).toEqual([
      [6, 'warning'],
      [11, 'warning'],
    ]);
  });

  it('a wrong JSON type goes on the first field at that Go path (encoding/json names it without list indexes)', () => {
    const [d, ...rest] = dryRunAll(WRONG_TYPE);
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ line: 11, severity: 'error', field: 'spec.containers.ports' });
    expect(d.message).toContain('cannot unmarshal number into Go struct field Container.spec.containers.ports of type []v1.ContainerPort');
  });
});

describe('several Invalid causes, as kubectl prints them (cmd/util/helpers.go checkErr: MultilineError, one `* ` line each)', () => {
  const TWO_CAUSES = `apiVersion: v1
kind: Service
metadata:
  name: shop
spec:
  type: NodePorts
  selector:
    app: shop
  ports:
    - port: 80
      protocol: TCPX
`;

  it('puts each cause on its own field, in kubectl\'s words, from the real dry run', () => {
    const ds = dryRunAll(TWO_CAUSES);
    expect(ds.map((d) => [d.line, d.field, d.message])).toEqual([
      [6, 'spec.type', 'The Service "shop" is invalid: spec.type: Unsupported value: "NodePorts": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"'],
      [11, 'spec.ports[0].protocol', 'The Service "shop" is invalid: spec.ports[0].protocol: Unsupported value: "TCPX": supported values: "SCTP", "TCP", "UDP"'],
    ]);
  });

  it('reads the bullet lines of a printed error', () => {
    const msg = 'The Service "shop" is invalid: \n* spec.ports[0].protocol: Unsupported value: "TCPX": supported values: "SCTP", "TCP", "UDP"\n* metadata.name: Required value: name or generateName is required\n';
    const ds = manifestDiagnostics(TWO_CAUSES, parseManifests(TWO_CAUSES), [dry(0, msg)], 'shop.yaml');
    expect(ds.map((d) => [d.line, d.field])).toEqual([
      [4, 'metadata.name'],
      [11, 'spec.ports[0].protocol'],
    ]);
  });
});

describe('a field the API server fills from the one written', () => {
  it('spec.clusterIPs[0] goes on the clusterIP line when the file has no clusterIPs (strategy.go NormalizeClusterIPs)', () => {
    const text = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  type: NodePort\n  clusterIP: None\n  ports:\n    - port: 80\n';
    expect(dryRunAll(text).map((d) => [d.line, d.message])).toEqual([
      [7, 'The Service "web" is invalid: spec.clusterIPs[0]: Invalid value: "None": may not be set to \'None\' for NodePort services'],
    ]);
    const both = text.replace('  clusterIP: None\n', '  clusterIP: None\n  clusterIPs:\n    - None\n');
    expect(dryRunAll(both).map((d) => d.line)).toEqual([9]);
  });
});
