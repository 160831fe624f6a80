// Flag sets shared by several commands, with kubectl's names and defaults.
import type { FlagSpec } from './flags';
import { KubectlError } from './errors';
import type { ParsedFlags } from './flags';
import type { FieldValidation } from '../engine/api/requestDecoding';
import type { Invocation } from './command';

export const GLOBAL_FLAGS: FlagSpec[] = [
  { name: 'namespace', short: 'n', type: 'string', usage: 'If present, the namespace scope for this CLI request' },
  { name: 'help', short: 'h', type: 'bool', usage: 'help for this command' },
  { name: 'request-timeout', type: 'string', default: '0', usage: "The length of time to wait before giving up on a single server request. Non-zero values should contain a corresponding time unit (e.g. 1s, 2m, 3h). A value of zero means don't timeout requests." },
];

export const FILENAME_FLAG: FlagSpec = { name: 'filename', short: 'f', type: 'stringArray', usage: 'Filename, directory, or URL to files to use (- for stdin).' };
export const SELECTOR_FLAG: FlagSpec = { name: 'selector', short: 'l', type: 'string', usage: "Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints." };
/** get, delete, label and annotate have it (upstream's shared usage text); the server evaluates it (engine/api/fieldSelector.ts). */
export const FIELD_SELECTOR_FLAG: FlagSpec = { name: 'field-selector', type: 'string', usage: "Selector (field query) to filter on, supports '=', '==', and '!='.(e.g. --field-selector key1=value1,key2=value2). The server only supports a limited number of field queries per type." };
export const ALL_NAMESPACES_FLAG: FlagSpec = { name: 'all-namespaces', short: 'A', type: 'bool', usage: 'If present, list the requested object(s) across all namespaces. Namespace in current context is ignored even if specified with --namespace.' };
export const OUTPUT_FLAG: FlagSpec = { name: 'output', short: 'o', type: 'string', usage: 'Output format. One of: (json, yaml, name).' };
/** The generators' --save-config (create, create deployment|service|configmap|ingress …). */
export const SAVE_CONFIG_FLAG: FlagSpec = { name: 'save-config', type: 'bool', usage: 'If true, the configuration of current object will be saved in its annotation.' };
export const DRY_RUN_FLAG: FlagSpec = { name: 'dry-run', type: 'string', default: 'none', noOptDefVal: 'unchanged', usage: 'Must be "none", "server", or "client". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource.' };
export const VALIDATE_FLAG: FlagSpec = { name: 'validate', type: 'string', default: 'strict', noOptDefVal: 'strict', usage: 'Must be one of: strict (or true), warn, ignore (or false).' };

export type DryRun = 'none' | 'client' | 'server';

/** cmdutil.GetDryRunStrategy. */
export function dryRunOf(flags: ParsedFlags): DryRun {
  const v = flags.string('dry-run');
  switch (v) {
    case '':
    case 'none':
      return 'none';
    case 'client':
      return 'client';
    case 'server':
      return 'server';
    case 'unchanged':
      throw new KubectlError('--dry-run flag without a value was specified. A value must be set: "none", "server", or "client".');
    default:
      throw new KubectlError(`Invalid dry-run value (${v}). Must be "none", "server", or "client".`);
  }
}

export function dryRunSuffix(d: DryRun): string {
  return d === 'client' ? ' (dry run)' : d === 'server' ? ' (server dry run)' : '';
}

/** strconv.ParseBool's spellings, which --validate also takes. */
const TRUE_WORDS = ['1', 't', 'T', 'TRUE', 'true', 'True'];
const FALSE_WORDS = ['0', 'f', 'F', 'FALSE', 'false', 'False'];

/**
 * The fieldValidation kubectl sends for --validate (cmdutil.GetValidationDirective): strict or
 * a true boolean → Strict, warn → Warn, ignore or a false boolean → Ignore.
 */
export function fieldValidationOf(flags: ParsedFlags): FieldValidation {
  const v = flags.string('validate');
  if (v === 'strict' || TRUE_WORDS.includes(v)) return 'Strict';
  if (v === 'warn') return 'Warn';
  if (v === 'ignore' || FALSE_WORDS.includes(v)) return 'Ignore';
  throw new KubectlError(`invalid - validate option "${v}"; must be one of: strict (or true), warn, ignore (or false)`);
}

/** Whether client-side schema checks run (`--validate=false|ignore` turns them off). */
export function validationOn(flags: ParsedFlags): boolean {
  return fieldValidationOf(flags) !== 'Ignore';
}

const printedWarnings = new WeakMap<Invocation, Set<string>>();

/**
 * Sends one request that may answer with warnings (Warn field validation's unknown fields)
 * and prints them as kubectl does when the response arrives, whether it succeeded or not.
 * The API server writes each warning as a response header the moment it is recorded
 * (apiserver pkg/server/filters/warning.go, recorder.AddWarning), so an error response that
 * comes after decoding (an invalid value beside a misspelt field) carries them too; client-go
 * hands every response's headers to the warning handler in transformResponse (rest/request.go
 * handleWarnings, error branch included), before the caller gets the error that kubectl
 * then prints.
 */
export function withWarnings<T>(inv: Invocation, send: (warnings: string[]) => T): T {
  const warnings: string[] = [];
  try {
    return send(warnings);
  } finally {
    printWarnings(inv, warnings);
  }
}

/**
 * Prints the server's warnings as kubectl's warning handler does (rest.WarningWriter with
 * Deduplicate, set up in kubectl's cmd.go): `Warning: <text>` on stderr, each text once per run.
 */
function printWarnings(inv: Invocation, warnings: readonly string[]): void {
  let seen = printedWarnings.get(inv);
  for (const w of warnings) {
    if (!seen) printedWarnings.set(inv, (seen = new Set()));
    if (seen.has(w)) continue;
    seen.add(w);
    inv.output.err(`Warning: ${w}\n`);
  }
}
