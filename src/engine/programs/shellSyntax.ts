// The shape of a line as bash parses it, for the playground's shell: one simple command or
// one pipeline (`kubectl get pods | grep web`). bash parses the whole line before it runs
// anything, so a syntax error (with bash's own text) comes first; then anything the playground
// does not run — redirections, `&&`/`||`/`;` lists, background jobs, subshells — is refused in
// one line that names it, instead of being passed to kubectl as arguments.
// Source: bash's parse.y (report_syntax_error: "syntax error near unexpected token `%s'",
// "syntax error: unexpected end of file"); bash exits 2 on a syntax error.

import { type ExecResult, fail, tokenizeShellLine } from '../exec';

/** The stages of a pipeline, each an argv; none for an empty line. */
export type ParsedLine = { stages: string[][] } | { error: ExecResult };

const REDIRECTIONS = new Set(['<', '>', '>>', '<<', '<&', '>&', '<>', '>|', '&>']);

const syntaxError = (token: string): ExecResult => fail(`bash: syntax error near unexpected token \`${token}'\n`, 2);
const UNEXPECTED_EOF = fail('bash: syntax error: unexpected end of file\n', 2);
const refusal = (message: string): ExecResult => fail(`bash: ${message}\n`, 2);
const ONE_PER_LINE = "run one command, or one pipeline (|), per line";

export function parseShellLine(line: string): ParsedLine {
  const tokens = tokenizeShellLine(line);
  if (!Array.isArray(tokens)) return { error: fail(`bash: ${tokens.error}\n`, 2) };
  const stages: string[][] = [];
  let current: string[] = [];
  let refused: ExecResult | undefined;
  const refuse = (what: string) => (refused ??= refusal(what));
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.kind === 'word') {
      current.push(token.text);
      continue;
    }
    const op = token.text;
    const atEnd = i === tokens.length - 1;
    if (REDIRECTIONS.has(op)) {
      const target = tokens[i + 1];
      if (!target) return { error: syntaxError('newline') };
      if (target.kind === 'operator') return { error: syntaxError(target.text) };
      refuse("redirections (>, >>, <, 2>&1) are not supported in the playground's shell: output shows in the terminal; filter it with a pipe (| grep …)");
      i++;
      continue;
    }
    if (op === '(') {
      if (current.length > 0) return { error: syntaxError('(') };
      refuse(`subshells ( … ) are not supported in the playground's shell: ${ONE_PER_LINE}`);
      continue;
    }
    if (op === ')') {
      if (refused === undefined || current.length === 0) return { error: syntaxError(')') };
      continue;
    }
    if (op === ';;' || current.length === 0) return { error: syntaxError(op) };
    if (op === '|' || op === '|&') {
      if (atEnd) return { error: UNEXPECTED_EOF };
      if (op === '|&') refuse("`|&' (piping stderr too) is not supported in the playground's shell: use |");
      stages.push(current);
      current = [];
      continue;
    }
    if (op === '&&' || op === '||') {
      if (atEnd) return { error: UNEXPECTED_EOF };
      refuse(`\`${op}' is not supported in the playground's shell: ${ONE_PER_LINE}`);
    } else if (op === '&') refuse("background jobs (&) run only in the playground's terminal, where a line that ends in & becomes a job");
    else if (!atEnd) refuse(`\`;' is not supported in the playground's shell: ${ONE_PER_LINE}`);
    // A `;` that ends the line ends the command, as in bash.
    stages.push(current);
    current = [];
  }
  if (current.length > 0) stages.push(current);
  if (refused) return { error: refused };
  return { stages };
}
