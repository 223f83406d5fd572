// factdesk desk: members added, listed and disabled from the command line, on a library file and
// (where FACTDESK_TEST_DATABASE_URL names a cluster) on PostgreSQL.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { clusterUrl, onCluster } from '../../../test-support/library/cluster'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { verifyPassword } from '../../desk/passwords'
import { openPostgresLibrary } from '../../library/postgres'
import { openLibrary } from '../../library/sqlite'
import type { Library } from '../../library'
import type { CliIo } from '../io'
import { main } from '../index'

function capture(secret?: string) {
  const out: string[] = []
  const err: string[] = []
  const prompts: string[] = []
  const io: CliIo = {
    stdout: (s) => out.push(s),
    stderr: (s) => err.push(s),
    ...(secret === undefined
      ? {}
      : {
          readSecret: async (prompt: string) => {
            prompts.push(prompt)
            return secret
          }
        })
  }
  return { io, out, err, prompts }
}

interface DeskStore {
  name: string
  unavailable?: string
  setUp(): Promise<void>
  args: () => string[]
  open(): Promise<Library>
  tearDown(): Promise<void>
}

const dir = mkdtempSync(join(tmpdir(), 'factdesk-desk-cli-'))
const stores: DeskStore[] = [
  {
    name: 'a library file',
    setUp: async () => {},
    args: () => ['--library', join(dir, 'desk.sqlite')],
    open: async () => openLibrary(join(dir, 'desk.sqlite')),
    tearDown: async () => {}
  },
  (() => {
    const database = `factdesk_desk_cli_${process.pid}`
    const url = (): string => {
      const u = new URL(clusterUrl!)
      u.pathname = `/${database}`
      return u.toString()
    }
    return {
      name: 'PostgreSQL',
      ...(clusterUrl ? {} : { unavailable: 'FACTDESK_TEST_DATABASE_URL is not set' }),
      setUp: async () => {
        await onCluster(`CREATE DATABASE ${database}`)
      },
      args: () => ['--database', url()],
      open: () => openPostgresLibrary(url()),
      tearDown: async () => {
        await onCluster(`DROP DATABASE IF EXISTS ${database}`)
      }
    }
  })()
]
afterAll(() => rmSync(dir, { recursive: true, force: true }))

for (const store of stores) {
  const suite = store.unavailable ? describe.skip : describe
  suite(
    `factdesk desk on ${store.name}${store.unavailable ? ` (skipped: ${store.unavailable})` : ''}`,
    () => {
      beforeAll(() => store.setUp())
      afterAll(() => store.tearDown())

      it('adds a member with the password typed at the prompt, stored only as a hash', async () => {
        const run = capture('a long enough passphrase')
        const code = await main(
          ['desk', 'add-member', '--name', 'Ana Novak', '--role', 'admin', ...store.args()],
          run.io
        )
        expect(run.err).toEqual([])
        expect(code).toBe(0)
        expect(run.prompts).toEqual(['Password for Ana Novak: '])
        expect(run.out.join('\n')).toMatch(/^Added Ana Novak \(admin\) to /)
        expect(run.out.join('\n')).not.toContain('passphrase')
        const library = await store.open()
        try {
          const stored = await library.members.byName('ana novak')
          expect(stored).toMatchObject({ name: 'Ana Novak', role: 'admin', disabledAt: null })
          expect(stored!.passwordHash).not.toContain('passphrase')
          expect(await verifyPassword('a long enough passphrase', stored!.passwordHash)).toBe(true)
        } finally {
          await library.close()
        }
      })

      it('reads the password from --password-file, lists members, and disables one', async () => {
        const file = join(dir, `pw-${store.name.length}`)
        writeFileSync(file, 'another fine passphrase\nignored second line\n')
        const add = capture()
        expect(
          await main(
            [
              'desk',
              'add-member',
              '--name',
              'Ben',
              '--role',
              'checker',
              '--password-file',
              file,
              ...store.args()
            ],
            add.io
          )
        ).toBe(0)
        const list = capture()
        expect(await main(['desk', 'list-members', ...store.args()], list.io)).toBe(0)
        expect(list.out).toEqual(['Ana Novak\tadmin\tactive', 'Ben\tchecker\tactive'])
        const disable = capture()
        expect(await main(['desk', 'disable-member', '--name', 'ben', ...store.args()], disable.io)).toBe(0)
        const after = capture()
        await main(['desk', 'list-members', ...store.args()], after.io)
        expect(after.out[1]).toMatch(/^Ben\tchecker\tdisabled \d{4}-/)
        const library = await store.open()
        try {
          expect(
            await verifyPassword(
              'another fine passphrase',
              (await library.members.byName('Ben'))!.passwordHash
            )
          ).toBe(true)
        } finally {
          await library.close()
        }
      })

      it('refuses a taken name, a short password, an unknown role or member, and a password flag', async () => {
        const taken = capture('a long enough passphrase')
        expect(
          await main(
            ['desk', 'add-member', '--name', 'ANA NOVAK', '--role', 'checker', ...store.args()],
            taken.io
          )
        ).toBe(1)
        expect(taken.err.join('\n')).toMatch(/^CONFLICT: There is already a member called/)
        const short = capture('short')
        expect(
          await main(['desk', 'add-member', '--name', 'Cleo', '--role', 'checker', ...store.args()], short.io)
        ).toBe(1)
        expect(short.err.join('\n')).toMatch(/at least 10 characters/)
        const role = capture('a long enough passphrase')
        expect(
          await main(['desk', 'add-member', '--name', 'Cleo', '--role', 'boss', ...store.args()], role.io)
        ).toBe(2)
        expect(role.prompts).toEqual([])
        const flag = capture()
        expect(
          await main(
            ['desk', 'add-member', '--name', 'Cleo', '--role', 'checker', '--password', 'x', ...store.args()],
            flag.io
          )
        ).toBe(2)
        const unknown = capture()
        expect(await main(['desk', 'disable-member', '--name', 'Nobody', ...store.args()], unknown.io)).toBe(
          1
        )
        expect(unknown.err.join('\n')).toMatch(/^NOT_FOUND: /)
      })

      it('enables a disabled member, and sets a new password that ends their sessions', async () => {
        // Ben was disabled by the test before.
        const enable = capture()
        expect(await main(['desk', 'enable-member', '--name', 'BEN', ...store.args()], enable.io)).toBe(0)
        expect(enable.out).toEqual(['Enabled Ben: they can sign in again with their password.'])
        const list = capture()
        await main(['desk', 'list-members', ...store.args()], list.io)
        expect(list.out[1]).toBe('Ben\tchecker\tactive')
        let library = await store.open()
        try {
          const ben = (await library.members.byName('Ben'))!
          await library.sessions.create({
            idHash: 'ben-session',
            memberId: ben.id,
            csrfToken: 'c',
            expiresAt: new Date(Date.now() + 3_600_000).toISOString()
          })
        } finally {
          await library.close()
        }
        const set = capture('a third fine passphrase')
        expect(await main(['desk', 'set-password', '--name', 'ben', ...store.args()], set.io)).toBe(0)
        expect(set.prompts).toEqual(['New password for ben: '])
        expect(set.out).toEqual(['Set a new password for Ben; their sessions have ended.'])
        library = await store.open()
        try {
          const stored = (await library.members.byName('Ben'))!
          expect(await verifyPassword('a third fine passphrase', stored.passwordHash)).toBe(true)
          expect(await library.sessions.get('ben-session', new Date().toISOString())).toBeNull()
        } finally {
          await library.close()
        }
        const short = capture('short')
        expect(await main(['desk', 'set-password', '--name', 'Ben', ...store.args()], short.io)).toBe(1)
        expect(short.err.join('\n')).toMatch(/at least 10 characters/)
        const unknown = capture('a long enough passphrase')
        expect(await main(['desk', 'set-password', '--name', 'Nobody', ...store.args()], unknown.io)).toBe(1)
        expect(unknown.err.join('\n')).toMatch(/^NOT_FOUND: /)
        const again = capture()
        expect(await main(['desk', 'enable-member', '--name', 'Ben', ...store.args()], again.io)).toBe(0)
        expect(again.out).toEqual(['Ben is already active.'])
      })
    }
  )
}

describe('factdesk desk arguments', () => {
  it('needs an action and a store', async () => {
    const none = capture()
    expect(await main(['desk'], none.io)).toBe(2)
    const store = capture()
    const saved = process.env['FACTDESK_DATABASE_URL']
    delete process.env['FACTDESK_DATABASE_URL']
    try {
      expect(await main(['desk', 'list-members'], store.io)).toBe(2)
    } finally {
      if (saved !== undefined) process.env['FACTDESK_DATABASE_URL'] = saved
    }
    expect(store.err.join('\n')).toMatch(/Name the desk/)
  })
})
