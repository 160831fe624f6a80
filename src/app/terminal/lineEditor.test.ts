import { describe, expect, it } from 'vitest';
import { EMPTY_LINE, applyKey, parseKeys, renderLine, type LineState } from './lineEditor';
import { FakeScreen } from './testing/fakeScreen';

/** Feeds raw terminal input to the editor and returns the final state and effects. */
function type(input: string, history: string[] = [], start: LineState = EMPTY_LINE) {
  let state = start;
  const effects: string[] = [];
  for (const key of parseKeys(input)) {
    const r = applyKey(state, key, history);
    state = r.state;
    if (r.effect) effects.push(r.effect);
  }
  return { state, effects };
}

describe('parseKeys', () => {
  it('groups printable text and recognises escape sequences in both cursor modes', () => {
    expect(parseKeys('ab\x1b[D\x1bOC\x1b[3~\x7f\r')).toEqual([
      { type: 'insert', text: 'ab' },
      { type: 'left' },
      { type: 'right' },
      { type: 'delete' },
      { type: 'backspace' },
      { type: 'enter' },
    ]);
  });

  it('reads a pasted CRLF as one line break and skips bracketed-paste markers', () => {
    expect(parseKeys('\x1b[200~a\r\nb\x1b[201~')).toEqual([{ type: 'ignore' }, { type: 'insert', text: 'a' }, { type: 'enter' }, { type: 'insert', text: 'b' }, { type: 'ignore' }]);
  });
});

describe('applyKey', () => {
  it('inserts at the cursor after moving with arrows, Home and End', () => {
    expect(type('kubectl get\x1b[H# \x1b[F!').state).toMatchObject({ text: '# kubectl get!', cursor: 14 });
    expect(type('abc\x1b[D\x1b[DX').state).toMatchObject({ text: 'aXbc', cursor: 2 });
    expect(type('abc\x01\x02\x02Z\x05Y').state).toMatchObject({ text: 'ZabcY' }); // Ctrl+A, Ctrl+B at 0, Ctrl+E
  });

  it('deletes with Backspace and Delete, and stops at the ends', () => {
    expect(type('\x7fab\x7f').state).toMatchObject({ text: 'a', cursor: 1 });
    expect(type('abc\x01\x1b[3~').state).toMatchObject({ text: 'bc', cursor: 0 });
    expect(type('abc\x1b[3~').state).toMatchObject({ text: 'abc', cursor: 3 });
  });

  it('kills with Ctrl+U, Ctrl+K and Ctrl+W like readline', () => {
    expect(type('kubectl get pods\x1b[D\x1b[D\x15').state).toMatchObject({ text: 'ds', cursor: 0 });
    expect(type('kubectl get pods\x01\x1b[C\x0b').state).toMatchObject({ text: 'k', cursor: 1 });
    expect(type('kubectl get pods  \x17').state).toMatchObject({ text: 'kubectl get ', cursor: 12 });
    expect(type('kubectl get pods\x17\x17').state).toMatchObject({ text: 'kubectl ', cursor: 8 });
  });

  it('walks history with ↑/↓ and gives back the line being typed', () => {
    const history = ['kubectl get pods', 'kubectl get svc'];
    expect(type('draft\x1b[A', history).state.text).toBe('kubectl get svc');
    expect(type('draft\x1b[A\x1b[A\x1b[A', history).state.text).toBe('kubectl get pods');
    expect(type('draft\x1b[A\x1b[A\x1b[B\x1b[B', history).state).toMatchObject({ text: 'draft', cursor: 5, historyIndex: null });
    expect(type('x\x1b[A', []).state.text).toBe('x');
    // An edited history line is what runs; history itself is not changed.
    const r = type('\x1b[A -o wide\r', history);
    expect(r.effects).toEqual(['submit']);
    expect(history).toEqual(['kubectl get pods', 'kubectl get svc']);
  });

  it('reports Enter, Ctrl+C, Ctrl+L and Tab as effects', () => {
    expect(type('ls\r').effects).toEqual(['submit']);
    expect(type('ls\x03')).toEqual({ state: EMPTY_LINE, effects: ['interrupt'] });
    expect(type('ls\x0c').effects).toEqual(['clearScreen']);
    expect(type('ls\t')).toMatchObject({ state: { text: 'ls' }, effects: ['complete'] });
  });
});

describe('renderLine', () => {
  const prompt = { text: '$ ', width: 2 };

  function draw(width: number, steps: LineState[]) {
    const screen = new FakeScreen(width);
    let row = 0;
    for (const s of steps) {
      const r = renderLine(prompt, s, width, row);
      row = r.cursorRow;
      screen.write(r.output);
    }
    return screen;
  }

  it('draws the prompt and line and puts the cursor where it belongs', () => {
    const screen = draw(80, [{ ...EMPTY_LINE, text: 'kubectl', cursor: 3 }]);
    expect(screen.lines()).toEqual(['$ kubectl']);
    expect([screen.row, screen.col]).toEqual([0, 5]);
  });

  it('redraws a line that wraps over several rows, shorter or longer than before', () => {
    const long = 'x'.repeat(25);
    const screen = draw(10, [
      { ...EMPTY_LINE, text: long, cursor: 25 },
      { ...EMPTY_LINE, text: long, cursor: 3 },
      { ...EMPTY_LINE, text: 'short', cursor: 5 },
    ]);
    expect(screen.lines()).toEqual(['$ short']);
    expect([screen.row, screen.col]).toEqual([0, 7]);
  });

  it('moves to the next row when the line exactly fills the width', () => {
    const screen = draw(10, [{ ...EMPTY_LINE, text: 'abcdefgh', cursor: 8 }]);
    expect(screen.lines()).toEqual(['$ abcdefgh']);
    expect([screen.row, screen.col]).toEqual([1, 0]);
    const again = draw(10, [
      { ...EMPTY_LINE, text: 'abcdefgh', cursor: 8 },
      { ...EMPTY_LINE, text: 'abcdefghij', cursor: 1 },
    ]);
    expect(again.lines()).toEqual(['$ abcdefgh', 'ij']);
    expect([again.row, again.col]).toEqual([0, 3]);
  });
});
