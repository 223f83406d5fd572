// The handler for every contract method, each a thin step from validated input to core/library.
import { READER_ORIGINAL_CHARS } from '../../shared/domain'
import { ApiError } from '../../shared/errors'
import { formatHouseNames, parseHouseNames } from '../core/names/house-names-file'
import { LoginLimit } from '../desk/login-limit'
import { hashPassword, verifyPassword } from '../desk/passwords'
import type { Library } from '../library'
import {
  actorOf,
  addEditorClaim,
  checkDetail,
  planCreateCheck,
  planIncludeVersion,
  planRerunCheck,
  planSetSources,
  setTextMeta,
  textUsage,
  undoOrRedo
} from '../services/checks'
import { CheckJobs } from '../services/check-jobs'
import type { CheckEngine } from '../services/check-runner'
import { cancelled } from '../services/worker-pool'
import { expandPaths } from '../services/expand-paths'
import type { PdfPrinter } from '../services/pdf'
import { exportReport, type ReportRenderer } from '../services/report'
import { assignWork, takeReviewStep } from '../services/review'
import { importFiles } from '../services/importer'
import type { DocumentParser, FileImporter } from '../services/import-parser'
import { RunningJobs } from '../services/running-jobs'
import { searchLibrary } from '../services/library-search'
import { UPLOAD_KEPT_MS, uploadOwner, type Uploads } from '../services/uploads'
import { alignInThread, DocumentCompare, type DocumentAligner } from '../services/document-compare'
import type { ImportInput } from '../services/import-parse'
import type { ImportSource } from '../../shared/contract'
import type { HandlerContext, Handlers } from './dispatch'

export interface AppServices {
  library: Library
  libraryPath: string
  version: string
  /** The desktop app prints PDF with Electron; elsewhere headless Chromium does. */
  printPdf?: PdfPrinter
  /** Where checks are computed: a worker thread (workerCheckEngine), so other calls are answered meanwhile. */
  checkEngine: CheckEngine
  /** Where imported files are read and parsed; left out, in this thread. */
  parseImport?: DocumentParser
  /**
   * Where imported files are read, parsed and stored, when not here: a worker with its own
   * connection to the library file (parseImport is then unused), so the write never holds this thread.
   */
  importFile?: FileImporter
  /** Where reports are built and rendered; left out, in this thread. */
  renderReport?: ReportRenderer
  /** Files serve mode received at POST /upload for import; left out, there is no such route. */
  uploads?: Uploads
  /** Where the document diff aligns two texts; left out, in this thread. */
  alignDocuments?: DocumentAligner
}

function notFound(id: number): ApiError {
  return new ApiError('NOT_FOUND', `There is no text with id ${id} in the library.`)
}

export function createHandlers(services: AppServices): Handlers {
  const { library } = services
  const checkJobs = new CheckJobs(services.checkEngine)
  const imports = new RunningJobs()
  const exports = new RunningJobs()
  const documents = new DocumentCompare(library, services.alignDocuments ?? alignInThread)
  // Wrong current passwords count as wrong sign-ins do: a session left open must not become a way
  // to guess its member's password (which may be theirs elsewhere too).
  const passwordTries = new LoginLimit()

  /** The file an import reads, and what to do once it is done with (an upload's file is deleted). */
  function importedFile(
    name: string,
    source: ImportSource,
    context: HandlerContext
  ): { file: ImportInput; release: () => Promise<void> } {
    const keep = async () => {}
    switch (source.kind) {
      case 'path':
        if (context.transport !== 'ipc')
          throw new ApiError('FORBIDDEN', 'Paths on this machine can only be imported from the desktop app.')
        return { file: { name, path: source.path }, release: keep }
      case 'upload': {
        const path = services.uploads?.take(source.uploadId, uploadOwner(context.member))
        if (!path)
          throw new ApiError(
            'NOT_FOUND',
            `${name} is no longer on the server (an upload waits ${UPLOAD_KEPT_MS / 60_000} minutes for its import); add it again.`
          )
        return { file: { name, path }, release: () => services.uploads!.remove(path) }
      }
      case 'bytes':
        return { file: { name, base64: source.base64 }, release: keep }
    }
  }
  return {
    'app.info': async (_input, context) => ({
      name: 'Factdesk',
      version: services.version,
      transport: context.transport,
      libraryPath: services.libraryPath,
      textCount: await library.count()
    }),
    'library.list': (input) => library.list(input),
    'library.get': async (input) => {
      const text = await library.get(input.id)
      if (!text) throw notFound(input.id)
      return text
    },
    'library.read': async (input) => {
      const page = await library.read(input.id, input.offset, input.limit, READER_ORIGINAL_CHARS)
      if (!page) throw notFound(input.id)
      return page
    },
    'library.paragraphs': async (input) => {
      const text = await library.get(input.id)
      if (!text) throw notFound(input.id)
      const { originalText: _o, cleanedText: _c, removed: _r, encoding: _e, contentHash: _h, ...rest } = text
      return rest
    },
    'compare.rows': (input) => documents.page(input.leftId, input.rightId, input.offset, input.limit),
    'library.search': async (input) =>
      await searchLibrary(library, input.query, input.limit, { headlines: input.headlines }),
    'library.expandPaths': async (input, context) => {
      if (context.transport !== 'ipc') {
        throw new ApiError('FORBIDDEN', 'Paths on this machine can only be imported from the desktop app.')
      }
      return { files: await expandPaths(input.paths) }
    },
    'library.importFile': async (input, context) => {
      const { file, release } = importedFile(input.name, input.source, context)
      try {
        return await imports.run(input.importId, async (signal) => {
          const [outcome] = await importFiles(library, [file], {
            role: input.role,
            signal,
            parse: services.parseImport,
            importFile: services.importFile
          })
          if (!outcome && signal.aborted) throw cancelled()
          if (!outcome) throw new ApiError('INTERNAL', `${input.name} was not imported.`)
          return outcome
        })
      } finally {
        await release()
      }
    },
    'library.cancelImport': async (input) => ({ cancelled: imports.cancel(input.importId) }),
    'library.delete': async (input) => ({ deleted: await library.delete(input.id) }),
    'library.usage': async (input) => ({ checks: await textUsage(library, input.id) }),
    'library.setRole': async (input) => {
      const text = await library.setRole(input.id, input.role)
      if (!text) throw notFound(input.id)
      return text
    },
    'library.setMeta': async (input) => {
      const { id, ...meta } = input
      // An emptied field clears it.
      const cleared = Object.fromEntries(Object.entries(meta).map(([k, v]) => [k, v === '' ? null : v]))
      return (await setTextMeta(library, id, cleared)).text
    },
    'houseNames.list': async () => ({ names: await library.listHouseNames() }),
    'houseNames.add': (input) => library.addHouseName(input.name, input.note),
    'houseNames.remove': async (input) => ({ removed: await library.removeHouseName(input.id) }),
    'houseNames.import': async (input) => {
      const known = new Set((await library.listHouseNames()).map((n) => n.name.toLowerCase()))
      let added = 0
      let skipped = 0
      for (const line of parseHouseNames(input.text)) {
        if (known.has(line.name.toLowerCase())) skipped++
        else {
          await library.addHouseName(line.name, line.note)
          known.add(line.name.toLowerCase())
          added++
        }
      }
      return { added, skipped }
    },
    'houseNames.export': async () => ({
      fileName: 'house-names.txt',
      text: formatHouseNames(await library.listHouseNames())
    }),
    'checks.list': async () => ({
      checks: await library.checks.list(),
      reviews: await library.reviews.overview()
    }),
    'checks.create': async (input) =>
      checkJobs.run(await planCreateCheck(library, input.storyId, input.sourceIds)),
    'checks.get': (input) => checkDetail(library, input.id),
    'checks.rerun': async (input) => checkJobs.run(await planRerunCheck(library, input.id)),
    'checks.setSources': async (input) =>
      checkJobs.run(await planSetSources(library, input.id, input.sourceIds)),
    'checks.includeVersion': async (input) =>
      checkJobs.run(await planIncludeVersion(library, input.id, input.sourceId, input.include)),
    'checks.progress': () => ({ running: checkJobs.running() }),
    'checks.cancel': (input) => ({ cancelled: checkJobs.cancel(input.jobId) }),
    'checks.delete': async (input) => ({ deleted: await library.checks.delete(input.id) }),
    'checks.decide': async (input, context) => {
      const hasClaim = await library.checks.hasClaim(input.checkId, input.claimId)
      if (hasClaim === null) throw new ApiError('NOT_FOUND', `There is no check with id ${input.checkId}.`)
      if (!hasClaim) {
        throw new ApiError('NOT_FOUND', `Check ${input.checkId} has no claim “${input.claimId}”.`)
      }
      const saved = await library.checks.decide(input, await actorOf(library, context.member))
      if (!saved) throw new ApiError('NOT_FOUND', `There is no check with id ${input.checkId}.`)
      return saved
    },
    'checks.undo': async (input, context) =>
      undoOrRedo(library, input.checkId, 'undo', input.entryId, await actorOf(library, context.member)),
    'checks.redo': async (input, context) =>
      undoOrRedo(library, input.checkId, 'redo', input.entryId, await actorOf(library, context.member)),
    'checks.export': async (input) => {
      const file = await exports.run(input.exportId, (signal) =>
        exportReport(library, input.id, input.format, {
          newsroom: input.newsroom,
          checkedBy: input.checkedBy,
          printPdf: services.printPdf,
          render: services.renderReport,
          signal
        })
      )
      return {
        fileName: file.fileName,
        mimeType: file.mimeType,
        base64: Buffer.from(file.bytes).toString('base64')
      }
    },
    'checks.cancelExport': async (input) => ({ cancelled: exports.cancel(input.exportId) }),
    'checks.addClaim': async (input) =>
      await addEditorClaim(library, input.checkId, { kind: input.kind, start: input.start, end: input.end }),
    'checks.history': async (input) => ({
      entries: await library.checks.history(input.checkId, input.claimId)
    }),
    'checks.assign': async (input, context) => await assignWork(library, input, context.member),
    'checks.review': async (input, context) => await takeReviewStep(library, input, context.member),
    'members.list': async () => ({ members: await library.members.list() }),
    'members.assignable': async (_input, context) => ({
      members: context.member
        ? (await library.members.list())
            .filter((m) => m.disabledAt === null)
            .map((m) => ({ name: m.name, role: m.role }))
        : []
    }),
    'members.add': async (input) =>
      library.members.add({
        name: input.name,
        role: input.role,
        passwordHash: await hashPassword(input.password)
      }),
    'members.disable': async (input, context) => {
      const member = (await library.members.list()).find((m) => m.id === input.id)
      if (!member) throw new ApiError('NOT_FOUND', `There is no member with id ${input.id}.`)
      if (member.id === context.member?.id) throw new ApiError('CONFLICT', 'You cannot disable yourself.')
      if (
        member.role === 'admin' &&
        !member.disabledAt &&
        (await library.members.countActive('admin')) <= 1
      ) {
        throw new ApiError('CONFLICT', 'A desk keeps at least one admin.')
      }
      return (await library.members.disable(input.id))!
    },
    'members.enable': async (input) => {
      const member = await library.members.enable(input.id)
      if (!member) throw new ApiError('NOT_FOUND', `There is no member with id ${input.id}.`)
      return member
    },
    'members.setPassword': async (input, context) => {
      if (input.id === context.member?.id)
        throw new ApiError('BAD_REQUEST', 'Change your own password under Password…, with your current one.')
      const member = await library.members.setPassword(input.id, await hashPassword(input.password))
      if (!member) throw new ApiError('NOT_FOUND', `There is no member with id ${input.id}.`)
      return member
    },
    'account.changePassword': async (input, context) => {
      const member = context.member
      if (!member) throw new ApiError('FORBIDDEN', 'Passwords belong to a desk’s members: sign in to a desk.')
      const stored = await library.members.byName(member.name)
      if (!stored || stored.id !== member.id || stored.disabledAt !== null)
        throw new ApiError('UNAUTHORIZED', 'Sign in to use this desk.')
      const tries = `member:${member.id}`
      const wait = passwordTries.retryAfter([tries])
      if (wait > 0)
        throw new ApiError('TOO_MANY_REQUESTS', `Too many wrong passwords; try again in ${wait} seconds.`)
      if (!(await verifyPassword(input.currentPassword, stored.passwordHash))) {
        passwordTries.fail([tries])
        throw new ApiError('FORBIDDEN', 'That is not your current password; nothing was changed.')
      }
      passwordTries.succeed(tries)
      await library.members.setPassword(member.id, await hashPassword(input.newPassword), context.sessionKey)
      return { changed: true as const }
    },
    'preferences.get': () => library.preferences.get(),
    'preferences.set': (input) => library.preferences.set(input)
  }
}
