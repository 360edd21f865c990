/**
 * Three projects: unit (pure logic, beside the code), e2e (a real server on a real PostgreSQL, SMTP sink
 * and Socket.IO client) and browser (Chromium through playwright-core against the built client).
 * One embedded PostgreSQL serves the whole run (test/global-setup.ts); each suite gets its own database.
 */
const shared = {
  moduleFileExtensions: ['ts', 'js', 'json'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: false }] },
  moduleNameMapper: { '^@harbour/(.*)$': '<rootDir>/libs/$1/src/index.ts' },
  testEnvironment: 'node',
};
/** Suites that start the server inside the test file: pg-boss's background timers outlive the file (see the setup file). */
const server = { setupFiles: ['<rootDir>/test/setup/pg-boss-delay.ts'] };

module.exports = {
  globalSetup: '<rootDir>/test/global-setup.ts',
  globalTeardown: '<rootDir>/test/global-teardown.ts',
  // Suites start a real server (and Chromium); a slow shared machine needs more than Jest's 5 s.
  testTimeout: 60000,
  // Two suites at a time, also on a 2-core machine (where Jest's default, cores - 1, runs them one by one): a suite
  // spends seconds loading the app's modules and waiting on sockets, SMTP and the browser, so the second one fills
  // those gaps (clean clone, 2 cores: 832-875 s one by one, ~700 s two at a time). The test PostgreSQL allows 400
  // connections for it (test/global-setup.ts).
  maxWorkers: 2,
  ...shared,
  projects: [
    { ...shared, displayName: 'unit', rootDir: __dirname, testMatch: ['<rootDir>/libs/**/*.spec.ts', '<rootDir>/apps/**/*.spec.ts'] },
    { ...shared, ...server, displayName: 'e2e', rootDir: __dirname, testMatch: ['<rootDir>/test/e2e/**/*.e2e-spec.ts'] },
    { ...shared, ...server, displayName: 'browser', rootDir: __dirname, testMatch: ['<rootDir>/test/browser/**/*.browser-spec.ts'] },
  ],
};
