// The shared validators and the clean-case predicates the strategies check first: a
// predicate may only say "clean" when the full validator reports nothing, so every
// error still comes out with its upstream text.
import { describe, expect, it, vi } from 'vitest';
import type { PodSpec } from '../../core/types';
import {
  formatIPv4, isDNS1123Label, isDNS1123Subdomain, isQualifiedName, isSpecialIPv4, isValidLabelValue, nonSpecialIPErrors, parseIPv4,
  validateAnnotations, validateLabels, validateObjectMeta, validDNS1123Label, validDNS1123Subdomain, validLabelValue, validQualifiedName,
} from './common';
import { endpointIPErrors, isValidEndpointIP } from './fields';
import { type FullPodSpec, validatePodSpec } from './podSpec';

/** Off while a list-returning check gives the reference answer: it then builds its list without the scans. */
const scans = vi.hoisted(() => ({ on: true }));

vi.mock('./syntax', async (importOriginal) => {
  const actual = await importOriginal<Record<string, (s: string) => boolean>>();
  return Object.fromEntries(Object.entries(actual).map(([name, scan]) => [name, (s: string) => scans.on && scan(s)]));
});

function withoutScans<T>(run: () => T): T {
  scans.on = false;
  try {
    return run();
  } finally {
    scans.on = true;
  }
}

const SAMPLES = ['', 'a', 'web', 'A', 'a-', '-a', 'a..b', 'a.b', 'app-1-2', 'x'.repeat(63), 'x'.repeat(64), 'y'.repeat(254), 'a/b', 'a/b/c', '/b',
  'example.com/Foo', 'Ok_1', 'my.name', 'kubernetes.io/service-name', 'a b', 'é'];

describe('parseIPv4', () => {
  it('reads dotted quads', () => {
    expect(parseIPv4('10.244.1.5')).toBe((10 * 2 ** 24) + (244 << 16) + (1 << 8) + 5);
    expect(parseIPv4('0.0.0.0')).toBe(0);
    expect(parseIPv4('255.255.255.255')).toBe(2 ** 32 - 1);
  });

  it.each(['', '1.2.3', '1.2.3.4.', '.1.2.3', '1..2.3', '256.1.1.1', '01.2.3.4', '1.2.3.00', '1.2.3.4 ', ' 1.2.3.4', '1.2.3.1000', '::1', 'a.b.c.d'])(
    'rejects %j', (s) => {
      expect(parseIPv4(s)).toBeUndefined();
    },
  );

  it('formats back what it parsed', () => {
    for (const ip of ['10.96.0.1', '0.0.0.0', '255.255.255.255', '192.168.10.200']) expect(formatIPv4(parseIPv4(ip)!)).toBe(ip);
  });
});

describe('clean-case predicates agree with the validators', () => {
  it.each(SAMPLES)('%j', (s) => {
    expect(validDNS1123Label(s)).toBe(withoutScans(() => isDNS1123Label(s)).length === 0);
    expect(validDNS1123Subdomain(s)).toBe(withoutScans(() => isDNS1123Subdomain(s)).length === 0);
    expect(validQualifiedName(s)).toBe(withoutScans(() => isQualifiedName(s)).length === 0);
    expect(validLabelValue(s)).toBe(withoutScans(() => isValidLabelValue(s)).length === 0);
  });

  it.each(['10.0.0.5', '0.0.0.0', '127.0.0.1', '169.254.169.254', '224.0.0.251', '224.0.1.1', '::1', '::', '2001:db8::1', 'db.local'])('IP %s', (ip) => {
    const n = parseIPv4(ip);
    if (n !== undefined) expect(isSpecialIPv4(n)).toBe(nonSpecialIPErrors('ip', ip).length > 0);
    expect(isValidEndpointIP(ip)).toBe(endpointIPErrors('ip', ip).length === 0);
  });
});

describe('object metadata', () => {
  it('still reports every bad label and annotation', () => {
    expect(validateLabels({ app: 'web', 'a/b/c': 'x', tier: '-bad' }, 'metadata.labels').map((e) => e.field + ' ' + e.value)).toEqual([
      'metadata.labels "a/b/c"', 'metadata.labels "-bad"',
    ]);
    expect(validateAnnotations({ note: 'x'.repeat(256 * 1024) }, 'metadata.annotations').map((e) => e.type)).toEqual(['FieldValueTooLong']);
  });

  it('checks a generateName prefix without its trailing dash', () => {
    expect(validateObjectMeta({ generateName: 'web-', name: 'web-x1z2q', namespace: 'default' }, true, isDNS1123Subdomain)).toEqual([]);
    expect(validateObjectMeta({ generateName: 'Web-', name: 'web-x1z2q', namespace: 'default' }, true, isDNS1123Subdomain).map((e) => e.field)).toEqual([
      'metadata.generateName',
    ]);
  });
});

describe('pod spec', () => {
  const spec = (extra: Partial<FullPodSpec>): FullPodSpec => ({
    terminationGracePeriodSeconds: 30, restartPolicy: 'Always', dnsPolicy: 'ClusterFirst',
    containers: [{ name: 'web', image: 'nginx', terminationMessagePolicy: 'File', imagePullPolicy: 'Always', ports: [{ name: 'http', containerPort: 80, protocol: 'TCP' }] }],
    ...extra,
  } as PodSpec as FullPodSpec);
  const fields = (s: FullPodSpec) => validatePodSpec(s, 'spec', { isPod: true }).map((e) => `${e.field}: ${e.detail ?? e.value}`);

  it('accepts a defaulted spec with the admission tolerations', () => {
    expect(fields(spec({ tolerations: [{ key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 }] }))).toEqual([]);
  });

  it('reports what the clean-case checks decline', () => {
    const ports = [{ name: 'http', containerPort: 80, protocol: 'TCP' }, { name: 'http', containerPort: 81, protocol: 'TCP' }];
    const c = { name: 'web', image: 'nginx', terminationMessagePolicy: 'File', imagePullPolicy: 'Always' };
    expect(fields(spec({ containers: [{ ...c, ports }] }))).toEqual(['spec.containers[0].ports[1].name: "http"']);
    expect(fields(spec({ containers: [c, c] }))).toEqual(['spec.containers[1].name: "web"']);
    expect(fields(spec({ tolerations: [{ key: 'k', operator: 'Exists', effect: 'NoSchedule', tolerationSeconds: 5 }] }))).toEqual([
      "spec.tolerations[0].effect: effect must be 'NoExecute' when `tolerationSeconds` is set",
    ]);
  });
});
