// kubectl patch (TYPE NAME | TYPE/NAME) -p PATCH [--type strategic|merge|json]:
// the patch applied as the API server would, the result sent through update
// (validation applies); `deployment.apps/web patched` or `patched (no change)`.
// Source: staging/src/k8s.io/kubectl/pkg/cmd/patch/patch.go (Validate, RunPatch,
// patchOperation).

import { parse } from 'yaml';
import { clone, jsonEqual } from '../../engine/api/apiServer';
import { isStatusError, StatusError } from '../../engine/core/errors';
import type { KubeObject } from '../../engine/core/types';
import type { KubectlCommand } from '../command';
import { DRY_RUN_FLAG, dryRunOf, FILENAME_FLAG, OUTPUT_FLAG, withWarnings } from '../commonFlags';
import { AggregateError, KubectlError, toError } from '../errors';
import { mutationFormat } from '../output';
import { asPatchError } from '../patchDecodeError';
import { StrategicPatchFormatError } from '../strategicPatch';
import { jsonPatch, mergePatch, PatchError, strategicMergePatch } from './patchApply';
import { objectRef, printResult, resolveTargets } from './targets';

const PATCH_TYPES = ['json', 'merge', 'strategic'];

/** yaml.ToJSON: the patch may be written as JSON or YAML. */
function parsePatch(text: string): unknown {
  try {
    return parse(text, { version: '1.1' }) as unknown;
  } catch (e) {
    throw new KubectlError(`unable to parse ${JSON.stringify(text)}: yaml: ${(e as Error).message.split('\n')[0]}`);
  }
}

/** The API server's answer to a JSON patch that does not apply (422, no reason). */
function unprocessable(message: string): StatusError {
  return new StatusError({ kind: 'Status', apiVersion: 'v1', status: 'Failure', code: 422, reason: '', message });
}

export const patchCommand: KubectlCommand = {
  name: 'patch',
  short: 'Update fields of a resource',
  usage: 'patch (-f FILENAME | TYPE NAME) [-p PATCH|--patch-file FILE]',
  examples: '  # Partially update a node using a strategic merge patch, specifying the patch as JSON\n  kubectl patch node k8s-node-1 -p \'{"spec":{"unschedulable":true}}\'\n\n  # Update a container\'s image using a JSON patch with positional arrays\n  kubectl patch pod valid-pod --type=\'json\' -p=\'[{"op": "replace", "path": "/spec/containers/0/image", "value":"new image"}]\'',
  flags: [
    OUTPUT_FLAG, DRY_RUN_FLAG, FILENAME_FLAG,
    { name: 'patch', short: 'p', type: 'string', usage: 'The patch to be applied to the resource JSON file.' },
    { name: 'patch-file', type: 'string', usage: 'A file containing a patch to be applied to the resource.' },
    { name: 'type', type: 'string', default: 'strategic', usage: 'The type of patch being provided; one of [json merge strategic]' },
    { name: 'local', type: 'bool', usage: 'If true, patch will operate on the content of the file, not the server-side resource.' },
  ],
  run(inv) {
    const { flags, ctx } = inv;
    const dryRun = dryRunOf(flags);
    mutationFormat(flags.string('output'));
    let text = flags.string('patch');
    const file = flags.string('patch-file');
    if (text && file) throw new KubectlError('cannot specify --patch and --patch-file together');
    if (!text && !file) throw new KubectlError('must specify --patch or --patch-file containing the contents of the patch');
    const type = flags.string('type').toLowerCase();
    if (!PATCH_TYPES.includes(type)) throw new KubectlError(`--type must be one of [${PATCH_TYPES.join(' ')}], not ${JSON.stringify(flags.string('type'))}`);
    if (file) {
      const read = inv.env.workspace.read(file);
      if (read === undefined) throw new KubectlError(`unable to read patch file: open ${file}: no such file or directory`);
      text = read;
    }
    const patch = parsePatch(text);
    const { targets, errors } = resolveTargets(inv, inv.args);
    const failures = [...errors];
    for (const { info, obj } of targets) {
      try {
        let patched: KubeObject;
        try {
          if (type === 'json') patched = jsonPatch(obj, patch) as KubeObject;
          else if (type === 'merge') patched = mergePatch(clone(obj), patch) as KubeObject;
          else patched = strategicMergePatch(info.kind, clone(obj), patch) as KubeObject;
        } catch (e) {
          if (e instanceof PatchError) throw unprocessable(e.message);
          if (e instanceof StrategicPatchFormatError) throw e.status();
          throw e;
        }
        let shown = patched;
        try {
          // kubectl patch sends no fieldValidation: the server warns about unknown fields.
          if (dryRun !== 'client') shown = withWarnings(inv, (warnings) => ctx.api.update(patched, { dryRun: dryRun === 'server', warnings }));
        } catch (e) {
          throw asPatchError(e, patch, type as 'strategic' | 'merge' | 'json', patched);
        }
        const changed = !jsonEqual(shown, obj);
        printResult(inv, objectRef(info, obj), shown, changed ? 'patched' : 'patched (no change)', dryRun);
      } catch (e) {
        if (!isStatusError(e) && !(e instanceof KubectlError)) throw e;
        failures.push(toError(e));
      }
    }
    if (failures.length) throw new AggregateError(failures);
    if (targets.length === 0 && errors.length === 0) throw new KubectlError('no objects passed to patch');
  },
};
