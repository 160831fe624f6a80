import { describe, expect, it } from 'vitest';
import { KeyQueue } from './queue';

describe('KeyQueue (client-go workqueue semantics)', () => {
  it('hands keys out oldest first and collapses a key already waiting', () => {
    const q = new KeyQueue();
    for (const k of ['a', 'b', 'a', 'c', 'b']) q.add(k);
    expect(q.length).toBe(3);
    expect([q.take(), q.take(), q.take(), q.take()]).toEqual(['a', 'b', 'c', undefined]);
    expect(q.length).toBe(0);
  });

  it('takes a key again once it has been handed out', () => {
    const q = new KeyQueue();
    q.add('a');
    q.add('b');
    expect(q.take()).toBe('a');
    q.add('a');
    expect([q.take(), q.take(), q.take()]).toEqual(['b', 'a', undefined]);
  });

  it('keeps order across many keys added while it drains', () => {
    const q = new KeyQueue();
    const out: string[] = [];
    for (let i = 0; i < 5000; i++) q.add(`k${i}`);
    for (let i = 0; i < 3000; i++) out.push(q.take()!);
    for (let i = 5000; i < 6000; i++) q.add(`k${i}`);
    for (let k = q.take(); k !== undefined; k = q.take()) out.push(k);
    expect(out).toEqual(Array.from({ length: 6000 }, (_, i) => `k${i}`));
  });
});
