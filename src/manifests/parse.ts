// YAML text -> documents, each with plain JSON data, key positions and its
// own error. kubectl reads a file as a stream of `---`-separated documents and
// converts each with go-yaml (k8s.io/apimachinery/pkg/util/yaml YAMLOrJSONDecoder,
// sigs.k8s.io/yaml); errors are reported the way that path reports them,
// `yaml: line N: <problem>` with N counted from the document's start.
// Hostile input is refused before it can cost much: files over 1 MiB, flow
// nesting deeper than MAX_DEPTH (checked before the YAML parser sees it, since the
// parser itself can be exhausted by it), and alias bombs (see toPlain.ts).

import { LineCounter, parseAllDocuments, type Document } from 'yaml';
import { utf8Length } from '../engine/core/utf8';
import { ConversionError, MAX_DEPTH, type SourcePosition, toPlain } from './toPlain';

export type { SourcePosition } from './toPlain';

export const MAX_MANIFEST_BYTES = 1024 * 1024;

export interface ManifestError {
  /** go-yaml style text as kubectl shows it after `error converting YAML to JSON: `, e.g. `yaml: line 7: mapping values are not allowed in this context`. */
  message: string;
  /** The YAML parser's own explanation, for editor markers. */
  detail: string;
  /** 1-based line and column in the whole file. */
  line: number;
  col: number;
  kind: 'too-large' | 'syntax' | 'aliases' | 'depth';
}

export interface ManifestDocument {
  /** 0-based position among all documents of the file (empty ones included). */
  index: number;
  /** Plain JSON data; undefined when the document is empty or failed to parse. */
  value: unknown;
  /** Nothing but comments or whitespace (kubectl skips these). */
  empty: boolean;
  /** 1-based line where the document starts (its `---` line when it has one). */
  startLine: number;
  endLine: number;
  /** JSON path (`spec.ports[0].port`) -> position of its key (or list item). */
  positions: Map<string, SourcePosition>;
  error?: ManifestError;
}

export interface ManifestParseResult {
  documents: ManifestDocument[];
  /** A file-level refusal (too large, too deep): no document was read. */
  error?: ManifestError;
}

export interface ParseOptions {
  /** Record key positions (the editor wants them; kubectl does not). Default true. */
  positions?: boolean;
}

export { utf8Length };

/** Offset where `[`/`{` nesting first exceeds `max`, or -1. Skips quoted scalars and comments. */
export function flowDepthOverflow(text: string, max: number): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '[' || c === '{') {
      if (++depth > max) return i;
    } else if (c === ']' || c === '}') {
      if (depth > 0) depth--;
    } else if (c === '"') {
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
    } else if (c === "'" && (i === 0 || ' \t\n[{,:-'.includes(text[i - 1]))) {
      for (i++; i < text.length; i++) {
        if (text[i] === "'") { if (text[i + 1] === "'") i++; else break; }
      }
    } else if (c === '#' && (i === 0 || ' \t\n'.includes(text[i - 1]))) {
      while (i < text.length && text[i] !== '\n') i++;
    }
  }
  return -1;
}

// The yaml package's error codes mapped to the problem text go-yaml gives for the same mistake.
const GO_YAML_PROBLEM: Record<string, string> = {
  BLOCK_AS_IMPLICIT_KEY: 'mapping values are not allowed in this context',
  MULTILINE_IMPLICIT_KEY: 'could not find expected \':\'',
  BAD_INDENT: 'did not find expected key',
  TAB_AS_INDENT: 'found character that cannot start any token',
  MISSING_CHAR: 'found unexpected end of stream',
  UNEXPECTED_TOKEN: 'did not find expected node content',
  BAD_SCALAR_START: 'found character that cannot start any token',
  BLOCK_IN_FLOW: 'did not find expected \',\' or \']\'',
};

function firstLine(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}

export function parseManifests(text: string, opts: ParseOptions = {}): ManifestParseResult {
  const bytes = text.length > MAX_MANIFEST_BYTES / 4 ? utf8Length(text) : text.length;
  if (bytes > MAX_MANIFEST_BYTES) {
    const msg = `file is too large (${bytes} bytes; the limit is ${MAX_MANIFEST_BYTES} bytes)`;
    return { documents: [], error: { message: msg, detail: msg, line: 1, col: 1, kind: 'too-large' } };
  }
  const lineCounter = new LineCounter();
  const deepAt = flowDepthOverflow(text, MAX_DEPTH);
  if (deepAt >= 0) {
    lineCounter.addNewLine(0);
    for (let i = text.indexOf('\n'); i >= 0 && i < deepAt; i = text.indexOf('\n', i + 1)) lineCounter.addNewLine(i + 1);
    const pos = lineCounter.linePos(deepAt);
    const msg = `yaml: exceeded max depth of ${MAX_DEPTH}`;
    return { documents: [], error: { message: msg, detail: `Nesting deeper than ${MAX_DEPTH} levels`, line: pos.line, col: pos.col, kind: 'depth' } };
  }
  // YAML 1.1 with merge keys, as go-yaml reads manifests (`yes`/`on` are booleans there).
  const parsed = parseAllDocuments(text, { lineCounter, version: '1.1', merge: true, uniqueKeys: false, prettyErrors: false });
  const docs: Document[] = Array.isArray(parsed) ? parsed : [];
  const documents = docs.map((doc, index) => readDocument(doc, index, text, lineCounter, opts.positions !== false));
  return { documents };
}

function readDocument(doc: Document, index: number, text: string, lineCounter: LineCounter, withPositions: boolean): ManifestDocument {
  const [start, , end] = doc.range ?? [0, 0, 0];
  const startLine = lineCounter.linePos(start).line;
  const endLine = lineCounter.linePos(Math.max(start, end - 1)).line;
  // kubectl's reader drops the `---` line, so go-yaml counts lines from the one after it.
  const base = text.startsWith('---', start) ? startLine : 0;
  const positions = new Map<string, SourcePosition>();
  const result: ManifestDocument = { index, value: undefined, empty: false, startLine, endLine, positions };
  const problem = (offset: number, message: string, detail: string, kind: ManifestError['kind']) => {
    const pos = lineCounter.linePos(offset);
    const rel = Math.max(1, pos.line - base);
    result.error = { message: `yaml: line ${rel}: ${message}`, detail, line: pos.line, col: pos.col, kind };
    // go-yaml names no line for these.
    if (kind === 'aliases' || kind === 'depth' || message.startsWith('unknown anchor')) result.error.message = `yaml: ${message}`;
    return result;
  };
  const err = doc.errors[0];
  if (err) {
    const problemText = GO_YAML_PROBLEM[err.code] ?? firstLine(err.message).toLowerCase();
    return problem(err.pos[0], problemText, firstLine(err.message), 'syntax');
  }
  if (doc.contents === null) {
    result.empty = true;
    return result;
  }
  try {
    const value = toPlain(doc, { lineCounter, text, positions: withPositions ? positions : undefined });
    result.value = value;
    result.empty = value === null;
  } catch (e) {
    if (!(e instanceof ConversionError)) throw e;
    const kind = e.message.includes('aliasing') ? 'aliases' : e.message.includes('depth') ? 'depth' : 'syntax';
    return problem(e.offset, e.message, e.message, kind);
  }
  return result;
}
