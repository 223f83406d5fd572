import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import Ajv2020 from 'ajv/dist/2020'
import addFormats from 'ajv-formats'
import { z } from 'zod'
import { describe, expect, it } from 'vitest'
import { checkResultSchema } from '../../../shared/check'
import { checkStory } from './check-story'

const SCHEMA_FILE = join(__dirname, '../../../../schemas/check-result.schema.json')

describe('the documented check-result JSON Schema', () => {
  const schema = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as Record<string, unknown>
  const ajv = new Ajv2020({ allErrors: true, strict: false })
  addFormats(ajv)
  const validate = ajv.compile(schema)

  it('is the one the code declares (regenerate with npm run schemas)', () => {
    const { $schema: _a, ...generated } = z.toJSONSchema(checkResultSchema) as Record<string, unknown>
    const { $schema: _b, $id: _c, title: _d, description: _e, ...committed } = schema
    expect(committed).toEqual(generated)
  })

  it('accepts a real check result', () => {
    const result = checkStory({
      story: {
        id: 1,
        title: 'Story',
        text: 'Mayor Ana Ruiz opened 3 schools on Monday, officials said.',
        publishedAt: '2024-05-10'
      },
      sources: [
        {
          id: 2,
          title: 'Wire',
          outlet: 'Wire',
          publishedAt: '2024-05-06',
          url: null,
          paragraphs: [{ index: 0, text: 'Ana Ruiz opened three schools on Monday.' }]
        }
      ]
    })
    expect(result.claims.length).toBeGreaterThan(0)
    expect(validate(JSON.parse(JSON.stringify(result))), JSON.stringify(validate.errors)).toBe(true)
  })

  it('rejects a result with a renamed or missing field', () => {
    const broken = {
      version: 1,
      story: { id: 1, title: null, publishedAt: null },
      sources: [],
      generatedAt: 'x',
      claims: [
        {
          id: 'a',
          kind: 'date',
          text: 'x',
          start: 0,
          end: 1,
          sentence: { start: 0, end: 1 },
          normalized: {},
          status: 'maybe',
          flags: [],
          evidence: [],
          silent: []
        }
      ]
    }
    expect(validate(broken)).toBe(false)
    expect(validate({ ...broken, claims: [], version: 2 })).toBe(false)
  })
})
