// kubectl edit through the engine's contract: cluster.start, the file it names in
// `editing`, writeFile, closeEditor, then the output, exit code and the object.
// Sources: staging/src/k8s.io/kubectl/pkg/cmd/util/editor/editoptions.go and editor.go.
import { describe, expect, it } from 'vitest';
import type { RunningCommand } from '../../engine';
import { webCluster } from './webClusterFixture';

const cluster = webCluster;

const output = (h: RunningCommand) => h.read().map((c) => `${c.stream === 'stderr' ? '!' : ''}${c.text}`).join('');
const HEADER = "# Please edit the object below. Lines beginning with a '#' will be ignored,\n# and an empty file will abort the edit. If an error occurs while saving this file will be\n# reopened with the relevant failures.\n#\n";

/** Starts `line`, replaces the text of the file it opened, and closes the editor. */
function editWith(c: ReturnType<typeof cluster>, h: RunningCommand, change: (text: string) => string): void {
  const path = h.editing!.path;
  c.writeFile(path, change(c.readFile(path)!));
  h.closeEditor!();
}

describe('kubectl edit (editoptions.go Run)', () => {
  it('opens the object as `get -o yaml` prints it under the header, in /tmp/kubectl-edit-XXXXX.yaml (editor.go tempFile)', () => {
    const c = cluster();
    const h = c.start('kubectl edit svc web');
    expect(h.done).toBe(false);
    expect(h.editing?.path).toMatch(/^\/tmp\/kubectl-edit-[a-z0-9]{5}\.yaml$/);
    expect(c.readFile(h.editing!.path)).toBe(HEADER + c.exec('kubectl get svc web -o yaml').stdout);
    // Deterministic: the same cluster names the same file.
    expect(cluster().start('kubectl edit service/web').editing?.path).toBe(h.editing?.path);
  });

  it('a changed type is sent as a patch: `service/web edited`, a nodePort allocated, server-set fields kept, the file gone', () => {
    const c = cluster();
    const before = JSON.parse(c.exec('kubectl get svc web -o json').stdout);
    const h = c.start('kubectl edit svc web --output-patch');
    const path = h.editing!.path;
    editWith(c, h, (t) => t.replace('type: ClusterIP', 'type: NodePort'));
    expect(output(h)).toBe('Patch: {"spec":{"type":"NodePort"}}\nservice/web edited\n');
    expect([h.done, h.exitCode, h.editing]).toEqual([true, 0, undefined]);
    const after = JSON.parse(c.exec('kubectl get svc web -o json').stdout);
    expect(after.spec.type).toBe('NodePort');
    expect(after.spec.ports[0].nodePort).toBeGreaterThanOrEqual(30000);
    expect(after.spec.clusterIP).toBe(before.spec.clusterIP);
    expect(c.readFile(path)).toBeUndefined();
  });

  it('a list with a merge key is patched item by item, with $setElementOrder (strategicpatch CreateTwoWayMergePatch)', () => {
    const c = cluster();
    const h = c.start('kubectl edit deploy web --output-patch');
    editWith(c, h, (t) => t.replace('image: nginx', 'image: nginx:1.25'));
    expect(output(h)).toBe('Patch: {"spec":{"template":{"spec":{"$setElementOrder/containers":[{"name":"nginx"}],"containers":[{"image":"nginx:1.25","name":"nginx"}]}}}}\ndeployment.apps/web edited\n');
    expect(c.exec('kubectl get deploy web -o jsonpath={.spec.template.spec.containers[0].image}').stdout).toBe('nginx:1.25');
  });

  it('closed unchanged: `Edit cancelled, no changes made.` (stderr, exit 0), nothing changed', () => {
    const c = cluster();
    const rv = c.exec('kubectl get svc web -o jsonpath={.metadata.resourceVersion}').stdout;
    const h = c.start('kubectl edit svc web');
    editWith(c, h, (t) => t.replace('# Please edit', '# I read it. Please edit'));
    expect(output(h)).toBe('!Edit cancelled, no changes made.\n');
    expect([h.done, h.exitCode]).toEqual([true, 0]);
    expect(c.exec('kubectl get svc web -o jsonpath={.metadata.resourceVersion}').stdout).toBe(rv);
  });

  it('an invalid edit reopens in a new temp file (editor.go LaunchTempFile each pass) with the API server\'s causes on top; closed again unchanged, both copies stay and it exits 1', () => {
    const c = cluster();
    const h = c.start('kubectl edit svc web');
    const path = h.editing!.path;
    editWith(c, h, (t) => t.replace('type: ClusterIP', 'type: Bogus'));
    expect(output(h)).toBe('!error: services "web" is invalid\n');
    expect(h.done).toBe(false);
    const second = h.editing!.path;
    expect(second).toMatch(/^\/tmp\/kubectl-edit-[a-z0-9]{5}\.yaml$/);
    expect(second).not.toBe(path);
    const reopened = c.readFile(second)!;
    expect(reopened.startsWith(`${HEADER}# services "web" was not valid:\n# * spec.type: Unsupported value: "Bogus": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"\n#\napiVersion: v1\n`)).toBe(true);
    expect(reopened).toContain('type: Bogus');
    h.closeEditor!();
    // The short-circuit returns before "cleanup any file from the previous pass".
    expect(output(h)).toBe(`!A copy of your changes has been stored to "${second}"\nerror: Edit cancelled, no valid changes were saved.\n`);
    expect([h.done, h.exitCode]).toEqual([true, 1]);
    expect(c.readFile(second)).toContain('type: Bogus');
    expect(c.readFile(path)).toContain('type: Bogus');
    expect(c.exec('kubectl get svc web -o jsonpath={.spec.type}').stdout).toBe('ClusterIP');
  });

  it('the previous pass\'s file is removed once the next one is read; a successful save leaves no file', () => {
    const c = cluster();
    const h = c.start('kubectl edit svc web');
    const first = h.editing!.path;
    editWith(c, h, (t) => t.replace('type: ClusterIP', 'type: Bogus'));
    const second = h.editing!.path;
    expect(c.readFile(first)).toBeDefined();
    editWith(c, h, (t) => t.replace('type: Bogus', 'type: NodePort'));
    expect([h.done, h.exitCode]).toEqual([true, 0]);
    expect([c.readFile(first), c.readFile(second)]).toEqual([undefined, undefined]);
  });

  it('fixed after a refusal, the second save applies', () => {
    const c = cluster();
    const h = c.start('kubectl edit svc web');
    editWith(c, h, (t) => t.replace('type: ClusterIP', 'type: Bogus'));
    editWith(c, h, (t) => t.replace('type: Bogus', 'type: NodePort'));
    expect(output(h)).toBe('!error: services "web" is invalid\nservice/web edited\n');
    expect([h.done, h.exitCode]).toEqual([true, 0]);
    expect(c.exec('kubectl get svc web -o jsonpath={.spec.type}').stdout).toBe('NodePort');
  });

  it('a YAML syntax error fails client-side validation: reopened with `<nil>: Invalid value: "The edited file failed validation"`', () => {
    const c = cluster();
    const h = c.start('kubectl edit svc web');
    editWith(c, h, (t) => t.replace('  type: ClusterIP', '  type: [ClusterIP'));
    expect(output(h)).toBe('!error: services "web" is invalid\n');
    expect(c.readFile(h.editing!.path)).toMatch(/^# \* <nil>: Invalid value: "The edited file failed validation": error converting YAML to JSON: /m);
  });

  it('an emptied file: `Edit cancelled, saved file was empty.` with --validate=false (with validation on it is `invalid object to validate`)', () => {
    const c = cluster();
    const h = c.start('kubectl edit svc web --validate=false');
    editWith(c, h, () => '# nothing left\n\n');
    expect(output(h)).toBe('!Edit cancelled, saved file was empty.\n');
    expect([h.done, h.exitCode]).toEqual([true, 0]);
    const v = c.start('kubectl edit svc web');
    editWith(c, v, () => '');
    expect(output(v)).toBe('!error: services "web" is invalid\n');
    expect(c.readFile(v.editing!.path)).toContain('# * <nil>: Invalid value: "The edited file failed validation": invalid object to validate\n');
  });

  it('a changed name or kind is refused with the copy kept (mergepatch preconditions)', () => {
    const c = cluster();
    const h = c.start('kubectl edit svc web');
    const path = h.editing!.path;
    editWith(c, h, (t) => t.replace('  name: web', '  name: web2'));
    expect(output(h)).toBe(`!A copy of your changes has been stored to "${path}"\nerror: At least one of apiVersion, kind and name was changed\n`);
    expect([h.done, h.exitCode]).toEqual([true, 1]);
    expect(c.exec('kubectl get svc web2').exitCode).toBe(1);
  });

  it('a name that does not exist: the NotFound error, no editor', () => {
    const h = cluster().start('kubectl edit svc nope');
    expect(output(h)).toBe('!Error from server (NotFound): services "nope" not found\n');
    expect([h.done, h.exitCode, h.editing]).toEqual([true, 1, undefined]);
  });

  it('several objects are edited as one List; an untouched one is `skipped`', () => {
    const c = cluster();
    c.exec('kubectl create service clusterip other --tcp=8080:8080');
    const h = c.start('kubectl edit svc web other');
    const text = c.readFile(h.editing!.path)!;
    expect(text).toMatch(/^apiVersion: v1\nitems:\n- apiVersion: v1\n {2}kind: Service/m);
    expect(text).toMatch(/\nkind: List\nmetadata: {}\n$/);
    editWith(c, h, (t) => t.replace('targetPort: 8080', 'targetPort: 9090'));
    expect(output(h)).toBe('service/web skipped\nservice/other edited\n');
    expect(c.exec('kubectl get svc other -o jsonpath={.spec.ports[0].targetPort}').stdout).toBe('9090');
  });

  it('-o json edits JSON without a header and prints the result as JSON', () => {
    const c = cluster();
    const h = c.start('kubectl edit svc web -o json');
    expect(h.editing?.path).toMatch(/\.json$/);
    expect(c.readFile(h.editing!.path)).toBe(c.exec('kubectl get svc web -o json').stdout);
    editWith(c, h, (t) => t.replace('"type": "ClusterIP"', '"type": "NodePort"'));
    expect(JSON.parse(output(h)).spec.type).toBe('NodePort');
  });

  it('Ctrl-C cancels without applying and removes the file', () => {
    const c = cluster();
    const h = c.start('kubectl edit svc web');
    const path = h.editing!.path;
    c.writeFile(path, c.readFile(path)!.replace('type: ClusterIP', 'type: NodePort'));
    h.interrupt();
    expect([h.done, h.exitCode, h.editing]).toEqual([true, 130, undefined]);
    expect(c.readFile(path)).toBeUndefined();
    expect(c.exec('kubectl get svc web -o jsonpath={.spec.type}').stdout).toBe('ClusterIP');
  });

  it('plain exec has no editor: upstream\'s launch error, exit 1, no file left', () => {
    const c = cluster();
    expect(c.exec('kubectl edit svc web')).toMatchObject({ stdout: '', stderr: 'error: unable to launch the editor "vi"\n', exitCode: 1 });
    expect(c.listFiles()).toEqual([]);
  });

  it('flag checks: --subresource and -o name', () => {
    const c = cluster();
    expect(c.exec('kubectl edit svc web --subresource=spec').stderr).toBe('error: invalid subresource value: "spec". Must be one of [status]\n');
    expect(c.exec('kubectl edit svc web -o name').stderr).toBe('error: unable to match a printer suitable for the output format "name", allowed formats are: json,yaml\n');
    expect(c.exec('kubectl edit').stderr).toMatch(/^error: You must provide one or more resources by argument or filename\./);
  });
});
