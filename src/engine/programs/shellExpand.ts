// Expands a word as bash does before a command runs: parameters (`$NAME`, `${NAME}`,
// `${NAME:-word}`, `$?` …), command substitution (`$(…)` and backquotes, trailing newlines
// removed), then word splitting of what an unquoted expansion produced (on spaces, tabs and
// newlines, bash's default IFS), then quote removal. Single quotes keep everything literal;
// double quotes expand `$` and backquotes but never split. Pathname expansion (globs) is left
// out: the playground's machine has no directory to match `*` against, and bash leaves a
// pattern that matches nothing as it is. Source: bash's subst.c (expand_word_internal,
// param_expand, command_substitute, word_split) and the manual's "Shell Expansions".

import { skipExpansion } from '../exec';

/** What a word's expansion reads: the shell's variables and a way to run `$(…)`. */
export interface ExpansionContext {
  /** A variable's value; undefined when unset. */
  variable(name: string): string | undefined;
  /** `$?` */
  readonly status: number;
  /** Runs a command substitution's text and returns its stdout (its stderr goes to the terminal). */
  substitute(script: string): string;
}

/** An expansion bash refuses (`${x`, `${1x}`): the command does not run; bash says this and exits 1. */
export class ExpansionError extends Error {}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;
const ANSI_C_ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', e: '\x1b', f: '\f', v: '\v' };
const IFS_WHITESPACE = ' \t\n';

/** Special parameters of an interactive bash with no positional parameters. */
function special(c: string, context: ExpansionContext): string | undefined {
  switch (c) {
    case '?': return String(context.status);
    case '#': return '0';
    case '0': return 'bash';
    case '-': return 'himBHs';
    // The shell's process: the terminal numbers its background jobs from 4243 (app/terminal/jobs.ts).
    case '$': return '4242';
    case '!': case '@': case '*': return '';
    default: return /^[1-9]$/.test(c) ? '' : undefined;
  }
}

/** Builds the fields of one word: text joined until an unquoted expansion's whitespace splits it. */
class Fields {
  readonly done: string[] = [];
  private current = '';
  private started = false;

  constructor(private readonly split: boolean) {}

  /** Quoted or literal text: never split (an empty "" still makes a field). */
  literal(text: string): void {
    this.current += text;
    this.started = true;
  }

  /** What an unquoted expansion produced: split on whitespace, an empty result makes no field. */
  expanded(text: string): void {
    if (!this.split) return this.literal(text);
    for (const c of text) {
      if (IFS_WHITESPACE.includes(c)) this.end();
      else {
        this.current += c;
        this.started = true;
      }
    }
  }

  end(): void {
    if (this.started) this.done.push(this.current);
    this.current = '';
    this.started = false;
  }
}

/**
 * The fields a word expands to: usually one, none for an unquoted expansion that is empty,
 * several when an unquoted expansion holds whitespace. With `split` false (an assignment's
 * value, `export NAME=…`) the word is always exactly one field.
 */
export function expandWord(raw: string, context: ExpansionContext, split = true): string[] {
  const fields = new Fields(split);
  let i = 0;
  while (i < raw.length) {
    const c = raw[i];
    if (c === "'") {
      // The tokenizer has matched every quote; a word from inside ${…} may still hold a lone one.
      const end = raw.indexOf("'", i + 1) < 0 ? raw.length : raw.indexOf("'", i + 1);
      fields.literal(raw.slice(i + 1, end));
      i = end + 1;
    } else if (c === '"') {
      i = expandDoubleQuoted(raw, i + 1, context, fields);
    } else if (c === '\\') {
      fields.literal(raw[i + 1] === '\n' ? '' : raw[i + 1] ?? '\\');
      i += 2;
    } else if (c === '$' && raw[i + 1] === "'") {
      // $'…': ANSI-C quoting, quoted text with backslash escapes (bash's ansicstr).
      const end = raw.indexOf("'", i + 2) < 0 ? raw.length : raw.indexOf("'", i + 2);
      fields.literal(raw.slice(i + 2, end).replace(/\\([ntrabefv\\'"])/g, (_, e: string) => ANSI_C_ESCAPES[e] ?? e));
      i = end + 1;
    } else if (c === '$' || c === '`') {
      const { text, end } = expandDollar(raw, i, context);
      if (text === undefined) fields.literal(c);
      else fields.expanded(text);
      i = end;
    } else {
      fields.literal(c);
      i++;
    }
  }
  fields.end();
  return split ? fields.done : [fields.done.join('')];
}

/** Double-quoted text from `i` (after the `"`) to its closing quote; returns the index after it. */
function expandDoubleQuoted(raw: string, i: number, context: ExpansionContext, fields: Fields): number {
  fields.literal('');
  while (i < raw.length && raw[i] !== '"') {
    const c = raw[i];
    if (c === '\\' && '$`"\\\n'.includes(raw[i + 1])) {
      fields.literal(raw[i + 1] === '\n' ? '' : raw[i + 1]);
      i += 2;
    } else if (c === '$' || c === '`') {
      const { text, end } = expandDollar(raw, i, context);
      fields.literal(text ?? c);
      i = end;
    } else {
      fields.literal(c);
      i++;
    }
  }
  return i + 1;
}

/** The expansion that starts at raw[i] (`$` or a backquote): its text (undefined: a literal `$`) and where it ends. */
function expandDollar(raw: string, i: number, context: ExpansionContext): { text: string | undefined; end: number } {
  const next = raw[i + 1];
  const closed = raw[i] === '`' || next === '(' || next === '{' ? skipExpansion(raw, i) : 0;
  // Unclosed (only inside a ${…} operand: the tokenizer has matched the rest): a literal `$`.
  if (typeof closed !== 'number') return { text: undefined, end: i + 1 };
  if (raw[i] === '`' || next === '(') {
    const end = closed;
    if (raw[i] === '`') return { text: commandOutput(context, raw.slice(i + 1, end - 1).replace(/\\([$`\\])/g, '$1')), end };
    if (raw[i + 2] === '(') throw new ExpansionError(`${raw.slice(i, end)}: arithmetic expansion is not supported in the playground's shell`);
    return { text: commandOutput(context, raw.slice(i + 2, end - 1)), end };
  }
  if (next === '{') {
    const end = closed;
    return { text: braceExpansion(raw.slice(i + 2, end - 1), context), end };
  }
  const name = NAME.exec(raw.slice(i + 1))?.[0];
  if (name) return { text: context.variable(name) ?? '', end: i + 1 + name.length };
  const value = next === undefined ? undefined : special(next, context);
  return value === undefined ? { text: undefined, end: i + 1 } : { text: value, end: i + 2 };
}

/** `$(…)`: the command's output without its trailing newlines (bash's command_substitute). */
function commandOutput(context: ExpansionContext, script: string): string {
  return context.substitute(script).replace(/\n+$/, '');
}

/** `${…}`: a parameter, its length, or one of the default-value forms. */
function braceExpansion(inner: string, context: ExpansionContext): string {
  const bad = () => new ExpansionError(`\${${inner}}: bad substitution`);
  if (inner.startsWith('#') && inner.length > 1) {
    const name = inner.slice(1);
    const value = NAME.exec(name)?.[0] === name ? context.variable(name) : special(name, context);
    if (value === undefined && !(NAME.exec(name)?.[0] === name)) throw bad();
    return String([...(value ?? '')].length);
  }
  const name = NAME.exec(inner)?.[0] ?? (inner !== '' && special(inner[0], context) !== undefined ? inner[0] : undefined);
  if (name === undefined) throw bad();
  const value = NAME.test(name) ? context.variable(name) : special(name, context);
  const rest = inner.slice(name.length);
  if (rest === '') return value ?? '';
  const form = /^(:?)([-=+?])/.exec(rest);
  if (!form) {
    if (/^(:|\/|#|%|\^|,|@)/.test(rest)) throw new ExpansionError(`\${${inner}}: this expansion is not supported in the playground's shell`);
    throw bad();
  }
  const word = rest.slice(form[0].length);
  const unset = value === undefined || (form[1] === ':' && value === '');
  const operand = () => expandWord(word, context, false)[0];
  switch (form[2]) {
    case '-': return unset ? operand() : value;
    case '+': return unset ? '' : operand();
    case '?': if (unset) throw new ExpansionError(`${name}: ${word === '' ? 'parameter null or not set' : operand()}`); return value;
    default: throw new ExpansionError(`\${${inner}}: assigning a default is not supported in the playground's shell`);
  }
}
