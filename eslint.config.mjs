// Flat config: typescript-eslint strict, plus the rule that keeps the domain pure.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

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
        patterns: [
          { group: ['botbuilder*', '@azure/*', '@microsoft/*', 'restify*', 'better-sqlite3'], message: 'src/domain is pure: no SDK or database imports.' },
          { group: ['node:*', 'fs', 'fs/*', 'http', 'https', 'net', 'child_process', 'path'], message: 'src/domain is pure: no file system, network or process access.' },
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
