// kubectl version: client, bundled kustomize and server versions.
// Source: staging/src/k8s.io/kubectl/pkg/cmd/version/version.go (kubectl v1.32 bundles kustomize v5.5.0).

import { KUBERNETES_VERSION } from '../../engine/bootstrap';
import type { KubectlCommand } from '../command';
import { OUTPUT_FLAG } from '../commonFlags';
import { KubectlError } from '../errors';
import { toJSONText, toYAMLText } from '../output';

const KUSTOMIZE_VERSION = 'v5.5.0';

function versionInfo(gitVersion: string): Record<string, string> {
  const [major, minor] = gitVersion.replace(/^v/, '').split('.');
  return {
    major, minor, gitVersion, gitCommit: 'a78aa47129b8539636eb86a9d00e31b2720fe06b', gitTreeState: 'clean',
    buildDate: '2025-04-15T12:34:30Z', goVersion: 'go1.23.6', compiler: 'gc', platform: 'linux/amd64',
  };
}

export const versionCommand: KubectlCommand = {
  name: 'version',
  short: 'Print the client and server version information',
  usage: 'version [flags] [options]',
  flags: [OUTPUT_FLAG, { name: 'client', type: 'bool', usage: 'If true, shows client version only (no server required).' }],
  run(inv) {
    const output = inv.flags.string('output');
    const clientOnly = inv.flags.bool('client');
    if (output === 'json' || output === 'yaml') {
      const v: Record<string, unknown> = { clientVersion: versionInfo(KUBERNETES_VERSION), kustomizeVersion: KUSTOMIZE_VERSION };
      if (!clientOnly) v.serverVersion = versionInfo(KUBERNETES_VERSION);
      inv.output.out(output === 'json' ? toJSONText(v).replace(/ {4}/g, '  ') : toYAMLText(v));
      return;
    }
    if (output !== '') throw new KubectlError('--output must be \'yaml\' or \'json\'');
    inv.output.out(`Client Version: ${KUBERNETES_VERSION}\nKustomize Version: ${KUSTOMIZE_VERSION}\n`);
    if (!clientOnly) inv.output.out(`Server Version: ${KUBERNETES_VERSION}\n`);
  },
};
