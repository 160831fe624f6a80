// kubectl get: tables (via the table printers), -o json|yaml|name|wide|jsonpath=|
// jsonpath-as-json=|custom-columns=, several types, `all`, TYPE/NAME, -l,
// --field-selector, -A, --show-labels, -L, --no-headers, --sort-by.
// Source: staging/src/k8s.io/kubectl/pkg/cmd/get/get.go (Run, printGeneric, SortingPrinter);
// -f with -l or resource arguments: k8s.io/cli-runtime/pkg/resource/builder.go (visitByPaths).

import { apiErrors } from '../../engine/core/errors';
import { qualifiedResource, type KindInfo } from '../../engine/api/registry';
import { matchesSelector } from '../../engine/core/labels';
import type { KubeObject } from '../../engine/core/types';
import type { KubectlCommand } from '../command';
import { ALL_NAMESPACES_FLAG, FIELD_SELECTOR_FLAG, FILENAME_FLAG, OUTPUT_FLAG, SELECTOR_FLAG } from '../commonFlags';
import { AggregateError, KubectlError, usageError } from '../errors';
import { pathLabelSelector, readManifests } from '../manifestSource';
import { asList, kindString, parseOutputSpec, printObjects, templatePrinter, TemplateExecutionError } from '../output';
import { parseCustomColumns, printCustomColumns, sortObjectsBy } from '../printers/customColumns';
import { printTable } from '../printers/table';
import { listEachSelected, listSelectors, namedArgsError, noResourcesText, parseResourceArgs, pathArgsError } from '../resources';
import { runGetWatch } from './getWatch';

/** The -o formats of kubectl get without a template. */
export function getFormat(raw: string): '' | 'json' | 'yaml' | 'name' | 'wide' {
  const spec = parseOutputSpec(raw);
  if (spec.format === 'jsonpath' || spec.format === 'jsonpath-as-json' || spec.format === 'custom-columns' || spec.format === 'go-template') throw new KubectlError(`unable to match a printer suitable for the output format "${raw}"`);
  return spec.format;
}

interface Found {
  info: KindInfo;
  objects: KubeObject[];
}

export const getCommand: KubectlCommand = {
  name: 'get',
  short: 'Display one or many resources',
  usage: 'get [(-o|--output=)json|yaml|name|go-template|go-template-file|template|templatefile|jsonpath|jsonpath-as-json|jsonpath-file|custom-columns|custom-columns-file|wide] (TYPE[.VERSION][.GROUP] [NAME | -l label] | TYPE[.VERSION][.GROUP]/NAME ...) [flags] [options]',
  examples: '  # List all pods in ps output format\n  kubectl get pods\n\n  # List all pods in ps output format with more information (such as node name)\n  kubectl get pods -o wide\n\n  # List a single service with specified NAME in JSON output format\n  kubectl get -o json svc web',
  flags: [
    OUTPUT_FLAG, SELECTOR_FLAG, FIELD_SELECTOR_FLAG, ALL_NAMESPACES_FLAG, FILENAME_FLAG,
    { name: 'show-labels', type: 'bool', usage: 'When printing, show all labels as the last column (default hide labels column).' },
    { name: 'label-columns', short: 'L', type: 'stringArray', usage: 'Accepts a comma separated list of labels that are going to be presented as columns.' },
    { name: 'no-headers', type: 'bool', usage: 'When using the default or custom-column output format, don\'t print headers (default print headers).' },
    { name: 'show-kind', type: 'bool', usage: 'If present, list the resource type for the requested object(s).' },
    { name: 'ignore-not-found', type: 'bool', usage: 'If the requested object does not exist the command will return exit code 0.' },
    { name: 'sort-by', type: 'string', usage: "If non-empty, sort list types using this field specification.  The field specification is expressed as a JSONPath expression (e.g. '{.metadata.name}'). The field in the API resource specified by this JSONPath expression must be an integer or a string." },
    { name: 'watch', short: 'w', type: 'bool', usage: 'After listing/getting the requested object, watch for changes.' },
    { name: 'watch-only', type: 'bool', usage: 'Watch for changes to the requested object(s), without listing/getting first.' },
    { name: 'output-watch-events', type: 'bool', usage: 'Output watch event objects when --watch or --watch-only is used. Existing objects are output as initial ADDED events.' },
    { name: 'template', type: 'string', usage: 'Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview].' },
    { name: 'allow-missing-template-keys', type: 'bool', default: true, usage: 'If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats.' },
  ],
  run(inv) {
    const { ctx, flags } = inv;
    const watching = flags.bool('watch') || flags.bool('watch-only');
    // get.go Validate.
    if (flags.bool('output-watch-events') && !watching) throw usageError(inv.commandPath, '--output-watch-events option can only be used with --watch or --watch-only');
    if (watching) return runGetWatch(inv);
    const spec = parseOutputSpec(flags.string('output'), flags.string('template'));
    const format = spec.format;
    // Templates and columns compile before anything is fetched, as ToPrinter does.
    const template = templatePrinter(spec, flags.bool('allow-missing-template-keys'));
    const customColumns = format === 'custom-columns' ? parseCustomColumns(spec.template) : undefined;
    const sortBy = flags.string('sort-by');
    const allNamespaces = flags.bool('all-namespaces');
    const namespace = allNamespaces ? undefined : inv.namespace;
    const selectors = listSelectors(flags.string('selector'), flags.string('field-selector'));
    const filenames = flags.array('filename');
    const errors: Error[] = [];
    const found: Found[] = [];
    let multipleTypes = false;
    let singleItem: boolean;
    const add = (info: KindInfo, obj: KubeObject) => {
      let group = found.find((f) => f.info === info);
      if (!group) found.push((group = { info, objects: [] }));
      group.objects.push(obj);
    };

    const ignoreNotFound = flags.bool('ignore-not-found');
    // Only the human-readable printers say so; -o json|yaml|name print an empty List or nothing (printGeneric).
    const humanReadable = format === '' || format === 'wide';
    if (filenames.length) {
      const entries = readManifests(inv, filenames, { validate: true });
      const refused = pathArgsError(inv.args);
      if (refused) throw new KubectlError(refused);
      // visitByPaths filters after Latest() has refetched, so the live labels decide.
      const selector = pathLabelSelector(selectors.labelSelector);
      for (const entry of entries) {
        if ('error' in entry) { errors.push(entry.error); continue; }
        const { info, name, namespace: ns } = entry.item;
        const obj = ctx.api.tryGet(info.kind, ns || undefined, name);
        if (!obj) {
          if (!ignoreNotFound) errors.push(apiErrors.notFound(qualifiedResource(info), name));
          continue;
        }
        if (selector && !matchesSelector(obj.metadata.labels, selector)) continue;
        add(info, obj);
      }
      multipleTypes = found.length > 1;
      // One file (not stdin) implies a single item: -o yaml prints the object bare (visitByPaths).
      singleItem = filenames.length === 1 && filenames[0] !== '-';
      if (humanReadable && found.length === 0 && errors.length === 0 && !ignoreNotFound) {
        inv.output.err(allNamespaces ? 'No resources found\n' : `No resources found in ${inv.namespace} namespace.\n`);
      }
    } else {
      const req = parseResourceArgs(ctx, inv.args);
      if (!req) {
        inv.output.err('You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\n');
        throw usageError(inv.commandPath, 'Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).');
      }
      multipleTypes = req.multipleTypes;
      singleItem = req.singleItem;
      const refused = namedArgsError(req, { selector: !!(selectors.labelSelector || selectors.fieldSelector), allNamespaces });
      if (refused) throw new KubectlError(refused);
      if (req.named.length) {
        for (const { info, name } of req.named) {
          const obj = ctx.api.tryGet(info.kind, info.namespaced ? inv.namespace : undefined, name);
          if (obj) add(info, obj);
          else if (!ignoreNotFound) errors.push(apiErrors.notFound(qualifiedResource(info), name));
        }
      } else {
        // A type the server refuses to list is reported after the types it did list.
        for (const list of listEachSelected(ctx, req.types, namespace, selectors, errors)) {
          if (list.objects.length) found.push(list);
        }
      }
      if (humanReadable && found.length === 0 && errors.length === 0 && !ignoreNotFound) {
        inv.output.err(noResourcesText(namespace, req.types));
      }
    }

    if (sortBy) for (const f of found) f.objects = sortObjectsBy(f.objects, sortBy);
    let all = found.flatMap((f) => f.objects);
    // Non-table printers sort the one List of every kind (SortingPrinter).
    if (sortBy && found.length > 1 && format !== '' && format !== 'wide') all = sortObjectsBy(all, sortBy);
    // printGeneric prints nothing but the errors when a single item was implied and fetching
    // failed, or when nothing was found and NotFound is ignored; otherwise the one object, or a List.
    const printNothing = (singleItem && errors.length > 0) || (all.length === 0 && ignoreNotFound);
    if (!humanReadable && printNothing) {
      if (errors.length) throw new AggregateError(errors);
      return;
    }
    if (template) {
      try {
        inv.output.out(template(singleItem && all.length === 1 ? all[0] : JSON.parse(JSON.stringify(asList(all)))));
      } catch (e) {
        if (e instanceof TemplateExecutionError) inv.output.out(e.printed);
        throw e;
      }
    } else if (customColumns) {
      inv.output.out(printCustomColumns(all, customColumns, flags.bool('no-headers')));
    } else if (format === 'json' || format === 'yaml') {
      inv.output.out(printObjects(format, all, singleItem));
    } else if (format === 'name') {
      for (const f of found) for (const o of f.objects) inv.output.out(`${kindString(f.info)}/${o.metadata.name}\n`);
    } else {
      const tables = found.map((f) =>
        printTable(ctx, f.info.kind, f.objects, {
          wide: format === 'wide',
          showLabels: flags.bool('show-labels'),
          labelColumns: flags.array('label-columns').flatMap((l) => l.split(',')).filter((l) => l !== ''),
          withNamespace: allNamespaces,
          showKind: multipleTypes || flags.bool('show-kind'),
          noHeaders: flags.bool('no-headers'),
          preserveOrder: sortBy !== '',
        }),
      );
      inv.output.out(tables.join('\n'));
    }
    if (errors.length) throw new AggregateError(errors);
  },
};
