// kubectl scale TYPE NAME --replicas=N (deployments, replicasets, statefulsets).
// Source: staging/src/k8s.io/kubectl/pkg/cmd/scale/scale.go.

import { isStatusError, StatusError } from '../../engine/core/errors';
import { clone } from '../../engine/api/apiServer';
import type { KubeObject } from '../../engine/core/types';
import type { KubectlCommand } from '../command';
import { DRY_RUN_FLAG, dryRunOf, dryRunSuffix, FILENAME_FLAG, OUTPUT_FLAG, SELECTOR_FLAG } from '../commonFlags';
import { AggregateError, KubectlError, toError } from '../errors';
import { kindString } from '../output';
import { listSelected, listSelectors, namedArgsError, parseResourceArgs } from '../resources';

/** Kinds with a `scale` subresource. */
const SCALABLE = new Set(['Deployment', 'ReplicaSet', 'StatefulSet', 'ReplicationController']);

const noScaleSubresource = () =>
  new StatusError({ kind: 'Status', apiVersion: 'v1', status: 'Failure', code: 404, reason: 'NotFound', message: 'the server could not find the requested resource' });

export const scaleCommand: KubectlCommand = {
  name: 'scale',
  short: 'Set a new size for a deployment, replica set, or replication controller',
  usage: 'scale [--resource-version=version] [--current-replicas=count] --replicas=COUNT (-f FILENAME | TYPE NAME)',
  examples: '  # Scale a replica set named \'foo\' to 3\n  kubectl scale --replicas=3 rs/foo',
  flags: [
    FILENAME_FLAG, SELECTOR_FLAG, OUTPUT_FLAG, DRY_RUN_FLAG,
    { name: 'replicas', type: 'int', default: -1, usage: 'The new desired number of replicas. Required.' },
    { name: 'current-replicas', type: 'int', default: -1, usage: 'Precondition for current size. Requires that the current size of the resource match this value in order to scale.' },
    { name: 'all', type: 'bool', usage: 'Select all resources in the namespace of the specified resource types' },
  ],
  run(inv) {
    const { ctx, flags } = inv;
    if (!flags.changed('replicas')) throw new KubectlError('required flag(s) "replicas" not set');
    const replicas = flags.int('replicas');
    if (replicas < 0) throw new KubectlError('The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0');
    const dryRun = dryRunOf(flags);
    const req = parseResourceArgs(ctx, inv.args);
    if (!req) {
      throw new KubectlError(`You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'`);
    }
    // The builder refuses names beside a selector (cli-runtime resource/builder.go visitBySelector).
    const refused = namedArgsError(req, { selector: flags.string('selector').trim() !== '' });
    if (refused) throw new KubectlError(refused);
    const selectors = listSelectors(flags.string('selector'));
    let targets: { kind: string; name: string }[] = [];
    const errors: Error[] = [];
    if (req.named.length) targets = req.named.map((n) => ({ kind: n.info.kind, name: n.name }));
    else if (flags.bool('all') || selectors.labelSelector) {
      for (const t of req.types) {
        try {
          for (const o of listSelected(ctx, t, inv.namespace, selectors)) targets.push({ kind: t.kind, name: o.metadata.name! });
        } catch (e) {
          if (!isStatusError(e)) throw e;
          errors.push(e);
        }
      }
      // RunScale: with nothing to scale, the LIST errors (r.Infos()) are all it reports, and
      // without any it fails with "no objects passed to scale".
      if (targets.length === 0) throw errors.length ? new AggregateError(errors) : new KubectlError('no objects passed to scale');
    } else throw new KubectlError('resource(s) were provided, but no name was specified');
    for (const t of targets) {
      const info = ctx.registry.info(t.kind)!;
      try {
        const live = ctx.api.get(t.kind, inv.namespace, t.name);
        if (!SCALABLE.has(t.kind)) throw noScaleSubresource();
        const current = (live.spec as { replicas?: number } | undefined)?.replicas;
        if (flags.int('current-replicas') >= 0 && current !== flags.int('current-replicas')) {
          throw new KubectlError(`Expected replicas to be ${flags.int('current-replicas')}, was ${current ?? 1}`);
        }
        if (dryRun !== 'client') {
          const next = clone(live) as KubeObject & { spec: { replicas?: number } };
          next.spec.replicas = replicas;
          ctx.api.update(next, { dryRun: dryRun === 'server' });
        }
        if (flags.string('output') === 'name') inv.output.out(`${kindString(info)}/${t.name}\n`);
        else inv.output.out(`${kindString(info)}/${t.name} scaled${dryRunSuffix(dryRun)}\n`);
      } catch (e) {
        if (!isStatusError(e) && !(e instanceof KubectlError)) throw e;
        errors.push(toError(e));
      }
    }
    if (errors.length) throw new AggregateError(errors);
  },
};
