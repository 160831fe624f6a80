// A key written twice in a manifest. kubectl reads -f input with apimachinery's
// YAMLOrJSONDecoder: YAML through sigs.k8s.io/yaml Unmarshal, i.e. go-yaml v2's non-strict
// Unmarshal, where "Duplicate fields ... are ignored" and the later value overwrites the
// earlier (sigs.k8s.io/yaml yaml.go; go-yaml v2 decode.go setMapIndex only complains with
// UnmarshalStrict); JSON through encoding/json and the unstructured decoder, last value again.
// kubectl then sends the decoded object, so the API server never sees the repeat and its strict
// decoding has no `duplicate field` to report. kubernetes/kubernetes test/cmd/create.sh
// run_kubectl_create_validate_tests relies on it with
// hack/testdata/invalid-deployment-unknown-and-duplicate-fields.yaml (this file's DEPLOYMENT):
// strict fails on the unknown fields only; warn and ignore create the Deployment.
import { describe, expect, it } from 'vitest';
import { createCluster } from '../engine';

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: invalid-nginx-deployment
  labels:
    app: nginx
spec:
  replicas: 3
  replicas: 4
  foo: bar
  baz: baq
  selector:
    matchLabels:
      app: nginx
  template:
    metadata:
      labels:
        app: nginx
    spec:
      containers:
      - name: nginx
        image: nginx:1.14.2
        ports:
        - containerPort: 80
`;

describe('a repeated key in kubectl create/apply -f', () => {
  it('strict: only the unknown fields are refused', () => {
    const c = createCluster();
    c.writeFile('d.yaml', DEPLOYMENT);
    expect(c.exec('kubectl create -f d.yaml').stderr).toBe(
      'Error from server (BadRequest): error when creating "d.yaml": Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.baz", unknown field "spec.foo"\n',
    );
  });

  it.each(['warn', 'ignore'])('--validate=%s creates it with the last value', (validate) => {
    const c = createCluster();
    c.writeFile('d.yaml', DEPLOYMENT);
    const r = c.exec(`kubectl create -f d.yaml --validate=${validate}`);
    expect(r.stdout).toBe('deployment.apps/invalid-nginx-deployment created\n');
    expect(r.stderr).not.toMatch(/already|duplicate/);
    expect(c.exec('kubectl get deploy invalid-nginx-deployment -o jsonpath={.spec.replicas}').stdout).toBe('4');
  });

  it('JSON input: the last value wins too, with no error', () => {
    const c = createCluster();
    c.writeFile('s.json', '{"apiVersion":"v1","kind":"Service","metadata":{"name":"s","name":"t"},"spec":{"ports":[{"port":80}],"ports":[{"port":81}]}}');
    expect(c.exec('kubectl apply -f s.json')).toMatchObject({ stdout: 'service/t created\n', stderr: '', exitCode: 0 });
    expect(c.exec('kubectl get svc t -o jsonpath={.spec.ports[0].port}').stdout).toBe('81');
  });
});
