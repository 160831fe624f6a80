import { describe, expect, it } from 'vitest';
import { createCluster } from '../../engine';
import { WELCOME_MANIFEST } from '../../scenarios/welcome';
import { checkManifest } from './checkManifest';

const podsAndIPs = (c: ReturnType<typeof createCluster>) =>
  JSON.stringify([
    (c.snapshot().objects.Service ?? []).map((s) => (s.spec as { clusterIP?: string }).clusterIP),
    (c.snapshot().objects.Pod ?? []).map((p) => p.metadata.name),
  ]);

describe('checkManifest', () => {
  it('finds nothing wrong with the welcome manifest and leaves no trace in the cluster', () => {
    const checked = createCluster({ seed: 7 });
    const plain = createCluster({ seed: 7 });
    const rv = checked.snapshot().resourceVersion;
    for (let i = 0; i < 3; i++) expect(checkManifest(checked, 'web.yaml', WELCOME_MANIFEST)).toEqual([]);
    expect(checked.snapshot().resourceVersion).toBe(rv);
    for (const c of [checked, plain]) {
      c.writeFile('web.yaml', WELCOME_MANIFEST);
      c.exec('kubectl apply -f web.yaml');
      c.advance(10_000);
    }
    // Same names and IPs as a cluster that was never checked.
    expect(podsAndIPs(checked)).toBe(podsAndIPs(plain));
  });

  it("leaves the terminal's shell as it was: `$?` and variables (the check runs as a subshell)", () => {
    const c = createCluster({ seed: 7 });
    c.exec('ANSWER=42');
    c.exec('false');
    // A manifest that fails the check (exit 1) and one that passes (exit 0).
    checkManifest(c, 'web.yaml', WELCOME_MANIFEST.replace('targetPort: 80', 'targetPort: 80\n      nodePort: 80'));
    checkManifest(c, 'web.yaml', WELCOME_MANIFEST);
    expect(c.exec('echo $? $ANSWER').stdout).toBe('1 42\n');
  });

  it('reports the API server error of a bad nodePort on its line', () => {
    const c = createCluster({ seed: 1 });
    const text = WELCOME_MANIFEST.replace('targetPort: 80', 'targetPort: 80\n      nodePort: 80');
    const ds = checkManifest(c, 'web.yaml', text);
    expect(ds).toHaveLength(1);
    const line = text.split('\n').findIndex((l) => l.includes('nodePort: 80')) + 1;
    expect(ds[0]).toMatchObject({ line, field: 'spec.ports[0].nodePort', severity: 'error' });
    expect(ds[0].message).toContain('The Service "web" is invalid: spec.ports[0].nodePort: Invalid value: 80');
  });
});
