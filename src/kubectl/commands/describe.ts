// kubectl describe TYPE [NAME_PREFIX] | TYPE/NAME | -l | -f: the describers'
// text per object; exact name first, then every object whose name starts with it.
// Source: staging/src/k8s.io/kubectl/pkg/cmd/describe/describe.go (Run, DescribeMatchingResources);
// -f with -l or resource arguments: k8s.io/cli-runtime/pkg/resource/builder.go (visitByPaths).

import { apiErrors } from '../../engine/core/errors';
import { qualifiedResource, type KindInfo } from '../../engine/api/registry';
import { matchesSelector } from '../../engine/core/labels';
import type { KubeObject } from '../../engine/core/types';
import type { KubectlCommand } from '../command';
import { ALL_NAMESPACES_FLAG, FILENAME_FLAG, SELECTOR_FLAG } from '../commonFlags';
import { AggregateError, KubectlError, usageError } from '../errors';
import { describeObject } from '../describe';
import { pathLabelSelector, readManifests } from '../manifestSource';
import { listEachSelected, listObjects, listSelectors, namedArgsError, parseResourceArgs, pathArgsError } from '../resources';

export const describeCommand: KubectlCommand = {
  name: 'describe',
  suggestFor: ['inspect'],
  short: 'Show details of a specific resource or group of resources',
  usage: 'describe (-f FILENAME | TYPE [NAME_PREFIX | -l label] | TYPE/NAME)',
  examples: '  # Describe a node\n  kubectl describe nodes kubernetes-node-emt8.c.myproject.internal\n\n  # Describe a pod\n  kubectl describe pods/nginx',
  flags: [FILENAME_FLAG, SELECTOR_FLAG, ALL_NAMESPACES_FLAG, { name: 'show-events', type: 'bool', default: true, usage: 'If true, display events related to the described object.' }],
  run(inv) {
    const { ctx, flags } = inv;
    const allNamespaces = flags.bool('all-namespaces');
    const namespace = allNamespaces ? undefined : inv.namespace;
    const errors: Error[] = [];
    const targets: { info: KindInfo; obj: KubeObject }[] = [];
    const filenames = flags.array('filename');
    if (filenames.length) {
      const entries = readManifests(inv, filenames, { validate: true });
      const refused = pathArgsError(inv.args);
      if (refused) throw new KubectlError(refused);
      // No Latest() here: -l filters the objects as the file has them (visitByPaths).
      const selector = pathLabelSelector(flags.string('selector'));
      for (const entry of entries) {
        if ('error' in entry) { errors.push(entry.error); continue; }
        if (selector && !matchesSelector(entry.item.object.metadata.labels, selector)) continue;
        const { info, name, namespace: ns } = entry.item;
        const obj = ctx.api.tryGet(info.kind, ns || undefined, name);
        if (obj) targets.push({ info, obj });
        else errors.push(apiErrors.notFound(qualifiedResource(info), name));
      }
    } else {
      const req = parseResourceArgs(ctx, inv.args);
      if (!req) {
        inv.output.err('You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.\n\n');
        throw usageError(inv.commandPath, 'Required resource not specified.');
      }
      const refused = namedArgsError(req, { selector: flags.string('selector').trim() !== '', allNamespaces });
      if (refused) throw new KubectlError(refused);
      if (req.named.length) {
        for (const { info, name } of req.named) {
          const obj = ctx.api.tryGet(info.kind, info.namespaced ? inv.namespace : undefined, name);
          if (obj) targets.push({ info, obj });
          else errors.push(apiErrors.notFound(qualifiedResource(info), name));
        }
        // `describe TYPE PREFIX` with no exact match: every object whose name starts with it, each followed by a newline.
        if (targets.length === 0 && inv.args.length === 2 && !inv.args[0].includes('/') && req.types.length === 1) {
          const info = req.types[0];
          const matches = listObjects(ctx, info, info.namespaced ? inv.namespace : undefined).filter((o) => o.metadata.name!.startsWith(inv.args[1]));
          if (matches.length) {
            for (const obj of matches) inv.output.out(`${describeObject(ctx, info.kind, obj)}\n`);
            return;
          }
        }
      } else {
        // A LIST the server refuses (a bad -l) is reported with the other errors.
        for (const { info, objects } of listEachSelected(ctx, req.types, namespace, listSelectors(flags.string('selector')), errors)) {
          for (const obj of objects) targets.push({ info, obj });
        }
      }
    }
    // Objects are separated by "\n\n" after each describer's own trailing newline (describe.go Run).
    inv.output.out(targets.map((t) => describeObject(ctx, t.info.kind, t.obj)).join('\n\n'));
    if (targets.length === 0 && errors.length === 0) inv.output.err(allNamespaces ? 'No resources found\n' : `No resources found in ${inv.namespace} namespace.\n`);
    if (errors.length) throw new AggregateError(errors);
  },
};
