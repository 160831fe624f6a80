// Hashes naming workload objects. Upstream: pkg/controller/controller_utils.go (ComputeHash),
// pkg/controller/history/controller_history.go (HashControllerRevision), apimachinery util/rand.
import { describe, expect, it } from 'vitest';
import { canonicalJson, computePodTemplateHash, fnv32, fnv32a, hashControllerRevision, safeEncodeString, utf8Bytes } from './hash';
import { newTemplate } from './testCluster';

describe('hash', () => {
  it('implements FNV-32 and FNV-32a (hash/fnv test vectors)', () => {
    expect(fnv32a([])).toBe(0x811c9dc5);
    expect(fnv32a(utf8Bytes('a'))).toBe(0xe40c292c);
    expect(fnv32a(utf8Bytes('foobar'))).toBe(0xbf9cf968);
    expect(fnv32(utf8Bytes('a'))).toBe(0x050c5d7e);
    expect(fnv32(utf8Bytes('foobar'))).toBe(0x31f0b262);
  });

  it('SafeEncodeString maps decimal digits onto 4-9 and b c d f', () => {
    expect(safeEncodeString('0123456789')).toBe('456789bcdf');
  });

  it('sorts keys and escapes HTML characters as Go json.Marshal does', () => {
    expect(canonicalJson({ b: 1, a: ['<x>', { d: true, c: null }] })).toBe('{"a":["\\u003cx\\u003e",{"c":null,"d":true}],"b":1}');
  });

  it('pod-template-hash is stable, key-order independent, and changes with the template or collisionCount', () => {
    const t = newTemplate({ app: 'web' });
    const h = computePodTemplateHash(t);
    expect(h).toMatch(/^[4-9bcdf]{9,10}$/);
    expect(computePodTemplateHash(JSON.parse(JSON.stringify({ spec: t.spec, metadata: t.metadata })))).toBe(h);
    expect(computePodTemplateHash(newTemplate({ app: 'web' }, 'nginx:1.28'))).not.toBe(h);
    expect(computePodTemplateHash(t, 1)).not.toBe(computePodTemplateHash(t, 0));
    expect(hashControllerRevision('{}', 0)).not.toBe(hashControllerRevision('{}', 1));
  });
});
