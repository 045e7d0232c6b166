// Flat config: typescript-eslint strict everywhere, type-checked (strictTypeChecked) for
// src/ and scripts/; no import cycles in src/; and the import boundaries between folders
// (docs/architecture.md, "What may import what"). test/lint/boundaries.test.ts lints probe
// files to prove each boundary and the cycle rule fire.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { importX, createNodeResolver } from 'eslint-plugin-import-x';

const TYPE_CHECKED = ['src/**/*.ts', 'scripts/**/*.ts'];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.data/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // Type-aware rules for the code that ships and the scripts (tests: see the next block).
    // Building the TypeScript program is most of the cost: `npm run lint` went from ~5 s to
    // ~25-35 s on a 2-core machine, and linting test/ type-checked as well costs little more.
    files: TYPE_CHECKED,
    extends: [tseslint.configs.strictTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      // Numbers in messages and ids (`${count} cases`, `CMP-${n}`) are the point of a
      // template; objects, undefined and null still fail.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
    },
  },
  {
    // Tests stay on `strict`: the full type-checked set finds ~120 things in test/, nearly all
    // no-unnecessary-condition and no-confusing-void-expression on assertions and mocha
    // callbacks, which is noise there. These three, which need type information, catch a test
    // that passes because an assertion or a setup step was never awaited.
    files: ['test/**/*.ts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
  {
    // The store and graph adapters implement async ports, some over synchronous work
    // (better-sqlite3 is synchronous, the logging mail sender only logs, close() releases a
    // handle): `async` without `await` is deliberate there, so a throw becomes the rejection
    // the port promises rather than a synchronous throw at the caller.
    files: ['src/store/**/*.ts', 'src/graph/**/*.ts'],
    rules: { '@typescript-eslint/require-await': 'off' },
  },
  {
    // The resolver import-x follows imports with (extensionless relative imports of .ts files).
    files: ['src/**/*.ts', 'scripts/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.js', '.json', '.node'] })],
      'import-x/extensions': ['.ts', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
    },
  },
  {
    // A cycle makes module load order matter and hides which layer depends on which.
    // Type-only imports are erased at run time and are not cycles (import-x skips them).
    files: ['src/**/*.ts'],
    rules: { 'import-x/no-cycle': 'error' },
  },
  {
    // What may import what, by resolved path (so '../bot/x' and '../../src/bot/x' alike).
    files: ['src/**/*.ts'],
    rules: {
      'import-x/no-restricted-paths': ['error', {
        basePath: import.meta.dirname,
        zones: [
          {
            target: './src/domain', from: '.', except: ['./src/domain', './node_modules'],
            message: 'src/domain imports nothing of the app: only its own files, zod and date-fns.',
          },
          {
            target: ['./src/store', './src/cards', './src/reports', './src/reminders', './src/documents', './src/files'],
            from: './src/bot',
            message: 'Only the bot imports src/bot; pass what is needed in instead.',
          },
          {
            target: './src/cards', from: './src/store',
            message: 'Cards render data and never fetch it: take the data (domain types) as arguments.',
          },
          {
            target: './src/store',
            // (src/bot too: the zone above already says so, and one report is enough.)
            from: ['./src/cards', './src/reminders', './src/reports', './src/cli', './src/cli.ts'],
            message: 'src/store keeps data behind ports; it knows only the domain\'s types.',
          },
        ],
      }],
    },
  },
  {
    // botbuilder stays inside src/bot, so a move to the Microsoft 365 Agents SDK touches one
    // folder. (src/domain has its own, stricter allow-list below, which replaces this one there.)
    files: ['src/**/*.ts'],
    ignores: ['src/bot/**'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['botbuilder', 'botbuilder-*', 'botframework-*'], message: 'botbuilder is imported only inside src/bot.' },
        ],
      }],
    },
  },
  {
    // Tests index into fixtures they just built; a failed assertion reports any miss.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    // src/domain decides; it must not do I/O or know about SDKs, so that every rule
    // can be tested without a bot, a database or a network.
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        // An allow-list (it replaced a list of SDKs and Node modules): any package but zod
        // and date-fns, and any Node built-in, is refused. Relative imports are left to
        // import-x/no-restricted-paths above, which keeps them inside src/domain.
        patterns: [
          { regex: '^(?!(zod|date-fns)(/|$)|\\.)', message: 'src/domain is pure: it imports only its own files, zod and date-fns (no SDK, database, file system, network or process access).' },
        ],
      }],
      'no-restricted-globals': ['error',
        { name: 'process', message: 'src/domain is pure: configuration is passed in.' },
        { name: 'fetch', message: 'src/domain is pure: no network.' },
      ],
      'no-restricted-syntax': ['error',
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'src/domain takes the clock as an argument; no new Date().' },
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'src/domain takes the clock as an argument; no Date.now().' },
      ],
    },
  },
);
