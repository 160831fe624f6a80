// Reads `-f FILE` / `-f -` into the objects kubectl would send, in order, with
// the errors kubectl's resource builder reports for each bad document.
// kubectl reads a file as a stream: a YAML syntax error or a document failing
// the apiVersion/kind check ends that file's stream (documents after it are not
// read), while a kind the server does not know is reported and skipped.
// Sources: k8s.io/cli-runtime/pkg/resource/visitor.go (StreamVisitor.Visit,
// FileVisitor), mapper.go (infoForData), builder.go (FilenameParam, RequireNamespace).

import type { KindInfo } from '../engine/api/registry';
import { goQuote } from '../engine/core/errors';
import { type Selector } from '../engine/core/labels';
import { parseSelector } from '../engine/core/labelSelectorParser';
import type { KubeObject } from '../engine/core/types';
import { aggregateText, isPlainObject, parseManifests, shapeProblems } from '../manifests';
import type { Invocation } from './command';
import { KubectlError } from './errors';

export interface ManifestItem {
  /** File name as given (`web.yaml`), `STDIN` for `-f -`. */
  source: string;
  info: KindInfo;
  /** A private, mutable copy of the document, namespace filled in for namespaced kinds. */
  object: KubeObject;
  name: string;
  /** '' for cluster-scoped kinds. */
  namespace: string;
}

export type ManifestEntry = { item: ManifestItem } | { error: Error };

const STOP_VALIDATE = 'if you choose to ignore these errors, turn validation off with --validate=false';

/** Reads every `-f` source; a missing path fails the whole command before anything is sent. */
export function readManifests(inv: Invocation, filenames: string[], opts: { validate: boolean }): ManifestEntry[] {
  const texts: { source: string; text: string }[] = [];
  for (const f of filenames) {
    if (f === '-') {
      texts.push({ source: 'STDIN', text: inv.stdin ?? '' });
      continue;
    }
    const text = inv.env.workspace.read(f);
    if (text === undefined) throw new KubectlError(`the path "${f}" does not exist`);
    texts.push({ source: f, text });
  }
  const entries: ManifestEntry[] = [];
  for (const { source, text } of texts) readStream(inv, source, text, opts, entries);
  return entries;
}

/** One stream's objects, read as a file is (`source` names it in errors, as kubectl edit's `edited-file`). */
export function readManifestText(inv: Invocation, source: string, text: string, opts: { validate: boolean }): ManifestEntry[] {
  const entries: ManifestEntry[] = [];
  readStream(inv, source, text, opts, entries);
  return entries;
}

function readStream(inv: Invocation, source: string, text: string, opts: { validate: boolean }, entries: ManifestEntry[]): void {
  const parsed = parseManifests(text, { positions: false });
  if (parsed.error) {
    const msg = parsed.error.kind === 'too-large'
      ? `error reading ${source}: ${parsed.error.message}`
      : `error parsing ${source}: error converting YAML to JSON: ${parsed.error.message}`;
    entries.push({ error: new KubectlError(msg) });
    return;
  }
  for (const doc of parsed.documents) {
    if (doc.error) {
      entries.push({ error: new KubectlError(`error parsing ${source}: error converting YAML to JSON: ${doc.error.message}`) });
      return;
    }
    if (doc.empty) continue;
    const value = doc.value;
    if (opts.validate) {
      const problems = shapeProblems(value);
      if (problems.length) {
        entries.push({ error: new KubectlError(`error validating "${source}": error validating data: ${aggregateText(problems)}; ${STOP_VALIDATE}`) });
        return;
      }
    } else if (!isPlainObject(value) || typeof value.kind !== 'string' || typeof value.apiVersion !== 'string') {
      entries.push({ error: new KubectlError(`unable to decode "${source}": Object 'Kind' is missing in '${JSON.stringify(value)}'`) });
      return;
    }
    const obj = value as KubeObject;
    const meta = isPlainObject(obj.metadata) ? obj.metadata : {};
    const rawName = (meta as Record<string, unknown>).name;
    const rawNs = (meta as Record<string, unknown>).namespace;
    if ((rawName !== undefined && typeof rawName !== 'string') || (rawNs !== undefined && typeof rawNs !== 'string')) {
      const [field, v] = rawName !== undefined && typeof rawName !== 'string' ? ['name', rawName] : ['namespace', rawNs];
      entries.push({ error: new KubectlError(`unable to decode "${source}": .metadata.${field} accessor error: ${JSON.stringify(v)} is of the type ${goType(v)}, expected string`) });
      continue;
    }
    const name = (rawName as string | undefined) ?? '';
    const docNamespace = (rawNs as string | undefined) ?? '';
    const info = inv.ctx.registry.byApiVersionKind(obj.apiVersion, obj.kind);
    if (!info) {
      entries.push({
        error: new KubectlError(
          `resource mapping not found for name: "${name}" namespace: "${docNamespace}" from "${source}": ${noMatchText(obj)}\nensure CRDs are installed first`,
        ),
      });
      continue;
    }
    let namespace = '';
    if (info.namespaced) {
      if (docNamespace && inv.explicitNamespace && docNamespace !== inv.namespace) {
        entries.push({
          error: new KubectlError(
            `the namespace from the provided object "${docNamespace}" does not match the namespace "${inv.namespace}". You must pass '--namespace=${docNamespace}' to perform this operation.`,
          ),
        });
        return;
      }
      namespace = docNamespace || inv.namespace;
      obj.metadata = { ...meta, namespace };
    } else {
      obj.metadata = meta;
    }
    entries.push({ item: { source, info, object: obj, name, namespace } });
  }
}

/**
 * `-l` beside `-f`: visitByPaths parses it itself and keeps only the objects whose labels
 * match (FilterByLabelSelector). get, label and annotate refetch first (Latest), so the live
 * object's labels count there; describe and delete filter the file's objects as written.
 * Undefined when no selector was given.
 */
export function pathLabelSelector(text: string): Selector | undefined {
  const selector = text.trim();
  if (!selector) return undefined;
  try {
    return parseSelector(selector);
  } catch (e) {
    throw new KubectlError(`the provided selector ${goQuote(selector)} is not valid: ${(e as Error).message}`);
  }
}

/** meta.NoKindMatchError text, e.g. `no matches for kind "Foo" in version "v1"`. */
function noMatchText(obj: KubeObject): string {
  return `no matches for kind "${obj.kind}" in version "${obj.apiVersion}"`;
}

function goType(v: unknown): string {
  if (typeof v === 'number') return Number.isInteger(v) ? 'int64' : 'float64';
  if (typeof v === 'boolean') return 'bool';
  if (Array.isArray(v)) return '[]interface {}';
  if (v === null) return 'nil';
  return 'map[string]interface {}';
}

/** `Resource: "/v1, Resource=services", GroupVersionKind: "/v1, Kind=Service"\nName: "web", Namespace: "default"` (resource.Info.String). */
export function infoString(item: ManifestItem): string {
  const { info } = item;
  const gv = `${info.group}/${info.version}`;
  return `Resource: "${gv}, Resource=${info.resource}", GroupVersionKind: "${gv}, Kind=${info.kind}"\nName: "${item.name}", Namespace: "${item.namespace}"`;
}
