// A running command's own code runs outside exec's try/catch: from a store watch, from a
// poll after every change, on Ctrl-C. An engine bug there must end that command with an
// internal error (as runCommand reports one) and nothing else: not the write that
// announced the change, not the other watchers, not the terminal.

import { describe, expect, it } from 'vitest';
import { type LiveCommand, type LiveOutput, Running } from './running';

type Listener = (change: string) => void;

/** A stand-in for the store's watch: calls each listener in turn, as store.emit does. */
function watchSource() {
  const listeners = new Set<Listener>();
  return {
    subscribe(l: Listener): () => void {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    emit(change: string): void {
      for (const l of listeners) l(change);
    },
    get size() {
      return listeners.size;
    },
  };
}

function started(begin: (live: LiveOutput) => LiveCommand): Running {
  const r = new Running('kubectl get pods -w');
  r.attach({ begin, options: { requestTimeoutMs: 0 } });
  return r;
}

const text = (r: Running) => r.read().map((c) => `${c.stream}:${c.text}`).join('');

describe('Running: a failure in a running command ends that command only', () => {
  it('a watch callback that throws ends the command with an internal error; the write and other watchers carry on', () => {
    const store = watchSource();
    const seenByController: string[] = [];
    store.subscribe((c) => seenByController.push(c));
    const r = started((live) => {
      const stop = store.subscribe(
        live.guard((change) => {
          if (change === 'bad') throw new Error('cannot print pod "web"');
          live.out(`${change}\n`);
        }),
      );
      return { stop, interruptedExitCode: 1 };
    });
    store.subscribe((c) => seenByController.push(`after:${c}`));

    expect(() => store.emit('web-1 Running')).not.toThrow();
    expect(() => store.emit('bad')).not.toThrow();
    store.emit('web-2 Running');

    expect(text(r)).toBe('stdout:web-1 Running\nstderr:internal error: cannot print pod "web"\n');
    expect(r.done).toBe(true);
    expect(r.exitCode).toBe(1);
    // Its watch was released; the watchers before and after it saw every change.
    expect(store.size).toBe(2);
    expect(seenByController).toEqual(['web-1 Running', 'after:web-1 Running', 'bad', 'after:bad', 'web-2 Running', 'after:web-2 Running']);
  });

  it('a poll that throws ends the command; polling it again does nothing', () => {
    let polls = 0;
    const r = started(() => ({
      poll: () => {
        polls++;
        throw new TypeError("Cannot read properties of undefined (reading 'status')");
      },
      stop: () => {},
      interruptedExitCode: 130,
    }));
    r.poll();
    r.poll();
    expect(polls).toBe(1);
    expect(r.exitCode).toBe(1);
    expect(text(r)).toBe("stderr:internal error: Cannot read properties of undefined (reading 'status')\n");
  });

  it('a command that throws as it begins ends at once with the error', () => {
    const r = started(() => {
      throw new Error('no such container');
    });
    expect(r.done).toBe(true);
    expect(r.exitCode).toBe(1);
    expect(text(r)).toBe('stderr:internal error: no such container\n');
  });

  it('Ctrl-C still ends a command whose release throws, says so, and forgets it', () => {
    const forgotten: Running[] = [];
    const r = new Running('kubectl port-forward pod/web 8080:80', (x) => forgotten.push(x));
    r.attach({ begin: () => ({ stop: () => { throw new Error('port 8080 not held'); }, interruptedExitCode: 0 }), options: { requestTimeoutMs: 0 } });
    expect(() => r.interrupt()).not.toThrow();
    expect(r.exitCode).toBe(0);
    expect(text(r)).toBe('stderr:internal error: port 8080 not held\n');
    expect(forgotten).toEqual([r]);
  });
});
