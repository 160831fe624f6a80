// `-f FILE` beside `-l SELECTOR` or resource arguments, as the resource builder does it
// (k8s.io/cli-runtime/pkg/resource/builder.go visitByPaths): resource arguments are refused
// ("when paths, URLs, or stdin is provided as input, you may not specify resource arguments as
// well", "resource/name arguments cannot be provided when a path is specified"); -l is parsed
// there ("the provided selector %q is not valid: …") and keeps only matching objects
// (FilterByLabelSelector) — the live object's labels in get (Latest()), the file's in describe
// and delete. What each command says when nothing is left: get.go and describe.go "No resources
// found in default namespace." on stderr, delete.go DeleteResult "No resources found" on stdout.
// get -f with one file implies a single item (visitByPaths singleItemImplied), so printGeneric
// prints the object itself.
import { describe, expect, it } from 'vitest';
import { createCluster } from '../engine';

const svc = (name: string, app: string) => `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\n  labels: {app: ${app}}\nspec:\n  ports: [{port: 80}]\n`;
const RESOURCE_ARGS = 'error: when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well\n';
const TUPLE_ARGS = 'error: resource/name arguments cannot be provided when a path is specified\n';
const ok = (stdout: string, stderr = '') => ({ stdout, stderr, exitCode: 0 });
const fail = (stderr: string) => ({ stdout: '', stderr, exitCode: 1 });

function cluster() {
  const c = createCluster();
  c.writeFile('two.yaml', `${svc('a', 'a')}---\n${svc('b', 'b')}`);
  c.writeFile('one.yaml', svc('a', 'a'));
  c.exec('kubectl apply -f two.yaml');
  return c;
}
const names = (stdout: string) => stdout.split('\n').slice(1).filter(Boolean).map((l) => l.split(/\s+/)[0]);

describe('-f with -l (visitByPaths FilterByLabelSelector)', () => {
  it('get keeps the objects whose live labels match; none left says so on stderr', () => {
    const c = cluster();
    expect(names(c.exec('kubectl get -f two.yaml -l app=a').stdout)).toEqual(['a']);
    // Latest(): the live labels count, not the file's.
    c.exec('kubectl label svc b app=a --overwrite');
    expect(names(c.exec('kubectl get -f two.yaml -l app=a').stdout)).toEqual(['a', 'b']);
    expect(c.exec('kubectl get -f two.yaml -l app=none')).toEqual(ok('', 'No resources found in default namespace.\n'));
    expect(c.exec('kubectl get -f two.yaml -l app=none -o name')).toEqual(ok(''));
    expect(c.exec('kubectl get -f two.yaml -l app=none -o yaml')).toEqual(ok('apiVersion: v1\nitems: []\nkind: List\nmetadata:\n  resourceVersion: ""\n'));
  });

  it('describe filters the objects as the file has them; none left says so on stderr', () => {
    const c = cluster();
    const r = c.exec('kubectl describe -f two.yaml -l app=b');
    expect(r.stdout).toMatch(/^Name:\s+b\n/);
    expect(r.stdout).not.toMatch(/^Name:\s+a$/m);
    expect(c.exec('kubectl describe -f two.yaml -l app=none')).toEqual(ok('', 'No resources found in default namespace.\n'));
  });

  it('delete deletes only the selected objects; none selected prints "No resources found"', () => {
    const c = cluster();
    expect(c.exec('kubectl delete -f two.yaml -l app=none')).toEqual(ok('No resources found\n'));
    expect(c.exec('kubectl delete -f two.yaml -l app=b')).toEqual(ok('service "b" deleted\n'));
    expect(c.context.store.get('Service', 'default', 'a')).toBeDefined();
    expect(c.context.store.get('Service', 'default', 'b')).toBeUndefined();
  });

  it('an invalid selector is refused by visitByPaths with its own wording', () => {
    const c = cluster();
    for (const cmd of ['get', 'describe', 'delete']) {
      const r = c.exec(`kubectl ${cmd} -f two.yaml -l 'a in (x'`);
      expect(r.exitCode).toBe(1);
      expect(r.stderr).toMatch(/^error: the provided selector "a in \(x" is not valid: /);
    }
    expect(c.context.store.get('Service', 'default', 'a')).toBeDefined();
  });
});

describe('-f with resource arguments (visitByPaths)', () => {
  it.each<[string, string]>([
    ['kubectl get -f two.yaml svc a', RESOURCE_ARGS],
    ['kubectl get -f two.yaml svc', RESOURCE_ARGS],
    // The types are not looked up first: an unknown one gets the same refusal.
    ['kubectl get -f two.yaml nosuchtype', RESOURCE_ARGS],
    ['kubectl get -f two.yaml svc/a', TUPLE_ARGS],
    ['kubectl get -f two.yaml svc,deploy a', TUPLE_ARGS],
    // ResourceTypeOrNameArgs' own checks of a tuple's form come first (splitResourceTypeName).
    ['kubectl get -f two.yaml svc/a/b', 'error: arguments in resource/name form may not have more than one slash\n'],
    ['kubectl get -f two.yaml svc,deploy/a', 'error: arguments in resource/name form must have a single resource and name\n'],
    ['kubectl describe -f two.yaml svc a', RESOURCE_ARGS],
    ['kubectl describe -f two.yaml svc/a', TUPLE_ARGS],
    ['kubectl delete -f two.yaml svc a', RESOURCE_ARGS],
    ['kubectl delete -f two.yaml svc/a', TUPLE_ARGS],
  ])('%s', (cmd, stderr) => {
    const c = cluster();
    expect(c.exec(cmd)).toEqual(fail(stderr));
    expect(c.context.store.get('Service', 'default', 'a')).toBeDefined();
  });

  it('a missing file is reported before the arguments (FilenameParam runs first)', () => {
    const c = cluster();
    expect(c.exec('kubectl get -f nope.yaml svc a')).toEqual(fail('error: the path "nope.yaml" does not exist\n'));
  });
});

describe('get -f FILE -o yaml (singleItemImplied)', () => {
  it('one file with one object prints the object itself; stdin or two objects print a List', () => {
    const c = cluster();
    expect(c.exec('kubectl get -f one.yaml -o yaml').stdout).toMatch(/^apiVersion: v1\nkind: Service\n/);
    expect(c.exec('kubectl get -f one.yaml -o jsonpath={.metadata.name}').stdout).toBe('a');
    expect(c.exec('kubectl get -f - -o yaml', svc('a', 'a')).stdout).toMatch(/^apiVersion: v1\nitems:\n/);
    expect(c.exec('kubectl get -f two.yaml -o yaml').stdout).toMatch(/^apiVersion: v1\nitems:\n/);
  });

  it('one file where an object is missing prints only the error', () => {
    const c = cluster();
    c.writeFile('mixed.yaml', `${svc('a', 'a')}---\n${svc('gone', 'x')}`);
    expect(c.exec('kubectl get -f mixed.yaml -o yaml')).toEqual(fail('Error from server (NotFound): services "gone" not found\n'));
    expect(c.exec('kubectl get -f mixed.yaml -o yaml --ignore-not-found').stdout).toMatch(/^apiVersion: v1\nkind: Service\n/);
  });
});
