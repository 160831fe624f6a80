// Unknown fields (a typo, a field indented one level wrong) under server-side field validation:
// kubectl create/apply send fieldValidation=Strict by default and the API server refuses the
// body; --validate=warn prints one warning per field and goes on, --validate=false/ignore goes
// on silently; either way the unknown fields are not stored. kubectl patch sends no
// fieldValidation, so the server's default (Warn) applies. Apply on an existing object is a
// PATCH: the strategic merge patch's 422 with the converter's sorted strict errors.
// Texts: apimachinery runtime/error.go (strictDecodingError "strict decoding error: " + ", "-joined),
// sigs.k8s.io/json (`unknown field "<path>"`), apiserver handlers/rest.go transformDecodeError and
// fieldValidation, handlers/patch.go applyPatchToObject, kubectl cmdutil.GetValidationDirective,
// hack test/cmd/create.sh run_kubectl_create_validate_tests; users' reports of the same output:
// cloud-ark/kubeplus#1381 (create), Winson-030/dify-kubernetes#1 (apply on an existing object),
// willthames/kubernetes-validate#31 (`spec.template.spec.containers[0].requests`).
import { describe, expect, it } from 'vitest';
import { createCluster } from '../engine';
import type { KubeObject } from '../engine/core/types';
import { SCENARIOS } from '../scenarios';

const SVC = (spec: string) => `apiVersion: v1\nkind: Service\nmetadata:\n  name: s\nspec:\n${spec}`;
const badRequest = (op: string, kind: string, errs: string[]) =>
  `Error from server (BadRequest): error when ${op} "STDIN": ${kind} in version "v1" cannot be handled as a ${kind}: strict decoding error: ${errs.map((e) => `unknown field "${e}"`).join(', ')}\n`;
const DEPLOY = `apiVersion: apps/v1
kind: Deployment
metadata: {name: d}
spec:
  selector: {matchLabels: {app: d}}
  template:
    metadata: {labels: {app: d}}
    spec:
      contianers: []
      containers:
      - name: c
        image: nginx
        resources:
        requests: {cpu: 100m}
`;

describe('Strict (the default): the body is refused, nothing is stored', () => {
  it('one unknown field, with its list index', () => {
    const c = createCluster();
    const before = c.snapshot().resourceVersion;
    const r = c.exec('kubectl apply -f -', SVC('  selector: {app: web}\n  ports: [{port: 80, targetport: 8080}]\n'));
    expect(r).toEqual({ stdout: '', stderr: badRequest('creating', 'Service', ['spec.ports[0].targetport']), exitCode: 1 });
    expect(c.snapshot().resourceVersion).toBe(before);
  });

  it('several, joined with ", " in the order kubectl sends the keys (sorted)', () => {
    const c = createCluster();
    const r = c.exec('kubectl create -f -', DEPLOY);
    expect(r.stderr).toBe(badRequest('creating', 'Deployment', ['spec.template.spec.containers[0].requests', 'spec.template.spec.contianers']));
  });

  it('a misspelt top-level or metadata field', () => {
    const c = createCluster();
    const r = c.exec('kubectl apply -f -', 'apiVersion: v1\nkind: Service\nmetdata: {name: s}\nmetadata:\n  name: s\n  lables: {a: b}\nspec:\n  selecter: {app: web}\n  ports: [{port: 80}]\n');
    expect(r.stderr).toBe(badRequest('creating', 'Service', ['metadata.lables', 'metdata', 'spec.selecter']));
  });

  it('a wrong field type is reported instead of unknown fields', () => {
    const c = createCluster();
    const r = c.exec('kubectl apply -f -', SVC('  foo: 1\n  ports: [{port: "80"}]\n'));
    expect(r.stderr).toContain('json: cannot unmarshal string into Go struct field ServicePort.spec.ports.port of type int32');
    expect(r.stderr).not.toContain('strict decoding error');
  });

  it('--validate=strict and --validate=true say the same', () => {
    for (const flag of ['--validate=strict', '--validate=true', '--validate']) {
      const r = createCluster().exec(`kubectl apply ${flag} -f -`, SVC('  ports: [{port: 80}]\n  bogus: 1\n'));
      expect(r.stderr, flag).toBe(badRequest('creating', 'Service', ['spec.bogus']));
    }
  });

  it('apply on an existing object: the PATCH handler\'s 422 on `patch`', () => {
    const c = createCluster();
    c.exec('kubectl apply -f -', SVC('  ports: [{port: 80}]\n'));
    const before = c.snapshot();
    const r = c.exec('kubectl apply -f -', SVC('  ports: [{port: 80}]\n  zzz: 1\n  bogus: 1\n'));
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/^The request is invalid: patch: Invalid value: "map\[.*bogus:1.*\]": strict decoding error: unknown field "spec.bogus", unknown field "spec.zzz"\n$/);
    expect(c.snapshot().objects).toEqual(before.objects);
  });
});

describe('--validate=warn and --validate=ignore|false: stored without the unknown fields', () => {
  it('warn prints one warning per field on stderr and creates', () => {
    const c = createCluster();
    const r = c.exec('kubectl create --validate=warn -f -', DEPLOY);
    expect(r).toMatchObject({
      stdout: 'deployment.apps/d created\n',
      stderr: 'Warning: unknown field "spec.template.spec.containers[0].requests"\nWarning: unknown field "spec.template.spec.contianers"\n',
      exitCode: 0,
    });
    expect(c.exec('kubectl get deploy d -o jsonpath={.spec.template.spec.containers[0]}').stdout).toBe('{"image":"nginx","imagePullPolicy":"Always","name":"c","resources":{},"terminationMessagePath":"/dev/termination-log","terminationMessagePolicy":"File"}');
  });

  it('ignore and false say nothing', () => {
    for (const flag of ['--validate=ignore', '--validate=false', '--validate=0']) {
      const c = createCluster();
      expect(c.exec(`kubectl apply ${flag} -f -`, SVC('  ports: [{port: 80, targetport: 8080}]\n')), flag).toEqual({ stdout: 'service/s created\n', stderr: '', exitCode: 0 });
      expect(c.exec('kubectl get svc s -o jsonpath={.spec.ports[0]}').stdout).toBe('{"port":80,"protocol":"TCP","targetPort":80}');
    }
  });

  it('warn on apply of an existing object, and a warning repeated by several documents is printed once', () => {
    const c = createCluster();
    c.exec('kubectl apply -f -', SVC('  ports: [{port: 80}]\n'));
    const two = `${SVC('  ports: [{port: 81}]\n  bogus: 1\n')}---\n${SVC('  ports: [{port: 80}]\n  bogus: 1\n').replace('name: s', 'name: t')}`;
    const r = c.exec('kubectl apply --validate=warn -f -', two);
    expect(r).toMatchObject({ stdout: 'service/s configured\nservice/t created\n', stderr: 'Warning: unknown field "spec.bogus"\n', exitCode: 0 });
    expect(c.exec('kubectl get svc s -o jsonpath={.spec.ports[0].port}').stdout).toBe('81');
  });

  // The API server writes a warning header as soon as decoding records it (apiserver
  // server/filters/warning.go), so the 422 that validation answers afterwards carries it, and
  // client-go's transformResponse hands it to the warning handler on the error branch too
  // (client-go rest/request.go handleWarnings), before kubectl prints the error.
  const INVALID = "The Service \"s\" is invalid: spec.type: Unsupported value: \"Foo\": supported values: \"ClusterIP\", \"ExternalName\", \"LoadBalancer\", \"NodePort\"\n";
  it('warn: a request that then fails still prints its warnings, before the error', () => {
    const c = createCluster();
    const bad = SVC('  type: Foo\n  bogus: 1\n  ports: [{port: 80}]\n');
    expect(c.exec('kubectl create --validate=warn -f -', bad)).toEqual({ stdout: '', stderr: `Warning: unknown field "spec.bogus"\n${INVALID}`, exitCode: 1 });
    expect(c.exec('kubectl apply --validate=warn -f -', bad)).toEqual({ stdout: '', stderr: `Warning: unknown field "spec.bogus"\n${INVALID}`, exitCode: 1 });
    c.exec('kubectl apply -f -', SVC('  ports: [{port: 80}]\n'));
    expect(c.exec('kubectl apply --validate=warn -f -', bad)).toEqual({ stdout: '', stderr: `Warning: unknown field "spec.bogus"\n${INVALID}`, exitCode: 1 });
  });

  it('apply of several documents: each warning as its response arrives, the error after the others (ContinueOnError)', () => {
    const c = createCluster();
    const two = `${SVC('  type: Foo\n  bogus: 1\n  ports: [{port: 80}]\n')}---\n${SVC('  zzz: 1\n  ports: [{port: 80}]\n').replace('name: s', 'name: t')}`;
    const r = c.exec('kubectl apply --validate=warn -f -', two);
    expect(r.exitCode).toBe(1);
    expect(r.chunks).toEqual([
      { stream: 'stderr', text: 'Warning: unknown field "spec.bogus"\nWarning: unknown field "spec.zzz"\n' },
      { stream: 'stdout', text: 'service/t created\n' },
      { stream: 'stderr', text: INVALID },
    ]);
  });

  it('kubectl patch: the server\'s default (Warn) warning comes with the 422', () => {
    const c = createCluster();
    c.exec('kubectl apply -f -', SVC('  ports: [{port: 80}]\n'));
    const r = c.exec(`kubectl patch svc s -p '{"spec":{"bogus":1,"type":"Foo"}}'`);
    expect(r).toEqual({ stdout: '', stderr: `Warning: unknown field "spec.bogus"\n${INVALID}`, exitCode: 1 });
  });

  it('an invalid value is refused before anything is read', () => {
    const r = createCluster().exec('kubectl apply --validate=foo -f -', SVC('  ports: [{port: 80}]\n'));
    expect(r.stderr).toBe('error: invalid - validate option "foo"; must be one of: strict (or true), warn, ignore (or false)\n');
  });

  it('kubectl patch sends no fieldValidation: the server warns and drops the field', () => {
    const c = createCluster();
    c.exec('kubectl apply -f -', SVC('  ports: [{port: 80}]\n'));
    const r = c.exec(`kubectl patch svc s -p '{"spec":{"bogus":1}}'`);
    expect(r).toMatchObject({ stdout: 'service/s patched (no change)\n', stderr: 'Warning: unknown field "spec.bogus"\n', exitCode: 0 });
  });
});

describe('every stored object of every example reads back and decodes without unknown fields', () => {
  // `kubectl get -o yaml` output fed back: `create --dry-run=server` decodes it first (it then
  // fails on the object existing or its allocated IPs), so a field the schema lacks would show
  // as a strict decoding error, a type the schema gets wrong as a decoding error.
  it('each kind', () => {
    const seen = new Set<string>();
    for (const s of SCENARIOS) {
      const c = createCluster({ seed: 1 });
      for (const [path, text] of Object.entries(s.files)) c.writeFile(path, text);
      for (const line of s.commands) c.exec(line);
      c.advance(60_000);
      for (const [kind, objects] of Object.entries(c.snapshot().objects)) {
        for (const o of objects as KubeObject[]) {
          if (seen.has(kind) && kind !== 'Pod' && kind !== 'Service') continue;
          const ns = o.metadata.namespace ? ` -n ${o.metadata.namespace}` : '';
          const got = c.exec(`kubectl get ${kind.toLowerCase()} ${o.metadata.name}${ns} -o yaml`);
          if (got.exitCode !== 0) continue; // kinds kubectl does not serve (Event …)
          seen.add(kind);
          const r = c.exec(`kubectl create --dry-run=server -f -`, got.stdout);
          expect(r.exitCode, `${s.id} ${kind}/${o.metadata.name}`).toBe(1);
          expect(r.stderr, `${s.id} ${kind}/${o.metadata.name}`).not.toMatch(/cannot be handled/);
        }
      }
    }
    for (const kind of ['Pod', 'Service', 'Endpoints', 'EndpointSlice', 'Deployment', 'ReplicaSet', 'StatefulSet', 'Namespace', 'Node', 'Ingress', 'IngressClass', 'NetworkPolicy']) expect(seen, kind).toContain(kind);
  });
});
