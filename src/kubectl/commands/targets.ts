// What the commands that change existing objects share: kubectl's resource
// builder for `TYPE NAME…`, `TYPE/NAME…`, `TYPE -l SEL`, `TYPE --field-selector SEL`, `TYPE --all` (live
// objects, errors collected as ContinueOnError does), and the name printer
// with its operation text (`pod/web labeled`, `… (dry run)`) or -o yaml|json.
// Sources: k8s.io/cli-runtime/pkg/resource/builder.go (ResourceTypeOrNameArgs),
// k8s.io/cli-runtime/pkg/printers/name.go, cmdutil.PrintFlagsWithDryRunStrategy.

import type { KindInfo } from '../../engine/api/registry';
import { isStatusError } from '../../engine/core/errors';
import type { KubeObject } from '../../engine/core/types';
import type { Invocation } from '../command';
import { type DryRun, dryRunSuffix } from '../commonFlags';
import { KubectlError, toError } from '../errors';
import { kindString, mutationFormat, toJSONText, toYAMLText } from '../output';
import { listEachSelected, listSelectors, namedArgsError, parseResourceArgs } from '../resources';

export const NO_RESOURCES_GIVEN = `You must provide one or more resources by argument or filename.
Example resource specifications include:
   '-f rsrc.yaml'
   '--filename=rsrc.json'
   '<resource> <name>'
   '<resource>'`;

export interface Target {
  info: KindInfo;
  /** The live (stored, frozen) object. */
  obj: KubeObject;
}

export interface Targets {
  targets: Target[];
  /** Objects that could not be fetched (NotFound …), reported after the others are handled. */
  errors: Error[];
  /** One object named (kubectl's IntoSingleItemImplied). */
  single: boolean;
}

export interface TargetOptions {
  /** `--all`: a bare TYPE selects everything of it. */
  all?: boolean;
  selector?: string;
  /** `--field-selector` (label and annotate): evaluated by the server per LIST. */
  fieldSelector?: string;
  allNamespaces?: boolean;
}

/** Resolves resource arguments to live objects; throws for argument mistakes kubectl rejects up front. */
export function resolveTargets(inv: Invocation, args: string[], opts: TargetOptions = {}): Targets {
  const { ctx } = inv;
  const req = parseResourceArgs(ctx, args);
  if (!req) throw new KubectlError(NO_RESOURCES_GIVEN);
  const selectors = listSelectors(opts.selector, opts.fieldSelector);
  const refused = namedArgsError(req, { selector: !!(selectors.labelSelector || selectors.fieldSelector), allNamespaces: opts.allNamespaces });
  if (refused) throw new KubectlError(refused);
  const targets: Target[] = [];
  const errors: Error[] = [];
  if (req.named.length) {
    for (const { info, name } of req.named) {
      try {
        targets.push({ info, obj: ctx.api.get(info.kind, info.namespaced ? inv.namespace : undefined, name) });
      } catch (e) {
        if (!isStatusError(e)) throw e;
        errors.push(toError(e));
      }
    }
    return { targets, errors, single: req.singleItem };
  }
  if (!opts.all && !selectors.labelSelector && !selectors.fieldSelector) throw new KubectlError('resource(s) were provided, but no name was specified');
  const namespace = opts.allNamespaces ? undefined : inv.namespace;
  // A refused LIST is reported with the other errors.
  for (const { info, objects } of listEachSelected(ctx, req.types, namespace, selectors, errors)) {
    for (const obj of objects) targets.push({ info, obj });
  }
  return { targets, errors, single: false };
}

/** `deployment.apps/web`. */
export function objectRef(info: KindInfo, obj: KubeObject): string {
  return `${kindString(info)}/${obj.metadata.name}`;
}

/** The NamePrinter line (`pod/web labeled (dry run)`), or the object with -o json|yaml, or `pod/web` with -o name. */
export function printResult(inv: Invocation, ref: string, obj: KubeObject, operation: string, dryRun: DryRun): void {
  const format = mutationFormat(inv.flags.string('output'));
  if (format === 'name') inv.output.out(`${ref}\n`);
  else if (format === 'json') inv.output.out(toJSONText(obj));
  else if (format === 'yaml') inv.output.out(toYAMLText(obj));
  else {
    const op = `${operation}${dryRunSuffix(dryRun)}`;
    inv.output.out(op ? `${ref} ${op}\n` : `${ref}\n`);
  }
}

/** GetResourcesAndPairs: resource words first, then `k=v` / `k-` pairs. */
export function splitResourcesAndPairs(args: string[], pairType: string): { resources: string[]; pairs: string[] } {
  const resources: string[] = [];
  const pairs: string[] = [];
  for (const s of args) {
    const isPair = (s.includes('=') && s[0] !== '=') || (s.endsWith('-') && s !== '-');
    if (isPair) pairs.push(s);
    else if (pairs.length) throw new KubectlError(`all resources must be specified before ${pairType} changes: ${s}`);
    else resources.push(s);
  }
  return { resources, pairs };
}

/** Go's time.ParseDuration for the units kubectl users type (`30s`, `2m`, `1h30m`, `500ms`, `0`). */
export function parseGoDuration(flag: string, raw: string): number {
  if (raw === '0') return 0;
  const units: Record<string, number> = { ns: 1e-6, us: 1e-3, 'µs': 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
  const re = /(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|ms|s|m|h)?/y;
  let total = 0;
  let i = 0;
  const bad = (why: string) => new KubectlError(`invalid argument "${raw}" for "--${flag}" flag: time: ${why} "${raw}"`);
  if (raw === '') throw bad('invalid duration');
  while (i < raw.length) {
    re.lastIndex = i;
    const m = re.exec(raw);
    if (!m) throw bad('invalid duration');
    if (!m[2]) throw bad('missing unit in duration');
    total += Number(m[1]) * units[m[2]];
    i = re.lastIndex;
  }
  return total;
}
