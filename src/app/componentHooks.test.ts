import { afterEach, describe, expect, it } from 'vitest';
import { exposeTestHooks, setComponentHook } from './componentHooks';

const host = globalThis as { __playground?: Record<string, unknown> };
const runCommand = () => undefined;

describe('component test hooks', () => {
  afterEach(() => {
    setComponentHook('terminalText', undefined);
    delete host.__playground;
  });

  it('a hook offered before the test hooks are exposed is exposed with them', () => {
    const text = () => 'screen';
    setComponentHook('terminalText', text);
    expect(host.__playground).toBeUndefined();
    exposeTestHooks({ runCommand });
    expect(host.__playground?.terminalText).toBe(text);
    expect(host.__playground?.runCommand).toBe(runCommand);
  });

  it('a hook offered or withdrawn afterwards goes straight to the exposed hooks', () => {
    exposeTestHooks({ runCommand });
    const text = () => 'screen';
    setComponentHook('terminalText', text);
    expect(host.__playground?.terminalText).toBe(text);
    setComponentHook('terminalText', undefined);
    expect(host.__playground).not.toHaveProperty('terminalText');
    exposeTestHooks({ runCommand });
    expect(host.__playground).not.toHaveProperty('terminalText');
  });
});
