// One marker per wrong field. Two checkers see a misspelt key: monaco-yaml's schema
// check (in its worker, `Property selecter is not allowed.`, ~450 ms after typing stops)
// and the simulated API server's strict decoding (checkManifest.ts, kubectl's own words:
// `strict decoding error: unknown field "spec.selecter"`, ~250 ms after); and a wrong
// value (`protocol: TCPX`: the schema's `Value is not accepted`, the API server's
// `Unsupported value`) or a wrong type the same way. kubectl's
// marker is the one a student should read; the schema's is kept where kubectl has not
// spoken: before the command line's chunk has loaded (or when it failed to), and for
// documents kubectl refuses for another reason first (a type error wins over strict
// errors in apimachinery's json.go; an unknown apiVersion never reaches decoding).
// monaco-yaml sets its markers through the Monaco module it was configured with, so
// monacoSetup.ts hands it this merger's setModelMarkers. Pure apart from the maps it
// keeps per model; typed structurally, so tests need no Monaco.

import { MARKER_OWNER } from './markers';

/** The owner monaco-yaml's diagnostics are set under. */
export const SCHEMA_OWNER = 'yaml';

/** What the merger reads of a marker; the rest of monaco-yaml's marker data passes through untouched. */
export interface LineMarker {
  message: string;
  startLineNumber: number;
}

// yaml-language-server's jsonParser: applyAdditionalProperties' l10n.t("Property {0} is not allowed.", propertyName)
// and applyRequired's 'Missing property "{0}".' (placed on the object's parent key, or its first key).
const SCHEMA_UNKNOWN_PROPERTY = /^Property (.+) is not allowed\.$/;
const SCHEMA_MISSING_PROPERTY = /^Missing property "(.+)"\.$/;

/**
 * Whether a schema marker is about the key on its own line: its name (`Property x is not
 * allowed.`) or its value (`Value is not accepted. Valid values: …`, `Incorrect type. …`),
 * which kubectl's check judges too, on the same key. Not `Missing property`, which the
 * schema puts on the parent key (or its first key) and kubectl words elsewhere.
 */
const isAboutItsKey = (m: LineMarker): boolean => !SCHEMA_MISSING_PROPERTY.test(m.message);

/** Edit distance with adjacent transpositions (optimal string alignment): `prot` is 1 from `port`. */
export function typoDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/** Whether `key` reads as a misspelling of `field` (`containerport`, `prot`, `nmae`). */
export function isMisspellingOf(key: string, field: string): boolean {
  return typoDistance(key.toLowerCase(), field.toLowerCase()) <= (field.length >= 5 ? 2 : 1);
}

/**
 * A misspelt required field (`- containerport: 80`) is also a missing one to the schema
 * (`Missing property "containerPort".`): one typo, two warnings. The missing one goes when an
 * unknown key at or below it reads as its misspelling; the unknown key's marker speaks for both.
 */
export function withoutMissingExplainedByTypos<S extends LineMarker>(schemaMarkers: readonly S[]): S[] {
  const unknown = schemaMarkers.flatMap((m) => {
    const key = SCHEMA_UNKNOWN_PROPERTY.exec(m.message)?.[1];
    return key ? [{ key, line: m.startLineNumber }] : [];
  });
  return schemaMarkers.filter((m) => {
    const field = SCHEMA_MISSING_PROPERTY.exec(m.message)?.[1];
    return !field || !unknown.some((u) => u.line >= m.startLineNumber && isMisspellingOf(u.key, field));
  });
}

/**
 * kubectl's verdict on a model's text: its markers, and the text it judged; `pending` when
 * the checks are available but have not judged this model yet (a file just opened).
 */
export interface KubectlVerdict<M extends LineMarker> {
  text: string;
  markers: readonly M[];
}

export const PENDING = 'pending';

/**
 * The schema's markers to show beside kubectl's verdict on `currentText`, one per misspelt
 * key (withoutMissingExplainedByTypos), and then:
 * - no verdict (the checks are not available): all of them;
 * - a verdict on the current text: all but those about a key (its name or its value) on
 *   lines where kubectl has a marker (the same key: each checker marks the key it found;
 *   `protocol: TCPX` gets kubectl's `Unsupported value`, not also the schema's `Value is
 *   not accepted`);
 * - a verdict on an older text (typing went on), or none yet: kubectl's is on its way and
 *   usually lands first (~250 ms after typing stops, the schema's ~450 ms), so none about
 *   a key until it does: a key never has two markers, nor one that changes its words from
 *   the schema's to kubectl's.
 */
export function schemaMarkersBesideKubectl<S extends LineMarker, K extends LineMarker>(
  schemaMarkers: readonly S[],
  verdict: KubectlVerdict<K> | typeof PENDING | undefined,
  currentText: string,
): S[] {
  const own = withoutMissingExplainedByTypos(schemaMarkers);
  if (!verdict) return own;
  if (verdict === PENDING || verdict.text !== currentText) return own.filter((m) => !isAboutItsKey(m));
  const kubectlLines = new Set(verdict.markers.map((m) => m.startLineNumber));
  return own.filter((m) => !(isAboutItsKey(m) && kubectlLines.has(m.startLineNumber)));
}

/** The models the merger sets markers on: anything with its current text. */
export interface TextModel {
  getValue(): string;
}

export type SetModelMarkers<Model, M> = (model: Model, owner: string, markers: M[]) => void;

export interface MarkerMerger<Model, M extends LineMarker> {
  /** Stands in for monaco.editor.setModelMarkers in the module given to monaco-yaml. */
  setModelMarkers: SetModelMarkers<Model, M>;
  /** Sets kubectl's markers on a model (the text they judged) and re-filters the schema's. */
  setKubectlVerdict(model: Model, verdict: KubectlVerdict<M>): void;
}

/**
 * `kubectlChecksAvailable` says whether kubectl's checks run (the command line has loaded):
 * until they do, the schema's warnings stand alone.
 */
export function createMarkerMerger<Model extends TextModel, M extends LineMarker>(
  setModelMarkers: SetModelMarkers<Model, M>,
  kubectlChecksAvailable: () => boolean,
): MarkerMerger<Model, M> {
  // Weak: a disposed model's markers go with it.
  const schemaMarkers = new WeakMap<Model, M[]>();
  const verdicts = new WeakMap<Model, KubectlVerdict<M>>();
  const showSchemaMarkers = (model: Model) => {
    const raw = schemaMarkers.get(model);
    if (!raw) return;
    const verdict = verdicts.get(model) ?? (kubectlChecksAvailable() ? PENDING : undefined);
    setModelMarkers(model, SCHEMA_OWNER, schemaMarkersBesideKubectl(raw, verdict, model.getValue()));
  };
  return {
    setModelMarkers(model, owner, markers) {
      if (owner !== SCHEMA_OWNER) return setModelMarkers(model, owner, markers);
      schemaMarkers.set(model, markers);
      showSchemaMarkers(model);
    },
    setKubectlVerdict(model, verdict) {
      verdicts.set(model, verdict);
      setModelMarkers(model, MARKER_OWNER, [...verdict.markers]);
      showSchemaMarkers(model);
    },
  };
}
