// What every toolbar check needs: which controls overlap or leave the window.
import type { Page } from '@playwright/test';

/** Toolbar controls that overlap another control or leave the window. */
export function toolbarProblems(page: Page) {
  return page.evaluate(() => {
    const bar = document.querySelector('header.toolbar')!;
    const controls = [...bar.querySelectorAll<HTMLElement>('button, select, output, h1')].filter((e) => e.getClientRects().length > 0 && e.getBoundingClientRect().width > 2);
    const problems: string[] = [];
    const nameOf = (e: HTMLElement) => e.getAttribute('aria-label') ?? e.textContent?.trim() ?? e.tagName;
    controls.forEach((a, i) => {
      const r = a.getBoundingClientRect();
      if (r.left < 0 || r.right > window.innerWidth || r.top < 0 || r.bottom > bar.getBoundingClientRect().bottom + 0.5) problems.push(`${nameOf(a)} leaves the window`);
      for (const b of controls.slice(i + 1)) {
        if (a.contains(b) || b.contains(a)) continue;
        const s = b.getBoundingClientRect();
        if (r.left < s.right - 0.5 && s.left < r.right - 0.5 && r.top < s.bottom - 0.5 && s.top < r.bottom - 0.5) problems.push(`${nameOf(a)} overlaps ${nameOf(b)}`);
      }
    });
    return problems;
  });
}

/** How many lines the toolbar's controls take (it wraps only when the window is narrower than they are). */
export function toolbarLines(page: Page) {
  return page.evaluate(() => {
    const controls = [...document.querySelectorAll<HTMLElement>('header.toolbar :is(button, select, output)')].filter((e) => e.getClientRects().length > 0 && e.getBoundingClientRect().width > 2);
    const rows: number[] = [];
    for (const c of controls) {
      const r = c.getBoundingClientRect();
      const mid = (r.top + r.bottom) / 2;
      if (!rows.some((m) => Math.abs(m - mid) < r.height / 2)) rows.push(mid);
    }
    return rows.length;
  });
}
