import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const features = readdirSync(new URL('apps/web/src/features', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

/**
 * Client feature boundaries. A file in `features/<f>/` may import its own folder, `features/shared/` (the one
 * feature meant to be shared), and `ui/`, `lib/`, `i18n/` — never another feature, nor `app/` (the composition
 * root imports the features, so the reverse would be a cycle). Features are composed in `app/`. The client
 * imports by relative path, so the rule is written per depth: going up `depth + 1` levels reaches `features/`.
 */
function featureBoundaries(feature) {
  return [0, 1, 2].map((depth) => ({
    files: [`apps/web/src/features/${feature}/${'*/'.repeat(depth)}*.{ts,tsx}`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: `^(\\.\\./){${depth + 1}}(?!(${feature}|shared)/)(?!\\.\\./(ui|lib|i18n)/)`,
              message: `A feature imports ui/, lib/, i18n/, features/shared/ and its own folder only; compose features in app/ or move the shared piece to ui/ or features/shared/.`,
            },
          ],
        },
      ],
    },
  }));
}

/** What Node.js scripts (scripts/*.mjs, this file) may use without importing it. */
const nodeGlobals = Object.fromEntries(
  [
    'process',
    'console',
    'Buffer',
    'URL',
    'URLSearchParams',
    'fetch',
    'AbortController',
    'AbortSignal',
    'setTimeout',
    'clearTimeout',
    'setInterval',
    'clearInterval',
    'setImmediate',
    'performance',
    'structuredClone',
    'queueMicrotask',
    'TextEncoder',
    'TextDecoder',
  ].map((name) => [name, 'readonly']),
);

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', '.data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      // Nest's decorators and class-validator DTOs use classes without behaviour on purpose.
      '@typescript-eslint/no-extraneous-class': 'off',
      eqeqeq: ['error', 'always'],
      // A file is read whole: past 300 lines of code it holds more than one use case. Blank lines and
      // comments do not count, so a comment saying why is never the thing cut to fit.
      'max-lines': ['error', { max: 300, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    // The client: hooks called by the rules and effects listing what they read; accessible markup.
    files: ['apps/web/src/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat.recommended,
  },
  {
    files: ['apps/web/src/**/*.tsx'],
    ...jsxA11y.flatConfigs.recommended,
    // A component's `autoFocus` prop is judged where it reaches the DOM, with the reason written there.
    rules: { ...jsxA11y.flatConfigs.recommended.rules, 'jsx-a11y/no-autofocus': ['error', { ignoreNonDOM: true }] },
  },
  {
    // Plain JavaScript (scripts/*.mjs, this file, jest.config.js) is not in a tsconfig: linted without types.
    files: ['**/*.mjs', '**/*.js'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { ...tseslint.configs.disableTypeChecked.languageOptions, globals: nodeGlobals },
  },
  {
    // The client's public scripts (theme.js before first paint, the service worker) run in the browser.
    files: ['apps/web/public/**/*.js'],
    languageOptions: { globals: { window: 'readonly', document: 'readonly', localStorage: 'readonly' } },
  },
  {
    files: ['jest.config.js'],
    languageOptions: { sourceType: 'commonjs', globals: { module: 'writable', __dirname: 'readonly' } },
  },
  {
    // Exceptions to max-lines. The OpenAPI metadata is generated (npm run openapi:generate), never edited by
    // hand. The i18n dictionaries are one flat list of strings each, kept in the same order in English and
    // French so a missing translation shows side by side; splitting them by length would scatter that.
    // The *-later.ts halves are the same dictionaries' strings a guest's first page never shows (issue 18).
    files: [
      'apps/api/src/openapi.metadata.ts',
      'apps/web/src/i18n/en.ts',
      'apps/web/src/i18n/fr.ts',
      'apps/web/src/i18n/en-later.ts',
      'apps/web/src/i18n/fr-later.ts',
    ],
    rules: { 'max-lines': 'off' },
  },
  ...features.flatMap(featureBoundaries),
  {
    // ui/, lib/ and i18n/ are below every feature: they import nothing from features/ or app/.
    files: ['apps/web/src/{ui,lib,i18n}/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^\\.\\./(features|app)/', message: 'ui/, lib/ and i18n/ never import a feature or app/.' }] },
      ],
    },
  },
  {
    // Tests use libs through their public entry, as the apps do: a relative path into libs/ reaches past it.
    files: ['test/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '(^|/)libs/', message: 'Import a lib by its alias (@harbour/<lib>), never by a path into libs/.' }] },
      ],
    },
  },
  {
    // Tests read untyped JSON bodies from supertest: asserting on them is the point.
    files: ['test/**/*.ts', '**/*.spec.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
);
