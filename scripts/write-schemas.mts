// Writes schemas/check-result.schema.json from the zod schema in src/shared/check.ts, so the
// documented format and the code cannot drift apart (a test compares them).
import { writeFileSync } from 'node:fs'
import { z } from 'zod'
import { checkResultSchema } from '../src/shared/check.ts'

const generated = z.toJSONSchema(checkResultSchema) as Record<string, unknown>
const schema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://factdesk.example/schemas/check-result.schema.json',
  title: 'Factdesk check result',
  description:
    'The output of `factdesk check --format json`: the claims of a story, each with its suggested status, flags and evidence from the sources. Fields are only ever added, never renamed.',
  ...Object.fromEntries(Object.entries(generated).filter(([k]) => k !== '$schema'))
}
writeFileSync(
  new URL('../schemas/check-result.schema.json', import.meta.url),
  JSON.stringify(schema, null, 2) + '\n'
)
console.log('wrote schemas/check-result.schema.json')
