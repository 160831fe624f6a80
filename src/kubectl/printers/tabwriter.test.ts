import { describe, expect, it } from 'vitest';
import { DESCRIBE_SETTINGS, TABLE_SETTINGS, tabwrite } from './tabwriter';

describe('tabwriter (Go text/tabwriter semantics)', () => {
  it('pads each column to its widest cell plus 3 and leaves the last column unpadded', () => {
    expect(tabwrite('NAME\tAGE\nkubernetes\t5m\n', TABLE_SETTINGS)).toBe('NAME         AGE\nkubernetes   5m\n');
  });

  it('applies kubectl get minwidth 6 to narrow columns', () => {
    expect(tabwrite('A\tB\nx\ty\n', TABLE_SETTINGS)).toBe('A     B\nx     y\n');
  });

  it('ends a column block at a line without tabs (why describe aligns in groups)', () => {
    const text = 'Name:\tbar\nContainers:\n  long-name:\tx\n  a:\ty\n';
    expect(tabwrite(text, DESCRIBE_SETTINGS)).toBe('Name:  bar\nContainers:\n  long-name:  x\n  a:          y\n');
  });

  it('pads a tab-terminated empty cell (describe "Status:       " keeps trailing spaces)', () => {
    expect(tabwrite('Name:\tbar\nStatus:\t\n', DESCRIBE_SETTINGS)).toBe('Name:    bar\nStatus:  \n');
  });
});
