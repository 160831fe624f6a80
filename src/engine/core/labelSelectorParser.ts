// The label selector string syntax (`kubectl -l`, a LIST's `?labelSelector=`): a port of
// apimachinery's labels.Parse, with its tokens, grammar, value sets and error texts.
// Source: staging/src/k8s.io/apimachinery/pkg/labels/selector.go (Lexer, Parser.parse,
// parseRequirement, parseKeyAndInferOperator, parseOperator, parseValues,
// parseIdentifiersList, parseExactValue, NewRequirement, validateLabelKey/Value).
//
//   <selector-syntax> ::= <requirement> | <requirement> "," <selector-syntax>
//   <requirement>     ::= [!] KEY [ ("in" | "notin") "(" VALUE ["," VALUE]* ")"
//                                 | ("=" | "==" | "!=" | ">" | "<") VALUE ]

// The one import from a layer above: apimachinery's labels package calls util/validation's
// string checks the same way, and these are pure (no API-server state; no import cycle).
import { isQualifiedName, isValidLabelValue } from '../api/validation/common';
import { goQuote } from './errors';
import { parseInt64, type Requirement, type Selector } from './labels';

/**
 * Lexer tokens, named by their literal (string2token); `id` is an identifier (key or
 * value), `eos` the end of the string, `error` a run of symbols that is no operator.
 */
type Token = 'id' | 'eos' | 'error' | ')' | ',' | '!' | '==' | '=' | '>' | 'in' | '<' | '!=' | 'notin' | '(';

interface ScannedItem {
  tok: Token;
  literal: string;
}

const SYMBOL_TOKENS = new Map<string, Token>([[')', ')'], [',', ','], ['!', '!'], ['==', '=='], ['=', '='], ['>', '>'], ['<', '<'], ['!=', '!='], ['(', '(']]);

/** Lexer.read's 0: the end of the string (and a NUL byte, which Go's lexer reads the same way). */
const END = '\0';

function isWhitespace(ch: string): boolean {
  return ch === ' ' || ch === '\t' || ch === '\r' || ch === '\n';
}

/** isSpecialSymbol: the characters operators are made of; they end an identifier. */
function isSpecialSymbol(ch: string): boolean {
  switch (ch) {
    case '=': case '!': case '(': case ')': case ',': case '>': case '<':
      return true;
  }
  return false;
}

/** Parser.scan: every token up to and including the end of the string. */
function scan(s: string): ScannedItem[] {
  let pos = 0;
  const read = (): string => (pos < s.length ? s[pos++] : END);
  const items: ScannedItem[] = [];
  for (;;) {
    let ch = read();
    while (isWhitespace(ch)) ch = read();
    if (ch === END) {
      items.push({ tok: 'eos', literal: '' });
      return items;
    }
    pos--;
    items.push(isSpecialSymbol(ch) ? scanSpecialSymbol() : scanIDOrKeyword());
  }

  /** The longest run of special symbols that is still an operator (`!=`, `==`; `=!` is `=` then `!`). */
  function scanSpecialSymbol(): ScannedItem {
    let buffer = '';
    let last: ScannedItem | undefined;
    for (;;) {
      const ch = read();
      if (ch === END) break;
      if (!isSpecialSymbol(ch)) {
        pos--;
        break;
      }
      buffer += ch;
      const tok = SYMBOL_TOKENS.get(buffer);
      if (tok) last = { tok, literal: buffer };
      else if (last) {
        pos--;
        break;
      }
    }
    // Unreachable in practice (each special symbol is a token alone), kept as upstream has it.
    return last ?? { tok: 'error', literal: `error expected: keyword found '${buffer}'` };
  }

  /** An identifier, or the keywords `in` and `notin`. */
  function scanIDOrKeyword(): ScannedItem {
    let literal = '';
    for (;;) {
      const ch = read();
      if (ch === END) break;
      if (isSpecialSymbol(ch) || isWhitespace(ch)) {
        pos--;
        break;
      }
      literal += ch;
    }
    return { tok: literal === 'in' || literal === 'notin' ? literal : 'id', literal };
  }
}

/**
 * Parses the label selector syntax (`a=b,c!=d,e in (x,y),f notin (z),g,!h,n>3`) as
 * labels.Parse does; requirements come back sorted by key.
 * Throws Error with upstream's text: `unable to parse requirement: …` for a requirement
 * that does not parse, or one of parse's own texts between requirements (unprefixed).
 */
export function parseSelector(selector: string): Selector {
  const items = scan(selector);
  let position = 0;

  /**
   * The current token. In the `values` context (everywhere but the operator) the keywords
   * `in` and `notin` are identifiers, so `in in (in)` is a valid requirement.
   */
  const lookahead = (values: boolean): ScannedItem => {
    const item = items[Math.min(position, items.length - 1)];
    return values && (item.tok === 'in' || item.tok === 'notin') ? { tok: 'id', literal: item.literal } : item;
  };
  const consume = (values: boolean): ScannedItem => {
    const item = lookahead(values);
    position++;
    return item;
  };

  function parseRequirement(): Requirement {
    const { key, operator } = parseKeyAndInferOperator();
    if (operator === 'exists' || operator === '!') return { key, op: operator };
    const op = parseOperator();
    const values = op === 'in' || op === 'notin' ? parseValues() : parseExactValue();
    // sets.String.List(): the values sorted, each once.
    const sorted = [...new Set(values)].sort();
    checkValues(key, op, sorted);
    if (op === 'in' || op === 'notin') return { key, op, values: sorted };
    return { key, op, value: sorted[0] };
  }

  /** `[!] KEY`: exists when nothing but `,` or the end follows the key. */
  function parseKeyAndInferOperator(): { key: string; operator: '' | 'exists' | '!' } {
    let operator: '' | 'exists' | '!' = '';
    let { tok, literal } = consume(true);
    if (tok === '!') {
      operator = '!';
      ({ tok, literal } = consume(true));
    }
    if (tok !== 'id') throw new Error(`found '${literal}', expected: identifier`);
    const keyErrors = isQualifiedName(literal);
    // validateLabelKey with the parser's nil path: field.Path's String() of nil is `<nil>`.
    if (keyErrors.length) throw new Error(`<nil>: Invalid value: ${goQuote(literal)}: ${keyErrors.join('; ')}`);
    const next = lookahead(true).tok;
    if ((next === 'eos' || next === ',') && operator !== '!') operator = 'exists';
    return { key: literal, operator };
  }

  function parseOperator(): 'in' | 'notin' | '=' | '!=' | 'gt' | 'lt' {
    const { tok, literal } = consume(false);
    switch (tok) {
      case 'in': return 'in';
      case 'notin': return 'notin';
      case '=': case '==': return '=';
      case '!=': return '!=';
      case '>': return 'gt';
      case '<': return 'lt';
      default: throw new Error(`found '${literal}', expected: in, notin, =, ==, !=, gt, lt`);
    }
  }

  /** `(a,b)`; `()` is the set of the empty value. */
  function parseValues(): string[] {
    const open = consume(true);
    if (open.tok !== '(') throw new Error(`found '${open.literal}' expected: '('`);
    const { tok, literal } = lookahead(true);
    switch (tok) {
      case 'id': case ',': {
        const values = parseIdentifiersList();
        if (consume(true).tok !== ')') throw new Error(`found '${literal}', expected: ')'`);
        return values;
      }
      case ')':
        consume(true);
        return [''];
      default:
        throw new Error(`found '${literal}', expected: ',', ')' or identifier`);
    }
  }

  /** A comma-separated list in which a missing value (`(,a)`, `(a,,b)`, `(a,)`) is the empty one. */
  function parseIdentifiersList(): string[] {
    const values: string[] = [];
    for (;;) {
      const { tok, literal } = consume(true);
      if (tok === 'id') {
        values.push(literal);
        const next = lookahead(true);
        if (next.tok === ',') continue;
        if (next.tok === ')') return values;
        throw new Error(`found '${next.literal}', expected: ',' or ')'`);
      }
      if (tok !== ',') throw new Error(`found '${literal}', expected: ',', or identifier`);
      if (values.length === 0) values.push('');
      const next = lookahead(true).tok;
      if (next === ')') {
        values.push('');
        return values;
      }
      if (next === ',') values.push('');
    }
  }

  /** The one value after `=`, `==`, `!=`, `>`, `<`; empty when `,` or the end follows. */
  function parseExactValue(): string[] {
    const next = lookahead(true).tok;
    if (next === 'eos' || next === ',') return [''];
    const { tok, literal } = consume(true);
    if (tok === 'id') return [literal];
    throw new Error(`found '${literal}', expected: identifier`);
  }

  const requirements: Requirement[] = [];
  for (;;) {
    const { tok, literal } = lookahead(true);
    if (tok === 'eos') break;
    if (tok !== 'id' && tok !== '!') throw new Error(`found '${literal}', expected: !, identifier, or 'end of string'`);
    try {
      requirements.push(parseRequirement());
    } catch (e) {
      throw new Error(`unable to parse requirement: ${(e as Error).message}`, { cause: e });
    }
    const after = consume(true);
    if (after.tok === 'eos') break;
    if (after.tok !== ',') throw new Error(`found '${after.literal}', expected: ',' or 'end of string'`);
    const next = lookahead(true);
    if (next.tok !== 'id' && next.tok !== '!') throw new Error(`found '${next.literal}', expected: identifier after ','`);
  }
  // parse sorts by key "to grant deterministic parsing".
  return requirements.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/**
 * NewRequirement's checks that parsed values can fail (the key was checked already, and
 * the parser always gives `in`/`notin` a value and the others exactly one): `>`/`<` take
 * an int64, every value must be a label value. Several errors print as `[e1, e2]`
 * (field.ErrorList.ToAggregate, repeated messages once).
 */
function checkValues(key: string, op: string, values: string[]): void {
  const errors: string[] = [];
  if (op === 'gt' || op === 'lt') {
    values.forEach((v, i) => {
      if (parseInt64(v) === undefined) errors.push(`values[${i}]: Invalid value: ${goQuote(v)}: for 'Gt', 'Lt' operators, the value must be an integer`);
    });
  }
  values.forEach((v, i) => {
    const valueErrors = isValidLabelValue(v);
    if (valueErrors.length) errors.push(`values[${i}][${key}]: Invalid value: ${goQuote(v)}: ${valueErrors.join('; ')}`);
  });
  const unique = [...new Set(errors)];
  if (unique.length === 1) throw new Error(unique[0]);
  if (unique.length > 1) throw new Error(`[${unique.join(', ')}]`);
}
