import { describe, expect, it } from 'vitest';
import { reconcileOrder } from './fileOrder';

const files = (...names: string[]) => Object.fromEntries(names.map((n) => [n, '']));

describe('reconcileOrder', () => {
  it('keeps the given order, not the files\' (sorted) order', () => {
    expect(reconcileOrder(['web.yaml', 'zeta.yaml', 'alpha.yaml'], files('alpha.yaml', 'web.yaml', 'zeta.yaml'))).toEqual(['web.yaml', 'zeta.yaml', 'alpha.yaml']);
  });

  it('returns the same array when nothing changed (a tick re-renders no tab)', () => {
    const order = ['b', 'a'];
    expect(reconcileOrder(order, files('a', 'b'))).toBe(order);
  });

  it('drops deleted files and appends new ones in the order the files list them', () => {
    expect(reconcileOrder(['c', 'gone', 'a'], files('a', 'b', 'c', 'd'))).toEqual(['c', 'a', 'b', 'd']);
  });

  it('lists each file once, whatever a saved order holds', () => {
    const order = ['a', 'a', 'b', '__proto__', 'toString'];
    expect(reconcileOrder(order, files('a', 'b'))).toEqual(['a', 'b']);
    expect(order).toEqual(['a', 'a', 'b', '__proto__', 'toString']); // not mutated
  });
});
