// The shape of a line as bash parses it, for the playground's shell: lists of pipelines joined
// by `;`, `&&`, `||` and newlines, simple commands with their variable assignments
// (`NODE_PORT=…`), and `for NAME in WORDS; do LIST; done`. bash parses the whole line before
// it runs anything, so a syntax error (with bash's own text) comes first; then anything the
// playground does not run — redirections, background jobs, subshells, `if`/`while`/`case`,
// functions — is refused in one line that names it, instead of being passed to a program as
// arguments. Words stay as typed (quotes and `$…` included): shellExpand.ts expands them when
// their command runs, as bash does.
// Source: bash's parse.y (the grammar: simple_list, pipeline_command, for_command,
// compound_list; report_syntax_error: "syntax error near unexpected token `%s'", "syntax
// error: unexpected end of file"); bash exits 2 on a syntax error.

import { type ExecResult, fail, type ShellToken, tokenizeShellLine } from '../exec';

/** A simple command: `NAME=value` assignments, then the words of the command (both as typed). */
export interface SimpleCommand {
  kind: 'simple';
  assignments: string[];
  words: string[];
}

/** `for NAME [in WORDS]; do BODY; done` (without `in`, bash loops over "$@": nothing here). */
export interface ForCommand {
  kind: 'for';
  name: string;
  items: string[] | undefined;
  body: CommandList;
}

export type ShellCommand = SimpleCommand | ForCommand;

/** Commands joined by `|`; `! pipeline` negates its exit status. */
export interface Pipeline {
  negated: boolean;
  commands: ShellCommand[];
}

/** Pipelines joined by `&&` and `||`. */
export interface AndOrList {
  first: Pipeline;
  rest: { op: '&&' | '||'; pipeline: Pipeline }[];
}

/** And-or lists run one after the other (`;`, newline). */
export type CommandList = AndOrList[];

/** A parsed line: its commands (none for an empty line), or what bash says instead. */
export type ParsedLine = { list: CommandList } | { error: ExecResult };

const REDIRECTIONS = new Set(['<', '>', '>>', '<<', '<&', '>&', '<>', '>|', '&>']);
/** Reserved words that end or continue a compound command: where a command should start, a syntax error. */
const CLOSING_WORDS = new Set(['do', 'done', 'then', 'else', 'elif', 'fi', 'esac', '}']);
/** Compound commands and keywords the playground's shell does not run. */
const UNSUPPORTED_WORDS = new Set(['if', 'while', 'until', 'case', 'select', 'function', '{', '[[', 'coproc', 'time']);

const syntaxError = (token: string): ExecResult => fail(`bash: syntax error near unexpected token \`${token === '\n' ? 'newline' : token}'\n`, 2);
const UNEXPECTED_EOF = fail('bash: syntax error: unexpected end of file\n', 2);
const refusal = (message: string): ExecResult => fail(`bash: ${message}\n`, 2);
const WHAT_RUNS = "it runs commands, pipelines, lists (; && ||) and for loops";

/** `NAME=value` or `NAME+=value` with an unquoted name. */
export const ASSIGNMENT = /^([A-Za-z_][A-Za-z0-9_]*)(\+?)=/;

/** Thrown inside the parser: the line's answer is this error. */
class ShellSyntaxError {
  constructor(readonly result: ExecResult) {}
}

class Parser {
  private pos = 0;
  /** The first construct refused; parsing goes on, since a later syntax error comes first. */
  refused: ExecResult | undefined;

  constructor(private readonly tokens: ShellToken[]) {}

  private peek(): ShellToken | undefined {
    return this.tokens[this.pos];
  }

  private isOp(token: ShellToken | undefined, ...ops: string[]): boolean {
    return token?.kind === 'operator' && ops.includes(token.text);
  }

  private isWord(token: ShellToken | undefined, word: string): boolean {
    return token?.kind === 'word' && token.raw === word;
  }

  private refuse(message: string): void {
    this.refused ??= refusal(message);
  }

  /** The syntax error for the token here (end of input: unexpected end of file). */
  private unexpected(): ShellSyntaxError {
    const token = this.peek();
    return new ShellSyntaxError(token ? syntaxError(token.text) : UNEXPECTED_EOF);
  }

  private skipNewlines(): void {
    while (this.isOp(this.peek(), '\n')) this.pos++;
  }

  /** A list up to the end of input, or (inside `do … done`) up to the reserved word `until`. */
  list(until?: string): CommandList {
    const list: CommandList = [];
    this.skipNewlines();
    for (;;) {
      const token = this.peek();
      if (!token) {
        if (until) throw this.unexpected();
        return list;
      }
      if (until && this.isWord(token, until)) {
        if (list.length === 0) throw this.unexpected();
        return list;
      }
      list.push(this.andOr());
      const separator = this.peek();
      if (!separator) continue;
      if (!this.isOp(separator, ';', '&', '\n')) throw this.unexpected();
      if (separator.text === '&') this.refuse("background jobs (&) run only in the playground's terminal, where a line that ends in & becomes a job");
      this.pos++;
      this.skipNewlines();
    }
  }

  private andOr(): AndOrList {
    const first = this.pipeline();
    const rest: AndOrList['rest'] = [];
    for (let token = this.peek(); this.isOp(token, '&&', '||'); token = this.peek()) {
      this.pos++;
      this.skipNewlines();
      rest.push({ op: token!.text as '&&' | '||', pipeline: this.pipeline() });
    }
    return { first, rest };
  }

  private pipeline(): Pipeline {
    const negated = this.isWord(this.peek(), '!');
    if (negated) this.pos++;
    const commands = [this.command()];
    for (let token = this.peek(); this.isOp(token, '|', '|&'); token = this.peek()) {
      if (token!.text === '|&') this.refuse("`|&' (piping stderr too) is not supported in the playground's shell: use |");
      this.pos++;
      this.skipNewlines();
      commands.push(this.command());
    }
    return { negated, commands };
  }

  private command(): ShellCommand {
    const token = this.peek();
    if (!token) throw this.unexpected();
    if (token.kind === 'operator') {
      if (token.text === '(') return this.subshell();
      if (!REDIRECTIONS.has(token.text)) throw this.unexpected();
    } else {
      const word = token.raw!;
      if (word === 'for') return this.forCommand();
      if (CLOSING_WORDS.has(word)) throw this.unexpected();
      if (UNSUPPORTED_WORDS.has(word)) {
        throw new ShellSyntaxError(refusal(`\`${word}' is not supported in the playground's shell: ${WHAT_RUNS}`));
      }
      if (this.isOp(this.tokens[this.pos + 1], '(') && this.isOp(this.tokens[this.pos + 2], ')')) {
        throw new ShellSyntaxError(refusal(`functions are not supported in the playground's shell: ${WHAT_RUNS}`));
      }
    }
    return this.simpleCommand();
  }

  private simpleCommand(): SimpleCommand {
    const command: SimpleCommand = { kind: 'simple', assignments: [], words: [] };
    for (let token = this.peek(); token; token = this.peek()) {
      if (token.kind === 'word') {
        if (command.words.length === 0 && ASSIGNMENT.test(token.raw!)) command.assignments.push(token.raw!);
        else command.words.push(token.raw!);
        this.pos++;
      } else if (REDIRECTIONS.has(token.text)) this.redirection();
      else if (token.text === '(' && command.words.length === 0 && command.assignments.at(-1)?.endsWith('=')) {
        // NAME=(a b c): an array assignment.
        this.refuse(`arrays are not supported in the playground's shell: ${WHAT_RUNS}`);
        this.skipParenthesised();
      } else if (token.text === '(') throw this.unexpected();
      else break;
    }
    return command;
  }

  private redirection(): void {
    const target = this.tokens[this.pos + 1];
    if (!target) throw new ShellSyntaxError(syntaxError('newline'));
    if (target.kind === 'operator') throw new ShellSyntaxError(syntaxError(target.text));
    this.refuse("redirections (>, >>, <, 2>&1) are not supported in the playground's shell: output shows in the terminal; filter it with a pipe (| grep …)");
    this.pos += 2;
  }

  /** `( list )`: refused, but parsed, since a syntax error after it comes first. */
  private subshell(): ShellCommand {
    this.refuse(`subshells ( … ) are not supported in the playground's shell: ${WHAT_RUNS}`);
    this.skipParenthesised();
    const command: SimpleCommand = { kind: 'simple', assignments: [], words: [] };
    while (this.peek() && REDIRECTIONS.has(this.peek()!.text) && this.peek()!.kind === 'operator') this.redirection();
    return command;
  }

  /** Skips from `(` to its matching `)`. */
  private skipParenthesised(): void {
    let depth = 0;
    do {
      const token = this.peek();
      if (!token) throw this.unexpected();
      if (this.isOp(token, '(')) depth++;
      else if (this.isOp(token, ')')) depth--;
      this.pos++;
    } while (depth > 0);
  }

  private forCommand(): ForCommand {
    this.pos++;
    const nameToken = this.peek();
    if (nameToken?.kind !== 'word') {
      if (this.isOp(nameToken, '(')) throw new ShellSyntaxError(refusal(`\`for ((…))' loops are not supported in the playground's shell: use for NAME in WORDS`));
      throw this.unexpected();
    }
    this.pos++;
    let items: string[] | undefined;
    this.skipNewlines();
    if (this.isWord(this.peek(), 'in')) {
      this.pos++;
      items = [];
      for (let token = this.peek(); token?.kind === 'word'; token = this.peek()) {
        items.push(token.raw!);
        this.pos++;
      }
      if (!this.isOp(this.peek(), ';', '\n')) throw this.unexpected();
      this.pos++;
    } else if (this.isOp(this.peek(), ';')) this.pos++;
    else if (!this.isWord(this.peek(), 'do')) throw this.unexpected();
    this.skipNewlines();
    if (!this.isWord(this.peek(), 'do')) throw this.unexpected();
    this.pos++;
    const body = this.list('done');
    this.pos++;
    // What may follow `done`: an operator, or a redirection of the whole loop.
    while (this.peek()?.kind === 'operator' && REDIRECTIONS.has(this.peek()!.text)) this.redirection();
    if (this.peek()?.kind === 'word') throw this.unexpected();
    return { kind: 'for', name: nameToken.raw!, items, body };
  }
}

export function parseShellLine(line: string): ParsedLine {
  const tokens = tokenizeShellLine(line);
  if (!Array.isArray(tokens)) return { error: fail(`bash: ${tokens.error}\n`, 2) };
  const parser = new Parser(tokens);
  try {
    const list = parser.list();
    return parser.refused ? { error: parser.refused } : { list };
  } catch (e) {
    if (e instanceof ShellSyntaxError) return { error: e.result };
    throw e;
  }
}

/**
 * Whether bash would wait for more lines before running this one (its `> ` prompt): an open
 * quote, `$(` or `for … do` without `done`, a line ending in `|`, `&&`, `||` or a backslash.
 * A terminal that runs pasted lines one by one can join them while this holds.
 */
export function shellLineIncomplete(line: string): boolean {
  if (/(^|[^\\])(\\\\)*\\$/.test(line)) return true;
  const parsed = parseShellLine(line);
  if (!('error' in parsed)) return false;
  const { stderr } = parsed.error;
  return stderr === UNEXPECTED_EOF.stderr || stderr.startsWith('bash: unexpected EOF while looking for matching');
}
