import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    // better-sqlite3 is a native addon: forks isolate it more safely than worker threads.
    pool: 'forks',
    testTimeout: 30_000
  }
})
