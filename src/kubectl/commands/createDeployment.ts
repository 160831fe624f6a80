// kubectl create deployment NAME --image=IMAGE…: labels and selector `app: NAME`,
// one container per image named after the image's base name, `replicas: 1`,
// `strategy: {}`, as kubectl v1.32 builds it.
// Source: staging/src/k8s.io/kubectl/pkg/cmd/create/create_deployment.go
// (createDeployment, buildPodSpec, sanitizeAndUniquify).

import type { EngineContext } from '../../engine/context';
import type { KubeObject } from '../../engine/core/types';
import type { KubectlCommand } from '../command';
import { DRY_RUN_FLAG, OUTPUT_FLAG, SAVE_CONFIG_FLAG, VALIDATE_FLAG } from '../commonFlags';
import { KubectlError } from '../errors';
import { generatorName, sendGenerated, sliceFlag } from './createService';

/** The container name kubectl derives from an image: base name without tag or digest; `_`/`.` → `-` plus a random suffix. */
export function containerNameFor(ctx: EngineContext, image: string): string {
  let name = image.split('/').pop()!;
  if (name.includes(':')) name = name.split(':')[0];
  if (name.includes('@')) name = name.split('@')[0];
  if (/[_.]/.test(name)) name = `${name.replace(/[_.]/g, '-')}-${ctx.rng.nameSuffix()}`;
  return name;
}

export function generateDeployment(ctx: EngineContext, name: string, opts: { images: string[]; replicas: number; port: number; command: string[] }): KubeObject {
  const labels = { app: name };
  const containers: Record<string, unknown>[] = opts.images.map((image) => {
    const c: Record<string, unknown> = {};
    if (opts.command.length) c.command = opts.command;
    c.image = image;
    c.name = containerNameFor(ctx, image);
    c.resources = {};
    return c;
  });
  if (opts.port >= 0 && containers.length) containers[0].ports = [{ containerPort: opts.port }];
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { creationTimestamp: null, labels: { ...labels }, name },
    spec: {
      replicas: opts.replicas,
      selector: { matchLabels: { ...labels } },
      strategy: {},
      template: { metadata: { creationTimestamp: null, labels: { ...labels } }, spec: { containers } },
    },
    status: {},
  };
}

export const createDeploymentCommand: KubectlCommand = {
  name: 'deployment',
  aliases: ['deploy'],
  short: 'Create a deployment with the specified name',
  usage: 'create deployment NAME --image=image -- [COMMAND] [args...]',
  examples: '  # Create a deployment named my-dep that runs the busybox image\n  kubectl create deployment my-dep --image=busybox',
  flags: [
    OUTPUT_FLAG, DRY_RUN_FLAG, VALIDATE_FLAG,
    SAVE_CONFIG_FLAG,
    { name: 'image', type: 'stringArray', usage: 'Image names to run.' },
    { name: 'port', type: 'int', default: -1, usage: 'The port that this container exposes.' },
    { name: 'replicas', short: 'r', type: 'int', default: 1, usage: 'Number of replicas to create. Default is 1.' },
  ],
  run(inv) {
    if (!inv.flags.changed('image')) throw new KubectlError('required flag(s) "image" not set');
    const name = generatorName(inv);
    const images = sliceFlag(inv, 'image');
    const command = inv.args.slice(1);
    if (images.length > 1 && command.length) throw new KubectlError('cannot specify multiple --image options and command');
    const deploy = generateDeployment(inv.ctx, name, { images, replicas: inv.flags.int('replicas'), port: inv.flags.int('port'), command });
    sendGenerated(inv, deploy, 'deployment.apps', 'deployment');
  },
};
