// GNU grep's regular expressions (basic by default, extended with -E) turned into JavaScript
// ones. In a basic RE `\( \) \{ \} \| \+ \?` are the operators and `( ) { } | + ?` plain
// characters; in an extended RE it is the other way round. Bracket expressions know the POSIX
// classes and take a backslash literally; GNU's `\< \> \b \B \w \W \s \S` and back-references
// work in both. Error texts are GNU regex's (gnulib lib/regcomp.c __re_error_msgid), as grep prints them.

export type TranslatedRegex = { source: string; warning?: string } | { error: string };

const CLASSES: Record<string, string> = {
  alpha: 'A-Za-z', digit: '0-9', alnum: '0-9A-Za-z', upper: 'A-Z', lower: 'a-z',
  space: ' \\t\\n\\r\\f\\v', blank: ' \\t', punct: '!-\\/:-@\\[-`{-~', xdigit: '0-9A-Fa-f',
  print: ' -~', graph: '!-~', cntrl: '\\x00-\\x1f\\x7f',
};

const UNMATCHED_BRACKET = 'Unmatched [, [^, [:, [., or [=';

/** `[...]` starting at pattern[i] === '['; returns the JavaScript class and the index after it. */
function bracket(pattern: string, i: number): { source: string; next: number } | { error: string } {
  let j = i + 1;
  let out = '[';
  if (pattern[j] === '^') { out += '^'; j++; }
  let first = true;
  for (; j < pattern.length; j++) {
    const c = pattern[j];
    if (c === ']' && !first) return { source: `${out}]`, next: j + 1 };
    first = false;
    if (c === '[' && pattern[j + 1] === ':') {
      const end = pattern.indexOf(':]', j + 2);
      if (end < 0) return { error: UNMATCHED_BRACKET };
      const cls = CLASSES[pattern.slice(j + 2, end)];
      if (cls === undefined) return { error: 'Invalid character class name' };
      out += cls;
      j = end + 1;
    } else if (c === '[' && (pattern[j + 1] === '.' || pattern[j + 1] === '=')) {
      return { error: 'equivalence classes and collating symbols ([= =], [. .]) are not simulated in the playground' };
    } else if (c === '\\' || c === ']' || c === '[' || (c === '^' && out.length > 1)) out += `\\${c}`;
    else out += c;
  }
  return { error: UNMATCHED_BRACKET };
}

const INTERVAL = /^\{(\d*)(,?)(\d*)\}/;

export function translateRegex(pattern: string, extended: boolean): TranslatedRegex {
  let out = '';
  let warning: string | undefined;
  let depth = 0;
  // Where `*` has nothing to repeat (start, after a group's open or an alternation): literal in a basic RE.
  let atStart = true;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    const wasStart = atStart;
    atStart = false;
    if (c === '\\') {
      if (i + 1 >= pattern.length) return { error: 'Trailing backslash' };
      const d = pattern[++i];
      const operator = !extended && '(){}|+?'.includes(d);
      if (operator) {
        if (d === '(') { depth++; out += '('; atStart = true; continue; }
        if (d === ')') { if (depth === 0) return { error: 'Unmatched ) or \\)' }; depth--; out += ')'; continue; }
        if (d === '|') { out += '|'; atStart = true; continue; }
        if (d === '{') {
          const close = pattern.indexOf('\\}', i + 1);
          const m = close < 0 ? null : INTERVAL.exec(`{${pattern.slice(i + 1, close)}}`);
          if (!m) return { error: close < 0 ? 'Unmatched \\{' : 'Invalid content of \\{\\}' };
          out += `{${m[1] || '0'}${m[2]}${m[3]}}`;
          i = close + 1;
          continue;
        }
        if (d === '}') { out += '\\}'; continue; }
        out += d; // + ?
        continue;
      }
      if ('<>'.includes(d)) { out += d === '<' ? '\\b(?=\\w)' : '\\b(?<=\\w)'; continue; }
      if ('bBwWsS123456789'.includes(d)) { out += `\\${d}`; continue; }
      out += /[A-Za-z0-9]/.test(d) ? d : `\\${d}`;
      continue;
    }
    if (c === '[') {
      const b = bracket(pattern, i);
      if ('error' in b) return b;
      out += b.source;
      i = b.next - 1;
      continue;
    }
    if (c === '*') {
      if (wasStart) {
        if (extended) warning = 'grep: warning: * at start of expression\n';
        else out += '\\*';
        atStart = extended;
        continue;
      }
      out += '*';
      continue;
    }
    if (c === '^') {
      if (extended || wasStart) { out += '^'; atStart = true; } else out += '\\^';
      continue;
    }
    if (c === '$') {
      const rest = pattern.slice(i + 1);
      const atEnd = rest === '' || (!extended && (rest.startsWith('\\)') || rest.startsWith('\\|')));
      out += extended || atEnd ? '$' : '\\$';
      continue;
    }
    if (extended && c === '(') { depth++; out += '('; atStart = true; continue; }
    if (extended && c === ')') {
      if (depth === 0) { out += '\\)'; continue; }
      depth--;
      out += ')';
      continue;
    }
    if (extended && c === '|') { out += '|'; atStart = true; continue; }
    if (extended && c === '{') {
      const m = INTERVAL.exec(pattern.slice(i));
      if (m && (m[1] !== '' || m[3] !== '')) {
        out += `{${m[1] || '0'}${m[2]}${m[3]}}`;
        i += m[0].length - 1;
      } else out += '\\{';
      continue;
    }
    if (extended && (c === '+' || c === '?')) { out += c; continue; }
    out += '.'.includes(c) ? c : c.replace(/[(){}|+?/\]]/, '\\$&');
  }
  if (depth > 0) return { error: 'Unmatched ( or \\(' };
  return warning ? { source: out, warning } : { source: out };
}
