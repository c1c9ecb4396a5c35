import type { Config } from 'jest';

// msw 2.x depends on ESM-only packages (rettime, until-async, …). Jest runs
// CommonJS, so those packages are transformed to CommonJS by ts-jest.
// Users who load `msw/node` in their own Jest suites need the same two settings;
// see README "Using msw with Jest".
// `simple-socks` (this repository's test SOCKS server) ships only ES modules too.
const esmOnlyPackages = [
  'rettime',
  'until-async',
  '@open-draft',
  'outvariant',
  'strict-event-emitter',
  'simple-socks',
];

const config: Config = {
  testEnvironment: 'node',
  roots: ['<rootDir>/src', '<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }],
    '^.+\\.m?js$': ['ts-jest', { tsconfig: { allowJs: true, module: 'commonjs' } }],
  },
  transformIgnorePatterns: [`/node_modules/(?!(${esmOnlyPackages.join('|')})/)`],
  moduleNameMapper: {
    '^electron$': '<rootDir>/src/electron.ts',
  },
  testTimeout: 20000,
};

export default config;
