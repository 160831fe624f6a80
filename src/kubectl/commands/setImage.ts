// kubectl set image (TYPE NAME | TYPE/NAME) CONTAINER=IMAGE…: updates the
// pod template (or the pod) and prints `deployment.apps/web image updated`;
// nothing when the images were already set; an error per unknown container.
// Source: staging/src/k8s.io/kubectl/pkg/cmd/set/set_image.go (Run, setImage,
// getResourcesAndImages), polymorphichelpers/updatepodspec.go.

import { clone } from '../../engine/api/apiServer';
import { jsonEqual } from '../../engine/api/apiServer';
import { isStatusError } from '../../engine/core/errors';
import type { Container, KubeObject, PodSpec } from '../../engine/core/types';
import type { KubectlCommand } from '../command';
import { DRY_RUN_FLAG, dryRunOf, OUTPUT_FLAG, SELECTOR_FLAG } from '../commonFlags';
import { AggregateError, KubectlError, toError } from '../errors';
import { mutationFormat } from '../output';
import { objectRef, printResult, resolveTargets, splitResourcesAndPairs } from './targets';

/** The pod spec UpdatePodSpecForObject edits, or undefined for kinds without one. */
export function podSpecFor(obj: KubeObject): PodSpec | undefined {
  const spec = obj.spec as { template?: { spec?: PodSpec }; jobTemplate?: { spec?: { template?: { spec?: PodSpec } } } } | undefined;
  switch (obj.kind) {
    case 'Pod':
      return obj.spec as PodSpec;
    case 'Deployment':
    case 'ReplicaSet':
    case 'StatefulSet':
    case 'DaemonSet':
    case 'ReplicationController':
    case 'Job':
      return spec?.template?.spec;
    case 'CronJob':
      return spec?.jobTemplate?.spec?.template?.spec;
    default:
      return undefined;
  }
}

function setImage(containers: Container[] | undefined, name: string, image: string): boolean {
  let found = false;
  for (const c of containers ?? []) {
    if (c.name === name || name === '*') {
      found = true;
      c.image = image;
    }
  }
  return found;
}

const setImageCommand: KubectlCommand = {
  name: 'image',
  short: 'Update the image of a pod template',
  usage: 'set image (-f FILENAME | TYPE NAME) CONTAINER_NAME_1=CONTAINER_IMAGE_1 ... CONTAINER_NAME_N=CONTAINER_IMAGE_N',
  examples: "  # Set a deployment's nginx container image to 'nginx:1.9.1', and its busybox container image to 'busybox'\n  kubectl set image deployment/nginx busybox=busybox nginx=nginx:1.9.1",
  flags: [
    OUTPUT_FLAG, DRY_RUN_FLAG, SELECTOR_FLAG,
    { name: 'all', type: 'bool', usage: 'Select all resources, in the namespace of the specified resource types' },
  ],
  run(inv) {
    const { flags, ctx } = inv;
    const dryRun = dryRunOf(flags);
    mutationFormat(flags.string('output'));
    const { resources, pairs } = splitResourcesAndPairs(inv.args, 'image');
    const images = new Map<string, string>();
    const invalid = pairs.filter((p) => p[0] === '=');
    if (invalid.length) throw new KubectlError(`invalid image format: ${invalid.join(', ')}`);
    for (const p of pairs) images.set(p.slice(0, p.indexOf('=')), p.slice(p.indexOf('=') + 1));
    // Validate collects these into one aggregate.
    const problems: string[] = [];
    if (flags.bool('all') && flags.string('selector')) problems.push('cannot set --all and --selector at the same time');
    if (resources.length < 1) problems.push('one or more resources must be specified as <resource> <name> or <resource>/<name>');
    if (images.size < 1) problems.push('at least one image update is required');
    else if (images.size > 1 && images.has('*')) problems.push('all containers are already specified by *, but saw more than one container_name=container_image pairs');
    if (problems.length === 1) throw new KubectlError(problems[0]);
    if (problems.length > 1) throw new KubectlError(`[${problems.join(', ')}]`);
    const { targets, errors } = resolveTargets(inv, resources, { all: flags.bool('all'), selector: flags.string('selector') });
    const failures: Error[] = [...errors];
    for (const { info, obj } of targets) {
      const next = clone(obj) as KubeObject;
      const spec = podSpecFor(next);
      if (!spec) {
        failures.push(new KubectlError(`error: ${info.resource}/${obj.metadata.name} the object is not a pod or does not have a pod template: *v1.${info.kind}\n`));
        continue;
      }
      for (const [name, image] of images) {
        const inInit = setImage(spec.initContainers, name, image);
        const inMain = setImage(spec.containers, name, image);
        if (!inInit && !inMain) failures.push(new KubectlError(`error: unable to find container named ${JSON.stringify(name)}`));
      }
      if (jsonEqual(next, obj)) continue; // an empty patch: nothing sent, nothing printed
      try {
        const shown = dryRun === 'client' ? next : ctx.api.update(next, { dryRun: dryRun === 'server' });
        printResult(inv, objectRef(info, obj), shown, 'image updated', dryRun);
      } catch (e) {
        if (!isStatusError(e)) throw e;
        failures.push(new KubectlError(`failed to patch image update to pod template: ${toError(e).message}`));
      }
    }
    if (failures.length) throw new AggregateError(failures);
  },
};

export const setCommand: KubectlCommand = {
  name: 'set',
  short: 'Set specific features on objects',
  usage: 'set SUBCOMMAND [options]',
  flags: [],
  subcommands: [setImageCommand],
};
