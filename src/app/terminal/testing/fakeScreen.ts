// A tiny VT100 screen for Node tests: enough of xterm's behaviour (auto-wrap with
// the pending-wrap column, CR, LF, cursor moves, erase, SGR ignored) to check
// what the line editor draws, without a browser.
import type { Screen } from '../terminalSession';

export class FakeScreen implements Screen {
  rows: string[][] = [[]];
  row = 0;
  col = 0;
  private pendingWrap = false;

  constructor(private readonly width = 80) {}

  cols(): number {
    return this.width;
  }

  write(data: string): void {
    for (let i = 0; i < data.length; i++) {
      const ch = data[i];
      if (ch === '\x1b') {
        // eslint-disable-next-line no-control-regex -- escape sequences
        const m = /^\x1b\[([0-9;]*)([A-Za-z])/.exec(data.slice(i));
        if (!m) throw new Error(`unexpected escape in ${JSON.stringify(data.slice(i, i + 8))}`);
        this.csi(m[1], m[2]);
        i += m[0].length - 1;
      } else if (ch === '\r') {
        this.col = 0;
        this.pendingWrap = false;
      } else if (ch === '\n') {
        this.down(1);
        this.pendingWrap = false;
      } else {
        if (this.pendingWrap) {
          this.down(1);
          this.col = 0;
          this.pendingWrap = false;
        }
        this.line()[this.col] = ch;
        if (this.col === this.width - 1) this.pendingWrap = true;
        else this.col++;
      }
    }
  }

  /** The screen's text, one string per row, trailing spaces trimmed. */
  lines(): string[] {
    const out = this.rows.map((r) => Array.from(r, (c) => c ?? ' ').join('').trimEnd());
    while (out.length > 1 && out[out.length - 1] === '') out.pop();
    return out;
  }

  text(): string {
    return this.lines().join('\n');
  }

  private line(): string[] {
    while (this.rows.length <= this.row) this.rows.push([]);
    return this.rows[this.row];
  }

  private down(n: number): void {
    this.row += n;
    this.line();
  }

  private csi(params: string, final: string): void {
    const n = Number(params.split(';')[0]) || 1;
    switch (final) {
      case 'A':
        this.row = Math.max(0, this.row - n);
        break;
      case 'B':
        this.down(n);
        break;
      case 'C':
        this.col = Math.min(this.width - 1, this.col + n);
        break;
      case 'D':
        this.col = Math.max(0, this.col - n);
        break;
      case 'H':
        this.row = 0;
        this.col = 0;
        break;
      case 'J':
        if (params === '2' || params === '3') {
          if (params === '2') this.rows = this.rows.map(() => []);
          if (params === '3') this.rows = [[]];
        } else {
          this.line().length = this.col;
          this.rows.length = this.row + 1;
        }
        break;
      case 'K':
        this.line().length = this.col;
        break;
      case 'm':
        break;
      default:
        throw new Error(`unsupported CSI ${params}${final}`);
    }
    this.pendingWrap = false;
  }
}
