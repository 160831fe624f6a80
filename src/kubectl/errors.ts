// How kubectl turns an error into the text a person sees (cmdutil.CheckErr).
// Sources: staging/src/k8s.io/kubectl/pkg/cmd/util/helpers.go (checkErr,
// StandardErrorMessage, MultilineError, MultipleErrors, statusCausesToAggrError,
// AddSourceToErr, UsageErrorf).

import { StatusError, type Status } from '../engine/core/errors';

/** A client-side error; printed as `error: <message>` unless the message already says `error: `. */
export class KubectlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KubectlError';
  }
}

/** Several errors reported together (utilerrors.Aggregate). */
export class AggregateError extends Error {
  constructor(readonly errors: Error[]) {
    super(errors.map((e) => e.message).join(', '));
    this.name = 'AggregateError';
  }
}

/** cmdutil.UsageErrorf: the message plus a pointer to the command's help. */
export function usageError(commandPath: string, message: string): KubectlError {
  return new KubectlError(`${message}\nSee '${commandPath} -h' for help and examples`);
}

/** cmdutil.AddSourceToErr: `error when <verb> "<source>": <message>`, keeping a Status's reason and details. */
export function addSourceToErr(verb: string, source: string, err: unknown): Error {
  const e = toError(err);
  if (!source) return e;
  if (e instanceof StatusError) {
    const status: Status = { ...e.status, message: `error when ${verb} "${source}": ${e.status.message}` };
    return new StatusError(status);
  }
  return new KubectlError(`error when ${verb} "${source}": ${e.message}`);
}

export function toError(err: unknown): Error {
  return err instanceof Error ? err : new Error(String(err));
}

/** StandardErrorMessage: server errors as `Error from server (<Reason>): <message>`. */
function messageForError(err: Error): string {
  if (err instanceof StatusError) {
    const s = err.status;
    if (s.reason === 'Unauthorized') return `error: You must be logged in to the server (${s.message})`;
    return s.reason ? `Error from server (${s.reason}): ${s.message}` : `Error from server: ${s.message}`;
  }
  return err.message;
}

function invalidText(err: StatusError): string {
  const details = err.status.details;
  if (!details) return 'The request is invalid\n';
  let head = 'The request is invalid';
  if (details.kind || details.name) head = `The ${details.kind ?? ''} "${details.name ?? ''}" is invalid`;
  const causes = details.causes ?? [];
  if (causes.length === 0) return `${head}\n`;
  // statusCausesToAggrError: `<field>: <message>`, identical lines once.
  const lines = [...new Set(causes.map((c) => `${c.field ?? ''}: ${c.message}`))];
  if (lines.length === 1) return `${head}: ${lines[0]}\n`;
  return `${head}: \n${lines.map((l) => `* ${l}\n`).join('')}`;
}

/** The stderr text kubectl prints for `err` (always ending in a newline). */
export function renderError(err: unknown): string {
  let e = toError(err);
  if (e instanceof AggregateError && e.errors.length === 1) e = e.errors[0];
  let text: string;
  if (e instanceof StatusError && e.status.reason === 'Invalid') text = invalidText(e);
  else if (e instanceof AggregateError) text = e.errors.map((x) => `${messageForError(x)}\n`).join('');
  else if (e instanceof StatusError) text = messageForError(e);
  else text = e.message.startsWith('error: ') ? e.message : `error: ${e.message}`;
  return text.endsWith('\n') ? text : `${text}\n`;
}
