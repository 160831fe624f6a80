// kubectl edit (TYPE NAME… | TYPE/NAME… | TYPE | -f FILE): fetches the objects, writes them
// (one object, or a List of several) under edit's comment header to a temp file, opens it in
// the person's editor, and keeps running until the editor closes (editSession.ts). In the
// playground the temp file is a workspace file that the UI opens as a tab; a start()ed
// command offers closeEditor() for its Done button. Plain exec has no editor to wait for and
// fails as kubectl does when $EDITOR cannot start.
// Sources: staging/src/k8s.io/kubectl/pkg/cmd/edit/edit.go (flags, help),
// pkg/cmd/util/editor/editoptions.go (Complete, Validate, Run), editor.go (LaunchTempFile,
// tempFile: `kubectl-edit-` + 5 random letters or digits + `.yaml|.json` in the temp directory).

import type { Workspace } from '../../engine/workspace';
import type { KubectlCommand } from '../command';
import { fieldValidationOf, OUTPUT_FLAG, VALIDATE_FLAG } from '../commonFlags';
import { AggregateError, KubectlError } from '../errors';
import { readManifests } from '../manifestSource';
import { asList, toJSONText, toYAMLText } from '../output';
import { pathArgsError } from '../resources';
import { keepRunning } from '../streaming';
import { apiErrors } from '../../engine/core/errors';
import { qualifiedResource } from '../../engine/api/registry';
import { EditSession } from './editSession';
import { headerText } from './editText';
import { resolveTargets, type Target } from './targets';

const SUPPORTED_SUBRESOURCES = ['status'];
const LETTERS = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** Temp files made so far on each cluster: names are deterministic, never drawn from the cluster's random generator. */
const tempFiles = new WeakMap<Workspace, number>();

/** tempFile: `/tmp/kubectl-edit-XXXXX.yaml`, five letters or digits, a name no file has. */
function tempPath(workspace: Workspace, seed: number, ext: string): string {
  let n = tempFiles.get(workspace) ?? 0;
  for (;;) {
    n++;
    // A small xorshift over (seed, n): stable across runs and reloads, different per edit.
    let x = (Math.imul(seed + 1, 0x9e3779b1) ^ Math.imul(n, 0x85ebca6b)) >>> 0 || 1;
    let name = '';
    for (let i = 0; i < 5; i++) {
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      x >>>= 0;
      name += LETTERS[x % LETTERS.length];
    }
    const path = `/tmp/kubectl-edit-${name}${ext}`;
    if (workspace.read(path) === undefined) {
      tempFiles.set(workspace, n);
      return path;
    }
  }
}

export const editCommand: KubectlCommand = {
  name: 'edit',
  short: 'Edit a resource on the server',
  long: `Edit a resource from the default editor.

 The edit command allows you to directly edit any API resource you can retrieve via the command-line tools. It will open the editor defined by your KUBE_EDITOR, or EDITOR environment variables, or fall back to 'vi' for Linux or 'notepad' for Windows. You can edit multiple objects, although changes are applied one at a time. The command accepts file names as well as command-line arguments, although the files you point to must be previously saved versions of resources.

 Editing is done with the API version used to fetch the resource. To edit using a specific API version, fully-qualify the resource, version, and group.

 The default format is YAML. To edit in JSON, specify "-o json".

 The flag --windows-line-endings can be used to force Windows line endings, otherwise the default for your operating system will be used.

 In the event an error occurs while updating, a temporary file will be created on disk that contains your unapplied changes. The most common error when updating a resource is another editor changing the resource on the server. When this occurs, you will have to apply your changes to the newer version of the resource, or update your temporary saved copy to include the latest resource version.`,
  usage: 'edit (RESOURCE/NAME | -f FILENAME)',
  examples: `  # Edit the service named 'registry'
  kubectl edit svc/registry

  # Use an alternative editor
  KUBE_EDITOR="nano" kubectl edit svc/registry

  # Edit the job 'myjob' in JSON using the v1 API format
  kubectl edit job.v1.batch/myjob -o json

  # Edit the deployment 'mydeployment' in YAML and save the modified config in its annotation
  kubectl edit deployment/mydeployment -o yaml --save-config

  # Edit the deployment/mydeployment's status subresource
  kubectl edit deployment mydeployment --subresource='status'`,
  flags: [
    { name: 'field-manager', type: 'string', default: 'kubectl-edit', usage: 'Name of the manager used to track field ownership.' },
    { name: 'filename', short: 'f', type: 'stringArray', usage: 'Filename, directory, or URL to files to use to edit the resource' },
    OUTPUT_FLAG,
    { name: 'output-patch', type: 'bool', usage: 'Output the patch if the resource is edited.' },
    { name: 'recursive', short: 'R', type: 'bool', usage: 'Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.' },
    { name: 'save-config', type: 'bool', usage: 'If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future.' },
    { name: 'subresource', type: 'string', usage: 'If specified, edit will operate on the subresource of the requested object. Must be one of [status]. This flag is beta and may change in the future.' },
    VALIDATE_FLAG,
    { name: 'windows-line-endings', type: 'bool', usage: 'Defaults to the line ending native to your platform.' },
  ],
  run(inv) {
    const { flags, ctx } = inv;
    // Complete: the objects first (the builder's errors), then the validation directive; Validate: the subresource.
    const filenames = flags.array('filename');
    let targets: Target[] = [];
    const errors: Error[] = [];
    if (filenames.length) {
      const refused = pathArgsError(inv.args);
      if (refused) throw new KubectlError(refused);
      for (const entry of readManifests(inv, filenames, { validate: false })) {
        if ('error' in entry) {
          errors.push(entry.error);
          continue;
        }
        // Latest(): the objects as the server has them now.
        const { info, name, namespace } = entry.item;
        const live = ctx.api.tryGet(info.kind, namespace || undefined, name);
        if (live) targets.push({ info, obj: live });
        else errors.push(apiErrors.notFound(qualifiedResource(info), name));
      }
    } else {
      const resolved = resolveTargets(inv, inv.args, { all: true });
      targets = resolved.targets;
      errors.push(...resolved.errors);
    }
    fieldValidationOf(flags);
    const subresource = flags.string('subresource');
    if (subresource && !SUPPORTED_SUBRESOURCES.includes(subresource)) {
      throw new KubectlError(`invalid subresource value: "${subresource}". Must be one of [${SUPPORTED_SUBRESOURCES.join(' ')}]`);
    }
    if (errors.length) throw new AggregateError(errors);
    if (targets.length === 0) throw new KubectlError('edit cancelled, no objects found');
    const output = flags.string('output');
    // The editor's printer knows JSON and YAML only (editPrinterOptions).
    if (output !== '' && output !== 'yaml' && output !== 'json') {
      throw new KubectlError(`unable to match a printer suitable for the output format "${output}", allowed formats are: json,yaml`);
    }
    const format = output === 'json' ? 'json' : 'yaml';
    const object = targets.length === 1 ? targets[0].obj : { ...asList(targets.map((t) => t.obj)), metadata: {} };
    // JSON has no comments: no header then (editPrinterOptions.Complete).
    const original = (format === 'yaml' ? headerText([]) : '') + (format === 'json' ? toJSONText(object) : toYAMLText(object));
    const ext = format === 'json' ? '.json' : '.yaml';
    const path = tempPath(inv.env.workspace, ctx.config.seed, ext);
    const session = new EditSession(inv, targets, original, path, {
      format,
      outputPatch: flags.bool('output-patch'),
      saveConfig: flags.bool('save-config'),
      subresource,
      windowsLineEndings: flags.bool('windows-line-endings'),
    }, () => tempPath(inv.env.workspace, ctx.config.seed, ext));
    session.write(original);
    if (!inv.env.keepRunning) {
      // A bare runKubectl cannot wait for an editor at all.
      inv.env.workspace.remove(path);
      throw new KubectlError('unable to launch the editor "vi"');
    }
    keepRunning(inv, (live) => session.begin(live));
  },
};
