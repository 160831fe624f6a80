import { describe, expect, it } from 'vitest';
import type { Trace } from '../../engine';
import { addToTally, bucketOf, dueRequests, EMPTY_TALLY, limitBars, shareBars } from './trafficShare';

const served = (pod: string): Trace => ({
  request: { from: { kind: 'workstation' }, url: 'http://x' }, method: 'GET', hops: [],
  outcome: { kind: 'response', status: 200, statusText: 'OK', headers: [], body: '', reason: '', servedBy: { namespace: 'default', pod, container: 'c', ip: '', node: '', port: 80 } },
});
const failed = (kind: 'refused' | 'timeout'): Trace => ({
  request: { from: { kind: 'workstation' }, url: 'http://x' }, method: 'GET', hops: [],
  outcome: { kind, ip: '10.0.0.1', port: 80, reason: '' },
});

describe('traffic share', () => {
  it('buckets requests by the pod that answered, or by how they failed', () => {
    expect(bucketOf(served('web-a'))).toEqual({ key: 'pod:default/web-a', kind: 'pod' });
    expect(bucketOf(failed('refused')).kind).toBe('refused');
    expect(bucketOf(failed('timeout')).kind).toBe('dropped');
  });

  it('counts and computes percentages of all requests, listing pods that got nothing', () => {
    const tally = addToTally(EMPTY_TALLY, [served('web-a'), served('web-b'), served('web-a'), failed('timeout')]);
    expect(tally.total).toBe(4);
    const bars = shareBars(tally, ['default/web-a', 'default/web-b', 'default/web-c']);
    expect(bars.map((b) => [b.label, b.count, b.percent])).toEqual([
      ['web-a', 2, 50],
      ['web-b', 1, 25],
      ['web-c', 0, 0],
      ['dropped (timed out)', 1, 25],
    ]);
  });

  it('does not change the tally it adds to, and rounds to one decimal', () => {
    const one = addToTally(EMPTY_TALLY, [served('a')]);
    const three = addToTally(one, [served('b'), served('c')]);
    expect(one).toEqual({ counts: { 'pod:default/a': 1 }, total: 1 });
    expect(shareBars(three).map((b) => b.percent)).toEqual([33.3, 33.3, 33.3]);
    expect(shareBars(EMPTY_TALLY, ['default/a'])[0].percent).toBe(0);
  });

  it('spreads N requests per second over simulated time, carrying fractions', () => {
    let carry = 0;
    let total = 0;
    for (let t = 0; t < 1000; t += 16) {
      const due = dueRequests(t, t + 16, 20, carry);
      carry = due.carry;
      total += due.count;
    }
    expect(total).toBe(20);
    expect(dueRequests(100, 100, 50, 0).count).toBe(0);
    expect(dueRequests(0, 1000, 1, 0.5)).toEqual({ count: 1, carry: 0.5 });
  });

  it('keeps the busiest pods and sums the rest into one row when there are many', () => {
    const names = Array.from({ length: 20 }, (_, i) => `p${String(i).padStart(2, '0')}`);
    const traces = names.flatMap((n, i) => Array.from({ length: i === 7 ? 10 : 1 }, () => served(n)));
    const tally = addToTally(EMPTY_TALLY, [...traces, failed('refused')]);
    const bars = limitBars(shareBars(tally, names.map((n) => `default/${n}`)), 5);
    expect(bars.map((b) => b.label)).toEqual(['p00', 'p01', 'p07', '17 other pods', 'refused']);
    expect(bars.reduce((n, b) => n + b.count, 0)).toBe(tally.total);
    expect(bars[3].percent).toBe(56.7);
    expect(limitBars(bars.slice(0, 2), 5)).toHaveLength(2);
  });
});
