// monaco-yaml 5.5.1 (through monaco-worker-manager) still calls
// `monaco.editor.createWebWorker({ moduleId, label, createData })`, which Monaco 0.56
// removed: it now takes `{ worker }` only, so the YAML worker silently never starts
// (SETUP-NOTES.md). This shim restores the old call: it creates the worker through
// MonacoEnvironment.getWorker and posts the two start-up messages the worker
// expects (any message to initialise, then createData), exactly as Monaco's own
// internal/common/workers.js does for its language workers.

import type * as Monaco from 'monaco-editor/editor/editor.api';

type MonacoApi = typeof Monaco;

interface LegacyWorkerOptions {
  moduleId?: string;
  label?: string;
  createData?: unknown;
  host?: Record<string, (...args: unknown[]) => unknown>;
  keepIdleModels?: boolean;
}

interface Environment {
  getWorker(workerId: string, label: string): Worker | Promise<Worker>;
}

/** Monaco's module with `editor.createWebWorker` accepting the pre-0.56 options too. */
export function withLegacyCreateWebWorker(monaco: MonacoApi): MonacoApi {
  const createWebWorker = (opts: LegacyWorkerOptions & { worker?: Worker | Promise<Worker> }) => {
    if (opts.worker) return monaco.editor.createWebWorker(opts as Monaco.editor.IInternalWebWorkerOptions);
    const env = (globalThis as { MonacoEnvironment?: Environment }).MonacoEnvironment;
    if (!env) throw new Error('MonacoEnvironment.getWorker is not set');
    const label = opts.label ?? 'monaco-editor-worker';
    const worker = Promise.resolve(env.getWorker(opts.moduleId ?? 'workerMain.js', label)).then((w) => {
      w.postMessage('ignore');
      w.postMessage(opts.createData);
      return w;
    });
    return monaco.editor.createWebWorker({ worker, host: opts.host as Record<string, () => unknown> | undefined, keepIdleModels: opts.keepIdleModels });
  };
  // A copy, not a patch: Monaco's own module object stays as it is.
  return { ...monaco, editor: { ...monaco.editor, createWebWorker } } as MonacoApi;
}
