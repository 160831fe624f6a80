// One `kubectl edit` while the person's editor is open: each time the editor closes, the
// file is read and handled as editoptions.go's loop does — refused without a change to a
// refused file, validated, cancelled when unchanged or empty, parsed, patched object by
// object — and either the command ends or the file opens again with the reasons on top.
// The playground's editor is the workspace: the file is a workspace file, the UI opens it
// as a tab, and RunningCommand.closeEditor() is the editor exiting (engine/running.ts).
// Sources: staging/src/k8s.io/kubectl/pkg/cmd/util/editor/editoptions.go (Run's editFn,
// visitToPatch, visitAnnotation, editResults.addError, preservedFile), validation/schema.go
// (paramVerifyingSchema.ValidateBytes: only Parse and GetObjectKind run client-side when the
// server validates fields), cli-runtime/pkg/resource/visitor.go (RequireNamespace).

import { clone, jsonEqual } from '../../engine/api/apiServer';
import { isStatusError } from '../../engine/core/errors';
import type { KubeObject } from '../../engine/core/types';
import type { LiveCommand, LiveOutput } from '../../engine/running';
import { parseManifests } from '../../manifests';
import { type Invocation, Output } from '../command';
import { fieldValidationOf, withWarnings } from '../commonFlags';
import { KubectlError } from '../errors';
import { type ManifestItem, readManifestText } from '../manifestSource';
import { asPatchError } from '../patchDecodeError';
import { StrategicPatchFormatError } from '../strategicPatch';
import { lastAppliedOf, LAST_APPLIED } from './apply';
import { changesIdentity, type EditReason, hasLines, headerText, manualStrip, patchJSON, stripComments, twoWayMergePatch, yamlToJSON } from './editText';
import { strategicMergePatch } from './patchApply';
import { objectRef, printResult, type Target } from './targets';

export interface EditOptions {
  format: 'yaml' | 'json';
  outputPatch: boolean;
  saveConfig: boolean;
  subresource: string;
  windowsLineEndings: boolean;
}

/** `services`, `deployments.apps`: how edit names a resource in its messages (editResults.addError). */
const resourceString = (t: Target) => (t.info.group ? `${t.info.resource}.${t.info.group}` : t.info.resource);

/** paramVerifyingSchema.ValidateBytes with a server that validates fields: the text must parse and name its kind. */
function validationError(data: string): string | undefined {
  const parsed = yamlToJSON(data);
  if ('error' in parsed) return parsed.error;
  const v = parsed.value;
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return 'invalid object to validate';
  const fields = v as Record<string, unknown>;
  const problems: string[] = [];
  if (fields.apiVersion === undefined || fields.apiVersion === null) problems.push('apiVersion not set');
  else if (typeof fields.apiVersion !== 'string') problems.push("apiVersion isn't string type");
  if (fields.kind === undefined || fields.kind === null) problems.push('kind not set');
  else if (typeof fields.kind !== 'string') problems.push("kind isn't string type");
  // utilerrors.NewAggregate's text.
  return problems.length === 0 ? undefined : problems.length === 1 ? problems[0] : `[${problems.join(', ')}]`;
}

/** The builder's Stream(…, "edited-file").Flatten(): the documents, a List's items one by one. */
function editedItems(inv: Invocation, text: string): { items: ManifestItem[] } | { error: string } {
  const parsed = parseManifests(text, { positions: false });
  let stream = text;
  if (!parsed.error && parsed.documents.every((d) => !d.error)) {
    const values = parsed.documents.filter((d) => !d.empty).map((d) => d.value);
    const isList = (v: unknown): v is { items: unknown[] } => typeof v === 'object' && v !== null && (v as { kind?: unknown }).kind === 'List' && Array.isArray((v as { items?: unknown }).items);
    if (values.some(isList)) stream = values.flatMap((v) => (isList(v) ? v.items : [v])).map((v) => JSON.stringify(v)).join('\n---\n');
  }
  // The namespace is checked afterwards, as RequireNamespace does for edit whatever -n said.
  const entries = readManifestText({ ...inv, explicitNamespace: false }, 'edited-file', stream, { validate: false });
  const errors = entries.flatMap((e) => ('error' in e ? [e.error.message] : []));
  if (errors.length) return { error: errors.length === 1 ? errors[0] : `[${errors.join(', ')}]` };
  return { items: entries.flatMap((e) => ('item' in e ? [e.item] : [])) };
}

/** Go's %#v of an unstructured object, as "no original object found for …" prints it. */
function goSharp(v: unknown): string {
  if (v === null || v === undefined) return 'interface {}(nil)';
  if (Array.isArray(v)) return `[]interface {}{${v.map(goSharp).join(', ')}}`;
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `map[string]interface {}{${Object.keys(o).sort().map((k) => `${JSON.stringify(k)}:${goSharp(o[k])}`).join(', ')}}`;
  }
  return typeof v === 'string' ? JSON.stringify(v) : String(v);
}

/** kubectl's output streams once the command runs on: what printResult and withWarnings write goes to the running command. */
class LiveForward extends Output {
  constructor(private readonly live: LiveOutput) {
    super();
  }
  override out(text: string): void {
    this.live.out(text);
  }
  override err(text: string): void {
    this.live.err(text);
  }
}

/** Why the edit stops, keeping the file (preservedFile): its text is the error kubectl prints. */
class Preserved extends Error {}

export class EditSession implements LiveCommand {
  /** A person's Ctrl-C ends kubectl (and the editor) by the signal: the shell's 130. */
  readonly interruptedExitCode = 130;
  private out: LiveOutput | undefined;
  private waiting = true;
  /** Whether the file stays when the command ends (upstream leaves a copy of refused changes). */
  private keepFile = false;
  private containsError = false;
  /** What the person saved last time (compared with the next save after a refusal). */
  private edited = '';
  private reasons: EditReason[] = [];

  constructor(
    private inv: Invocation,
    private readonly originals: readonly Target[],
    /** The file as first written (header and object): an unchanged save cancels the edit. */
    private readonly original: string,
    /** The file the editor has open now: each pass is a new temp file (editor.go LaunchTempFile). */
    public path: string,
    private readonly options: EditOptions,
    /** Names the next pass's temp file. */
    private readonly nextPath: () => string,
  ) {}

  /** The file of the pass before (editResults.file), removed once the next pass's file is read. */
  private previousPath: string | undefined;

  begin(out: LiveOutput): this {
    this.out = out;
    this.inv = { ...this.inv, output: new LiveForward(out) };
    return this;
  }

  editing() {
    return this.waiting ? { path: this.path } : undefined;
  }

  stop(): void {
    this.waiting = false;
    if (!this.keepFile) {
      this.inv.env.workspace.remove(this.path);
      if (this.previousPath) this.inv.env.workspace.remove(this.previousPath);
    }
  }

  noEditor(): void {
    // Editor.Launch with no $EDITOR (vi) to run: preservedFile has no earlier file to name.
    this.finish(1, 'error: unable to launch the editor "vi"\n');
  }

  editorClosed(): void {
    try {
      this.afterSave();
    } catch (e) {
      if (!(e instanceof Preserved)) throw e;
      this.keepFile = true;
      this.finish(1, `A copy of your changes has been stored to "${this.path}"\nerror: ${e.message}\n`);
    } finally {
      // The API server's writes reach the controllers (a nodePort allocated, endpoints…) at once, as after any command.
      this.inv.env.advance?.(0);
    }
  }

  private finish(exitCode: number, stderr = ''): void {
    this.waiting = false;
    if (stderr) this.out?.err(stderr);
    this.out?.end(exitCode);
  }

  /** The editor again, on a new temp file: the header with the reasons, then what the person wrote (comments dropped). */
  private reopen(): void {
    const header = this.options.format === 'yaml' ? headerText(this.reasons) : '';
    this.previousPath = this.path;
    this.path = this.nextPath();
    this.write(header + manualStrip(this.edited));
  }

  write(text: string): void {
    this.inv.env.workspace.write(this.path, this.options.windowsLineEndings ? text.replace(/\r?\n/g, '\r\n') : text);
  }

  private afterSave(): void {
    const { inv } = this;
    const text = inv.env.workspace.read(this.path);
    if (text === undefined) {
      this.waiting = false;
      throw new KubectlError(`open ${this.path}: no such file or directory`);
    }
    const before = this.edited;
    this.edited = text;
    // Parsed once: the comparisons and the validation below all read the text without its comments.
    const stripped = stripComments(text);
    if (this.containsError && stripComments(before) === stripped) throw new Preserved('Edit cancelled, no valid changes were saved.');
    // "cleanup any file from the previous pass" (left in place by the cancel above, as upstream).
    if (this.previousPath) inv.env.workspace.remove(this.previousPath);
    this.previousPath = undefined;

    if (fieldValidationOf(inv.flags) !== 'Ignore') {
      const problem = validationError(stripped);
      if (problem) {
        this.containsError = true;
        const first = this.originals[0];
        this.reasons = [{ head: `${resourceString(first)} "${first.obj.metadata.name}" was not valid`, other: [`<nil>: Invalid value: "The edited file failed validation": ${problem}`] }];
        this.out?.err(`error: ${resourceString(first)} "${first.obj.metadata.name}" is invalid\n`);
        return this.reopen();
      }
    }
    if (stripComments(this.original) === stripped) {
      inv.env.workspace.remove(this.path);
      return this.finish(0, 'Edit cancelled, no changes made.\n');
    }
    if (!hasLines(text)) {
      inv.env.workspace.remove(this.path);
      return this.finish(0, 'Edit cancelled, saved file was empty.\n');
    }
    this.reasons = [];
    const parsed = editedItems(inv, text);
    if ('error' in parsed) {
      this.containsError = true;
      this.reasons.push({ head: `The edited file had a syntax error: ${parsed.error}`, other: [] });
      return this.reopen();
    }
    this.containsError = false;
    for (const item of parsed.items) {
      if (item.info.namespaced && item.namespace !== inv.namespace) {
        throw new Preserved(`the namespace from the provided object "${item.namespace}" does not match the namespace "${inv.namespace}". You must pass '--namespace=${item.namespace}' to perform this operation.`);
      }
      // --save-config (visitAnnotation): the edited object, as it stands, becomes the last-applied configuration.
      if (this.options.saveConfig) {
        const annotations = { ...(item.object.metadata.annotations ?? {}) };
        annotations[LAST_APPLIED] = lastAppliedOf(item.object);
        item.object.metadata = { ...item.object.metadata, annotations };
      }
    }
    const counts = { invalid: 0, notFound: 0, retryable: 0 };
    for (const item of parsed.items) this.patchOne(item, counts);
    if (counts.retryable > 0) {
      this.keepFile = true;
      return this.finish(1, `You can run \`kubectl replace -f ${this.path}\` to try this update again.\n`);
    }
    if (counts.notFound > 0) {
      this.keepFile = true;
      return this.finish(1, `The edits you made on deleted resources have been saved to "${this.path}"\n`);
    }
    if (counts.invalid === 0) {
      inv.env.workspace.remove(this.path);
      return this.finish(0);
    }
    this.containsError = true;
    this.reopen();
  }

  /** visitToPatch for one edited object: the two-way patch against the object as fetched, sent as a PATCH. */
  private patchOne(item: ManifestItem, counts: { invalid: number; notFound: number; retryable: number }): void {
    const { inv } = this;
    const { ctx } = inv;
    const uid = item.object.metadata?.uid;
    const original = this.originals.find((t) => t.obj.metadata.uid === uid);
    if (!original) throw new Preserved(`no original object found for &unstructured.Unstructured{Object:${goSharp(item.object)}}`);
    const originalJS = clone(original.obj) as unknown as Record<string, unknown>;
    const editedJS = item.object as unknown as Record<string, unknown>;
    const ref = objectRef(original.info, original.obj);
    // reflect.DeepEqual of the two objects' JSON (encodeToJSON sorts map keys): key order does not count.
    if (jsonEqual(originalJS, editedJS)) {
      printResult(inv, ref, original.obj, 'skipped', 'none');
      return;
    }
    const patch = twoWayMergePatch(original.info.kind, originalJS, editedJS);
    if (changesIdentity(patch)) throw new Preserved('At least one of apiVersion, kind and name was changed');
    if (this.options.outputPatch) this.out?.out(`Patch: ${patchJSON(patch)}\n`);
    const { kind } = original.info;
    const namespace = original.obj.metadata.namespace;
    const name = original.obj.metadata.name!;
    try {
      let result: KubeObject;
      if (this.options.subresource === 'status') {
        // The status subresource's PATCH changes status only.
        result = ctx.api.updateStatus(kind, namespace, name, (obj) => {
          obj.status = (strategicMergePatch(kind, clone(obj), patch) as KubeObject).status;
        });
      } else {
        const patched = strategicMergePatch(kind, clone(ctx.api.get(kind, namespace, name)), patch) as KubeObject;
        try {
          result = withWarnings(inv, (warnings) => ctx.api.update(patched, { fieldValidation: fieldValidationOf(inv.flags), warnings }));
        } catch (e) {
          throw asPatchError(e, patch, 'strategic');
        }
      }
      printResult(inv, ref, result, 'edited', 'none');
    } catch (caught) {
      // A patch the server's strategic merge refuses comes back as its Status (400 or 500).
      const e = caught instanceof StrategicPatchFormatError ? caught.status() : caught;
      if (!isStatusError(e) && !(e instanceof KubectlError)) throw e;
      const label = `${resourceString(original)} "${name}"`;
      if (isStatusError(e) && e.reason === 'Invalid') {
        counts.invalid++;
        const causes = e.status.details?.causes ?? [];
        this.reasons.push({ head: `${label} was not valid`, other: causes.map((c) => `${c.field ?? ''}: ${c.message}`) });
        this.out?.err(`error: ${label} is invalid\n`);
      } else if (isStatusError(e) && e.reason === 'NotFound') {
        counts.notFound++;
        this.out?.err(`error: ${label} could not be found on the server\n`);
      } else {
        counts.retryable++;
        this.out?.err(`error: ${label} could not be patched: ${e.message}\n`);
      }
    }
  }
}
