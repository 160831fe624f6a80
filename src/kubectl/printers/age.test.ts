import { describe, expect, it } from 'vitest';
import { ageSince, formatRFC1123Z, humanDuration } from './age';

const s = 1000;
const m = 60 * s;
const h = 60 * m;
const d = 24 * h;

describe('HumanDuration (apimachinery/pkg/util/duration/duration_test.go TestHumanDuration)', () => {
  it.each([
    [1 * s, '1s'], [70 * s, '70s'], [119 * s, '119s'], [120 * s, '2m'], [190 * s, '3m10s'], [9 * m + 59 * s, '9m59s'],
    [10 * m, '10m'], [70 * m, '70m'], [179 * m, '179m'], [3 * h, '3h'], [3 * h + 5 * m, '3h5m'], [7 * h + 59 * m, '7h59m'],
    [8 * h, '8h'], [47 * h, '47h'], [48 * h, '2d'], [49 * h, '2d1h'], [7 * d + 23 * h, '7d23h'], [8 * d + 2 * h, '8d'],
    [367 * d, '367d'], [365 * 2 * d + 25 * h, '2y1d'], [365 * 8 * d + 2 * h, '8y'], [-1500, '0s'], [-3 * s, '<invalid>'],
  ])('%i ms -> %s', (ms, want) => {
    expect(humanDuration(ms)).toBe(want);
  });

  it('prints <unknown> for a missing creationTimestamp (translateTimestampSince)', () => {
    expect(ageSince(0, undefined)).toBe('<unknown>');
    expect(ageSince(0, null)).toBe('<unknown>');
  });

  it('formats Go RFC1123Z in UTC', () => {
    expect(formatRFC1123Z('2021-01-01T00:00:00Z')).toBe('Fri, 01 Jan 2021 00:00:00 +0000');
  });
});
