// kubectl explain RESOURCE[.field…] [--recursive]: the schema in kubectl v1.32's plaintext layout.
// Sources: staging/src/k8s.io/kubectl/pkg/explain/v2/templates/plaintext.tmpl (output, fieldList,
// fieldDetail, description, extractEnum), explain/v2/funcs.go (wrap = term.NewWordWrapWriter over
// github.com/mitchellh/go-wordwrap, indent), pkg/cmd/explain/explain.go (argument errors).

import type { KubectlCommand } from '../command';
import { KubectlError, usageError } from '../errors';
import { resolveKind } from '../resources';
import { kindSchema, SCHEMAS, type FieldSchema, type TypeSchema } from '../../engine/schema';

const INT_OR_STRING_DOC = 'IntOrString is a type that can hold an int32 or a string.  When used in JSON or YAML marshalling and unmarshalling, it produces or consumes the inner type.  This allows you to have, for example, a JSON field that can accept a name or number.';

const isSpace = (c: string) => c === ' ' || c === '\t' || c === '\v' || c === '\f' || c === '\r' || c === '\u0085';

/** go-wordwrap WrapString: break at whitespace so lines stay within `lim`; long words are kept whole. */
export function wrapString(s: string, lim: number): string {
  let out = '';
  let current = 0;
  let word = '';
  let space = '';
  for (const c of s) {
    if (c === '\n') {
      if (word === '') {
        if (current + space.length <= lim) out += space;
      } else {
        out += space + word;
      }
      space = '';
      word = '';
      out += c;
      current = 0;
    } else if (isSpace(c)) {
      if (space === '' || word !== '') {
        current += space.length + word.length;
        out += space + word;
        space = '';
        word = '';
      }
      space += c;
    } else {
      word += c;
      if (current + space.length + word.length > lim && word.length < lim) {
        out += '\n';
        current = 0;
        space = '';
      }
    }
  }
  if (word === '') {
    if (current + space.length <= lim) out += space;
  } else out += space + word;
  return out;
}

const indent = (n: number, s: string) => {
  const pad = ' '.repeat(n);
  return pad + s.replace(/\n/g, `\n${pad}`);
};

function enumText(f: FieldSchema, long: boolean, indentAmount: number, limit: number): string {
  if (!f.enum?.length) return '';
  let text = long ? 'ENUM:' : `\n${' '.repeat(indentAmount)}enum: `;
  for (let i = 0; i < f.enum.length; i++) {
    if (limit > -1 && i >= limit) { text += ', ....'; break; }
    if (i > 0 && !long) text += ', ';
    else if (long) text += '\n    ';
    text += f.enum[i] === '' ? '""' : f.enum[i];
  }
  return text;
}

/** The `description` template: the field's own text, then the referenced type's. */
function descriptionOf(f: FieldSchema | undefined, type: TypeSchema | undefined): string {
  let d = '';
  if (f?.description) d += `${f.description}\n`;
  if (type?.description) d += `${type.description}\n`;
  if (f?.type === 'IntOrString') d += `${INT_OR_STRING_DOC}\n`;
  return d;
}

function fieldList(type: TypeSchema, level: number, recursive: boolean, history: Set<string>): string {
  let out = '';
  const amount = level * 2;
  for (const name of Object.keys(type.fields).sort()) {
    const f = type.fields[name];
    out += `${indent(amount, name)}\t<${f.type}>${f.required ? ' -required-' : ''}${enumText(f, false, amount, 4)}\n`;
    if (!recursive) {
      out += `${indent(amount + 2, wrapString(f.description || '<no description>', 78 - amount))}\n\n`;
      continue;
    }
    const child = f.ref ? SCHEMAS[f.ref] : undefined;
    if (child && f.ref && !history.has(f.ref)) out += fieldList(child, level + 1, recursive, new Set([...history, f.ref]));
  }
  return out;
}

function typeBody(field: FieldSchema | undefined, type: TypeSchema | undefined, recursive: boolean, history: Set<string>): string {
  let out = `DESCRIPTION:\n${indent(4, wrapString(descriptionOf(field, type) || '<empty>', 76))}\n`;
  const list = type ? fieldList(type, 1, recursive, history) : '';
  if (list) out += `FIELDS:\n${list}`;
  return out;
}

export function explainText(kind: string, fieldPath: string[], recursive: boolean): string {
  const ks = kindSchema(kind);
  const root = ks ? SCHEMAS[ks.type] : undefined;
  if (!ks || !root) throw new KubectlError(`couldn't find resource for "${kind}"`);
  let head = ks.group ? `GROUP:      ${ks.group}\n` : '';
  head += `KIND:       ${ks.kind}\nVERSION:    ${ks.version}\n\n`;
  let type: TypeSchema | undefined = root;
  let field: FieldSchema | undefined;
  let fieldLine = '';
  const history = new Set<string>([ks.type]);
  for (let i = 0; i < fieldPath.length; i++) {
    const f: FieldSchema | undefined = type?.fields[fieldPath[i]];
    // plaintext.tmpl names the last element of the whole path, whichever element was missing.
    if (!f) throw new KubectlError(`field "${fieldPath[fieldPath.length - 1]}" does not exist`);
    if (i === fieldPath.length - 1) fieldLine = `FIELD: ${fieldPath[i]} <${f.type}>\n${enumText(f, true, 0, -1)}\n\n`;
    field = f;
    type = f.ref ? SCHEMAS[f.ref] : undefined;
    if (f.ref) history.add(f.ref);
  }
  return `${head}${fieldLine}${typeBody(fieldPath.length ? field : undefined, type, recursive, fieldPath.length ? new Set(history) : history)}\n`;
}

export const explainCommand: KubectlCommand = {
  name: 'explain',
  short: 'Get documentation for a resource',
  usage: 'explain TYPE [--recursive=FALSE|TRUE] [--api-version=api-version-group] [--output=plaintext|plaintext-openapiv2] [options]',
  examples: '  # Get the documentation of the resource and its fields\n  kubectl explain pods\n\n  # Get the documentation of a specific field of a resource\n  kubectl explain pods.spec.containers',
  flags: [
    { name: 'recursive', type: 'bool', usage: 'When true, print the name of all the fields recursively. Otherwise, print the available fields with their description.' },
    { name: 'api-version', type: 'string', usage: 'Use given api-version (group/version) of the resource.' },
    { name: 'output', type: 'string', default: 'plaintext', usage: 'Format in which to render the schema. Valid values are: (plaintext, plaintext-openapiv2).' },
  ],
  run(inv) {
    if (inv.args.length === 0) throw usageError(inv.commandPath, 'You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.\n');
    if (inv.args.length > 1) throw usageError(inv.commandPath, 'We accept only this format: explain RESOURCE\n');
    const output = inv.flags.string('output');
    if (output !== 'plaintext' && output !== 'plaintext-openapiv2') throw new KubectlError(`unsupported output format: ${output}; supported formats: plaintext, plaintext-openapiv2`);
    const [resource, ...fieldPath] = inv.args[0].split('.');
    const info = resolveKind(inv.ctx, resource);
    inv.output.out(explainText(info.kind, fieldPath.filter((p) => p !== ''), inv.flags.bool('recursive')));
  },
};
