// kubectl apply -f (client-side apply): create with the last-applied annotation,
// or patch the live object by a three-way merge; `created` / `configured` /
// `unchanged`. Every document is tried; errors are collected and reported at the
// end, exit 1 if any.
// Sources: staging/src/k8s.io/kubectl/pkg/cmd/apply/apply.go (Run, applyOneObject),
// apply/patcher.go, staging/src/k8s.io/kubectl/pkg/util/apply.go (GetModifiedConfiguration).

import { isStatusError } from '../../engine/core/errors';
import type { KubeObject } from '../../engine/core/types';
import type { Invocation, KubectlCommand } from '../command';
import { DRY_RUN_FLAG, dryRunOf, dryRunSuffix, fieldValidationOf, FILENAME_FLAG, OUTPUT_FLAG, validationOn, VALIDATE_FLAG, withWarnings } from '../commonFlags';
import { addSourceToErr, AggregateError, KubectlError, toError } from '../errors';
import { infoString, type ManifestItem, readManifests } from '../manifestSource';
import { asPatchError } from '../patchDecodeError';
import { kindString, mutationFormat, sortKeys, toJSONText, toYAMLText } from '../output';
import { applyStrategicMergePatch, createThreeWayMergePatch, StrategicPatchFormatError } from '../strategicPatch';

export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/** The annotation's value: the manifest (without the annotation) as compact JSON with sorted keys, plus "\n". */
export function lastAppliedOf(obj: KubeObject): string {
  const annotations = { ...(obj.metadata.annotations ?? {}) };
  delete annotations[LAST_APPLIED];
  const withoutAnnotation = { ...obj, metadata: { ...obj.metadata, annotations } };
  return `${JSON.stringify(sortKeys(withoutAnnotation))}\n`;
}

/** The manifest as apply sends it: with its own last-applied annotation. */
function withLastApplied(obj: KubeObject): KubeObject {
  const value = lastAppliedOf(obj);
  return { ...obj, metadata: { ...obj.metadata, annotations: { ...(obj.metadata.annotations ?? {}), [LAST_APPLIED]: value } } };
}

function missingAnnotationWarning(item: ManifestItem): string {
  return `Warning: resource ${item.info.resource}/${item.name} is missing the ${LAST_APPLIED} annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n`;
}

function applyOne(inv: Invocation, item: ManifestItem, print: (item: ManifestItem, obj: KubeObject, op: string) => void): void {
  const { ctx } = inv;
  const dryRun = dryRunOf(inv.flags);
  const fieldValidation = fieldValidationOf(inv.flags);
  if (!item.name) {
    throw addSourceToErr(`retrieving current configuration of:\n${infoString(item)}\nfrom server for:`, item.source, new KubectlError('resource name may not be empty'));
  }
  const modified = withLastApplied(item.object);
  const live = ctx.api.tryGet(item.info.kind, item.namespace || undefined, item.name);
  if (!live) {
    // Creating in a namespace that does not exist: the server's NotFound for the namespace.
    if (dryRun === 'client') return print(item, modified, `created${dryRunSuffix(dryRun)}`);
    try {
      const created = withWarnings(inv, (warnings) => ctx.api.create(modified, { dryRun: dryRun === 'server', fieldValidation, warnings }));
      return print(item, created, `created${dryRunSuffix(dryRun)}`);
    } catch (e) {
      throw addSourceToErr('creating', item.source, e);
    }
  }
  // kubectl v1.32–v1.34 (apply.go applyOneObject): with --dry-run=client an existing object is
  // neither diffed nor patched: no missing-annotation warning, always `configured (dry run)`,
  // and -o prints the live object as fetched. (kubernetes#135513, after v1.34, computes the
  // patch locally instead: `unchanged (dry run)` and the merged object.)
  if (dryRun === 'client') return print(item, live, `configured${dryRunSuffix(dryRun)}`);
  const liveAnnotation = live.metadata.annotations?.[LAST_APPLIED];
  if (liveAnnotation === undefined) inv.output.err(missingAnnotationWarning(item));
  let original: Record<string, unknown> | undefined;
  try {
    original = liveAnnotation ? (JSON.parse(liveAnnotation) as Record<string, unknown>) : undefined;
  } catch {
    original = undefined;
  }
  const patch = createThreeWayMergePatch(item.info.kind, original, modified as Record<string, unknown>, live as Record<string, unknown>);
  let merged: KubeObject;
  try {
    merged = applyStrategicMergePatch(item.info.kind, live, patch) as KubeObject;
  } catch (e) {
    if (!(e instanceof StrategicPatchFormatError)) throw e;
    throw addSourceToErr(`applying patch:\n${patchText(patch)}\nto:\n${infoString(item)}\nfor:`, item.source, e.status());
  }
  // patcher.go patchSimple: an empty patch is not sent, and apply prints `unchanged`
  // (`unchanged (server dry run)` with --dry-run=server).
  if (Object.keys(patch).length === 0) return print(item, live, `unchanged${dryRunSuffix(dryRun)}`);
  try {
    // kubectl sends the patch with the same fieldValidation (apply.go applyOneObject's helper).
    const updated = withWarnings(inv, (warnings) => ctx.api.update(merged, { dryRun: dryRun === 'server', fieldValidation, warnings }));
    print(item, updated, `configured${dryRunSuffix(dryRun)}`);
  } catch (e) {
    // kubectl sends the patch; a type error surfaces from the server's PATCH handler.
    throw addSourceToErr(`applying patch:\n${patchText(patch)}\nto:\n${infoString(item)}\nfor:`, item.source, asPatchError(e, patch, 'strategic'));
  }
}

/** The patch as apply.go quotes it: Go's json.Marshal (compact, map keys sorted). */
const patchText = (patch: unknown) => JSON.stringify(sortKeys(patch));

export const applyCommand: KubectlCommand = {
  name: 'apply',
  short: 'Apply a configuration to a resource by file name or stdin',
  usage: 'apply (-f FILENAME | -k DIRECTORY) [options]',
  examples: "  # Apply the configuration in pod.json to a pod\n  kubectl apply -f ./pod.json\n\n  # Apply the JSON passed into stdin to a pod\n  cat pod.json | kubectl apply -f -",
  flags: [FILENAME_FLAG, OUTPUT_FLAG, DRY_RUN_FLAG, VALIDATE_FLAG, { name: 'recursive', short: 'R', type: 'bool', usage: 'Process the directory used in -f, --filename recursively.' }],
  run(inv) {
    const filenames = inv.flags.array('filename');
    const format = mutationFormat(inv.flags.string('output'));
    dryRunOf(inv.flags);
    if (filenames.length === 0) throw new KubectlError('must specify one of -f and -k');
    const entries = readManifests(inv, filenames, { validate: validationOn(inv.flags) });
    const errors: Error[] = [];
    let applied = 0;
    const print = (item: ManifestItem, obj: KubeObject, op: string) => {
      if (format === 'name') inv.output.out(`${kindString(item.info)}/${item.name}\n`);
      else if (format === 'json') inv.output.out(toJSONText(obj));
      else if (format === 'yaml') inv.output.out(toYAMLText(obj));
      else inv.output.out(`${kindString(item.info)}/${item.name} ${op}\n`);
    };
    for (const entry of entries) {
      if ('error' in entry) {
        errors.push(entry.error);
        continue;
      }
      applied++;
      try {
        applyOne(inv, entry.item, print);
      } catch (e) {
        if (!isStatusError(e) && !(e instanceof KubectlError)) throw e;
        errors.push(toError(e));
      }
    }
    if (applied === 0 && errors.length === 0) throw new KubectlError('no objects passed to apply');
    if (errors.length) throw new AggregateError(errors);
  },
};
