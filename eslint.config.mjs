// Lint, including the layer rule: arrows point only downward.
//   shared/            pure TypeScript: no Node, Electron, DOM or UI packages
//   electron/services  Node only: never electron, never the shells above it
//   electron/host      Node front ends (browser host, CLI): never electron
//   electron/main, electron/preload   the Electron shell
//   renderer/          the UI: talks to the backend only through the contract client
// (DOM globals in shared/ are caught by `tsc -p shared/tsconfig.json`, which has no DOM lib.)
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = [
  'node:*',
  'fs',
  'fs/*',
  'path',
  'os',
  'crypto',
  'child_process',
  'worker_threads',
  'stream',
  'http',
  'url',
  'util',
  'zlib',
  'module',
];
const NATIVE_AND_BACKEND = [
  'electron',
  'electron/*',
  'better-sqlite3',
  'iconv-lite',
  'chardet',
  'jsdom',
  'mammoth',
  '@mozilla/readability',
  'csv-parse',
  'csv-parse/*',
];
const UI = ['react', 'react/*', 'react-dom', 'react-dom/*', 'lexical', '@lexical/*', 'zustand', 'zustand/*'];

const layer = (files, forbidden, message, extraPatterns = [], paths = []) => ({
  files,
  rules: {
    'no-restricted-imports': [
      'error',
      {
        paths,
        patterns: [{ group: forbidden, message }, ...extraPatterns.map((pattern) => ({ ...pattern, message }))],
      },
    ],
  },
});

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'release/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      '.native/**',
      'bench/.tmp/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    // @types/jsdom (the HTML import) pulls lib.dom into the Node side's type check, so tsc
    // cannot catch a browser global there: this does.
    files: ['electron/**/*.ts', 'bench/**/*.ts'],
    // These drive a browser page: their callbacks run there.
    ignores: [
      'bench/annotate-bench.ts',
      'bench/scroll-bench.ts',
      'bench/bench-browser.ts',
      'bench/relations-bench.ts',
      'bench/library-bench.ts',
      'bench/adjudication-bench.ts',
      'bench/suggest-paint-bench.ts',
      'bench/peers/**',
    ],
    rules: {
      'no-restricted-globals': [
        'error',
        ...[
          'window',
          'document',
          'navigator',
          'localStorage',
          'sessionStorage',
          'location',
          'HTMLElement',
          'Element',
        ].map((name) => ({ name, message: 'Browser global on the Node side: there is no DOM here.' })),
      ],
    },
  },
  {
    // Only the store classes hold SQL, so every query sits beside the schema it depends on and
    // every write is reachable from one place. `db.exec`/`x.db.pragma`… anywhere else is an error.
    files: ['electron/**/*.ts'],
    ignores: ['electron/services/store/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...["[callee.object.name='db']", "[callee.object.property.name='db']"].map((receiver) => ({
          selector: `CallExpression[callee.property.name=/^(prepare|exec|pragma)$/]${receiver}`,
          message: 'SQL belongs in a store class (electron/services/store/): call a store method instead.',
        })),
        {
          selector: "ImportDeclaration[source.value='better-sqlite3'][importKind='value']",
          message: 'Only electron/services/store opens databases; import the Database type with `import type`.',
        },
      ],
    },
  },
  layer(
    ['shared/**/*.ts'],
    [...NODE_BUILTINS, ...NATIVE_AND_BACKEND, ...UI, '**/electron/**', '**/renderer/**'],
    'shared/ is pure TypeScript: it may not import Node, Electron, native, UI or upper-layer code.',
  ),
  layer(
    ['electron/services/**/*.ts'],
    ['electron', 'electron/*', ...UI, '**/main/**', '**/preload/**', '**/host/**', '**/renderer/**'],
    'electron/services is Node-only and shared by every front end: no electron, no shells, no UI.',
  ),
  layer(
    ['electron/host/**/*.ts'],
    ['electron', 'electron/*', ...UI, '**/main/**', '**/preload/**', '**/renderer/**'],
    'The browser host and CLI run under plain Node: no electron, no UI.',
  ),
  layer(
    ['electron/main/**/*.ts'],
    [...UI, '**/renderer/**', '**/host/**'],
    'The Electron shell does not import the UI or the browser host.',
  ),
  layer(
    ['electron/preload/**/*.ts'],
    [
      ...UI,
      '**/renderer/**',
      '**/host/**',
      '**/services/**',
      ...NATIVE_AND_BACKEND.filter((name) => !name.startsWith('electron')),
      'zod',
      'zod/*',
    ],
    'The sandboxed preload bundles what it imports: only electron and the zod-free shared/contract/names and event-names, never services, native modules or zod.',
    // Any module of shared/contract but the name lists (names.ts, event-names.ts) pulls in the schemas.
    [{ regex: 'shared/contract(/(?!(event-)?names$)[^/]+)?$' }],
  ),
  layer(
    ['renderer/**/*.{ts,tsx}'],
    [...NODE_BUILTINS, ...NATIVE_AND_BACKEND, '**/electron/**'],
    'The renderer reaches the backend only through the contract client.',
    [],
    [
      {
        name: 'zustand',
        importNames: ['create'],
        message:
          "Make a store with renderer/src/state/create.ts: its server snapshot is the store's state, which the host's first screen is hydrated with.",
      },
    ],
  ),
  layer(
    ['renderer/src/reader/sync/**/*.ts'],
    [...NODE_BUILTINS, ...NATIVE_AND_BACKEND, '**/electron/**', ...UI, '**/api/**', '**/state/**'],
    'The document sync is framework-free: no UI packages, no stores, no client (it gets a transport).',
  ),
);
