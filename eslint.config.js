// ESLint flat config. Besides typescript-eslint's recommended rules it enforces
// the layering of DESIGN.md: the engine, kubectl and manifests layers run in Node
// and in a Web Worker, so they import nothing from the UI, no UI library, and take
// time and randomness only from the simulated clock and the seeded generator.
import js from '@eslint/js';
import globals from 'globals';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

const CORE_LAYERS = ['src/engine/**/*.ts', 'src/kubectl/**/*.ts', 'src/manifests/**/*.ts'];

const UI_LIBRARIES = [
  { regex: '^react(?:-dom)?(?:/.*)?$', message: 'The engine layers must not depend on React (DESIGN.md, "Layers").' },
  { regex: '^(?:@xyflow/|monaco-|@monaco-editor/|zustand(?:/|$))', message: 'The engine layers must not depend on UI libraries (DESIGN.md, "Layers").' },
];

// Relative or src-rooted paths that reach the UI layers above the engine.
const UI_LAYERS = {
  regex: '^(?:(?:\\.\\.?/)+|.*\\bsrc/)(?:.*/)?(?:app|graph|embed)(?:/.*)?$',
  message: 'The engine layers must not import from src/app, src/graph or src/embed (DESIGN.md, "Layers").',
};

// The first picture's modules (the entry chunk, DESIGN.md's 160 KB budget): the
// graph (React Flow, the graph layers, the packet player) is a chunk of its own
// that they reach only through LazyGraphPane.tsx and packets/playerHandle.ts.
const FIRST_PICTURE = [
  'src/main.tsx',
  'src/app/*.{ts,tsx}',
  'src/app/{shell,store,editor,terminal}/**/*.{ts,tsx}',
  'src/app/graph/LazyGraphPane.tsx',
  'src/app/packets/{PlaybackControls,LazyPanels,playerHandle}.{ts,tsx}',
];
const GRAPH_CHUNK = {
  regex: '^@xyflow/|(?:^|/)(?:graph/GraphPane|packets/player|\\./player)$',
  message: 'The graph loads apart from the first picture: go through LazyGraphPane.tsx or packets/playerHandle.ts.',
  allowTypeImports: true,
};

export default defineConfig(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'test-results/**', 'playwright-report/**', '.reports/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      // `_name` marks a parameter that an interface requires but this implementation ignores.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    files: ['src/app/**/*.{ts,tsx}', 'src/graph/**/*.{ts,tsx}', 'src/embed/**/*.{ts,tsx}', 'src/main.tsx'],
    languageOptions: { globals: globals.browser },
  },
  {
    files: ['*.{js,mjs,ts}', 'scripts/**', 'bench/**', 'tests/**', 'e2e/**', '**/*.test.ts'],
    languageOptions: { globals: globals.node },
  },
  {
    files: FIRST_PICTURE,
    ignores: ['**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: [GRAPH_CHUNK] }],
    },
  },
  {
    files: CORE_LAYERS,
    rules: {
      'no-restricted-imports': ['error', { patterns: [...UI_LIBRARIES, UI_LAYERS] }],
    },
  },
  {
    files: CORE_LAYERS,
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'Use ctx.rng: same seed, same cluster.' },
        { object: 'Date', property: 'now', message: 'Use ctx.clock: all time is simulated.' },
        { object: 'performance', property: 'now', message: 'Use ctx.clock: all time is simulated.' },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'setTimeout', message: 'Use ctx.timers: all time is simulated.' },
        { name: 'setInterval', message: 'Use ctx.timers: all time is simulated.' },
        { name: 'window', message: 'The engine layers run without a browser.' },
        { name: 'document', message: 'The engine layers run without a browser.' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Use ctx.clock: all time is simulated.' },
      ],
    },
  },
);
