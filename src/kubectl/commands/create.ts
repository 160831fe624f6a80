// kubectl create -f FILE, and the `create` generators (`create namespace` here;
// `create service|deployment|ingress|serviceaccount|configmap` in their own modules).
// Sources: staging/src/k8s.io/kubectl/pkg/cmd/create/create.go (RunCreate),
// create_namespace.go.

import { isStatusError } from '../../engine/core/errors';
import type { KubeObject } from '../../engine/core/types';
import type { Invocation, KubectlCommand } from '../command';
import { DRY_RUN_FLAG, dryRunOf, dryRunSuffix, fieldValidationOf, FILENAME_FLAG, OUTPUT_FLAG, SAVE_CONFIG_FLAG, validationOn, VALIDATE_FLAG, withWarnings } from '../commonFlags';
import { addSourceToErr, AggregateError, KubectlError, toError, usageError } from '../errors';
import { readManifests } from '../manifestSource';
import { kindString, mutationFormat, toJSONText, toYAMLText } from '../output';
import { commandHelp } from '../help';
import { LAST_APPLIED, lastAppliedOf } from './apply';
import { createConfigMapCommand, createServiceAccountCommand } from './createConfiguration';
import { createDeploymentCommand } from './createDeployment';
import { createIngressCommand } from './createIngress';
import { createServiceCommand } from './createService';

/** Prints the outcome of a create the way every create path does (`-o` or `kind/name created`). */
export function printCreated(inv: Invocation, kindName: string, obj: KubeObject, op: string): void {
  const format = mutationFormat(inv.flags.string('output'));
  if (format === 'name') inv.output.out(`${kindName}\n`);
  else if (format === 'json') inv.output.out(toJSONText(obj));
  else if (format === 'yaml') inv.output.out(toYAMLText(obj));
  else inv.output.out(`${kindName} ${op}\n`);
}

/** Sends a generated object (create namespace, run …) honouring --dry-run and -o. */
export function createGenerated(inv: Invocation, obj: KubeObject): void {
  const dryRun = dryRunOf(inv.flags);
  const info = inv.ctx.registry.info(obj.kind)!;
  const kindName = `${kindString(info)}/${obj.metadata.name}`;
  if (dryRun === 'client') return printCreated(inv, kindName, obj, `created${dryRunSuffix(dryRun)}`);
  const created = inv.ctx.api.create(obj, { dryRun: dryRun === 'server' });
  printCreated(inv, kindName, created, `created${dryRunSuffix(dryRun)}`);
}

const createNamespaceCommand: KubectlCommand = {
  name: 'namespace',
  aliases: ['ns'],
  short: 'Create a namespace with the specified name',
  usage: 'create namespace NAME [--dry-run=server|client|none]',
  flags: [OUTPUT_FLAG, DRY_RUN_FLAG],
  run(inv) {
    if (inv.args.length !== 1) throw usageError(inv.commandPath, `exactly one NAME is required, got ${inv.args.length}`);
    mutationFormat(inv.flags.string('output'));
    const obj: KubeObject = { apiVersion: 'v1', kind: 'Namespace', metadata: { creationTimestamp: null, name: inv.args[0] }, spec: {}, status: {} };
    createGenerated(inv, obj);
  },
};

export const createCommand: KubectlCommand = {
  name: 'create',
  short: 'Create a resource from a file or from stdin',
  usage: 'create -f FILENAME [options]',
  examples: '  # Create a pod using the data in pod.json\n  kubectl create -f ./pod.json\n\n  # Create a pod based on the JSON passed into stdin\n  cat pod.json | kubectl create -f -',
  flags: [FILENAME_FLAG, OUTPUT_FLAG, DRY_RUN_FLAG, VALIDATE_FLAG, SAVE_CONFIG_FLAG],
  subcommands: [createConfigMapCommand, createDeploymentCommand, createIngressCommand, createNamespaceCommand, createServiceCommand, createServiceAccountCommand],
  run(inv) {
    const filenames = inv.flags.array('filename');
    if (inv.args.length > 0) throw new KubectlError(`unknown command "${inv.args[0]}" for "kubectl create"`);
    if (filenames.length === 0) {
      // create.go prints this and the command's help, then exits 1.
      inv.output.err(`Error: must specify one of -f and -k\n\n${commandHelp(createCommand, inv.commandPath)}`);
      return 1;
    }
    mutationFormat(inv.flags.string('output'));
    const dryRun = dryRunOf(inv.flags);
    const fieldValidation = fieldValidationOf(inv.flags);
    const entries = readManifests(inv, filenames, { validate: validationOn(inv.flags) });
    const errors: Error[] = [];
    for (const entry of entries) {
      if ('error' in entry) {
        errors.push(entry.error);
        continue;
      }
      const { item } = entry;
      let obj = item.object;
      if (inv.flags.bool('save-config')) {
        obj = { ...obj, metadata: { ...obj.metadata, annotations: { ...(obj.metadata.annotations ?? {}), [LAST_APPLIED]: lastAppliedOf(obj) } } };
      }
      const kindName = `${kindString(item.info)}/${item.name}`;
      try {
        if (dryRun === 'client') {
          printCreated(inv, kindName, obj, `created${dryRunSuffix(dryRun)}`);
          continue;
        }
        const created = withWarnings(inv, (warnings) => inv.ctx.api.create(obj, { dryRun: dryRun === 'server', fieldValidation, warnings }));
        printCreated(inv, `${kindString(item.info)}/${created.metadata.name}`, created, `created${dryRunSuffix(dryRun)}`);
      } catch (e) {
        if (!isStatusError(e)) throw e;
        errors.push(addSourceToErr('creating', item.source, toError(e)));
      }
    }
    if (errors.length) throw new AggregateError(errors);
  },
};
