// Editor diagnostics: a manifest's YAML syntax errors and what the API server
// said about each document during a server-side dry run, placed on the line and
// field they are about. Pure: the caller parses the text (parseManifests) and runs
// `kubectl apply --dry-run=server -f -` on each document; this module only reads
// the texts and maps a Status cause's field path (`spec.ports[0].nodePort`) to the
// position parseManifests recorded for that key.
// Message shapes follow kubectl's printing of apimachinery errors
// (staging/src/k8s.io/apimachinery/pkg/api/errors/errors.go NewInvalid: one cause
// bare, several as `[a, b]`) and cli-runtime's mapper (`no matches for kind`).

import type { ManifestDocument, ManifestParseResult, SourcePosition } from './parse';

export interface Diagnostic {
  /** 1-based, inclusive start; end is exclusive column on endLine. */
  line: number;
  col: number;
  endLine: number;
  endCol: number;
  message: string;
  severity: 'error' | 'warning';
  /** `yaml` for syntax errors, `kubectl` for what the dry run reported. */
  source: 'yaml' | 'kubectl';
  /** The field path the API server named, when it named one. */
  field?: string;
}

/** One document's dry-run outcome, as `cluster.exec` returned it. */
export interface DryRunResult {
  /** ManifestDocument.index of the document that was sent. */
  docIndex: number;
  exitCode: number;
  stdout: string;
  stderr: string;
}

// field.ErrorType texts (apimachinery validation/field/errors.go): a cause starts with `<path>: <one of these>`.
const CAUSE_HEADS = ['Invalid value', 'Required value', 'Duplicate value', 'Unsupported value', 'Forbidden', 'Too long', 'Too many', 'Internal error', 'Not found'];
const FIELD = String.raw`[A-Za-z0-9_.\[\]\-/]+`;
const CAUSE_SPLIT = new RegExp(`, (?=${FIELD}: (?:${CAUSE_HEADS.join('|')}))`);
const CAUSE_FIELD = new RegExp(`^(${FIELD}): (?=${CAUSE_HEADS.join('|')})`);

type Cause = { field?: string; text: string };

/** One cause's text, with the field it starts with when it names one. */
function causeOf(text: string): Cause {
  const m = CAUSE_FIELD.exec(text);
  return m ? { field: m[1], text } : { text };
}

/** Splits the causes of an Invalid status message (`a` or `[a, b]`) into field + text. */
export function splitCauses(causes: string): Cause[] {
  let body = causes.trim();
  if (body.startsWith('[') && body.endsWith(']') && CAUSE_FIELD.test(body.slice(1))) body = body.slice(1, -1);
  return body.split(CAUSE_SPLIT).map(causeOf);
}

/**
 * The causes kubectl prints one per line when there are several (cmd/util/helpers.go
 * checkErr: `MultilineError(s+": ", errs)` writes `\n* ` before each), each whole.
 */
export function bulletCauses(lines: string): Cause[] {
  return lines
    .split('\n')
    .filter((l) => l.startsWith('* '))
    .map((l) => causeOf(l.slice(2)));
}

/** `spec.ports[0].nodePort`, `metadata.labels[app]` -> the keys parseManifests records, most specific first. */
export function fieldCandidates(field: string): string[] {
  // Map keys in brackets (`labels[app]`) are recorded as `.app`; list indices stay `[0]`.
  const normal = field.replace(/\[([^\]]*[^\d\]][^\]]*)\]/g, '.$1').replace(/^\./, '');
  const out: string[] = [];
  let p = normal;
  while (p) {
    out.push(p);
    const cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
    p = cut > 0 ? p.slice(0, cut) : '';
  }
  return out;
}

/**
 * Fields the API server names by another field that the person wrote: it fills
 * `spec.clusterIPs` from `spec.clusterIP` (pkg/registry/core/service/strategy.go
 * NormalizeClusterIPs) and validates the list, so `spec.clusterIPs[0]: Invalid value:
 * "None"` is about the `clusterIP:` line when the file has no `clusterIPs:`.
 */
const WRITTEN_AS = new Map([['spec.clusterIPs[0]', 'spec.clusterIP']]);

export function positionOfField(doc: ManifestDocument, field: string): SourcePosition | undefined {
  const written = WRITTEN_AS.get(field);
  if (written && !doc.positions.has(field.replace(/\[0\]$/, '')) && doc.positions.has(written)) return doc.positions.get(written);
  for (const key of fieldCandidates(field)) {
    const pos = doc.positions.get(key);
    if (pos) return pos;
  }
  return undefined;
}

/**
 * Where a Go struct field path points (`spec.containers.ports`, as encoding/json names the field
 * it could not decode: list indexes left out): the first recorded key that reads the same
 * without its indexes, else the nearest enclosing one.
 */
export function positionOfStructField(doc: ManifestDocument, path: string): SourcePosition | undefined {
  for (const p of fieldCandidates(path)) {
    for (const [key, pos] of doc.positions) if (key.replace(/\[\d+\]/g, '') === p) return pos;
  }
  return undefined;
}

function lineLength(lines: string[], line: number): number {
  return (lines[line - 1] ?? '').replace(/\s+$/, '').length;
}

/** A range from `pos` to the end of its line's content (the key and its value). */
function rangeAt(lines: string[], pos: SourcePosition): Pick<Diagnostic, 'line' | 'col' | 'endLine' | 'endCol'> {
  const end = Math.max(lineLength(lines, pos.line) + 1, pos.col + 1);
  return { line: pos.line, col: pos.col, endLine: pos.line, endCol: end };
}

/** Where a problem with the document as a whole goes: its `kind:` line, else its first line with content. */
function documentAnchor(doc: ManifestDocument, lines: string[]): SourcePosition {
  const kind = doc.positions.get('kind');
  if (kind) return kind;
  for (let l = doc.startLine; l <= doc.endLine; l++) {
    const text = lines[l - 1] ?? '';
    const trimmed = text.trim();
    if (trimmed && !trimmed.startsWith('#') && trimmed !== '---') return { line: l, col: text.length - text.trimStart().length + 1 };
  }
  return { line: doc.startLine, col: 1 };
}

/** kubectl names stdin `STDIN`; the person applies the file by its name. */
function renameSource(text: string, fileName: string): string {
  return text.replaceAll('"STDIN"', `"${fileName}"`);
}

/** kubectl's error lines without the `error: ` / `Error from server (…): ` lead-in it prints before them. */
function errorText(stderr: string): string {
  return stderr
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('Warning: '))
    .join('\n')
    .replace(/^error: /, '');
}

/** The text after kubectl's `Error from server (BadRequest): error when creating "web.yaml": ` (the marker's place says which file). */
function withoutRequestLead(text: string): string {
  return text.replace(/^Error from server \([A-Za-z]+\): error when [a-z]+ "[^"]*": /, '');
}

function dryRunDiagnostics(doc: ManifestDocument, result: DryRunResult, lines: string[], namespacesInFile: Set<string>, fileName: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  const stderr = renameSource(result.stderr, fileName);
  for (const w of stderr.split('\n').filter((l) => l.startsWith('Warning: '))) {
    // `--validate=warn`'s `Warning: unknown field "spec.foo"` goes on that field.
    const unknown = /^Warning: unknown field "([^"]+)"/.exec(w)?.[1];
    const pos = (unknown && positionOfField(doc, unknown)) || documentAnchor(doc, lines);
    out.push({ ...rangeAt(lines, pos), message: w, severity: 'warning', source: 'kubectl', ...(unknown ? { field: unknown } : {}) });
  }
  if (result.exitCode === 0) return out;
  const text = errorText(stderr);
  const at = (field: string | undefined, message: string) => {
    const pos = (field && positionOfField(doc, field)) || documentAnchor(doc, lines);
    out.push({ ...rangeAt(lines, pos), message, severity: 'error', source: 'kubectl', ...(field ? { field } : {}) });
  };

  const invalid = /The (\S+) "([^"]*)" is invalid: (.*)$/m.exec(text);
  if (invalid) {
    const lead = `The ${invalid[1]} "${invalid[2]}" is invalid: `;
    // Several causes come one per `* ` line (kubectl's MultilineError), one on the same line.
    const causes = invalid[3] ? splitCauses(invalid[3]) : bulletCauses(text.slice(invalid.index + invalid[0].length));
    for (const cause of causes) at(cause.field, lead + cause.text);
    return out;
  }
  // Strict field validation (apimachinery runtime.NewStrictDecodingError): one diagnostic per
  // unknown field, on that field, each saying what the whole error says about it.
  const strict = /^(.*strict decoding error: )(.*)$/m.exec(text);
  if (strict) {
    const lead = withoutRequestLead(strict[1]).replace(/^The request is invalid: patch: Invalid value: ".*": /, '');
    for (const m of strict[2].matchAll(/unknown field "([^"]+)"/g)) at(m[1], `${lead}unknown field "${m[1]}"`);
    return out;
  }
  // A wrong JSON type (encoding/json's UnmarshalTypeError names the Go struct field, without list indexes).
  const unmarshal = /cannot unmarshal \S+(?: \S+)? into Go struct field [A-Za-z0-9]+\.([^ ]+) of type/.exec(text);
  if (unmarshal) {
    const pos = positionOfStructField(doc, unmarshal[1]) ?? documentAnchor(doc, lines);
    out.push({ ...rangeAt(lines, pos), message: withoutRequestLead(text), severity: 'error', source: 'kubectl', field: unmarshal[1] });
    return out;
  }
  if (/no matches for kind /.test(text)) {
    at('kind', text);
    return out;
  }
  const missingNs = /namespaces "([^"]+)" not found/.exec(text);
  if (missingNs) {
    // The file creates that namespace first: the real apply succeeds, so say nothing.
    if (namespacesInFile.has(missingNs[1])) return out;
    at('metadata.namespace', text);
    return out;
  }
  const accessor = /\.metadata\.(name|namespace) accessor error/.exec(text);
  if (accessor) {
    at(`metadata.${accessor[1]}`, text);
    return out;
  }
  if (/resource name may not be empty/.test(text)) {
    at('metadata', text);
    return out;
  }
  at(undefined, text);
  return out;
}

/** Every diagnostic for one file, sorted by position. */
export function manifestDiagnostics(text: string, parsed: ManifestParseResult, dryRuns: readonly DryRunResult[], fileName: string): Diagnostic[] {
  const lines = text.split('\n');
  const out: Diagnostic[] = [];
  if (parsed.error) {
    const e = parsed.error;
    const message = e.kind === 'too-large' ? `error reading ${fileName}: ${e.message}` : `error parsing ${fileName}: error converting YAML to JSON: ${e.message}`;
    out.push({ ...rangeAt(lines, e), message, severity: 'error', source: 'yaml' });
    return out;
  }
  const namespacesInFile = new Set<string>();
  for (const doc of parsed.documents) {
    const v = doc.value as { kind?: unknown; metadata?: { name?: unknown } } | undefined;
    if (v && v.kind === 'Namespace' && typeof v.metadata?.name === 'string') namespacesInFile.add(v.metadata.name);
  }
  for (const doc of parsed.documents) {
    if (!doc.error) continue;
    const detail = doc.error.detail && doc.error.detail !== doc.error.message ? ` (${doc.error.detail})` : '';
    out.push({
      ...rangeAt(lines, doc.error),
      message: `error parsing ${fileName}: error converting YAML to JSON: ${doc.error.message}${detail}`,
      severity: 'error',
      source: 'yaml',
    });
  }
  const byIndex = new Map(parsed.documents.map((d) => [d.index, d]));
  for (const r of dryRuns) {
    const doc = byIndex.get(r.docIndex);
    if (doc) out.push(...dryRunDiagnostics(doc, r, lines, namespacesInFile, fileName));
  }
  return out.sort((a, b) => a.line - b.line || a.col - b.col);
}

/** Documents worth a dry run: parsed, not empty. */
export function documentsToCheck(parsed: ManifestParseResult): ManifestDocument[] {
  if (parsed.error) return [];
  return parsed.documents.filter((d) => !d.error && !d.empty && d.value !== undefined);
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}
