// Driving the page's terminal as a person types, for the specs that read what it prints.
import type { Page } from '@playwright/test';

type Hooks = { terminalText?: () => string };

/** Opens the page with its test hooks and puts the keyboard in the terminal. */
export async function openTerminal(page: Page): Promise<void> {
  await page.goto('./?test-hooks=1');
  await page.waitForFunction(() => typeof (window as unknown as { __playground?: Hooks }).__playground?.terminalText === 'function');
  await page.getByRole('textbox', { name: 'Terminal input' }).focus();
}

/** All the terminal shows, as text. */
export const screen = (page: Page): Promise<string> => page.evaluate(() => (window as unknown as { __playground: Hooks }).__playground.terminalText?.() ?? '');

/** Types a line and Enter. */
export async function run(page: Page, line: string): Promise<void> {
  await page.keyboard.type(line);
  await page.keyboard.press('Enter');
}

/** What the screen shows after the last prompt line that ran `line`. */
export async function after(page: Page, line: string): Promise<string> {
  const text = await screen(page);
  const at = text.lastIndexOf(`$ ${line}\n`);
  return at < 0 ? '' : text.slice(at + line.length + 3);
}
