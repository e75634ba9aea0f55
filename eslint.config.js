// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = ['fs', 'path', 'os', 'net', 'http', 'https', 'child_process', 'crypto', 'events', 'url', 'util', 'stream', 'dns', 'tls'];
const MODULE_NAMES = new Set(['kafkajs', 'electron', 'react', 'react-dom', ...NODE_BUILTINS]);

/**
 * Which folder may import what: kafkajs only in the gateway, electron only in the shell, shared stays
 * pure. Bare module names are matched exactly (so a folder named electron/ is not the electron module);
 * globs match paths.
 */
const restrict = (entries, message) => ({
  'no-restricted-imports': [
    'error',
    {
      paths: entries.filter((e) => MODULE_NAMES.has(e)).map((name) => ({ name, message })),
      patterns: [{ group: entries.filter((e) => !MODULE_NAMES.has(e)), message }],
    },
  ],
});

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'release/', '.cache/', '.sandbox/', '.scratch/', '.test-results/', 'test-results/', 'playwright-report/'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    rules: restrict(['kafkajs', 'kafkajs/*', 'electron', 'react', 'react-dom', ...NODE_BUILTINS, 'node:*', '**/electron/**', '**/renderer/**'],
      'shared/ is pure: no Node, no DOM, no kafkajs, no electron.'),
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: restrict(['kafkajs', 'kafkajs/*', 'electron', ...NODE_BUILTINS, 'node:*', '**/electron/**', '**/sandbox/**'],
      'renderer/ only shows: it talks to the main process through the shared contract.'),
  },
  {
    files: ['electron/**/*.ts'],
    ignores: ['electron/kafka/**', 'electron/shell/**'],
    rules: restrict(['kafkajs', 'kafkajs/*', 'electron', '**/renderer/**'],
      'kafkajs belongs to electron/kafka/ (the gateway); electron belongs to electron/shell/.'),
  },
  {
    files: ['electron/kafka/**/*.ts'],
    rules: restrict(['electron', '**/renderer/**', '**/shell/**'], 'The gateway is plain Node: no electron, no renderer.'),
  },
  {
    files: ['electron/kafka/protocol/**/*.ts'],
    rules: restrict(['kafkajs', 'kafkajs/*', 'electron', '**/renderer/**', '**/shell/**'],
      'The wire protocol is plain bytes; kafkajs is reached only through electron/kafka/kafkajs-internals.ts.'),
  },
  {
    files: ['electron/shell/**/*.ts'],
    rules: restrict(['kafkajs', 'kafkajs/*', '**/renderer/**'], 'The shell stays thin: Kafka goes through the services.'),
  },
  {
    files: ['sandbox/**/*.ts', 'e2e/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.{ts,mjs}'],
    rules: restrict(['kafkajs', 'kafkajs/*', 'electron'], 'Tools reach Kafka through the sandbox CLI or the gateway, never kafkajs directly.'),
  },
  {
    files: ['scripts/**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
  {
    files: ['renderer/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
);
