// Go's text/tabwriter as kubectl uses it, applied to a finished text.
// Cells are tab-terminated; the text after a line's last tab is not part of a
// column. A column block is a run of consecutive lines that have a cell in that
// column, so a line without tabs ("Containers:") ends every block: that is why
// `kubectl describe` aligns its fields in separate groups.
// Source: golang.org/src/text/tabwriter/tabwriter.go (format, writeLines).

export interface TabwriterSettings {
  minWidth: number;
  padding: number;
}

/** kubectl get: cli-runtime/pkg/printers/tabwriter.go (minwidth 6, tabwidth 4, padding 3, ' '). */
export const TABLE_SETTINGS: TabwriterSettings = { minWidth: 6, padding: 3 };
/** kubectl describe: describe.go tabbedString (minwidth 0, tabwidth 8, padding 2, ' '). */
export const DESCRIBE_SETTINGS: TabwriterSettings = { minWidth: 0, padding: 2 };

/** Display width of a cell: Go counts runes (code points). */
function cellWidth(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

/**
 * Aligns tab-separated text; the result ends in '\n' when the input does. `remembered`:
 * kubectl's writer has liggitt/tabwriter's RememberWidths flag, so across flushes (one per
 * watch event in `kubectl get -w`) a column is never narrower than it was; the array is
 * updated in place (tabwriter.go format()).
 */
export function tabwrite(text: string, settings: TabwriterSettings, remembered?: number[]): string {
  const rawLines = text.split('\n');
  const trailingNewline = rawLines[rawLines.length - 1] === '';
  if (trailingNewline) rawLines.pop();
  const lines = rawLines.map((l) => l.split('\t'));
  const widths: number[] = [];
  const out: string[] = [];

  const writeLines = (from: number, to: number): void => {
    for (let i = from; i < to; i++) {
      const line = lines[i];
      let s = '';
      for (let j = 0; j < line.length; j++) {
        s += line[j];
        if (j < widths.length) s += ' '.repeat(Math.max(0, widths[j] - cellWidth(line[j])));
      }
      out.push(s);
    }
  };

  const format = (line0: number, line1: number): void => {
    const column = widths.length;
    for (let i = line0; i < line1; i++) {
      if (column >= lines[i].length - 1) continue;
      // A cell exists in this column: a block starts here.
      writeLines(line0, i);
      line0 = i;
      let width = settings.minWidth;
      for (; i < line1; i++) {
        const line = lines[i];
        if (column >= line.length - 1) break;
        width = Math.max(width, cellWidth(line[column]) + settings.padding);
      }
      if (remembered) {
        if (remembered.length < widths.length) remembered.push(...widths.slice(remembered.length));
        if (remembered.length === widths.length) remembered.push(width);
        else if (remembered[widths.length] > width) width = remembered[widths.length];
        else remembered[widths.length] = width;
      }
      widths.push(width);
      format(line0, i);
      widths.pop();
      line0 = i;
    }
    writeLines(line0, line1);
  };

  format(0, lines.length);
  return out.join('\n') + (trailingNewline ? '\n' : '');
}
