import { describe, expect, it } from 'vitest';
import { createFile, deleteFile, initStore, setActiveFile } from './actions';
import { reconcileOrder, tabAfterClosing } from './fileOrder';
import { useStore } from './state';

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

describe('closing the open tab', () => {
  it('opens its right neighbour, or its left one when it was the last', () => {
    const order = ['a', 'b', 'c'];
    expect(tabAfterClosing(order, 'a')).toBe('b');
    expect(tabAfterClosing(order, 'b')).toBe('c');
    expect(tabAfterClosing(order, 'c')).toBe('b');
    expect(tabAfterClosing(['a'], 'a')).toBe('');
    expect(order).toEqual(['a', 'b', 'c']); // not mutated
  });

  it('deleting the open file opens the tab to its right, in the order the tabs were made', () => {
    // Made in an order unlike the cluster's (sorted) listing, so the first tab and the neighbour differ.
    initStore({ files: { 'web.yaml': '' } });
    for (const name of ['zeta.yaml', 'alpha.yaml', 'mid.yaml']) createFile(name);
    setActiveFile('alpha.yaml');
    deleteFile('alpha.yaml');
    expect(useStore.getState().activeFile).toBe('mid.yaml');
    deleteFile('mid.yaml');
    expect(useStore.getState().activeFile).toBe('zeta.yaml');
    deleteFile('web.yaml'); // not the open one: zeta.yaml stays open
    expect(useStore.getState()).toMatchObject({ activeFile: 'zeta.yaml', fileOrder: ['zeta.yaml'] });
  });
});
