// -o json|yaml|name, as kubectl's printers write them: keys sorted (Go maps
// marshal sorted), JSON indented by 4 spaces, YAML as sigs.k8s.io/yaml (go-yaml
// v2) writes it: sequences not indented under their key, YAML 1.1 quoting
// (`"yes"`, `"2024-01-01T00:00:00Z"`), literal blocks for multi-line strings.
// Sources: k8s.io/cli-runtime/pkg/printers/{json,yaml,name}.go.

import { stringify } from 'yaml';
import type { KubeObject } from '../engine/core/types';
import type { KindInfo } from '../engine/api/registry';
import { KubectlError } from './errors';
import { compileGoTemplate, goTemplateDebugText, GoTemplateError } from './goTemplate';
import { compileJSONPath, goSyntax, JSONPathError } from './jsonpath';

export function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[k];
      if (v !== undefined) Object.defineProperty(out, k, { value: sortKeys(v), enumerable: true, writable: true, configurable: true });
    }
    return out;
  }
  return value;
}

export function toJSONText(value: unknown): string {
  return `${JSON.stringify(sortKeys(value), null, 4)}\n`;
}

export function toYAMLText(value: unknown): string {
  return stringify(sortKeys(value), { version: '1.1', indentSeq: false, lineWidth: 80, minContentWidth: 0, aliasDuplicateObjects: false });
}

/** The `List` kubectl prints for several objects (or any list query). */
export function asList(items: KubeObject[]): Record<string, unknown> {
  return { apiVersion: 'v1', items, kind: 'List', metadata: { resourceVersion: '' } };
}

/** `service`, `deployment.apps`: how kubectl names a kind in `created`/`deleted` lines and `-o name`. */
export function kindString(info: KindInfo): string {
  const k = info.kind.toLowerCase();
  return info.group ? `${k}.${info.group}` : k;
}

export type OutputFormat = '' | 'json' | 'yaml' | 'name' | 'wide';

/** Prints objects in a machine format; `single` = one object asked for by name (no List wrapper). */
export function printObjects(format: 'json' | 'yaml', objects: KubeObject[], single: boolean): string {
  const value = single && objects.length === 1 ? objects[0] : asList(objects);
  return format === 'json' ? toJSONText(value) : toYAMLText(value);
}

/** The `-o` formats a mutating command (apply, create, run …) accepts. */
export function mutationFormat(raw: string): 'json' | 'yaml' | 'name' | '' {
  if (raw === '' || raw === 'json' || raw === 'yaml' || raw === 'name') return raw;
  throw new KubectlError(
    `unable to match a printer suitable for the output format "${raw}", allowed formats are: go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml`,
  );
}

// ---- -o jsonpath=… / jsonpath-as-json=… / custom-columns=… (kubectl get) ----
// Sources: staging/src/k8s.io/cli-runtime/pkg/printers/jsonpath.go (PrintObj and its
// execution error text), genericclioptions/jsonpath_flags.go, kubectl/pkg/cmd/get/get_flags.go,
// genericclioptions/template_flags.go (GoTemplatePrintFlags.ToPrinter: `-o go-template=T`,
// or `-o go-template|template|jsonpath` with the template in --template).

/** What `-o` asked for, with the template after `=` for template formats. */
export interface OutputSpec {
  format: '' | 'json' | 'yaml' | 'name' | 'wide' | 'jsonpath' | 'jsonpath-as-json' | 'custom-columns' | 'go-template';
  template: string;
}

const GET_FORMATS = 'custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml';

/**
 * Parses `-o` for kubectl get (PrintFlags.ToPrinter): `jsonpath={.x}`, `custom-columns=A:.x`,
 * `go-template={{.x}}` … `templateArg` is --template: it replaces a template after `=`, and
 * alone (no -o) it means go-template.
 */
export function parseOutputSpec(raw: string, templateArg = ''): OutputSpec {
  if (raw === '' && templateArg !== '') raw = 'go-template';
  const eq = raw.indexOf('=');
  const format = eq >= 0 ? raw.slice(0, eq) : raw;
  const template = templateArg !== '' ? templateArg : eq >= 0 ? raw.slice(eq + 1) : '';
  switch (format) {
    case '': case 'json': case 'yaml': case 'name': case 'wide':
      if (eq < 0) return { format, template: '' };
      break;
    case 'jsonpath': case 'jsonpath-as-json':
      if (template === '') throw new KubectlError('template format specified but no template given');
      return { format, template };
    case 'go-template': case 'template':
      if (template === '') throw new KubectlError('template format specified but no template given');
      return { format: 'go-template', template };
    case 'custom-columns':
      if (template === '') throw new KubectlError('custom-columns format specified but no custom columns given');
      return { format, template };
  }
  throw new KubectlError(`unable to match a printer suitable for the output format "${raw}", allowed formats are: ${GET_FORMATS}`);
}

/** Compiles a `-o jsonpath=` template; parse errors read as kubectl prints them. */
export function jsonPathPrinter(template: string, asJSON: boolean): (value: unknown) => string {
  let compiled;
  try {
    compiled = compileJSONPath(template, { allowMissingKeys: true });
  } catch (e) {
    throw new KubectlError(`error parsing jsonpath ${template}, ${(e as Error).message}\n`);
  }
  return (value) => {
    try {
      if (!asJSON) return compiled.execute(value);
      return compiled.findResults(value).map((r) => `${JSON.stringify(sortKeys(r), null, 4)}\n`).join('');
    } catch (e) {
      if (!(e instanceof JSONPathError)) throw e;
      const debug = `Error executing template: ${e.message}. Printing more information for debugging the template:\n\ttemplate was:\n\t\t${template}\n\tobject given to jsonpath engine was:\n\t\t${goSyntax(value)}\n\n`;
      throw new KubectlError(`error executing jsonpath ${JSON.stringify(template)}: ${debug}\n`);
    }
  };
}

/** A template printer's output when execution failed: kubectl prints the debugging text, then the error. */
export class TemplateExecutionError extends KubectlError {
  constructor(message: string, readonly printed: string) {
    super(message);
  }
}

/** Compiles `-o go-template=`; Go's parse errors read as kubectl prints them (ToPrinter). */
export function goTemplatePrinter(template: string, allowMissingKeys: boolean): (value: unknown) => string {
  let compiled;
  try {
    compiled = compileGoTemplate(template, allowMissingKeys);
  } catch (e) {
    if (!(e instanceof GoTemplateError)) throw e;
    throw new KubectlError(`error parsing template ${template}, ${e.message}`);
  }
  return (value) => {
    try {
      return compiled.execute(value);
    } catch (e) {
      if (!(e instanceof GoTemplateError)) throw e;
      // printers/template.go PrintObj: the debugging text goes to the output, the error to the caller.
      throw new TemplateExecutionError(`error executing template ${JSON.stringify(template)}: ${e.message}`, goTemplateDebugText(e.message, template, value));
    }
  };
}

/** The printer of a template format (jsonpath, jsonpath-as-json, go-template), or undefined. */
export function templatePrinter(spec: OutputSpec, allowMissingKeys: boolean): ((value: unknown) => string) | undefined {
  if (spec.format === 'jsonpath' || spec.format === 'jsonpath-as-json') return jsonPathPrinter(spec.template, spec.format === 'jsonpath-as-json');
  if (spec.format === 'go-template') return goTemplatePrinter(spec.template, allowMissingKeys);
  return undefined;
}
