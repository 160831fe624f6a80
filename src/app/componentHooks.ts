// Test hooks that mounted components offer (the editor's model, the terminal's screen). They
// are kept here whether or not the test hooks are on yet (testHooks.ts): a component may
// mount before the page has started and the hooks appear, and its hook must be there all the
// same. Without the test hooks nothing is exposed.

type HookHost = { __playground?: Record<string, unknown> };

const registered: Record<string, unknown> = {};

/** A component offers (or, with undefined, withdraws) its hook under `name`. */
export function setComponentHook(name: string, hook: unknown): void {
  if (hook === undefined) delete registered[name];
  else registered[name] = hook;
  const live = (globalThis as HookHost).__playground;
  if (!live) return;
  if (hook === undefined) delete live[name];
  else live[name] = hook;
}

/** Exposes the test hooks: `own` (the shell's) with every hook components offer, now or later. */
export function exposeTestHooks(own: Record<string, unknown>): void {
  const host = globalThis as HookHost;
  host.__playground = { ...host.__playground, ...registered, ...own };
}
