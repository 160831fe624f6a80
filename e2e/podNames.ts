// What the pod-name specs share: every pod card's name, as drawn, checked against the
// name `kubectl get pods` prints (the card's accessible name).
import type { Page } from '@playwright/test';

/**
 * Pod cards whose name is not drawn whole: text that differs from the pod's name, a box
 * that cuts its text (an ellipsis, a clipped line), or a name or label row that leaves the card.
 */
export function podNameProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    for (const node of document.querySelectorAll<HTMLElement>('.react-flow__node-pod')) {
      const label = node.getAttribute('aria-label') ?? '';
      const name = /^Pod ([^,]+),/.exec(label)?.[1] ?? '?';
      const card = node.querySelector<HTMLElement>('.gnode')!.getBoundingClientRect();
      const el = node.querySelector<HTMLElement>('.gnode-name');
      if (!el) {
        problems.push(`${name}: no name`);
        continue;
      }
      if (el.textContent !== name) problems.push(`${name}: drawn as ${el.textContent}`);
      for (const box of [el, ...el.querySelectorAll<HTMLElement>('*')]) {
        if (box.scrollWidth > box.clientWidth + 1 || box.scrollHeight > box.clientHeight + 1) problems.push(`${name}: cut off (${box.className || box.tagName})`);
      }
      for (const part of [el, node.querySelector<HTMLElement>('.chips')]) {
        const r = part?.getBoundingClientRect();
        if (r && (r.left < card.left - 0.5 || r.right > card.right + 0.5 || r.bottom > card.bottom + 0.5)) problems.push(`${name}: ${part!.className} leaves the card`);
      }
    }
    return problems;
  });
}
