// Field errors and API Status errors, rendered exactly as apimachinery does.
// Sources: staging/src/k8s.io/apimachinery/pkg/util/validation/field/errors.go,
// staging/src/k8s.io/apimachinery/pkg/api/errors/errors.go (NewInvalid, NewNotFound …).

export type FieldErrorType =
  | 'FieldValueRequired'
  | 'FieldValueInvalid'
  | 'FieldValueDuplicate'
  | 'FieldValueNotSupported'
  | 'FieldValueForbidden'
  | 'FieldValueTooLong'
  | 'FieldValueTooMany'
  | 'InternalError';

export interface FieldError {
  type: FieldErrorType;
  field: string;
  /** The bad value, already rendered Go-style (see `goValue`), or undefined when the type prints none. */
  value?: string;
  detail?: string;
}

/** Renders a JS value as Go's `%v`/`%#v` would in field errors: strings quoted, numbers bare. */
export function goValue(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return goQuote(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) {
    if (v.every((x) => typeof x === 'string')) return `[]string{${v.map((x) => goQuote(x as string)).join(', ')}}`;
    return `[]interface {}{${v.map(goValue).join(', ')}}`;
  }
  return JSON.stringify(v);
}

/** Go's strconv.Quote for the printable ASCII that manifests contain. */
export function goQuote(s: string): string {
  return JSON.stringify(s);
}

export const field = {
  required: (path: string, detail = ''): FieldError => ({ type: 'FieldValueRequired', field: path, detail }),
  invalid: (path: string, value: unknown, detail = ''): FieldError => ({
    type: 'FieldValueInvalid', field: path, value: goValue(value), detail,
  }),
  /** Invalid with a value already rendered (e.g. Go struct syntax). */
  invalidRaw: (path: string, rendered: string, detail = ''): FieldError => ({
    type: 'FieldValueInvalid', field: path, value: rendered, detail,
  }),
  duplicate: (path: string, value: unknown): FieldError => ({ type: 'FieldValueDuplicate', field: path, value: goValue(value) }),
  duplicateRaw: (path: string, rendered: string): FieldError => ({ type: 'FieldValueDuplicate', field: path, value: rendered }),
  notSupported: (path: string, value: unknown, supported: string[]): FieldError => ({
    type: 'FieldValueNotSupported', field: path, value: goValue(value),
    detail: supported.length ? `supported values: ${supported.map(goQuote).join(', ')}` : '',
  }),
  forbidden: (path: string, detail = ''): FieldError => ({ type: 'FieldValueForbidden', field: path, detail }),
  tooLong: (path: string, value: unknown, max: number): FieldError => ({
    type: 'FieldValueTooLong', field: path, value: goValue(value), detail: `may not be more than ${max} bytes`,
  }),
  tooMany: (path: string, actual: number, max: number): FieldError => ({
    type: 'FieldValueTooMany', field: path, value: String(actual), detail: `must have at most ${max} items`,
  }),
  internal: (path: string, detail: string): FieldError => ({ type: 'InternalError', field: path, detail }),
};

const TYPE_TEXT: Record<FieldErrorType, string> = {
  FieldValueRequired: 'Required value',
  FieldValueInvalid: 'Invalid value',
  FieldValueDuplicate: 'Duplicate value',
  FieldValueNotSupported: 'Unsupported value',
  FieldValueForbidden: 'Forbidden',
  FieldValueTooLong: 'Too long',
  FieldValueTooMany: 'Too many',
  InternalError: 'Internal error',
};

/** The body of one error, without its field path (Status causes[].message). */
export function fieldErrorBody(e: FieldError): string {
  const head = TYPE_TEXT[e.type];
  switch (e.type) {
    case 'FieldValueRequired':
    case 'FieldValueForbidden':
    case 'InternalError':
      return e.detail ? `${head}: ${e.detail}` : head;
    case 'FieldValueDuplicate':
      return `${head}: ${e.value}`;
    case 'FieldValueTooLong':
      return `${head}: ${e.detail}`;
    case 'FieldValueTooMany':
      // field.TooMany keeps the actual count as the value: `Too many: 101: must have at most 100 items`.
      return `${head}: ${e.value}: ${e.detail}`;
    default:
      return e.detail ? `${head}: ${e.value}: ${e.detail}` : `${head}: ${e.value}`;
  }
}

export function fieldErrorString(e: FieldError): string {
  return e.field ? `${e.field}: ${fieldErrorBody(e)}` : fieldErrorBody(e);
}

export interface StatusCause {
  reason: string;
  message: string;
  field?: string;
}

export interface Status {
  kind: 'Status';
  apiVersion: 'v1';
  status: 'Failure';
  message: string;
  reason: string;
  code: number;
  details?: { name?: string; group?: string; kind?: string; causes?: StatusCause[] };
}

/** An error the API server returns; kubectl renders it (see kubectl's errors). */
export class StatusError extends Error {
  constructor(readonly status: Status) {
    super(status.message);
    this.name = 'StatusError';
  }
  get reason(): string {
    return this.status.reason;
  }
  get code(): number {
    return this.status.code;
  }
}

function status(code: number, reason: string, message: string, details?: Status['details']): StatusError {
  return new StatusError({ kind: 'Status', apiVersion: 'v1', status: 'Failure', message, reason, code, details });
}

/** `resource` is the plural resource with group, e.g. `services`, `deployments.apps`. */
export const apiErrors = {
  notFound: (resource: string, name: string) =>
    status(404, 'NotFound', `${resource} "${name}" not found`, { name, kind: resource }),
  alreadyExists: (resource: string, name: string) =>
    status(409, 'AlreadyExists', `${resource} "${name}" already exists`, { name, kind: resource }),
  conflict: (resource: string, name: string, detail: string) =>
    status(409, 'Conflict', `Operation cannot be fulfilled on ${resource} "${name}": ${detail}`, { name, kind: resource }),
  badRequest: (message: string) => status(400, 'BadRequest', message),
  forbidden: (message: string) => status(403, 'Forbidden', message),
  methodNotAllowed: (message: string) => status(405, 'MethodNotAllowed', message),
  internal: (message: string) => status(500, 'InternalError', `Internal error occurred: ${message}`),
  /** NewInvalid: `<Kind> "<name>" is invalid: <err>` or `[e1, e2]` for several. */
  invalid: (kind: string, name: string, errors: FieldError[], group = '') => {
    const strings = [...new Set(errors.map(fieldErrorString))];
    const joined = strings.length === 1 ? strings[0] : `[${strings.join(', ')}]`;
    const causes = errors.map((e) => ({ reason: e.type, message: fieldErrorBody(e), field: e.field }));
    return status(422, 'Invalid', `${kind} "${name}" is invalid: ${joined}`, { name, group, kind, causes });
  },
};

export function isStatusError(e: unknown): e is StatusError {
  return e instanceof StatusError;
}
