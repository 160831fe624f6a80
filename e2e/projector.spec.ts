// The playground on a classroom projector (1280×720, 1024×768): the toolbar never
// overlaps itself, and the graph — the welcome example's Deployment — is drawn large
// enough to read from the back of the room. Measured as rendered: font size × zoom.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { podNameProblems } from './podNames';
import { toolbarLines, toolbarProblems } from './toolbar';

const POD = /^Pod web-[a-z0-9]+-[a-z0-9]{5}, /;

async function open(page: Page, width: number, height: number) {
  await page.setViewportSize({ width, height });
  await page.goto('./?test-hooks=1');
  await expect(page.getByRole('group', { name: POD })).toHaveCount(3);
}

/** The smallest pod name as drawn on screen, in CSS px (its font size times the graph's zoom). */
function smallestPodNamePx(page: Page) {
  return page.evaluate(() => {
    const names = [...document.querySelectorAll<HTMLElement>('.react-flow__node-pod .gnode-name')];
    // No name found is no name readable (Math.min of nothing is Infinity, which would pass).
    if (names.length === 0) return 0;
    return Math.min(...names.map((el) => (parseFloat(getComputedStyle(el).fontSize) * el.getBoundingClientRect().height) / el.offsetHeight));
  });
}

/**
 * The smallest pod name once the picture has settled: a change (presenter view, new pods)
 * is drawn first at the old zoom and fitted a frame or two later, so a single reading
 * can catch the larger text before the re-fit shrinks it.
 */
async function settledPodNamePx(page: Page) {
  let last = -1;
  await expect
    .poll(async () => {
      const now = await smallestPodNamePx(page);
      const settled = Math.abs(now - last) < 0.05 && now > 0;
      last = now;
      return settled;
    }, { intervals: [300] })
    .toBe(true);
  return last;
}

/** Scales the example's Deployment through the command path the graph's Scale dialog uses, then lets the pods start. */
async function scaleTo(page: Page, replicas: number) {
  type Hooks = { runCommand(line: string, source: string): { exitCode: number }; advanceTime(ms: number): void };
  const exitCode = await page.evaluate((n) => {
    const hooks = window.__playground as unknown as Hooks;
    const r = hooks.runCommand(`kubectl scale deployment web --replicas=${n}`, 'menu');
    hooks.advanceTime(30_000);
    return r.exitCode;
  }, replicas);
  expect(exitCode).toBe(0);
  await expect(page.getByRole('group', { name: POD })).toHaveCount(replicas);
}

const PROJECTORS = [
  [1024, 768],
  [1280, 720],
  [1280, 800],
  [1366, 768],
] as const;

test.describe('on a classroom projector', () => {
  test('at 1024×768 no toolbar control overlaps another or leaves the window, in presenter view too', async ({ page }) => {
    await open(page, 1024, 768);
    expect(await toolbarProblems(page)).toEqual([]);
    // One line: the toolbar wraps only in windows narrower than its controls (a 400 px embed).
    expect(await toolbarLines(page)).toBe(1);
    await page.getByRole('button', { name: 'Presenter view' }).click();
    await expect(page.getByRole('button', { name: 'Presenter view' })).toHaveAttribute('aria-pressed', 'true');
    expect(await toolbarProblems(page)).toEqual([]);
    expect(await toolbarLines(page)).toBe(1);
  });

  test('at 1280×720 the pod names are drawn at least 9.5 px high (they were under 5 px)', async ({ page }) => {
    await open(page, 1280, 720);
    await expect.poll(() => smallestPodNamePx(page)).toBeGreaterThanOrEqual(9.5);
    // Frames side by side under the Service: the short pane's width is used.
    const frames = await Promise.all([1, 2, 3].map(async (n) => (await page.getByRole('group', { name: new RegExp(`^Node node-${n},`) }).boundingBox())!));
    expect(new Set(frames.map((f) => Math.round(f.y))).size).toBe(1);
  });

  test('presenter view draws the pod names at least as large as the default view at 1024×768, 1280×720, 1280×800 and 1366×768 (they were smaller)', async ({ page }) => {
    // Each size starts as a first visit: no saved session carries presenter view over.
    await page.addInitScript(() => localStorage.clear());
    // Every size is measured, then the smaller ones are listed (the old build: all four).
    const smaller: string[] = [];
    for (const [w, h] of PROJECTORS) {
      await open(page, w, h);
      const normal = await settledPodNamePx(page);
      await page.keyboard.press('Alt+Shift+P');
      await expect(page.getByRole('button', { name: 'Presenter view' })).toHaveAttribute('aria-pressed', 'true');
      const presenter = await settledPodNamePx(page);
      if (presenter < normal) smaller.push(`${w}×${h}: ${normal.toFixed(1)} px in the default view, ${presenter.toFixed(1)} px in presenter view`);
    }
    expect(smaller).toEqual([]);
  });

  test('with the Deployment scaled to 8, the pod names stay readable: ≥ 8.5 px at 1024×768, ≥ 9.2 at 1280×720, ≥ 10.5 at 1280×800 and 1366×768 (were 7.4, 8.2, 9.5, 9.5)', async ({ page }) => {
    const floor: Record<string, number> = { '1024×768': 8.5, '1280×720': 9.2, '1280×800': 10.5, '1366×768': 10.5 };
    // Each size starts as a first visit: the saved session would bring the 8 pods back.
    await page.addInitScript(() => localStorage.clear());
    const tooSmall: string[] = [];
    for (const [w, h] of PROJECTORS) {
      await open(page, w, h);
      await scaleTo(page, 8);
      // Eight pods are few enough to draw one by one (grouping starts above 12 of one owner on one node).
      await expect(page.locator('.react-flow__node-group')).toHaveCount(0);
      const px = await settledPodNamePx(page);
      if (px < floor[`${w}×${h}`]) tooSmall.push(`${w}×${h}: ${px.toFixed(1)} px`);
      expect(await toolbarProblems(page)).toEqual([]);
    }
    expect(tooSmall).toEqual([]);
  });

  test('every toolbar control drawn as an icon alone has a name and a tooltip (Send request had neither at 1280 px)', async ({ page }) => {
    await open(page, 1280, 720);
    const unnamed = () =>
      page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('header.toolbar :is(button, select)')]
          .filter((e) => e.getClientRects().length > 0)
          .filter((e) => !e.getAttribute('aria-label')?.trim() || !e.getAttribute('title')?.trim())
          .map((e) => e.outerHTML.slice(0, 80)),
      );
    // Its words have given way to the icon at this width (app.css).
    const send = page.getByRole('button', { name: 'Send request' });
    expect((await send.boundingBox())!.width).toBeLessThan(40);
    await expect(send).toHaveAttribute('title', /request/);
    expect(await unnamed()).toEqual([]);
    await page.getByRole('button', { name: 'Presenter view' }).click();
    expect(await unnamed()).toEqual([]);
  });

  test('opening the inspector with a click re-fits the picture but does not re-arrange it', async ({ page }) => {
    await open(page, 1280, 720);
    const order = async () => {
      const boxes = await Promise.all([1, 2, 3].map(async (n) => (await page.getByRole('group', { name: new RegExp(`^Node node-${n},`) }).boundingBox())!));
      return boxes.map((b) => Math.round(b.y) === Math.round(boxes[0].y));
    };
    expect(await order()).toEqual([true, true, true]);
    const node1 = page.getByRole('group', { name: /^Node node-1,/ });
    const before = (await node1.boundingBox())!;
    await page.getByRole('group', { name: POD }).first().click();
    await expect(page.getByRole('region', { name: 'Inspector' })).toBeVisible();
    // The narrower pane is fitted again: the frames move or shrink …
    await expect.poll(async () => {
      const now = (await node1.boundingBox())!;
      return Math.round(now.x) !== Math.round(before.x) || Math.round(now.width) !== Math.round(before.width);
    }).toBe(true);
    // … and stay side by side, also once a window-size layout choice (250 ms after a resize) would have come.
    await page.waitForTimeout(500);
    expect(await order()).toEqual([true, true, true]);
  });

  test('from 1440×900 up and in a 700×450 embed the picture keeps its columns, frames stacked', async ({ page }) => {
    for (const [w, h, q] of [
      [1440, 900, ''],
      [700, 450, '&embed=1'],
    ] as const) {
      await page.setViewportSize({ width: w, height: h });
      await page.goto(`./?test-hooks=1${q}`);
      await expect(page.getByRole('group', { name: POD })).toHaveCount(3);
      const ys = await Promise.all([1, 2, 3].map(async (n) => (await page.getByRole('group', { name: new RegExp(`^Node node-${n},`) }).boundingBox())!.y));
      expect(ys[0]).toBeLessThan(ys[1]);
      expect(ys[1]).toBeLessThan(ys[2]);
    }
  });

  test('every pod card shows its whole name, as kubectl get pods prints it (it was cut to web-bc… 9wqbw): 8 Deployment pods at 1280×720 and 1024×768, in presenter view too', async ({ page }) => {
    await page.addInitScript(() => localStorage.clear());
    for (const [w, h] of [
      [1280, 720],
      [1024, 768],
    ] as const) {
      await open(page, w, h);
      await scaleTo(page, 8);
      expect(await podNameProblems(page), `${w}×${h}`).toEqual([]);
      await page.keyboard.press('Alt+Shift+P');
      await expect(page.getByRole('button', { name: 'Presenter view' })).toHaveAttribute('aria-pressed', 'true');
      await settledPodNamePx(page);
      expect(await podNameProblems(page), `${w}×${h} presenter`).toEqual([]);
    }
  });

  test('a StatefulSet\'s pods (db-0, db-1, db-2) show their names whole on one line at 1280×720', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto('./?test-hooks=1&scenario=headless-statefulset');
    await page.evaluate(() => (window.__playground as unknown as { advanceTime(ms: number): void }).advanceTime(60_000));
    await expect(page.getByRole('group', { name: /^Pod db-\d, / })).toHaveCount(3);
    expect(await podNameProblems(page)).toEqual([]);
    // offsetHeight is in the card's own px, before the graph's zoom.
    const heights = await page.locator('.react-flow__node-pod .gnode-name').evaluateAll((els) => els.map((e) => Math.round((e as HTMLElement).offsetHeight / parseFloat(getComputedStyle(e).lineHeight))));
    expect(heights).toEqual([1, 1, 1]);
  });

  test('presenter view at 1280×720 draws the welcome example across the graph pane (it used half its width, wide margins beside it)', async ({ page }) => {
    await page.addInitScript(() => localStorage.clear());
    await open(page, 1280, 720);
    await page.keyboard.press('Alt+Shift+P');
    await expect(page.getByRole('button', { name: 'Presenter view' })).toHaveAttribute('aria-pressed', 'true');
    await settledPodNamePx(page);
    const fraction = await page.evaluate(() => {
      const pane = document.querySelector('.graph-canvas')!.getBoundingClientRect();
      const boxes = [...document.querySelectorAll('.react-flow__node')].map((n) => n.getBoundingClientRect()).filter((r) => r.width > 0);
      return (Math.max(...boxes.map((r) => r.right)) - Math.min(...boxes.map((r) => r.left))) / pane.width;
    });
    expect(fraction).toBeGreaterThanOrEqual(0.8);
  });

  test('at 1024×768 in presenter view the lesson keeps to a compact strip, its commands one row that scrolls (it was ~174 px, three rows)', async ({ page }) => {
    await page.addInitScript(() => localStorage.clear());
    await open(page, 1024, 768);
    await page.keyboard.press('Alt+Shift+P');
    await expect(page.getByRole('button', { name: 'Presenter view' })).toHaveAttribute('aria-pressed', 'true');
    const lesson = page.locator('.lesson-strip');
    const commands = lesson.getByRole('list', { name: 'Commands to try' });
    await expect(commands).toBeVisible();
    expect((await lesson.boundingBox())!.height).toBeLessThanOrEqual(100);
    // The sentence it teaches is still there to read.
    await expect(lesson.locator('.lesson-summary')).toBeVisible();
    // Every command is still a Tab away, brought into view inside the strip.
    const last = lesson.getByRole('button', { name: 'Generate traffic' });
    await last.focus();
    const strip = (await lesson.boundingBox())!;
    const box = (await last.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(strip.x + strip.width + 0.5);
    expect(box.y + box.height).toBeLessThanOrEqual(strip.y + strip.height + 0.5);
  });
});
