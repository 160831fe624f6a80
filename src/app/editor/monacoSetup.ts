// Monaco, bundled locally and loaded lazily (EditorPane imports this module with a
// dynamic import, so the first paint never waits for it). Only the editor API, the
// contributions an editor of manifests needs, the YAML grammar and monaco-yaml
// are imported — not every language Monaco ships (SETUP-NOTES.md).

import * as monaco from 'monaco-editor/editor/editor.api';
import 'monaco-editor/editor/browser/coreCommands';
import 'monaco-editor/editor/contrib/bracketMatching/browser/bracketMatching';
import 'monaco-editor/editor/contrib/clipboard/browser/clipboard';
import 'monaco-editor/editor/contrib/comment/browser/comment';
import 'monaco-editor/editor/contrib/contextmenu/browser/contextmenu';
import 'monaco-editor/editor/contrib/cursorUndo/browser/cursorUndo';
import 'monaco-editor/editor/contrib/find/browser/findController';
import 'monaco-editor/editor/contrib/folding/browser/folding';
import 'monaco-editor/editor/contrib/format/browser/formatActions';
import 'monaco-editor/editor/contrib/gotoError/browser/gotoError';
import 'monaco-editor/editor/contrib/hover/browser/hoverContribution';
import 'monaco-editor/editor/contrib/indentation/browser/indentation';
import 'monaco-editor/editor/contrib/linesOperations/browser/linesOperations';
import 'monaco-editor/editor/contrib/multicursor/browser/multicursor';
import 'monaco-editor/editor/contrib/suggest/browser/suggestController';
import 'monaco-editor/editor/contrib/wordHighlighter/browser/wordHighlighter';
import 'monaco-editor/editor/contrib/wordOperations/browser/wordOperations';
import 'monaco-editor/editor/contrib/readOnlyMessage/browser/contribution';
import 'monaco-editor/editor/common/standaloneStrings';
import 'monaco-editor/languages/definitions/yaml/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import { configureMonacoYaml } from 'monaco-yaml';
import YamlWorker from 'monaco-yaml/yaml.worker?worker';
import { commandLineReady } from '../../engine/lean';
import { buildKubernetesSchema } from './schema';
import { createMarkerMerger } from './schemaMarkers';
import { withLegacyCreateWebWorker } from './yamlWorkerShim';

export type MonacoApi = typeof monaco;

// Workers come from our own origin as bundled files: never a CDN, never a blob of remote code.
(globalThis as { MonacoEnvironment?: unknown }).MonacoEnvironment = {
  getWorker(_workerId: string, label: string): Worker {
    return label === 'yaml' ? new YamlWorker() : new EditorWorker();
  },
};

/** The schema's address; the schema itself is handed over in memory (no request is made). */
const SCHEMA_URI = 'inmemory://services-playground/kubernetes.json';

type Model = monaco.editor.ITextModel;

/**
 * Keeps one marker per misspelt field (schemaMarkers.ts): monaco-yaml sets its markers
 * through this merger, and MonacoEditor sets kubectl's through `setKubectlVerdict`.
 */
export const markerMerger = createMarkerMerger<Model, monaco.editor.IMarkerData>(
  (model, owner, markers) => monaco.editor.setModelMarkers(model, owner, markers),
  commandLineReady,
);

/** Monaco's module as monaco-yaml sees it: the worker shim, and its markers set through the merger. */
function monacoForYaml(): MonacoApi {
  const withWorker = withLegacyCreateWebWorker(monaco);
  // A copy, not a patch: Monaco's own module object stays as it is.
  return { ...withWorker, editor: { ...withWorker.editor, setModelMarkers: markerMerger.setModelMarkers } } as MonacoApi;
}

configureMonacoYaml(monacoForYaml(), {
  enableSchemaRequest: false,
  hover: true,
  completion: true,
  validate: true,
  // Manifests are YAML 1.1 to kubectl (go-yaml); the language server's checks agree on the rest.
  yamlVersion: '1.1',
  schemas: [{ uri: SCHEMA_URI, fileMatch: ['*'], schema: buildKubernetesSchema() as never }],
});

// Colours from the design tokens would need CSS variables Monaco cannot read; these two
// themes keep Monaco's own defaults, chosen to match the page's light and dark themes.
monaco.editor.defineTheme('playground-light', { base: 'vs', inherit: true, rules: [], colors: {} });
monaco.editor.defineTheme('playground-dark', { base: 'vs-dark', inherit: true, rules: [], colors: { 'editor.background': '#171b21' } });

export { monaco };
