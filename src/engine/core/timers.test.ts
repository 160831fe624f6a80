import { describe, expect, it } from 'vitest';
import { TimerQueue } from './timers';

describe('TimerQueue', () => {
  it('runs timers in time order, equal times in scheduling order', () => {
    const q = new TimerQueue();
    const ran: string[] = [];
    const times = [50, 10, 30, 10, 50, 20, 10, 40, 30, 0];
    times.forEach((at, i) => q.schedule(at, `t${i}`, () => ran.push(`${at}:t${i}`)));
    for (let t = q.popDue(100); t; t = q.popDue(100)) t.run();
    expect(ran).toEqual(['0:t9', '10:t1', '10:t3', '10:t6', '20:t5', '30:t2', '30:t8', '40:t7', '50:t0', '50:t4']);
  });

  it('pops only what is due and skips cancelled timers', () => {
    const q = new TimerQueue();
    const a = q.schedule(10, 'a', () => {});
    q.schedule(20, 'b', () => {});
    q.schedule(30, 'c', () => {});
    a.cancelled = true;
    expect(q.peekTime()).toBe(20);
    expect(q.popDue(25)?.label).toBe('b');
    expect(q.popDue(25)).toBeUndefined();
    expect(q.popDue(30)?.label).toBe('c');
  });

  it('keeps the order of a large random schedule', () => {
    const q = new TimerQueue();
    const want: [number, number][] = [];
    let x = 7;
    for (let i = 0; i < 2000; i++) {
      x = (x * 1103515245 + 12345) % 2147483648;
      const at = x % 97;
      want.push([at, i]);
      q.schedule(at, String(i), () => {});
    }
    want.sort((p, r) => p[0] - r[0] || p[1] - r[1]);
    const got: [number, number][] = [];
    for (let t = q.popDue(1000); t; t = q.popDue(1000)) got.push([t.at, Number(t.label)]);
    expect(got).toEqual(want);
  });
});
