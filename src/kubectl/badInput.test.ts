// Bad input through `kubectl apply`: each case prints kubectl's error and leaves
// the cluster exactly as it was (issue 2, "Bad input").
import { describe, expect, it } from 'vitest';
import { createCluster } from '../engine';

const SERVICE = (name: string, extra = '') =>
  `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\n${extra}spec:\n  selector:\n    app: web\n  ports:\n  - port: 80\n`;

function applyUnchanged(file: string, text: string) {
  const c = createCluster();
  c.writeFile(file, text);
  const before = c.snapshot();
  const started = performance.now();
  const r = c.exec(`kubectl apply -f ${file}`);
  const ms = performance.now() - started;
  const after = c.snapshot();
  expect(after.resourceVersion).toBe(before.resourceVersion);
  expect(after.objects).toEqual(before.objects);
  return { ...r, ms };
}

describe('kubectl apply refuses bad manifests and changes nothing', () => {
  it('malformed YAML: go-yaml style message with the line inside the document', () => {
    const r = applyUnchanged('web.yaml', 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n  - port: 80 foo: bar\n');
    expect(r).toMatchObject({
      stdout: '',
      stderr: 'error: error parsing web.yaml: error converting YAML to JSON: yaml: line 7: mapping values are not allowed in this context\n',
      exitCode: 1,
    });
  });

  it('counts lines from the document, as kubectl splits the stream at ---', () => {
    const c = createCluster();
    c.writeFile('two.yaml', `${SERVICE('a')}---\nkind: Service\nmetadata:\n  name: b: c\n`);
    const r = c.exec('kubectl apply -f two.yaml');
    expect(r.stdout).toBe('service/a created\n');
    expect(r.stderr).toBe('error: error parsing two.yaml: error converting YAML to JSON: yaml: line 3: mapping values are not allowed in this context\n');
    expect(r.exitCode).toBe(1);
  });

  it('an alias bomb is refused quickly', () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 12; i++) {
      const p = String.fromCharCode(96 + i);
      const n = String.fromCharCode(97 + i);
      levels.push(`${n}: &${n} [${Array(9).fill(`*${p}`).join(',')}]`);
    }
    const r = applyUnchanged('bomb.yaml', levels.join('\n'));
    expect(r.stderr).toBe('error: error parsing bomb.yaml: error converting YAML to JSON: yaml: document contains excessive aliasing\n');
    expect(r.exitCode).toBe(1);
    expect(r.ms).toBeLessThan(1000);
  });

  it('deep nesting is refused before the YAML parser sees it', () => {
    const r = applyUnchanged('deep.yaml', '['.repeat(400_000));
    expect(r.stderr).toBe('error: error parsing deep.yaml: error converting YAML to JSON: yaml: exceeded max depth of 100\n');
    expect(r.ms).toBeLessThan(1000);
  });

  it('a file over 1 MiB is refused', () => {
    const r = applyUnchanged('huge.yaml', `${SERVICE('big')}# ${'x'.repeat(1024 * 1024)}\n`);
    expect(r.stderr).toMatch(/^error: error reading huge\.yaml: file is too large \(\d+ bytes; the limit is 1048576 bytes\)\n$/);
    expect(r.exitCode).toBe(1);
  });

  it('a __proto__ key is an ordinary label key that validation rejects; no prototype is touched', () => {
    const r = applyUnchanged('proto.yaml', SERVICE('p', '  labels:\n    __proto__: polluted\n'));
    expect(r.stderr).toBe(
      "The Service \"p\" is invalid: metadata.labels: Invalid value: \"__proto__\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')\n",
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('a document that is not an object', () => {
    const r = applyUnchanged('list.yaml', '- a\n- b\n');
    expect(r.stderr).toBe(
      'error: error validating "list.yaml": error validating data: invalid object to validate; if you choose to ignore these errors, turn validation off with --validate=false\n',
    );
  });

  it('missing apiVersion and kind', () => {
    const r = applyUnchanged('x.yaml', 'metadata:\n  name: x\n');
    expect(r.stderr).toBe(
      'error: error validating "x.yaml": error validating data: [apiVersion not set, kind not set]; if you choose to ignore these errors, turn validation off with --validate=false\n',
    );
  });

  it('unknown kind: resource mapping not found', () => {
    const r = applyUnchanged('x.yaml', 'apiVersion: v1\nkind: Foo\nmetadata:\n  name: x\n');
    expect(r.stderr).toBe('error: resource mapping not found for name: "x" namespace: "" from "x.yaml": no matches for kind "Foo" in version "v1"\nensure CRDs are installed first\n');
  });

  it('known kind in the wrong apiVersion: resource mapping not found', () => {
    const r = applyUnchanged('d.yaml', 'apiVersion: extensions/v1beta1\nkind: Deployment\nmetadata:\n  name: d\n');
    expect(r.stderr).toBe(
      'error: resource mapping not found for name: "d" namespace: "" from "d.yaml": no matches for kind "Deployment" in version "extensions/v1beta1"\nensure CRDs are installed first\n',
    );
  });

  it('missing name', () => {
    const r = applyUnchanged('noname.yaml', 'apiVersion: v1\nkind: Service\nmetadata: {}\nspec:\n  ports:\n  - port: 80\n');
    expect(r.stderr).toBe(
      'error: error when retrieving current configuration of:\nResource: "/v1, Resource=services", GroupVersionKind: "/v1, Kind=Service"\nName: "", Namespace: "default"\nfrom server for: "noname.yaml": resource name may not be empty\n',
    );
  });

  it('a namespace that does not exist is refused by the server', () => {
    const r = applyUnchanged('svc.yaml', SERVICE('web', '  namespace: nope\n'));
    expect(r.stderr).toBe('Error from server (NotFound): error when creating "svc.yaml": namespaces "nope" not found\n');
  });

  it('an empty file: no objects passed to apply', () => {
    const r = applyUnchanged('empty.yaml', '# nothing here\n---\n');
    expect(r.stderr).toBe('error: no objects passed to apply\n');
  });
});

describe('multi-document files', () => {
  it('valid documents apply; each invalid one is reported; exit 1', () => {
    const c = createCluster();
    c.writeFile(
      'multi.yaml',
      [SERVICE('a'), 'apiVersion: v1\nkind: Foo\nmetadata:\n  name: x\n', SERVICE('b'), 'apiVersion: v1\nkind: Service\nmetadata:\n  name: c\nspec:\n  type: NodePort\n  ports:\n  - port: 80\n    nodePort: 80\n'].join('---\n'),
    );
    const r = c.exec('kubectl apply -f multi.yaml');
    expect(r.stdout).toBe('service/a created\nservice/b created\n');
    expect(r.stderr).toBe(
      'resource mapping not found for name: "x" namespace: "" from "multi.yaml": no matches for kind "Foo" in version "v1"\nensure CRDs are installed first\n' +
        'Error from server (Invalid): error when creating "multi.yaml": Service "c" is invalid: spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767\n',
    );
    expect(r.exitCode).toBe(1);
    expect(c.exec('kubectl get svc c').stderr).toBe('Error from server (NotFound): services "c" not found\n');
    expect(c.exec('kubectl get svc a b -o name').stdout).toBe('service/a\nservice/b\n');
  });

  it('objects whose namespace differs from -n are refused with kubectl\'s hint', () => {
    const c = createCluster();
    c.exec('kubectl create namespace a');
    c.exec('kubectl create namespace b');
    const rv = c.snapshot().resourceVersion;
    const r = c.exec('kubectl apply -n b -f -', SERVICE('web', '  namespace: a\n'));
    expect(r.stderr).toBe(
      `error: the namespace from the provided object "a" does not match the namespace "b". You must pass '--namespace=a' to perform this operation.\n`,
    );
    expect(c.snapshot().resourceVersion).toBe(rv);
  });
});
