// Share links: the workspace files (in tab order) and the open tab, carried in a
// URL's fragment (`#w=…`, which never reaches a server). The payload is
// JSON `{ v: 1, files: [[name, text], …], open: name }`, compressed with the
// platform's CompressionStream('deflate-raw') and written in base64url.
//
// A link is input from anyone, so decoding checks everything and never throws:
// it answers `{ ok: false, reason }` with a reason a person can read. The
// decompressed size is capped while the stream is read (a small link can
// inflate to gigabytes), names follow the editor's rules (fileNames.ts), and
// names are only ever kept in arrays, never as keys of plain objects.
// Pure code: no DOM, runs in Node (shareLink.test.ts).

import { fileNameProblem } from '../app/editor/fileNames';
import { SHARE_PREFIX } from './params';

export const SHARE_VERSION = 1;
/** Longest link the Share dialog hands out (browsers and chat apps cope with this much). */
export const MAX_URL_LENGTH = 32 * 1024;
/** Longest fragment payload a page reads; anything longer is refused before decoding. */
export const MAX_ENCODED_LENGTH = 64 * 1024;
/** Most bytes decompressed from a link: reading stops here. */
export const MAX_JSON_BYTES = 1024 * 1024;
export const MAX_FILES = 30;
/** Longest single file, in characters. */
export const MAX_FILE_CHARS = 256 * 1024;
/** Deepest bracket nesting the JSON may have (the real shape needs 3). */
export const MAX_JSON_DEPTH = 8;

export interface SharedWorkspace {
  /** [name, text] in tab order; names are unique and valid workspace file names. */
  files: [string, string][];
  /** The open tab: one of the names. */
  open: string;
}

export type DecodeResult = { ok: true; workspace: SharedWorkspace } | { ok: false; reason: string };

// ---- base64url ----

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const INDEX = new Map([...ALPHABET].map((c, i) => [c, i]));

export function toBase64Url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += ALPHABET[(n >> 18) & 63] + ALPHABET[(n >> 12) & 63];
    if (i + 1 < bytes.length) out += ALPHABET[(n >> 6) & 63];
    if (i + 2 < bytes.length) out += ALPHABET[n & 63];
  }
  return out;
}

/** The bytes, or undefined when `text` is not unpadded base64url. */
export function fromBase64Url(text: string): Uint8Array | undefined {
  if (text.length % 4 === 1) return undefined;
  const out = new Uint8Array(Math.floor((text.length * 3) / 4));
  let o = 0;
  for (let i = 0; i < text.length; i += 4) {
    let n = 0;
    const chunk = Math.min(4, text.length - i);
    for (let j = 0; j < 4; j++) {
      const v = j < chunk ? INDEX.get(text[i + j]) : 0;
      if (v === undefined) return undefined;
      n = (n << 6) | v;
    }
    out[o++] = (n >> 16) & 255;
    if (chunk > 2) out[o++] = (n >> 8) & 255;
    if (chunk > 3) out[o++] = n & 255;
  }
  return out;
}

// ---- compression ----

async function deflate(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

class TooLarge extends Error {}

/** Inflates `bytes`, giving up (TooLarge) as soon as the output passes `cap` bytes. */
async function inflate(bytes: Uint8Array, cap: number): Promise<Uint8Array> {
  const reader = new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream('deflate-raw')).getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > cap) {
      await reader.cancel().catch(() => undefined);
      throw new TooLarge();
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

// ---- checks ----

/** Why `files`/`open` cannot be shared or opened, or undefined when they can. */
export function workspaceProblem(files: readonly (readonly [string, string])[], open: string): string | undefined {
  if (files.length === 0) return 'it has no files';
  if (files.length > MAX_FILES) return `it has ${files.length} files, more than the ${MAX_FILES} a link can carry`;
  const seen = new Set<string>();
  for (const [name, text] of files) {
    const problem = fileNameProblem(name, []);
    if (problem) return `the file name ${JSON.stringify(name.slice(0, 80))} is not allowed (${problem})`;
    if (name !== name.trim()) return `the file name ${JSON.stringify(name.slice(0, 80))} has spaces around it`;
    if (seen.has(name)) return `two files are named ${name}`;
    seen.add(name);
    if (text.length > MAX_FILE_CHARS) return `${name} is longer than ${MAX_FILE_CHARS / 1024} KB`;
  }
  if (!seen.has(open)) return `the open tab ${JSON.stringify(open.slice(0, 80))} is not one of its files`;
  return undefined;
}

/** The deepest bracket nesting in JSON text (brackets inside strings do not count). */
function jsonDepth(text: string, limit: number): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 /* [ */ || c === 123 /* { */) {
      if (++depth > max) max = depth;
      if (max > limit) return max;
    } else if (c === 93 /* ] */ || c === 125 /* } */) depth--;
  }
  return max;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Own properties only: a payload's `__proto__` or `constructor` is just data. */
function own(obj: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(obj, key) ? obj[key] : undefined;
}

/** Checks the parsed JSON's shape; the workspace, or why it is not one. */
function readPayload(data: unknown): DecodeResult {
  if (!isRecord(data)) return { ok: false, reason: 'its content is not a workspace (expected a JSON object)' };
  const v = own(data, 'v');
  if (v !== SHARE_VERSION) return { ok: false, reason: `it was made by a different version of the playground (version ${JSON.stringify(v) ?? 'missing'}, this page reads ${SHARE_VERSION})` };
  const list = own(data, 'files');
  if (!Array.isArray(list)) return { ok: false, reason: 'its "files" is not a list' };
  if (list.length > MAX_FILES) return { ok: false, reason: `it has ${list.length} files, more than the ${MAX_FILES} a link can carry` };
  const files: [string, string][] = [];
  for (let i = 0; i < list.length; i++) {
    const entry: unknown = list[i];
    if (!Array.isArray(entry) || entry.length !== 2 || typeof entry[0] !== 'string' || typeof entry[1] !== 'string') return { ok: false, reason: `file ${i + 1} is not a [name, text] pair of strings` };
    files.push([entry[0], entry[1]]);
  }
  const open = own(data, 'open');
  if (typeof open !== 'string') return { ok: false, reason: 'it does not say which tab is open' };
  const problem = workspaceProblem(files, open);
  return problem ? { ok: false, reason: problem } : { ok: true, workspace: { files, open } };
}

// ---- encode / decode ----

/** The fragment payload (without `#w=`) for a workspace. Throws when the workspace cannot be shared (see workspaceProblem). */
export async function encodeWorkspace(workspace: SharedWorkspace): Promise<string> {
  const problem = workspaceProblem(workspace.files, workspace.open);
  if (problem) throw new Error(`This workspace cannot be shared: ${problem}.`);
  const json = JSON.stringify({ v: SHARE_VERSION, files: workspace.files, open: workspace.open });
  const bytes = new TextEncoder().encode(json);
  if (bytes.byteLength > MAX_JSON_BYTES) throw new Error(`This workspace cannot be shared: it is larger than ${MAX_JSON_BYTES / 1024 / 1024} MiB.`);
  return toBase64Url(await deflate(bytes));
}

/** Reads a fragment payload (without `#w=`). Never throws. */
export async function decodeWorkspace(payload: string): Promise<DecodeResult> {
  if (payload.length === 0) return { ok: false, reason: 'the link has no workspace after "#w="' };
  if (payload.length > MAX_ENCODED_LENGTH) return { ok: false, reason: `the link is too long (${Math.round(payload.length / 1024)} KB; a share link is at most ${MAX_ENCODED_LENGTH / 1024} KB)` };
  const bytes = fromBase64Url(payload);
  if (!bytes) return { ok: false, reason: 'the part after "#w=" is not base64url text (was the link cut short or changed?)' };
  let inflated: Uint8Array;
  try {
    inflated = await inflate(bytes, MAX_JSON_BYTES);
  } catch (e) {
    if (e instanceof TooLarge) return { ok: false, reason: `the shared workspace is larger than ${MAX_JSON_BYTES / 1024 / 1024} MiB` };
    return { ok: false, reason: 'its data is damaged or cut short (it is not a compressed workspace)' };
  }
  let json: string;
  try {
    json = new TextDecoder('utf-8', { fatal: true }).decode(inflated);
  } catch {
    return { ok: false, reason: 'its content is not UTF-8 text' };
  }
  if (jsonDepth(json, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) return { ok: false, reason: `its content is nested deeper than a workspace can be (more than ${MAX_JSON_DEPTH} levels)` };
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    return { ok: false, reason: 'its content is not JSON' };
  }
  return readPayload(data);
}

export interface ShareUrls {
  /** The full playground with the workspace. */
  link: string;
  /** The embed page's URL (`?embed=1[&readonly=1]#w=…`). */
  embedUrl: string;
  /** An <iframe> snippet for a blog post. */
  iframe: string;
}

function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/** The links for `payload` on the page at `pageUrl` (its query and fragment are dropped). */
export function shareUrls(pageUrl: string, payload: string, opts: { readOnly: boolean }): ShareUrls {
  const base = new URL(pageUrl);
  base.search = '';
  base.hash = '';
  const page = base.href;
  const link = `${page}${SHARE_PREFIX}${payload}`;
  const embedUrl = `${page}?embed=1${opts.readOnly ? '&readonly=1' : ''}${SHARE_PREFIX}${payload}`;
  const iframe = `<iframe src="${escapeAttribute(embedUrl)}" width="700" height="450" title="Services Playground" loading="lazy" style="border:1px solid #ccc;border-radius:6px"></iframe>`;
  return { link, embedUrl, iframe };
}

/** Why a link of `length` characters is not handed out, or undefined when it is fine. */
export function linkLengthProblem(length: number): string | undefined {
  return length > MAX_URL_LENGTH ? `The link would be ${formatLength(length)} long, more than the ${MAX_URL_LENGTH / 1024} KB a share link may be. Make the files smaller or share fewer of them.` : undefined;
}

/** "812 characters", "12.4 KB". */
export function formatLength(length: number): string {
  return length < 1024 ? `${length} characters` : `${(length / 1024).toFixed(1)} KB`;
}
