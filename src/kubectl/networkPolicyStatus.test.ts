// NetworkPolicy has no status in a current (1.28+) API server: KEP-2943's alpha
// NetworkPolicyStatus (1.24–1.27, feature gate NetworkPolicyStatus) was withdrawn and the field
// tombstoned in k8s.io/api networking/v1 types.go ("Status is tombstoned to show why 3 is a
// reserved protobuf tag ... // Status NetworkPolicyStatus"); pkg/registry/networking/networkpolicy
// ("Remove withdrawn feature NetworkPolicyStatus") has no status strategy. So `status:` in a
// manifest is an unknown field like any other (apiserver handlers: strict decoding error under
// Strict, a warning and the field dropped under Warn), and the published OpenAPI that kubectl
// explain reads has no `status` property.
import { describe, expect, it } from 'vitest';
import { createCluster } from '../engine';

const NP = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: np
spec:
  podSelector: {}
status:
  conditions:
  - type: Accepted
    status: "True"
`;

describe('a NetworkPolicy written with status', () => {
  it('Strict (kubectl\'s default): refused as an unknown field', () => {
    expect(createCluster().exec('kubectl apply -f -', NP)).toEqual({
      stdout: '',
      stderr: 'Error from server (BadRequest): error when creating "STDIN": NetworkPolicy in version "v1" cannot be handled as a NetworkPolicy: strict decoding error: unknown field "status"\n',
      exitCode: 1,
    });
  });

  it('--validate=warn: a warning, and the object is stored without it', () => {
    const c = createCluster();
    expect(c.exec('kubectl apply --validate=warn -f -', NP)).toMatchObject({ stdout: 'networkpolicy.networking.k8s.io/np created\n', stderr: 'Warning: unknown field "status"\n', exitCode: 0 });
    const yaml = c.exec('kubectl get networkpolicy np -o yaml').stdout;
    expect(yaml).toMatch(/\nspec:\n {2}podSelector: \{\}\n {2}policyTypes:\n {2}- Ingress\n$/);
    expect(c.exec('kubectl get networkpolicy np -o jsonpath={.status}').stdout).toBe('');
  });

  it('kubectl explain has no status field', () => {
    const c = createCluster();
    expect(c.exec('kubectl explain networkpolicy').stdout).not.toMatch(/^ {2}status\t/m);
    expect(c.exec('kubectl explain networkpolicy.status').stderr).toBe('error: field "status" does not exist\n');
  });
});
