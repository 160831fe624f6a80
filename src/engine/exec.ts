// One line as a person types it: split like a POSIX shell would (quotes,
// backslashes), then hand argv to the program it names.

export interface ExecResult {
  stdout: string;
  stderr: string;
  exitCode: number;
  /**
   * Both streams in the order they were written, when it matters for a terminal
   * (curl -v prints its verbose lines before the body). Absent: stdout, then stderr.
   */
  chunks?: OutputChunk[];
}

export interface OutputChunk {
  stream: 'stdout' | 'stderr';
  text: string;
}

/** The output as a terminal shows it: interleaved when known, else stdout then stderr. */
export function orderedOutput(r: ExecResult): OutputChunk[] {
  if (r.chunks) return r.chunks;
  const out: OutputChunk[] = [];
  if (r.stdout) out.push({ stream: 'stdout', text: r.stdout });
  if (r.stderr) out.push({ stream: 'stderr', text: r.stderr });
  return out;
}

/**
 * What a command prints when the engine itself failed under it (a bug, not the person's
 * input): the terminal stays up and says so, like a crashed program.
 */
export function internalErrorText(e: unknown): string {
  return `internal error: ${e instanceof Error ? e.message : String(e)}\n`;
}

/** Adds text to an ordered output, joined to the last chunk when it is of the same stream. */
export function appendChunk(chunks: OutputChunk[], stream: OutputChunk['stream'], text: string): void {
  if (text === '') return;
  const last = chunks[chunks.length - 1];
  if (last?.stream === stream) last.text += text;
  else chunks.push({ stream, text });
}

/** Attaches the write order only when both streams carry text (otherwise it adds nothing). */
export function withChunks(r: ExecResult, chunks: OutputChunk[]): ExecResult {
  return r.stdout !== '' && r.stderr !== '' ? { ...r, chunks } : r;
}

export type Program = (argv: string[], stdin: string | undefined) => ExecResult;

/** Splits a command line into words: single quotes literal, double quotes with \-escapes, backslash escapes. */
export function splitCommandLine(line: string): string[] | { error: string } {
  const tokens = lexLine(line, false);
  return Array.isArray(tokens) ? tokens.map((t) => t.text) : tokens;
}

/** A word, or one of bash's control and redirection operators (`|`, `&&`, `;`, `>` …) typed unquoted. */
export interface ShellToken {
  kind: 'word' | 'operator';
  /** A word with its quotes removed (splitCommandLine's word); an operator's characters (`\n` for a newline). */
  text: string;
  /** A word as typed, quotes and `$…` included, for the shell to expand (programs/shellExpand.ts). */
  raw?: string;
}

/**
 * Splits a line as bash's tokenizer does: words as splitCommandLine makes them, and the
 * unquoted metacharacters `| & ; < > ( )` and newline as operators of their own (a quoted or
 * backslash-escaped `|` stays in its word; so does anything inside `$(…)`, `${…}` and
 * backquotes, which may hold quotes, spaces and `)` of their own). A backslash before a
 * newline joins the lines. Source: bash's parse.y (shell_meta_chars, the two-character
 * operators in read_token, parse_comsub and parse_matched_pair for `$(` and `${`).
 */
export function tokenizeShellLine(line: string): ShellToken[] | { error: string } {
  return lexLine(line, true);
}

const METACHARACTERS = '|&;<>()';
/** Longest first: `||` before `|`. */
const OPERATORS = ['||', '|&', '&&', '&>', ';;', '>>', '>&', '>|', '<<', '<&', '<>', '|', '&', ';', '>', '<', '(', ')'];

const unmatched = (close: string) => ({ error: `unexpected EOF while looking for matching \`${close}'` });

/**
 * Where the expansion that starts at `line[i]` (`$(`, `${` or a backquote) ends: the index
 * after its closing character, or the closing character it lacks. Quotes inside it are its
 * own: `"$(kubectl get pods -o go-template='{{"\\n"}}')"` is one expansion.
 */
export function skipExpansion(line: string, i: number): number | { error: string } {
  if (line[i] === '`') {
    for (let j = i + 1; j < line.length; j++) {
      if (line[j] === '\\') j++;
      else if (line[j] === '`') return j + 1;
    }
    return unmatched('`');
  }
  const close = line[i + 1] === '{' ? '}' : ')';
  let depth = 1;
  for (let j = i + 2; j < line.length;) {
    const c = line[j];
    if (c === '\\') j += 2;
    else if (c === "'" && close === ')') {
      const end = line.indexOf("'", j + 1);
      if (end < 0) return unmatched("'");
      j = end + 1;
    } else if (c === '"') {
      const end = skipDoubleQuotes(line, j + 1);
      if (typeof end !== 'number') return end;
      j = end;
    } else if (c === '`' || (c === '$' && (line[j + 1] === '(' || line[j + 1] === '{'))) {
      const end = skipExpansion(line, j);
      if (typeof end !== 'number') return end;
      j = end;
    } else {
      if (c === close && --depth === 0) return j + 1;
      if (c === '(' && close === ')') depth++;
      j++;
    }
  }
  return unmatched(close);
}

/** The index after the `"` that closes the double quotes whose text starts at `i`. */
function skipDoubleQuotes(line: string, i: number): number | { error: string } {
  for (let j = i; j < line.length;) {
    const c = line[j];
    if (c === '"') return j + 1;
    if (c === '\\') j += 2;
    else if (c === '`' || (c === '$' && (line[j + 1] === '(' || line[j + 1] === '{'))) {
      const end = skipExpansion(line, j);
      if (typeof end !== 'number') return end;
      j = end;
    } else j++;
  }
  return unmatched('"');
}

/** Whether an expansion that holds text of its own (`$(`, `${`, a backquote) starts at `line[i]`. */
const expansionAt = (line: string, i: number) => line[i] === '`' || (line[i] === '$' && (line[i + 1] === '(' || line[i + 1] === '{'));

function lexLine(line: string, operators: boolean): ShellToken[] | { error: string } {
  const tokens: ShellToken[] = [];
  let cur = '';
  let inWord = false;
  let wordStart = 0;
  let i = 0;
  const startWord = () => {
    if (!inWord) wordStart = i;
    inWord = true;
  };
  const endWord = () => {
    if (inWord) tokens.push(operators ? { kind: 'word', text: cur, raw: line.slice(wordStart, i) } : { kind: 'word', text: cur });
    cur = '';
    inWord = false;
  };
  while (i < line.length) {
    const c = line[i];
    if (c === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) return { error: "unexpected EOF while looking for matching `''" };
      startWord();
      cur += line.slice(i + 1, end);
      i = end + 1;
    } else if (c === '"') {
      startWord();
      i++;
      for (;;) {
        if (i >= line.length) return { error: 'unexpected EOF while looking for matching `"\'' };
        const d = line[i];
        if (d === '"') { i++; break; }
        if (d === '\\' && i + 1 < line.length && '"\\$`'.includes(line[i + 1])) { cur += line[i + 1]; i += 2; continue; }
        if (operators && expansionAt(line, i)) {
          const end = skipExpansion(line, i);
          if (typeof end !== 'number') return end;
          cur += line.slice(i, end);
          i = end;
          continue;
        }
        cur += d;
        i++;
      }
    } else if (c === '\\' && operators && line[i + 1] === '\n') {
      i += 2; // a line continuation
    } else if (c === '\\' && i + 1 < line.length) {
      startWord();
      cur += line[i + 1];
      i += 2;
    } else if (operators && expansionAt(line, i)) {
      const end = skipExpansion(line, i);
      if (typeof end !== 'number') return end;
      startWord();
      cur += line.slice(i, end);
      i = end;
    } else if (operators && c === '\n') {
      endWord();
      tokens.push({ kind: 'operator', text: '\n' });
      i++;
    } else if (c === ' ' || c === '\t' || c === '\n') {
      endWord();
      i++;
    } else if (c === '#' && !inWord) {
      // A comment runs to the end of the line.
      const end = operators ? line.indexOf('\n', i) : -1;
      if (end < 0) break;
      i = end;
    } else if (operators && METACHARACTERS.includes(c)) {
      endWord();
      const op = OPERATORS.find((o) => line.startsWith(o, i))!;
      tokens.push({ kind: 'operator', text: op });
      i += op.length;
    } else {
      startWord();
      cur += c;
      i++;
    }
  }
  endWord();
  return tokens;
}

export const ok = (stdout = ''): ExecResult => ({ stdout, stderr: '', exitCode: 0 });
export const fail = (stderr: string, exitCode = 1, stdout = ''): ExecResult => ({ stdout, stderr, exitCode });

/** Ensures non-empty output ends with one newline, as a terminal shows it. */
export function line(text: string): string {
  return text === '' || text.endsWith('\n') ? text : `${text}\n`;
}
