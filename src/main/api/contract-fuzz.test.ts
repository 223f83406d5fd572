// Every method of the contract, fed malformed input: wrong types, missing and extra fields,
// out-of-range numbers, over-long strings, nested junk, prototype keys. dispatch() must refuse
// each one as BAD_REQUEST before any handler runs — never INTERNAL, never a call that goes
// through — and serve mode must answer the same inputs with a typed 400.
//
// The inputs are invalid by construction (each generator knows what its field accepts), not
// by asking the schema under test, so a schema that grew too lenient fails here.
import { request } from 'node:http'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { claimKindSchema } from '../../shared/check'
import { ADMIN_METHODS, contract, methodNames, type MethodName } from '../../shared/contract'
import { ApiError, apiErrorBodySchema } from '../../shared/errors'
import { startHttpServer, type RunningHttpServer } from '../transports/http'
import { dispatch, type Handlers } from './dispatch'

/** 'js' may hold anything IPC could carry; 'json' only what survives JSON, for HTTP. */
type Mode = 'js' | 'json'
type Arb = fc.Arbitrary<unknown>

interface Field {
  /** A value the contract accepts, so each generated input is wrong in exactly the ways chosen. */
  valid: unknown
  required: boolean
  invalid: (mode: Mode) => Arb
}

interface MethodSpec {
  fields: Record<string, Field>
  /** Method-specific ways to be wrong (cross-field rules). */
  extra?: (mode: Mode) => Arb[]
}

// --- generators of wrong values -------------------------------------------------------------

const MAX_SAFE = Number.MAX_SAFE_INTEGER
const HUGE = 'x'.repeat(1_000_000)

function junk(mode: Mode): Arb {
  return mode === 'json'
    ? fc.jsonValue({ maxDepth: 4 })
    : fc.anything({
        maxDepth: 4,
        withBoxedValues: true,
        withSet: true,
        withMap: true,
        withObjectString: true,
        withNullPrototype: true,
        withBigInt: true,
        withDate: true,
        withTypedArray: true,
        withSparseArray: true,
        withUnicodeString: true
      })
}

/** Any junk the field's type check must refuse. `undefined` is left to the missing-field case. */
function notA(mode: Mode, accepted: (v: unknown) => boolean): Arb {
  return junk(mode).filter((v) => v !== undefined && !accepted(v))
}

const isNumber = (v: unknown): boolean => typeof v === 'number'
const isString = (v: unknown): boolean => typeof v === 'string'

function badNumber(mode: Mode, min: number, max: number): Arb {
  const options: Arb[] = [
    min > -MAX_SAFE
      ? fc.integer({ min: -MAX_SAFE, max: min - 1 })
      : fc.constantFrom(-(2 ** 53), -1e21, -Number.MAX_VALUE),
    fc.double({ min: Math.max(min, -1e9), max: Math.min(max, 1e9), noInteger: true, noNaN: true }),
    fc.constantFrom('1', String(min), ` ${min}`, '0x10', '1e3', '', '7; DROP TABLE texts'),
    notA(mode, isNumber)
  ]
  options.push(
    max < MAX_SAFE
      ? fc.integer({ min: max + 1, max: MAX_SAFE })
      : fc.constantFrom(2 ** 53, 1e21, Number.MAX_VALUE)
  )
  if (mode === 'js') options.push(fc.constantFrom(NaN, Infinity, -Infinity, -0.5))
  return fc.oneof(...options)
}

function badString(mode: Mode, min: number, max: number | null, nullable = false): Arb {
  const options: Arb[] = [notA(mode, (v) => isString(v) || (nullable && v === null))]
  if (min > 0) options.push(fc.constant(''))
  if (max !== null) {
    options.push(
      fc
        .tuple(
          fc.integer({ min: max + 1, max: max + 64 }),
          fc.constantFrom('x', 'é', '😀', '\u0000', '\u202e')
        )
        .map(([n, c]) => c.repeat(n)),
      fc.constant(HUGE)
    )
  }
  return fc.oneof(...options)
}

function badEnum(mode: Mode, values: readonly string[]): Arb {
  const first = values[0] ?? ''
  return fc.oneof(
    fc.string().filter((s) => !values.includes(s)),
    fc.constantFrom(
      '__proto__',
      'constructor',
      'toString',
      'hasOwnProperty',
      first.toUpperCase(),
      ` ${first}`,
      values.join(',')
    ),
    notA(mode, isString)
  )
}

function badArray(mode: Mode, item: Field, maxLength: number, nullable = false): Arb {
  return fc.oneof(
    notA(mode, (v) => Array.isArray(v) || (nullable && v === null)),
    // Good items with one bad one somewhere among them.
    fc
      .tuple(fc.array(fc.constant(item.valid), { maxLength: 5 }), item.invalid(mode), fc.nat())
      .map(([good, bad, at]) => {
        const out: unknown[] = [...good]
        out.splice(at % (good.length + 1), 0, bad)
        return out
      }),
    fc.constant(Array.from({ length: maxLength + 1 }, () => item.valid))
  )
}

// --- what each field accepts ----------------------------------------------------------------

const id = (required = true): Field => ({ valid: 7, required, invalid: (m) => badNumber(m, 1, MAX_SAFE) })
const int = (min: number, max: number, valid: number, required = true): Field => ({
  valid,
  required,
  invalid: (m) => badNumber(m, min, max)
})
const str = (min: number, max: number | null, valid: string, required = true, nullable = false): Field => ({
  valid,
  required,
  invalid: (m) => badString(m, min, max, nullable)
})
const oneOf = (values: readonly string[], required = true): Field => ({
  valid: values[0],
  required,
  invalid: (m) => badEnum(m, values)
})

const ROLES = ['story', 'source'] as const
const STATUSES = ['open', 'verified', 'disputed', 'corrected', 'dismissed'] as const
const FORMATS = ['html', 'pdf', 'md', 'csv', 'json', 'claimreview'] as const

const pinnedFields: Record<string, Field> = {
  sourceId: int(-MAX_SAFE, MAX_SAFE, 3),
  paragraphIndex: int(0, MAX_SAFE, 0),
  start: int(0, MAX_SAFE, 0),
  end: int(0, MAX_SAFE, 12),
  text: str(0, 20_000, 'the passage')
}
const validPinned = Object.fromEntries(Object.entries(pinnedFields).map(([k, f]) => [k, f.valid]))
const pinnedItem: Field = {
  valid: validPinned,
  required: true,
  invalid: (m) =>
    fc.oneof(
      notA(m, (v) => typeof v === 'object' && v !== null && !Array.isArray(v)),
      fc
        .constantFrom(...Object.keys(pinnedFields))
        .chain((key) => pinnedFields[key]!.invalid(m).map((bad) => ({ ...validPinned, [key]: bad }))),
      fc.constantFrom(...Object.keys(pinnedFields)).map((key) => {
        const { [key]: _dropped, ...rest } = validPinned
        return rest
      })
    )
}

const source: Field = {
  valid: { kind: 'bytes', base64: 'aGVsbG8=' },
  required: true,
  invalid: (m) =>
    fc.oneof(
      notA(m, (v) => typeof v === 'object' && v !== null && !Array.isArray(v)),
      badEnum(m, ['path', 'bytes', 'upload']).map((kind) => ({
        kind,
        path: '/tmp/a.txt',
        base64: 'aGVsbG8='
      })),
      badString(m, 1, 4096).map((path) => ({ kind: 'path', path })),
      notA(m, isString).map((base64) => ({ kind: 'bytes', base64 })),
      // An upload is named by the id the server gave it, never by anything that could be a path.
      fc
        .string({ maxLength: 40 })
        .filter((id) => !/^[A-Za-z0-9_-]{32}$/.test(id))
        .map((uploadId) => ({ kind: 'upload', uploadId })),
      fc.constantFrom({ kind: 'path' }, { kind: 'bytes' }, { kind: 'upload' }, { path: '/etc/passwd' }, {})
    )
}

/** A web address a ClaimReview may publish: http(s) only, nothing else that a URL parser takes. */
const webAddress: Field = {
  valid: 'https://desk.example/',
  required: false,
  invalid: (m) =>
    fc.oneof(
      badString(m, 0, 2048, true),
      fc.constantFrom(
        'javascript:alert(1)',
        'JavaScript:alert(1)//https://desk.example',
        'data:text/html,<script>alert(1)</script>',
        'file:///etc/passwd',
        'ftp://desk.example',
        'desk.example',
        '//desk.example',
        'https://',
        'https://user:secret@desk.example',
        'https://desk .example',
        'https://desk.example/\u0000',
        'https://desk.example/a\nb'
      )
    )
}

const SPECS: Record<MethodName, MethodSpec> = {
  'app.info': { fields: {} },
  'library.list': {
    fields: {
      role: oneOf(ROLES, false),
      limit: int(1, 10_000, 20, false),
      offset: int(0, MAX_SAFE, 0, false)
    }
  },
  'library.get': { fields: { id: id() } },
  'library.read': {
    fields: { id: id(), offset: int(0, MAX_SAFE, 0, false), limit: int(1, 500, 200, false) }
  },
  'library.paragraphs': { fields: { id: id() } },
  'compare.rows': {
    fields: { leftId: id(), rightId: id(), offset: int(0, MAX_SAFE, 0), limit: int(1, 500, 200) }
  },
  'library.search': {
    fields: {
      query: str(0, 500, 'minister'),
      limit: int(1, 200, 10, false),
      headlines: { valid: false, required: false, invalid: (m) => notA(m, (v) => typeof v === 'boolean') }
    }
  },
  'library.expandPaths': {
    fields: {
      paths: {
        valid: ['/tmp/a'],
        required: true,
        invalid: (m) => badArray(m, str(1, 4096, '/tmp/a'), 10_000)
      }
    }
  },
  'library.importFile': {
    fields: {
      name: str(1, 1024, 'a.txt'),
      source,
      role: oneOf(ROLES, false),
      importId: str(1, 100, 'import-1', false)
    }
  },
  'library.cancelImport': { fields: { importId: str(1, 100, 'import-1') } },
  'library.delete': { fields: { id: id() } },
  'library.usage': { fields: { id: id() } },
  'library.setRole': { fields: { id: id(), role: oneOf(ROLES) } },
  'library.setMeta': {
    fields: {
      id: id(),
      title: str(0, 500, 'Minister visits Kyiv', false, true),
      outlet: str(0, 200, 'Wire', false, true),
      byline: str(0, 300, 'A. Writer', false, true),
      publishedAt: {
        valid: '2024-11-16',
        required: false,
        invalid: (m) =>
          fc.oneof(
            badString(m, 0, null, true),
            fc.constantFrom(
              '16/11/2024',
              '2024-13',
              'yesterday',
              '2024-11-16; DROP TABLE texts',
              // Of the pattern, but no such day or time.
              '2024-02-30',
              '2023-02-29',
              '2024-11-16T24:00',
              '2024-11-16 10:60'
            )
          )
      },
      url: webAddress
    }
  },
  'checks.list': { fields: {} },
  'houseNames.list': { fields: {} },
  'houseNames.add': {
    fields: { name: str(1, 200, 'Yoko Kamikawa'), note: str(0, 500, 'AP style', false, true) }
  },
  'houseNames.remove': { fields: { id: id() } },
  'houseNames.import': { fields: { text: str(0, 500_000, 'Ana Ruiz') } },
  'houseNames.export': { fields: {} },
  'checks.create': {
    fields: {
      storyId: id(),
      sourceIds: { valid: [2, 3], required: false, invalid: (m) => badArray(m, id(), 100_000, true) }
    }
  },
  'checks.get': { fields: { id: id() } },
  'checks.rerun': { fields: { id: id() } },
  'checks.delete': { fields: { id: id() } },
  'checks.progress': { fields: {} },
  'checks.cancel': { fields: { jobId: str(1, 100, 'job-1') } },
  'checks.includeVersion': {
    fields: {
      id: id(),
      sourceId: id(),
      include: { valid: true, required: true, invalid: (m) => notA(m, (v) => typeof v === 'boolean') }
    }
  },
  'checks.setSources': {
    fields: {
      id: id(),
      sourceIds: { valid: [2, 3], required: true, invalid: (m) => badArray(m, id(), 100_000, true) }
    }
  },
  'checks.decide': {
    fields: {
      checkId: id(),
      claimId: str(1, 200, 'claim-1'),
      status: oneOf(STATUSES),
      correctedText: str(0, 20_000, 'the corrected wording', false, true),
      note: str(0, 20_000, 'checked by phone', false, true),
      pinned: { valid: [validPinned], required: false, invalid: (m) => badArray(m, pinnedItem, 50) },
      publish: { valid: true, required: false, invalid: (m) => notA(m, (v) => typeof v === 'boolean') },
      publicExplanation: str(0, 2_000, 'Three outlets confirm the date.', false, true)
    },
    // A correction without the corrected wording is refused, whatever its other fields say.
    extra: () => [
      fc
        .record({
          correctedText: fc.constantFrom(null, '', '   ', '\n\t', undefined),
          note: fc.constantFrom(null, 'n')
        })
        .map((r) => {
          const input: Record<string, unknown> = {
            checkId: 1,
            claimId: 'c1',
            status: 'corrected',
            note: r.note
          }
          if (r.correctedText !== undefined) input['correctedText'] = r.correctedText
          return input
        })
    ]
  },
  'checks.export': {
    fields: {
      id: id(),
      format: oneOf(FORMATS),
      newsroom: str(0, 200, 'Desk', false, true),
      checkedBy: str(0, 200, 'A. Editor', false, true),
      exportId: str(1, 100, 'export-1', false)
    }
  },
  'checks.cancelExport': { fields: { exportId: str(1, 100, 'export-1') } },
  'checks.history': { fields: { checkId: id(), claimId: str(0, 200, 'claim-1', false) } },
  'checks.undo': { fields: { checkId: id() } },
  'checks.redo': { fields: { checkId: id() } },
  'checks.addClaim': {
    fields: {
      checkId: id(),
      kind: oneOf(claimKindSchema.options),
      start: int(0, 100_000_000, 3),
      end: int(1, 100_000_000, 9)
    },
    // An empty or backwards selection is refused whatever its numbers.
    extra: () => [
      fc
        .nat({ max: 1000 })
        .chain((start) =>
          fc.nat({ max: start }).map((end) => ({ checkId: 1, kind: 'date', start, end: Math.max(end, 1) }))
        )
        .filter((input) => input.end <= input.start)
    ]
  },
  'preferences.get': { fields: {} },
  'preferences.set': {
    fields: {
      newsroom: str(0, 200, 'Example Desk', false, true),
      newsroomUrl: webAddress,
      checkedBy: str(0, 200, 'A. Editor', false, true)
    },
    // A name is one line: a line break or a control character would break the report's byline.
    extra: () => [
      fc
        .tuple(
          fc.constantFrom('newsroom', 'checkedBy'),
          fc.constantFrom('A\nB', 'Desk\rDesk', 'x\u0000y', '\u001b[31m', 'tab\there')
        )
        .map(([key, value]) => ({ [key]: value }))
    ]
  },
  'members.list': { fields: {} },
  'members.add': {
    fields: {
      name: str(1, 64, 'Ana Novak'),
      role: oneOf(['checker', 'reviewer', 'admin']),
      password: str(10, 256, 'a long enough passphrase')
    },
    // A name is one line, and a blank one is none.
    extra: () => [
      fc
        .constantFrom('A\nB', 'x\u0000y', '   ', '\t')
        .map((name) => ({ name, role: 'checker', password: 'a long enough passphrase' }))
    ]
  },
  'members.disable': { fields: { id: id() } },
  'members.assignable': { fields: {} },
  'checks.assign': {
    fields: {
      checkId: id(),
      claimId: str(1, 200, 'claim-1', false),
      assignee: str(1, 64, 'Ana Novak', true, true)
    },
    // A member's name is one line, and a blank one is none.
    extra: () => [
      fc.constantFrom('A\nB', 'x\u0000y', '   ', '\t').map((assignee) => ({ checkId: 1, assignee }))
    ]
  },
  'checks.review': {
    fields: {
      checkId: id(),
      action: oneOf(['submit', 'approve', 'return', 'reopen']),
      comment: str(0, 5_000, 'Source the figure.', false, true),
      from: oneOf(['in_progress', 'ready', 'approved', 'returned'], false)
    }
  },
  'members.enable': { fields: { id: id() } },
  'members.setPassword': { fields: { id: id(), password: str(10, 256, 'a long enough passphrase') } },
  'account.changePassword': {
    fields: {
      currentPassword: str(1, 256, 'the old passphrase'),
      newPassword: str(10, 256, 'a long enough passphrase')
    }
  }
}

// --- malformed inputs for one method --------------------------------------------------------

const PROTOTYPE_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
  '__defineGetter__'
]

/** Sets a key as an own, enumerable property, the way JSON.parse does even for "__proto__". */
function withKey(base: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  const out = { ...base }
  Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true })
  return out
}

function malformed(method: MethodName, mode: Mode): Arb {
  const spec = SPECS[method]
  const keys = Object.keys(spec.fields)
  const base = Object.fromEntries(keys.map((k) => [k, spec.fields[k]!.valid]))
  const required = keys.filter((k) => spec.fields[k]!.required)
  const pollution = { polluted: 'yes', isAdmin: true }

  const options: Arb[] = [
    // Not an object at all.
    junk(mode).filter((v) => v === null || typeof v !== 'object' || Array.isArray(v)),
    fc.constantFrom<unknown>(HUGE, [base], [[[[base]]]]),
    // One key the method does not know, including the ones that reach prototypes.
    fc
      .tuple(
        fc.oneof(
          fc.constantFrom(...PROTOTYPE_KEYS),
          fc.string().filter((k) => !keys.includes(k))
        ),
        junk(mode)
      )
      .map(([key, value]) => withKey(base, key, value)),
    fc
      .constantFrom(...PROTOTYPE_KEYS)
      .map((key) => withKey(base, key, key === 'constructor' ? { prototype: pollution } : pollution))
  ]
  if (keys.length > 0) {
    // Several fields wrong at once, sometimes with an unknown key full of nested junk besides.
    options.push(
      fc
        .subarray(keys, { minLength: 1 })
        .chain((wrong) =>
          fc.tuple(
            fc.tuple(...wrong.map((k) => spec.fields[k]!.invalid(mode).map((v) => [k, v] as const))),
            fc.option(junk(mode), { nil: undefined })
          )
        )
        .map(([pairs, nested]) => {
          const out: Record<string, unknown> = { ...base, ...Object.fromEntries(pairs) }
          return nested === undefined ? out : withKey(out, 'nested', nested)
        })
    )
  }
  if (required.length > 0) {
    options.push(
      fc
        .subarray(required, { minLength: 1 })
        .map((missing) => Object.fromEntries(Object.entries(base).filter(([k]) => !missing.includes(k))))
    )
  }
  options.push(...(spec.extra?.(mode) ?? []))
  return fc.oneof(...options)
}

// --- handlers that must never run ----------------------------------------------------------

const invoked: string[] = []
const refusingHandlers = Object.fromEntries(
  methodNames.map((m) => [
    m,
    () => {
      invoked.push(m)
      throw new Error(`${m} ran on malformed input`)
    }
  ])
) as unknown as Handlers

const ADMIN = { id: 1, name: 'Admin', role: 'admin' } as const

/** What dispatch did with the input: the error it threw, or 'resolved' if the call went through. */
async function outcomeOf(method: string, input: unknown, handlers = refusingHandlers): Promise<unknown> {
  try {
    // As an admin, so the members' methods are validated rather than refused for the caller's role.
    await dispatch(handlers, method, input, { transport: 'ipc', member: ADMIN })
    return 'resolved'
  } catch (error) {
    return error
  }
}

const RUNS_PER_METHOD = 300
let triedInProcess = 0
let refusedInProcess = 0
let refusedOverHttp = 0

describe('contract fuzzing: dispatch refuses malformed input for every method', () => {
  it('covers every method of the contract', () => {
    expect(Object.keys(SPECS).sort()).toEqual([...methodNames].sort())
  })

  it.each(methodNames)(
    '%s: the valid base input passes validation and reaches the handler',
    async (method) => {
      // Without this, a typo in a base value would make every mutation "refused" for the wrong reason.
      const spec = SPECS[method]
      const base = Object.fromEntries(Object.entries(spec.fields).map(([k, f]) => [k, f.valid]))
      expect(contract[method].input.safeParse(base).success).toBe(true)
      const reached = Object.fromEntries(
        methodNames.map((m) => [m, () => Promise.reject(new ApiError('CONFLICT', 'reached'))])
      ) as unknown as Handlers
      const result = await outcomeOf(method, base, reached)
      expect(result).toBeInstanceOf(ApiError)
      expect((result as ApiError).code).toBe('CONFLICT')
    }
  )

  it.each(methodNames)('%s: every malformed input is BAD_REQUEST, and no handler runs', async (method) => {
    const prototypeBefore = Object.getOwnPropertyNames(Object.prototype).sort()
    await fc.assert(
      fc.asyncProperty(malformed(method, 'js'), async (input) => {
        triedInProcess++
        const result = await outcomeOf(method, input)
        expect(result).toBeInstanceOf(ApiError)
        expect((result as ApiError).code).toBe('BAD_REQUEST')
        expect((result as ApiError).message).toMatch(
          new RegExp(`^Invalid input for ${method.replace('.', '\\.')}: `)
        )
        refusedInProcess++
      }),
      { numRuns: RUNS_PER_METHOD }
    )
    expect(invoked).toEqual([])
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeBefore)
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined()
  })
})

// --- the same over serve mode's HTTP transport -----------------------------------------------

interface Reply {
  status: number
  contentType: string
  body: string
}

/** Raw node:http, as in http.test.ts: fetch would reshape some of these requests. */
function post(server: RunningHttpServer, method: string, body: string): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: server.port,
        method: 'POST',
        path: `/api/${method}`,
        headers: {
          'Content-Type': 'application/json',
          Authorization: `Bearer ${server.token}`,
          'Content-Length': Buffer.byteLength(body)
        }
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            contentType: String(res.headers['content-type'] ?? ''),
            body: Buffer.concat(chunks).toString('utf8')
          })
        )
      }
    )
    req.on('error', reject)
    req.end(body)
  })
}

// Bodies only a raw request can send: broken JSON, duplicate keys, nesting deep enough to
// trouble a recursive parser, a literal __proto__ key.
const RAW_BODIES = [
  '{',
  '{"id": 1,}',
  'nul',
  '\u0000',
  '{"id": 1, "id": "1; DROP TABLE texts"}',
  '{"__proto__": {"polluted": "yes"}}',
  '{"constructor": {"prototype": {"polluted": "yes"}}}',
  '['.repeat(100_000) + ']'.repeat(100_000),
  '{"a":'.repeat(50_000) + '1' + '}'.repeat(50_000),
  '"' + 'x'.repeat(2_000_000) + '"',
  '12345678901234567890e999',
  'true'
]

describe('contract fuzzing over HTTP (serve mode)', () => {
  let server: RunningHttpServer
  beforeAll(async () => {
    server = await startHttpServer({ handlers: refusingHandlers, rendererDir: null })
  })
  afterAll(async () => {
    await server?.close()
    // The figure the hardening note quotes.
    console.log(
      `contract fuzz: ${triedInProcess} malformed inputs tried through dispatch across ${methodNames.length} methods, ` +
        `${refusedInProcess} refused as BAD_REQUEST; ${refusedOverHttp} HTTP requests refused with 400`
    )
  })

  async function expectRefused(method: string, body: string): Promise<void> {
    const reply = await post(server, method, body)
    expect(reply.status, `${method} ${body.slice(0, 80)}`).toBe(400)
    expect(reply.contentType).toMatch(/^application\/json/)
    const parsed = apiErrorBodySchema.parse(JSON.parse(reply.body))
    expect(parsed.error.code).toBe('BAD_REQUEST')
    expect(parsed.error.message.length).toBeGreaterThan(0)
    refusedOverHttp++
  }

  // Single-user serve has no members: their methods are refused (403) before any input is read.
  it.each(methodNames.filter((m) => !ADMIN_METHODS.has(m)))(
    '%s: a sample of malformed JSON inputs is answered 400 with a typed error',
    async (method) => {
      const sample = fc.sample(malformed(method, 'json'), { numRuns: 25 })
      for (const input of sample) {
        const body = JSON.stringify(input)
        // JSON has no undefined: a body that is empty means {}, which some methods accept.
        if (body === undefined) continue
        await expectRefused(method, body)
      }
      expect(invoked).toEqual([])
    }
  )

  it.each(['library.get', 'library.importFile', 'checks.decide', 'app.info'] as const)(
    '%s: broken, duplicated, deeply nested and prototype-keyed bodies are answered 400',
    async (method) => {
      for (const body of RAW_BODIES) await expectRefused(method, body)
      expect(invoked).toEqual([])
      expect(({} as Record<string, unknown>)['polluted']).toBeUndefined()
    }
  )
})
