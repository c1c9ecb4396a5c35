// @ts-check
import tseslint from 'typescript-eslint';

const useClock = 'Time comes only from the injected Clock (src/clock/clock.ts).';

export default tseslint.config(
  { ignores: ['dist/**', 'coverage/**', 'examples/**', 'bench/**/*.js', 'node_modules/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.object.name=/^(it|test|describe)$/][callee.property.name='only']",
          message: 'Focused tests must not be committed.',
        },
      ],
    },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/clock/**'],
    rules: {
      'no-restricted-globals': [
        'error',
        { name: 'setTimeout', message: useClock },
        { name: 'setInterval', message: useClock },
        { name: 'clearTimeout', message: useClock },
        { name: 'clearInterval', message: useClock },
        { name: 'setImmediate', message: useClock },
        { name: 'performance', message: useClock },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: useClock },
        { object: 'globalThis', property: 'setTimeout', message: useClock },
        { object: 'globalThis', property: 'setImmediate', message: useClock },
        { object: 'performance', property: 'now', message: useClock },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: useClock },
        {
          selector: 'ImportDeclaration[source.value=/^(msw|nock)(\\/|$)/]',
          message: 'The fake never imports msw or nock; a transport does.',
        },
      ],
    },
  },
  {
    // The two back ends that are made of msw and nock (loaded only when chosen).
    files: ['src/transports/msw/**/*.ts', 'src/transports/nock/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: useClock },
      ],
    },
  },
);
