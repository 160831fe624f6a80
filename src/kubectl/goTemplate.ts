// `kubectl get -o go-template=…`: the part of Go's text/template that people write
// against API objects — text and {{actions}} with `{{-`/`-}}` trimming, fields
// (`.status.podIP`), variables (`$`, `$x := …`), pipelines (`|`), parenthesised
// terms (`(index .spec.ports 0).nodePort`), if/else if/else, range (with `$i, $v :=`
// and else), with, and the builtin functions plus kubectl's `exists` and
// `base64decode`. The object is what kubectl hands the template: the object marshalled
// to JSON and decoded again (integral numbers as int64), so a missing key prints
// `<no value>` (missingkey=default) unless --allow-missing-template-keys=false.
// Sources: Go text/template (parse/lex.go, parse/parse.go, exec.go, funcs.go);
// k8s.io/cli-runtime/pkg/printers/template.go (NewGoTemplatePrinter, PrintObj).
// Not implemented: define/template/block, sprig's functions (a call to one is
// "not defined", a parse error), and method calls.

import { goJSON, goPlain } from './jsonpath';
import { FUNCS, GoTemplateError, goType, isMap, printed, truth, type Json, type Value } from './goTemplateFuncs';
import { parseTemplate, type ControlNode, type Node, type Operand, type Pipeline, type Command } from './goTemplateParse';

export { GoTemplateError };

interface Scope { vars: [string, Value][] }

class Executor {
  constructor(private readonly allowMissing: boolean, private readonly root: Value, private readonly source: string) {}
  private at = '';
  private atPos = 0;
  /** state.at: the node an error names, with its line and byte column (ErrorContext). */
  private mark(text: string, pos: number): void { this.at = text; this.atPos = pos; }
  private fail = (m: string): never => {
    const before = this.source.slice(0, this.atPos);
    const loc = `${before.split('\n').length}:${this.atPos - before.lastIndexOf('\n') - 1}`;
    throw new GoTemplateError(`template: output:${loc}: executing "output" at <${this.at}>: ${m}`);
  };

  run(nodes: Node[], dot: Value, scope: Scope, out: string[]): void {
    for (const n of nodes) {
      if (n.k === 'text') { out.push(n.text); continue; }
      const mark = scope.vars.length;
      if (n.k === 'action') {
        const v = this.pipe(n.pipe, dot, scope);
        if (n.pipe.decl.length === 0) out.push(printed(v));
        continue; // declarations stay in scope until the enclosing block ends
      }
      const v = this.pipe(n.pipe, dot, scope, n.k === 'range');
      if (n.k === 'if') this.run(truth(v) ? n.list : n.elseList, dot, scope, out);
      else if (n.k === 'with') this.run(truth(v) ? n.list : n.elseList, truth(v) ? v : dot, scope, out);
      else this.range(n, v, dot, scope, out);
      scope.vars.length = mark;
    }
  }

  private range(n: ControlNode, v: Value, dot: Value, scope: Scope, out: string[]): void {
    let entries: [Value, Value][];
    if (Array.isArray(v)) entries = v.map((x, i) => [i, x]);
    else if (isMap(v)) entries = Object.keys(v).sort().map((k) => [k, v[k]]);
    else if (v === undefined || v === null) entries = [];
    else if (typeof v === 'number' && Number.isInteger(v)) entries = Array.from({ length: Math.max(0, v) }, (_, i) => [i, i]);
    else { this.mark(n.pipe.cmds[0].text, n.pipe.cmds[0].pos); return this.fail(`range can't iterate over ${printed(v)}`); }
    if (entries.length === 0) { this.run(n.elseList, dot, scope, out); return; }
    for (const [key, elem] of entries) {
      const mark = scope.vars.length;
      const [first, second] = n.pipe.decl;
      if (second) scope.vars.push([first, key], [second, elem]);
      else if (first) scope.vars.push([first, elem]);
      this.run(n.list, elem, scope, out);
      scope.vars.length = mark;
    }
  }

  private pipe(p: Pipeline, dot: Value, scope: Scope, forRange = false): Value {
    let v: Value = undefined;
    p.cmds.forEach((cmd, i) => { v = this.command(cmd, dot, scope, i > 0 ? [v] : []); });
    if (p.decl.length && !forRange) {
      const name = p.decl[0];
      if (p.assign) {
        const slot = [...scope.vars].reverse().find(([n]) => n === name);
        if (!slot) { this.mark(name, p.pos); this.fail(`undefined variable: ${name}`); }
        slot![1] = v;
      } else {
        scope.vars.push([name, v]);
      }
    }
    return v;
  }

  private command(cmd: Command, dot: Value, scope: Scope, piped: Value[]): Value {
    const [head, ...rest] = cmd.operands;
    if (head.tok.t === 'ident') {
      const args = [...rest.map((o) => this.operand(o, dot, scope)), ...piped];
      this.mark(cmd.text, cmd.pos);
      return FUNCS[head.tok.v](args, this.fail);
    }
    if (rest.length || piped.length) { this.mark(head.text, head.pos); this.fail(`can't give argument to non-function ${head.text}`); }
    return this.operand(head, dot, scope);
  }

  private operand(o: Operand, dot: Value, scope: Scope): Value {
    const t = o.tok;
    switch (t.t) {
      case 'field': return this.fields(dot, t.names, o);
      case 'var': {
        const slot = t.name === '$' ? ['$', this.root] : [...scope.vars].reverse().find(([n]) => n === t.name);
        if (!slot) { this.mark(t.name, o.pos); this.fail(`undefined variable: ${t.name}`); }
        return this.fields(slot![1] as Value, t.names, o);
      }
      case 'str': return t.v;
      case 'num': return Number(t.v);
      case 'bool': return t.v === 'true';
      case 'nil': this.mark('nil', o.pos); return this.fail('nil is not a command');
      case 'ident': return FUNCS[t.v]([], this.fail);
      case '(': return this.fields(this.pipe(o.args!, dot, scope), o.names ?? [], o);
      default: return undefined;
    }
  }

  /** evalField along a chain: maps by key, missing keys give no value (or an error). */
  private fields(v: Value, names: string[], o: Operand): Value {
    const at = () => this.mark(o.text, o.pos);
    let cur = v;
    for (const name of names) {
      if (cur === undefined) {
        if (!this.allowMissing) { at(); this.fail(`nil data; no entry for key "${name}"`); }
        return undefined;
      }
      if (cur === null) { at(); this.fail(`nil pointer evaluating interface {}.${name}`); }
      if (!isMap(cur)) { at(); this.fail(`can't evaluate field ${name} in type ${goType(cur)}`); }
      const map = cur as { [k: string]: Json };
      if (Object.prototype.hasOwnProperty.call(map, name)) { cur = map[name]; continue; }
      if (!this.allowMissing) { at(); this.fail(`map has no entry for key "${name}"`); }
      cur = undefined;
    }
    return cur;
  }
}

export interface CompiledGoTemplate { execute(data: unknown): string }

/** Parses once (NewGoTemplatePrinter); executes per object. Throws GoTemplateError. */
export function compileGoTemplate(source: string, allowMissingKeys: boolean): CompiledGoTemplate {
  const nodes = parseTemplate(source);
  return {
    execute(data) {
      const root = JSON.parse(JSON.stringify(data ?? null)) as Json;
      const out: string[] = [];
      new Executor(allowMissingKeys, root, source).run(nodes, root, { vars: [['$', root]] }, out);
      return out.join('');
    },
  };
}

/** The debugging text PrintObj writes to the output when execution fails. */
export function goTemplateDebugText(message: string, template: string, data: unknown): string {
  const value = JSON.parse(JSON.stringify(data ?? null)) as Json;
  return `Error executing template: ${message}. Printing more information for debugging the template:\n\ttemplate was:\n\t\t${template}\n\traw data was:\n\t\t${goJSON(value)}\n\tobject given to template engine was:\n\t\t${goPlain(value)}\n\n`;
}
