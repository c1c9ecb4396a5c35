import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['*.vitest-sample.ts'],
    setupFiles: ['./vitest-setup.ts'],
    environment: 'node',
  },
});
