import { describe, expect, it } from 'vitest';
import { MAX_MANIFEST_BYTES, parseManifests, shapeProblems } from '.';

describe('parseManifests', () => {
  it('splits documents, skips empty ones and records key positions in the whole file', () => {
    const text = 'apiVersion: v1\nkind: Service\n---\n# only a comment\n---\nkind: Pod\nspec:\n  containers:\n  - name: web\n    image: nginx\n';
    const { documents, error } = parseManifests(text);
    expect(error).toBeUndefined();
    expect(documents.map((d) => d.empty)).toEqual([false, true, false]);
    expect(documents[0].value).toEqual({ apiVersion: 'v1', kind: 'Service' });
    const pod = documents[2];
    expect(pod.startLine).toBe(5);
    expect(pod.positions.get('kind')).toEqual({ line: 6, col: 1 });
    expect(pod.positions.get('spec.containers[0].image')).toEqual({ line: 10, col: 5 });
    expect(pod.positions.get('spec.containers[0]')).toEqual({ line: 9, col: 5 });
  });

  it('reports syntax errors with go-yaml text (line within the document) and the exact position', () => {
    const { documents } = parseManifests('a: 1\n---\nb:\n  c: d: e\n');
    expect(documents[1].error).toMatchObject({ message: 'yaml: line 2: mapping values are not allowed in this context', line: 4, kind: 'syntax' });
    expect(documents[1].error!.col).toBeGreaterThan(1);
    expect(documents[0].error).toBeUndefined();
  });

  it('reads YAML 1.1 scalars as go-yaml does', () => {
    const { documents } = parseManifests('a: yes\nb: "yes"\nc: 2024-01-02\nd: 0x10\ne: ~\n');
    expect(documents[0].value).toEqual({ a: true, b: 'yes', c: '2024-01-02', d: 16, e: null });
  });

  it('honours merge keys, explicit keys winning', () => {
    const { documents } = parseManifests('base: &b {a: 1, b: 2}\nobj:\n  <<: *b\n  b: 3\n');
    expect((documents[0].value as { obj: unknown }).obj).toEqual({ a: 1, b: 3 });
    // go-yaml v2 reads the key `y` as the boolean true, which becomes the JSON key "true".
    expect(parseManifests('y: 1\n').documents[0].value).toEqual({ true: 1 });
  });

  // kubectl reads manifests with sigs.k8s.io/yaml Unmarshal (apimachinery util/yaml
  // YAMLToJSONDecoder), which uses go-yaml v2's non-strict Unmarshal: "Duplicate fields ... are
  // ignored" (sigs.k8s.io/yaml yaml.go) — the later value overwrites the earlier one and no error
  // is raised (only UnmarshalStrict says `key "x" already set in map`).
  it('a repeated key is no error: the last one wins, and its position is the one recorded', () => {
    const { documents } = parseManifests('spec:\n  replicas: 3\n  replicas: 4\n  selector: {a: 1, a: 2}\n');
    expect(documents[0].error).toBeUndefined();
    expect(documents[0].value).toEqual({ spec: { replicas: 4, selector: { a: 2 } } });
    expect(documents[0].positions.get('spec.replicas')).toEqual({ line: 3, col: 3 });
  });

  it('keys such as __proto__ become own properties; prototypes are untouched', () => {
    const { documents } = parseManifests('__proto__:\n  polluted: true\nconstructor: 1\n');
    const v = documents[0].value as Record<string, unknown>;
    expect(Object.keys(v)).toEqual(['__proto__', 'constructor']);
    expect(Object.getPrototypeOf(v)).toBe(Object.prototype);
    expect((v as { polluted?: unknown }).polluted).toBeUndefined();
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  });

  it('refuses alias bombs, deep nesting, unknown anchors and oversized files', () => {
    const bomb = ['a: &a [x,x,x,x,x,x,x,x,x,x]'];
    for (let i = 1; i < 10; i++) bomb.push(`l${i}: &l${i} [${Array(10).fill(i === 1 ? '*a' : `*l${i - 1}`).join(',')}]`);
    expect(parseManifests(bomb.join('\n')).documents[0].error).toMatchObject({ message: 'yaml: document contains excessive aliasing', kind: 'aliases' });
    expect(parseManifests(`a: ${'['.repeat(200)}`).error).toMatchObject({ message: 'yaml: exceeded max depth of 100', kind: 'depth', line: 1 });
    const blockDeep = Array.from({ length: 150 }, (_, i) => `${' '.repeat(i)}k:`).join('\n');
    expect(parseManifests(blockDeep).documents[0].error).toMatchObject({ kind: 'depth' });
    expect(parseManifests('a: *nope\n').documents[0].error).toMatchObject({ message: "yaml: unknown anchor 'nope' referenced" });
    expect(parseManifests('x'.repeat(MAX_MANIFEST_BYTES + 1)).error).toMatchObject({ kind: 'too-large' });
    // Multi-byte characters count as UTF-8 bytes.
    expect(parseManifests('é'.repeat(MAX_MANIFEST_BYTES / 2 + 1)).error).toMatchObject({ kind: 'too-large' });
  });

  it('ordinary aliases are expanded', () => {
    const { documents } = parseManifests('labels: &l {app: web}\nselector: *l\n');
    expect(documents[0].value).toEqual({ labels: { app: 'web' }, selector: { app: 'web' } });
  });
});

describe('shapeProblems (kubectl schema.go getObjectKind)', () => {
  it.each([
    [{ apiVersion: 'v1', kind: 'Service' }, []],
    [{ metadata: {} }, ['apiVersion not set', 'kind not set']],
    [{ apiVersion: 1, kind: 'Service' }, ["apiVersion isn't string type"]],
    [['a'], ['invalid object to validate']],
    ['text', ['invalid object to validate']],
  ])('%j', (value, problems) => {
    expect(shapeProblems(value)).toEqual(problems);
  });
});
