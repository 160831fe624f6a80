import { describe, expect, it } from 'vitest';
import { tabState, tabTitle } from './tabState';

describe('tabState', () => {
  it.each([
    ['applied, nothing starting', 'a', 'a', undefined, 'clean'],
    ['edited since applied', 'b', 'a', undefined, 'changed'],
    ['never applied', 'a', undefined, undefined, 'unapplied'],
    ['about to be applied by the example', 'a', undefined, 'a', 'starting'],
    ['edited while the example starts', 'b', undefined, 'a', 'unapplied'],
    ['applied and starting (the example ran)', 'a', 'a', 'a', 'clean'],
  ] as const)('%s', (_, text, applied, starting, expected) => {
    expect(tabState(text, applied, starting)).toBe(expected);
  });
});

describe('tabTitle', () => {
  it('says why a tab is marked, or why it is not', () => {
    expect(tabTitle('a.yaml', 'clean')).toBe('a.yaml');
    expect(tabTitle('a.yaml', 'starting')).toBe('a.yaml — the example applies it as it starts');
    expect(tabTitle('a.yaml', 'unapplied')).toBe('a.yaml — not applied yet');
    expect(tabTitle('a.yaml', 'changed')).toBe('a.yaml — changed since it was last applied');
  });
});
