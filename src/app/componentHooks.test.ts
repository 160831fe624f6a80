import { afterEach, describe, expect, it } from 'vitest';
import { componentHooks, setComponentHook } from './componentHooks';

const host = globalThis as { __playground?: Record<string, unknown> };

describe('component test hooks', () => {
  afterEach(() => {
    setComponentHook('terminalText', undefined);
    delete host.__playground;
  });

  it('a hook offered before the test hooks are installed is among those installed', () => {
    const text = () => 'screen';
    setComponentHook('terminalText', text);
    expect(host.__playground).toBeUndefined();
    // installTestHooks (testHooks.ts) merges componentHooks() into window.__playground.
    host.__playground = { ...componentHooks() };
    expect(host.__playground.terminalText).toBe(text);
  });

  it('a hook offered or withdrawn afterwards goes straight to the installed hooks', () => {
    host.__playground = { ...componentHooks() };
    const text = () => 'screen';
    setComponentHook('terminalText', text);
    expect(host.__playground.terminalText).toBe(text);
    setComponentHook('terminalText', undefined);
    expect(host.__playground).not.toHaveProperty('terminalText');
    expect(componentHooks()).not.toHaveProperty('terminalText');
  });
});
