// The first check kubectl makes on each decoded document before it maps it to a
// resource: it must be an object naming apiVersion and kind, both strings.
// Source: staging/src/k8s.io/kubectl/pkg/validation/schema.go (getObjectKind).

export interface ManifestObject {
  apiVersion: string;
  kind: string;
  metadata?: Record<string, unknown>;
  [field: string]: unknown;
}

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** kubectl's schema problems for one document (empty when it names apiVersion and kind). */
export function shapeProblems(value: unknown): string[] {
  if (!isPlainObject(value)) return ['invalid object to validate'];
  const problems: string[] = [];
  const { apiVersion, kind } = value;
  if (apiVersion === undefined || apiVersion === null) problems.push('apiVersion not set');
  else if (typeof apiVersion !== 'string') problems.push("apiVersion isn't string type");
  if (kind === undefined || kind === null) problems.push('kind not set');
  else if (typeof kind !== 'string') problems.push("kind isn't string type");
  if (problems.length === 0 && value.metadata !== undefined && value.metadata !== null && !isPlainObject(value.metadata)) {
    problems.push('metadata isn\'t object type');
  }
  return problems;
}

/** Go's utilerrors.Aggregate text: one message bare, several as `[a, b]`. */
export function aggregateText(messages: string[]): string {
  return messages.length === 1 ? messages[0] : `[${messages.join(', ')}]`;
}
