// kubectl api-resources: the kinds the API server serves (those in ctx.registry).
// Source: staging/src/k8s.io/kubectl/pkg/cmd/apiresources/apiresources.go (columns, sort by
// API group — stable, resources alphabetical within a group as discovery lists them —, -o wide|name,
// --namespaced, --api-group, --no-headers, --sort-by).

import { apiVersionOf, type KindInfo } from '../../engine/api/registry';
import type { KubectlCommand } from '../command';
import { KubectlError } from '../errors';
import { TABLE_SETTINGS, tabwrite } from '../printers/tabwriter';

const VERBS = '[create delete deletecollection get list patch update watch]';

function compareBy(sortBy: string): (a: KindInfo, b: KindInfo) => number {
  const key = (i: KindInfo) => (sortBy === 'name' ? i.resource : sortBy === 'kind' ? i.kind : i.group);
  return (a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);
}

export const apiResourcesCommand: KubectlCommand = {
  name: 'api-resources',
  short: 'Print the supported API resources on the server',
  usage: 'api-resources [flags] [options]',
  examples: '  # Print the supported API resources\n  kubectl api-resources\n\n  # Print the supported API resources with more information\n  kubectl api-resources -o wide',
  flags: [
    { name: 'output', short: 'o', type: 'string', usage: 'Output format. One of: (wide, name).' },
    { name: 'namespaced', type: 'bool', default: true, usage: 'If false, non-namespaced resources will be returned, otherwise returning namespaced resources by default.' },
    { name: 'api-group', type: 'string', usage: 'Limit to resources in the specified API group.' },
    { name: 'no-headers', type: 'bool', usage: "When using the default or custom-column output format, don't print headers (default print headers)." },
    { name: 'sort-by', type: 'string', usage: "If non-empty, sort list of resources using specified field. The field can be either 'name' or 'kind'." },
  ],
  run(inv) {
    const { flags } = inv;
    const output = flags.string('output');
    if (!['', 'wide', 'name'].includes(output)) throw new KubectlError('--output wide, name are the only supported options');
    const sortBy = flags.string('sort-by');
    if (!['', 'name', 'kind'].includes(sortBy)) throw new KubectlError('--sort-by accepts only name or kind');
    let kinds = inv.ctx.registry.all().sort((a, b) => (a.resource < b.resource ? -1 : 1));
    if (flags.changed('namespaced')) kinds = kinds.filter((k) => k.namespaced === flags.bool('namespaced'));
    if (flags.changed('api-group')) kinds = kinds.filter((k) => k.group === flags.string('api-group'));
    kinds = [...kinds].sort(compareBy(sortBy)); // Array.prototype.sort is stable, as sort.Stable

    if (output === 'name') {
      inv.output.out(kinds.map((k) => `${k.group ? `${k.resource}.${k.group}` : k.resource}\n`).join(''));
      return;
    }
    const lines: string[] = [];
    const wide = output === 'wide';
    if (!flags.bool('no-headers')) lines.push(['NAME', 'SHORTNAMES', 'APIVERSION', 'NAMESPACED', 'KIND', ...(wide ? ['VERBS', 'CATEGORIES'] : [])].join('\t'));
    for (const k of kinds) {
      const cells = [k.resource, k.shortNames.join(','), apiVersionOf(k), String(k.namespaced), k.kind];
      if (wide) cells.push(VERBS, (k.categories ?? []).join(','));
      lines.push(cells.join('\t'));
    }
    inv.output.out(tabwrite(lines.map((l) => `${l}\n`).join(''), TABLE_SETTINGS));
  },
};
