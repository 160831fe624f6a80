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
  text: string;
}

/**
 * Splits a line as bash's tokenizer does: words as splitCommandLine makes them, and the
 * unquoted metacharacters `| & ; < > ( )` as operators of their own (a quoted or
 * backslash-escaped `|` stays in its word). Source: bash's parse.y (shell_meta_chars, the
 * two-character operators in read_token).
 */
export function tokenizeShellLine(line: string): ShellToken[] | { error: string } {
  return lexLine(line, true);
}

const METACHARACTERS = '|&;<>()';
/** Longest first: `||` before `|`. */
const OPERATORS = ['||', '|&', '&&', '&>', ';;', '>>', '>&', '>|', '<<', '<&', '<>', '|', '&', ';', '>', '<', '(', ')'];

function lexLine(line: string, operators: boolean): ShellToken[] | { error: string } {
  const tokens: ShellToken[] = [];
  let cur = '';
  let inWord = false;
  let i = 0;
  const endWord = () => {
    if (inWord) tokens.push({ kind: 'word', text: cur });
    cur = '';
    inWord = false;
  };
  while (i < line.length) {
    const c = line[i];
    if (c === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) return { error: "unexpected EOF while looking for matching `''" };
      cur += line.slice(i + 1, end);
      inWord = true;
      i = end + 1;
    } else if (c === '"') {
      i++;
      inWord = true;
      for (;;) {
        if (i >= line.length) return { error: 'unexpected EOF while looking for matching `"\'' };
        const d = line[i];
        if (d === '"') { i++; break; }
        if (d === '\\' && i + 1 < line.length && '"\\$`'.includes(line[i + 1])) { cur += line[i + 1]; i += 2; continue; }
        cur += d;
        i++;
      }
    } else if (c === '\\' && i + 1 < line.length) {
      cur += line[i + 1];
      inWord = true;
      i += 2;
    } else if (c === ' ' || c === '\t' || c === '\n') {
      endWord();
      i++;
    } else if (c === '#' && !inWord) {
      break; // a comment runs to the end of the line
    } else if (operators && METACHARACTERS.includes(c)) {
      endWord();
      const op = OPERATORS.find((o) => line.startsWith(o, i))!;
      tokens.push({ kind: 'operator', text: op });
      i += op.length;
    } else {
      cur += c;
      inWord = true;
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
