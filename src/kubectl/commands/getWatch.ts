// kubectl get -w/--watch, --watch-only, --output-watch-events: the initial list (or the one
// named object), then one print per watch event until Ctrl-C.
// Source: staging/src/k8s.io/kubectl/pkg/cmd/get/get.go (watch: SingleResourceType, the
// initial list printed with its header, a named object's synthetic ADDED event skipped,
// `*outputObjects`); cli-runtime/pkg/printers/tableprinter.go (headers only before the first
// row ever printed, the EVENT column, "MODIFIED" rows even when no column changed: every
// event prints a row); printers/tabwriter.go (RememberWidths, one flush per event);
// printers/yaml.go (`---` before every document after the first); apiserver's filtered
// watch (cacher.go: an object leaving the selection is a DELETED event, entering it ADDED).

import type { KindInfo } from '../../engine/api/registry';
import { compileFieldSelector } from '../../engine/api/fieldSelector';
import { matchesSelector } from '../../engine/core/labels';
import { parseSelector } from '../../engine/core/labelSelectorParser';
import { apiErrors } from '../../engine/core/errors';
import { qualifiedResource } from '../../engine/api/registry';
import type { WatchEvent } from '../../engine/core/store';
import type { KubeObject } from '../../engine/core/types';
import type { Invocation } from '../command';
import { KubectlError } from '../errors';
import { kindString, parseOutputSpec, sortKeys, templatePrinter, toYAMLText } from '../output';
import { printTable } from '../printers/table';
import { type ListSelectors, listSelected, listSelectors, namedArgsError, parseResourceArgs } from '../resources';
import { keepRunning, requestTimeoutMs } from '../streaming';
import { NO_RESOURCES_GIVEN } from './targets';

type EventType = 'ADDED' | 'MODIFIED' | 'DELETED';

/** The one type and what of it is watched: a list (namespace, selectors) or one named object. */
interface WatchTarget {
  info: KindInfo;
  namespace: string | undefined;
  name?: string;
}

/** Prints objects or events one at a time, as the printer chain of get.go's ToPrinter does for a watch. */
function makePrinter(inv: Invocation, info: KindInfo, allNamespaces: boolean) {
  const { flags, ctx } = inv;
  const spec = parseOutputSpec(flags.string('output'), flags.string('template'));
  const events = flags.bool('output-watch-events');
  const template = templatePrinter(spec, flags.bool('allow-missing-template-keys'));
  if (spec.format === 'custom-columns') throw new KubectlError(`unable to match a printer suitable for the output format "${flags.string('output')}"`);
  const remembered: number[] = [];
  let printedHeaders = false;
  let yamlCount = 0;
  return (obj: KubeObject, type: EventType): string => {
    switch (spec.format) {
      case 'json': {
        const value = sortKeys(obj);
        // metav1.WatchEvent marshals its fields in struct order: type, then object.
        return `${JSON.stringify(events ? { type, object: value } : value, null, 4)}\n`;
      }
      case 'yaml':
        return (yamlCount++ > 0 ? '---\n' : '') + toYAMLText(events ? { type, object: obj } : obj);
      case 'name':
        return `${kindString(info)}/${obj.metadata.name}\n`;
      case 'jsonpath':
      case 'jsonpath-as-json':
      case 'go-template':
        return template!(JSON.parse(JSON.stringify(events ? { type, object: obj } : obj)));
      default: {
        const text = printTable(ctx, info.kind, [obj], {
          wide: spec.format === 'wide',
          showLabels: flags.bool('show-labels'),
          labelColumns: flags.array('label-columns').flatMap((l) => l.split(',')).filter((l) => l !== ''),
          withNamespace: allNamespaces && info.namespaced,
          showKind: flags.bool('show-kind'),
          noHeaders: flags.bool('no-headers') || printedHeaders,
          eventType: events ? type : undefined,
          rememberedWidths: remembered,
        });
        printedHeaders = true;
        return text;
      }
    }
  };
}

/** The one resource type a watch takes (builder.SingleResourceType), and its name if one is given. */
function watchTarget(inv: Invocation, selectors: ListSelectors): WatchTarget {
  const { ctx, flags, args } = inv;
  if (flags.array('filename').length) throw new KubectlError('watching objects given with -f is not supported in the playground; name the type instead (kubectl get pods -w)');
  const req = parseResourceArgs(ctx, args);
  if (!req) throw new KubectlError(NO_RESOURCES_GIVEN);
  const allNamespaces = flags.bool('all-namespaces');
  // The watch runs the same builder as a plain get: names beside -l/--field-selector or -A are refused first (visitBySelector, visitByName).
  const refused = namedArgsError(req, { selector: !!(selectors.labelSelector || selectors.fieldSelector), allNamespaces });
  if (refused) throw new KubectlError(refused);
  if (req.types.length > 1 || new Set(req.named.map((n) => n.info)).size > 1) throw new KubectlError('you may only specify a single resource type');
  if (req.named.length > 1) throw new KubectlError('watch is only supported on individual resources and resource collections - more than 1 resource was found');
  const info = req.named[0]?.info ?? req.types[0];
  const namespace = info.namespaced && !allNamespaces ? inv.namespace : undefined;
  return { info, namespace, name: req.named[0]?.name };
}

export function runGetWatch(inv: Invocation): void {
  const { ctx, flags } = inv;
  if (flags.string('sort-by')) inv.output.err('warning: --watch or --watch-only requested, --sort-by will be ignored\n');
  requestTimeoutMs(inv);
  const selectors = listSelectors(flags.string('selector'), flags.string('field-selector'));
  const { info, namespace, name } = watchTarget(inv, selectors);
  // The initial LIST (or GET): it also checks the selectors, as the server does.
  let initial: KubeObject[];
  if (name !== undefined) {
    const obj = ctx.api.tryGet(info.kind, namespace, name);
    if (!obj) throw apiErrors.notFound(qualifiedResource(info), name);
    initial = [obj];
  } else {
    initial = listSelected(ctx, info, namespace, selectors);
  }
  const labels = selectors.labelSelector ? parseSelector(selectors.labelSelector) : undefined;
  const fields = selectors.fieldSelector ? compileFieldSelector(info, selectors.fieldSelector) : undefined;
  const inScope = (obj: KubeObject | undefined): boolean =>
    !!obj &&
    (namespace === undefined || obj.metadata.namespace === namespace) &&
    (name === undefined || obj.metadata.name === name) &&
    (!labels || matchesSelector(obj.metadata.labels, labels)) &&
    (!fields || fields(obj));

  const print = makePrinter(inv, info, flags.bool('all-namespaces'));
  if (!flags.bool('watch-only')) for (const obj of initial) inv.output.out(print(obj, 'ADDED'));

  keepRunning(inv, (live) => {
    const unsubscribe = ctx.store.subscribe(live.guard((e: WatchEvent) => {
      if (e.kind !== info.kind) return;
      const now = e.type !== 'DELETED' && inScope(e.object);
      const before = e.type !== 'ADDED' && inScope(e.old);
      // A filtered watch: leaving the selection reads as DELETED (with the object as it was), entering it as ADDED.
      if (now && before) live.out(print(e.object, 'MODIFIED'));
      else if (now) live.out(print(e.object, 'ADDED'));
      else if (before) live.out(print(e.type === 'DELETED' ? e.object : e.old!, 'DELETED'));
    }), { recordedEvents: info.kind === 'Event' });
    // kubectl's interrupt handler (pkg/util/interrupt) runs the cancel, then os.Exit(1).
    return { stop: unsubscribe, interruptedExitCode: 1 };
  });
}
