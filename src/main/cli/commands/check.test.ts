import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Ajv2020 from 'ajv/dist/2020'
import { describe, expect, it } from 'vitest'
import { runCheckCommand } from './check'
import { scratchDirs } from '../../../test-support/scratch-dirs'

const SAMPLES = join(__dirname, '../../../../resources/samples/iwaya-kyiv-2024')
const files = readdirSync(SAMPLES)
  .sort()
  .map((f) => join(SAMPLES, f))
const schema = JSON.parse(
  readFileSync(join(__dirname, '../../../../schemas/check-result.schema.json'), 'utf8')
) as object

async function run(args: string[]) {
  const out: string[] = []
  const err: string[] = []
  const code = await runCheckCommand(args, { stdout: (s) => out.push(s), stderr: (s) => err.push(s) })
  return { code, out: out.join('\n'), err: err.join('\n') }
}

describe('factdesk check', () => {
  const names = join(scratchDirs('factdesk-names-')(), 'names.txt')
  writeFileSync(names, '# house list\nYoko Kamikawa\n')

  it('prints a JSON result that follows the documented schema', async () => {
    const { code, out } = await run([
      files[0]!,
      '--sources',
      ...files.slice(1),
      '--names',
      names,
      '--date',
      '2024-11-16'
    ])
    expect(code).toBe(0)
    const result = JSON.parse(out) as { claims: { text: string; status: string }[]; sources: unknown[] }
    const validate = new Ajv2020({ strict: false }).compile(schema)
    expect(validate(result), JSON.stringify(validate.errors)).toBe(true)
    expect(result.sources).toHaveLength(4)
    expect(result.claims.find((c) => c.text === 'Yoko Kakmikawa')?.status).toBe('spelling-to-check')
  })

  it('prints Markdown for people', async () => {
    const { code, out } = await run([
      files[0]!,
      '--sources',
      ...files.slice(1),
      '--names',
      names,
      '--format',
      'md'
    ])
    expect(code).toBe(0)
    expect(out).toMatch(/^# Check: /)
    expect(out).toContain('Kakmikawa')
  })

  it('explains usage errors', async () => {
    expect((await run([])).code).toBe(2)
    expect((await run([files[0]!, '--sources', files[1]!, '--format', 'xml'])).err).toContain(
      '--format is json or md'
    )
    expect((await run([files[0]!])).err).toContain('Give --sources')
  })
})
