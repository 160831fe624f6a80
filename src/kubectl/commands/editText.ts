// What kubectl edit does with the text of its temp file, and the patch it sends: the
// comment header (with the reasons a save was refused), the comparisons that ignore
// comments, and the two-way strategic merge patch from the object as fetched to the
// object as edited.
// Sources: staging/src/k8s.io/kubectl/pkg/cmd/util/editor/editoptions.go (editHeader.writeTo,
// hashOnLineBreak, hasLines, editResults.addError), kubectl/pkg/cmd/util/helpers.go
// (StripComments, ManualStrip), apimachinery/pkg/util/strategicpatch/patch.go
// (CreateTwoWayMergePatch, in ../strategicPatch.ts).

import { parseManifests } from '../../manifests';
import { sortKeys } from '../output';
import { createTwoWayMergePatch } from '../strategicPatch';

/** One reason the file comes back: a head line and its causes (`# * field: message`). */
export interface EditReason {
  head: string;
  other: string[];
}

const HEADER = `# Please edit the object below. Lines beginning with a '#' will be ignored,
# and an empty file will abort the edit. If an error occurs while saving this file will be
# reopened with the relevant failures.
#
`;

/** A '#' after each line break that lacks one, so a message of several lines stays a comment. */
function hashOnLineBreak(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    out += s[i] === '\n' && i + 1 < s.length && s[i + 1] !== '#' ? '\n# ' : s[i];
  }
  return out;
}

/** editHeader.writeTo for the normal edit mode. */
export function headerText(reasons: readonly EditReason[]): string {
  let out = HEADER;
  for (const r of reasons) {
    out += r.other.length ? `# ${hashOnLineBreak(r.head)}:\n` : `# ${hashOnLineBreak(r.head)}\n`;
    for (const o of r.other) out += `# * ${hashOnLineBreak(o)}\n`;
    out += '#\n';
  }
  return out;
}

/** ManualStrip: drops the lines that are comments (`#!` stays). */
export function manualStrip(text: string): string {
  const lines = text.split('\n');
  const kept: string[] = [];
  lines.forEach((line, i) => {
    const t = line.trim();
    if (t.startsWith('#') && !t.startsWith('#!')) return;
    kept.push(i < lines.length - 1 ? `${line}\n` : line);
  });
  return kept.join('');
}

/** yaml.ToJSON (sigs.k8s.io/yaml): the first document as JSON, or the parser's error text. */
export function yamlToJSON(text: string): { json: string; value: unknown } | { error: string } {
  const parsed = parseManifests(text, { positions: false });
  const failure = parsed.error ?? parsed.documents[0]?.error;
  if (failure) return { error: `error converting YAML to JSON: ${failure.message}` };
  const value = parsed.documents[0]?.value ?? null;
  return { json: JSON.stringify(sortKeys(value)), value };
}

/** StripComments: compares texts by their JSON, or without their comment lines when they do not parse. */
export function stripComments(text: string): string {
  const converted = yamlToJSON(text);
  return 'json' in converted ? converted.json : manualStrip(text);
}

/** hasLines: whether any line holds something other than blanks and comments. */
export function hasLines(text: string): boolean {
  return text.split('\n').some((line) => {
    const t = line.trim();
    return t.length > 0 && t[0] !== '#';
  });
}

type Json = unknown;
type JsonObject = Record<string, Json>;
const isObject = (v: Json): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

/** CreateTwoWayMergePatch for a built-in kind (strategicPatch.ts): changed fields, `null` for removed ones, merge-keyed lists item by item. */
export function twoWayMergePatch(kind: string, original: JsonObject, modified: JsonObject): JsonObject {
  return createTwoWayMergePatch(kind, original, modified);
}

/** The mergepatch preconditions edit sets: apiVersion, kind and metadata.name must not change. */
export function changesIdentity(patch: JsonObject): boolean {
  const meta = patch.metadata;
  return 'apiVersion' in patch || 'kind' in patch || (isObject(meta) && 'name' in meta);
}

/** The patch as kubectl prints it with --output-patch (Go's json.Marshal: compact, keys sorted). */
export function patchJSON(patch: Json): string {
  return JSON.stringify(sortKeys(patch));
}
