#!/usr/bin/env node
// The factdesk command. Runs the built CLI (out/main/cli.js); in a source checkout that has not
// been built yet, runs the TypeScript directly through tsx.
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { spawnSync } from 'node:child_process'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const built = join(root, 'out', 'main', 'cli.js')
if (existsSync(built)) {
  const { main } = await import(pathToFileURL(built).href)
  process.exitCode = await main(process.argv.slice(2))
} else {
  const result = spawnSync(
    process.execPath,
    ['--import', 'tsx', join(root, 'src', 'main', 'cli', 'index.ts'), ...process.argv.slice(2)],
    {
      stdio: 'inherit',
      env: { ...process.env, FACTDESK_CLI_MAIN: '1' }
    }
  )
  process.exitCode = result.status ?? 1
}
