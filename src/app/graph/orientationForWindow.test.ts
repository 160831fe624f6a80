import { describe, expect, it } from 'vitest';
import { orientationForWindow } from './orientationForWindow';

describe('orientationForWindow', () => {
  it('lays the graph out in rows on projectors and small laptops, where the graph pane is short', () => {
    for (const [w, h] of [
      [1024, 768],
      [1280, 720],
      [1280, 800],
      [1366, 768],
    ]) expect(orientationForWindow(h, false), `${w}×${h}`).toBe('rows');
  });

  it('keeps the familiar columns from 1440×900 up and in every embed', () => {
    expect(orientationForWindow(900, false)).toBe('columns');
    expect(orientationForWindow(1080, false)).toBe('columns');
    expect(orientationForWindow(450, true)).toBe('columns');
    expect(orientationForWindow(768, true)).toBe('columns');
  });
});
