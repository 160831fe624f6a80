// -l / --selector as a person types it. Commands that list through the resource builder
// (get, delete, describe, label, annotate, scale, logs, drain/cordon) send the selector
// unparsed (cli-runtime resource/builder.go LabelSelectorParam only trims); the server parses
// it on the LIST and refuses a bad one with BadRequest (apiserver endpoints/handlers/get.go
// ListResource), and kubectl puts the request in front (cli-runtime resource/helper.go
// EnhanceListError). Commands that call labels.Parse themselves print its error as it is:
// `kubectl top` (top_pod.go RunTopPod), and -f with -l (builder.go visitByPaths).
// Parse texts: apimachinery pkg/labels/selector.go (see engine/core/labels.test.ts).
import { describe, expect, it } from 'vitest';
import { createCluster } from '../engine';

const MANIFESTS = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: nginx
        image: nginx:1.27.3
---
apiVersion: v1
kind: Pod
metadata:
  name: ranked
  labels: {app: batch, rank: "5"}
spec:
  containers:
  - name: main
    image: busybox:1.36
`;

function cluster() {
  const c = createCluster({ seed: 1 });
  c.exec('kubectl apply -f -', MANIFESTS);
  c.advance(30000);
  return c;
}

const fail = (stderr: string) => ({ stdout: '', stderr, exitCode: 1 });
/** The server's refusal of `?labelSelector=` as kubectl prints it for a LIST of `resource`. */
const refused = (resource: string, selector: string, reason: string) =>
  `Error from server (BadRequest): Unable to find "${resource}" that match label selector "${selector}", field selector "": ${reason}\n`;
const PODS = '/v1, Resource=pods';
const NAME_PART_RULE = "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";

describe('a bad -l through the resource builder: the server refuses the LIST', () => {
  it.each<[string, string]>([
    ['kubectl get pods -l a=b=c', refused(PODS, 'a=b=c', "found '=', expected: ',' or 'end of string'")],
    ['kubectl get pods -l "a b"', refused(PODS, 'a b', "unable to parse requirement: found 'b', expected: in, notin, =, ==, !=, gt, lt")],
    ['kubectl get pods -l a,', refused(PODS, 'a,', "found '', expected: identifier after ','")],
    // As a real cluster prints it (the key is checked as a qualified name).
    ['kubectl get pods -l "app:monolith"', refused(PODS, 'app:monolith', `unable to parse requirement: <nil>: Invalid value: "app:monolith": ${NAME_PART_RULE}`)],
    ['kubectl get pods -A -l "  a b  "', refused(PODS, 'a b', "unable to parse requirement: found 'b', expected: in, notin, =, ==, !=, gt, lt")],
    ['kubectl get deploy -l "a in (x"', refused('apps/v1, Resource=deployments', 'a in (x', "unable to parse requirement: found '', expected: ',' or ')'")],
    ['kubectl describe pods -l a=b=c', refused(PODS, 'a=b=c', "found '=', expected: ',' or 'end of string'")],
    ['kubectl logs -l a,', refused(PODS, 'a,', "found '', expected: identifier after ','")],
    ['kubectl scale deploy -l a=b=c --replicas=3', refused('apps/v1, Resource=deployments', 'a=b=c', "found '=', expected: ',' or 'end of string'")],
    ['kubectl cordon -l a=b=c', refused('/v1, Resource=nodes', 'a=b=c', "found '=', expected: ',' or 'end of string'")],
  ])('%s', (line, stderr) => {
    expect(cluster().exec(line)).toEqual(fail(stderr));
  });

  it('the label selector is checked before the field selector (ListOptions conversion order)', () => {
    expect(cluster().exec('kubectl get pods -l a=b=c --field-selector nonsense')).toEqual(
      fail("Error from server (BadRequest): Unable to find \"/v1, Resource=pods\" that match label selector \"a=b=c\", field selector \"nonsense\": found '=', expected: ',' or 'end of string'\n"),
    );
  });

  it('delete, label and annotate change nothing', () => {
    const c = cluster();
    expect(c.exec('kubectl delete pods -l "app in (web"')).toEqual(fail(refused(PODS, 'app in (web', "unable to parse requirement: found '', expected: ',' or ')'")));
    expect(c.exec('kubectl label pods -l app=web, tier=fe')).toEqual(fail(refused(PODS, 'app=web,', "found '', expected: identifier after ','")));
    expect(c.exec('kubectl annotate pods -l "app web" note=x')).toEqual(fail(refused(PODS, 'app web', "unable to parse requirement: found 'web', expected: in, notin, =, ==, !=, gt, lt")));
    const pods = c.context.store.list('Pod', 'default');
    expect(pods).toHaveLength(3);
    for (const p of pods) {
      expect(p.metadata.labels?.tier).toBeUndefined();
      expect(p.metadata.annotations?.note).toBeUndefined();
    }
  });
});

describe('-l parsed by kubectl itself keeps labels.Parse text', () => {
  it('kubectl top pod/node print the parse error alone', () => {
    const c = cluster();
    expect(c.exec('kubectl top pod -l "a b"')).toEqual(fail("error: unable to parse requirement: found 'b', expected: in, notin, =, ==, !=, gt, lt\n"));
    expect(c.exec('kubectl top node -l a,')).toEqual(fail("error: found '', expected: identifier after ','\n"));
  });

  it('-f with -l: visitByPaths names the selector', () => {
    const c = cluster();
    c.writeFile('pod.yaml', MANIFESTS.split('---\n')[1]);
    expect(c.exec('kubectl get -f pod.yaml -l a=b=c')).toEqual(fail("error: the provided selector \"a=b=c\" is not valid: found '=', expected: ',' or 'end of string'\n"));
  });
});

describe('the whole selector language is accepted', () => {
  it.each<[string, string[]]>([
    ['app in (web,batch),rank', ['pod/ranked']],
    ['rank>3', ['pod/ranked']],
    ['rank<5', []],
    ['!rank,app notin (batch)', ['web', 'web']],
    ['app==batch', ['pod/ranked']],
    ['rank=', []],
  ])('kubectl get pods -l %j', (selector, want) => {
    const r = cluster().exec(`kubectl get pods -l '${selector}' -o name`);
    expect(r.exitCode).toBe(0);
    expect(r.stdout.split('\n').filter(Boolean).map((n) => (n.startsWith('pod/web-') ? 'web' : n))).toEqual(want);
  });
});
