// kubectl top pod|node. The playground runs no metrics-server, so discovery lists no
// metrics.k8s.io group and kubectl stops where a kind, kubeadm or minikube cluster without
// the addon stops: after its own argument checks, with "Metrics API not available".
// Source: staging/src/k8s.io/kubectl/pkg/cmd/top/top.go (NewCmdTop,
// SupportedMetricsAPIVersionAvailable), top_pod.go and top_node.go (Complete, Validate,
// RunTopPod, RunTopNode), kubectl v1.32.

import { parseFieldSelector } from '../../engine/api/fieldSelector';
import type { Invocation, KubectlCommand } from '../command';
import { ALL_NAMESPACES_FLAG, FIELD_SELECTOR_FLAG, SELECTOR_FLAG } from '../commonFlags';
import { KubectlError, usageError } from '../errors';
import type { FlagSpec } from '../flags';
import { compileSelector } from '../resources';

/** What RunTopPod/RunTopNode return when discovery has no metrics.k8s.io/v1beta1. */
export const METRICS_API_NOT_AVAILABLE = 'Metrics API not available';

const USE_PROTOCOL_BUFFERS_FLAG: FlagSpec = { name: 'use-protocol-buffers', type: 'bool', default: true, usage: 'Enables using protocol-buffers to access Metrics API.' };

const sortByFlag = (what: string): FlagSpec => ({
  name: 'sort-by',
  type: 'string',
  usage: `If non-empty, sort ${what} list using specified field. The field can be either 'cpu' or 'memory'.`,
});

/** Complete: at most one NAME; more gets the usage error naming cmd.Use. */
function resourceName(inv: Invocation, use: string): string {
  if (inv.args.length > 1) throw usageError(inv.commandPath, use);
  return inv.args[0] ?? '';
}

function validateSortBy(inv: Invocation): void {
  const sortBy = inv.flags.string('sort-by');
  if (sortBy !== '' && sortBy !== 'cpu' && sortBy !== 'memory') throw new KubectlError('--sort-by accepts only cpu or memory');
}

const TOP_POD_USE = 'pod [NAME | -l label]';

export const topPodCommand: KubectlCommand = {
  name: 'pod',
  aliases: ['pods', 'po'],
  short: 'Display resource (CPU/memory) usage of pods',
  long: "Display resource (CPU/memory) usage of pods.\n\n The 'top pod' command allows you to see the resource consumption of pods.\n\n Due to the metrics pipeline delay, they may be unavailable for a few minutes since pod creation.",
  usage: `top ${TOP_POD_USE} [options]`,
  examples:
    '  # Show metrics for all pods in the default namespace\n  kubectl top pod\n\n  # Show metrics for all pods in the given namespace\n  kubectl top pod --namespace=NAMESPACE\n\n  # Show metrics for a given pod and its containers\n  kubectl top pod POD_NAME --containers\n\n  # Show metrics for the pods defined by label name=myLabel\n  kubectl top pod -l name=myLabel',
  flags: [
    ALL_NAMESPACES_FLAG,
    { name: 'containers', type: 'bool', usage: 'If present, print usage of containers within a pod.' },
    FIELD_SELECTOR_FLAG,
    { name: 'no-headers', type: 'bool', usage: 'If present, print output without headers.' },
    SELECTOR_FLAG,
    sortByFlag('pods'),
    { name: 'sum', type: 'bool', usage: 'Print the sum of the resource usage' },
    USE_PROTOCOL_BUFFERS_FLAG,
  ],
  run(inv) {
    const name = resourceName(inv, TOP_POD_USE);
    validateSortBy(inv);
    const labelSelector = inv.flags.string('selector');
    const fieldSelector = inv.flags.string('field-selector');
    if (name && (labelSelector || fieldSelector)) throw new KubectlError('only one of NAME or selector can be provided');
    // RunTopPod parses both selectors (labels.Parse, fields.ParseSelector) before asking discovery.
    compileSelector(labelSelector);
    if (fieldSelector) {
      try {
        parseFieldSelector(fieldSelector);
      } catch (e) {
        throw new KubectlError((e as Error).message);
      }
    }
    throw new KubectlError(METRICS_API_NOT_AVAILABLE);
  },
};

const TOP_NODE_USE = 'node [NAME | -l label]';

export const topNodeCommand: KubectlCommand = {
  name: 'node',
  aliases: ['nodes', 'no'],
  short: 'Display resource (CPU/memory) usage of nodes',
  long: 'Display resource (CPU/memory) usage of nodes.\n\n The top-node command allows you to see the resource consumption of nodes.',
  usage: `top ${TOP_NODE_USE} [options]`,
  examples: '  # Show metrics for all nodes\n  kubectl top node\n\n  # Show metrics for a given node\n  kubectl top node NODE_NAME',
  flags: [
    { name: 'no-headers', type: 'bool', usage: 'If present, print output without headers' },
    SELECTOR_FLAG,
    { name: 'show-capacity', type: 'bool', usage: 'Print node resources based on Capacity instead of Allocatable(default) of the nodes.' },
    sortByFlag('nodes'),
    USE_PROTOCOL_BUFFERS_FLAG,
  ],
  run(inv) {
    const name = resourceName(inv, TOP_NODE_USE);
    validateSortBy(inv);
    const selector = inv.flags.string('selector');
    if (name && selector) throw new KubectlError('only one of NAME or --selector can be provided');
    compileSelector(selector);
    throw new KubectlError(METRICS_API_NOT_AVAILABLE);
  },
};

/** `kubectl top` alone prints its help to stderr and fails (cmdutil.DefaultSubCommandRun). */
export const topCommand: KubectlCommand = {
  name: 'top',
  short: 'Display resource (CPU/memory) usage',
  long: 'Display resource (CPU/memory) usage.\n\n The top command allows you to see the resource consumption for nodes or pods.\n\n This command requires Metrics Server to be correctly configured and working on the server.',
  usage: 'top [flags] [options]',
  flags: [],
  subcommands: [topNodeCommand, topPodCommand],
};
