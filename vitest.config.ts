import type { Plugin } from 'vite'
import { defineConfig } from 'vitest/config'

// electron-vite builds `?modulePath` imports (the check worker) as files of their own; under
// vitest the import is the source file's path, which the worker runner starts with tsx.
function modulePathAsSource(): Plugin {
  return {
    name: 'factdesk:module-path-as-source',
    enforce: 'pre',
    load(id) {
      const [file, query] = id.split('?')
      if (query !== 'modulePath') return null
      return `export default ${JSON.stringify(file)}`
    }
  }
}

export default defineConfig({
  plugins: [modulePathAsSource()],
  test: {
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    // better-sqlite3 is a native addon: forks isolate it more safely than worker threads.
    pool: 'forks',
    testTimeout: 30_000
  }
})
