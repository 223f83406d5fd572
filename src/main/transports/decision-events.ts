// Serve mode's live decisions: GET /events?check=ID is a server-sent event stream of every
// decision written to that check (by this server or, on a shared PostgreSQL database, by any
// other), so every editor with the check open sees it within a moment, without a reload. The same
// stream carries the check's review as it changes (`event: review`): a step taken or work assigned.
import type { IncomingMessage, ServerResponse } from 'node:http'
import { z } from 'zod'
import { ApiError } from '../../shared/errors'
import type { ReviewChange } from '../../shared/review'
import type { DecisionChange } from '../../shared/workbench'
import type { Library } from '../library/store'
import { checkReview } from '../services/review'

export interface DecisionEvents {
  /** Calls `send` with each change of the check's decisions; resolves with the function that stops it. */
  watch(checkId: number, send: (change: DecisionChange) => void): Promise<() => void>
  /** Calls `send` with the check's review each time it changes; left out, the stream has decisions only. */
  watchReview?(checkId: number, send: (change: ReviewChange) => void): Promise<() => void>
  /** Whether the check exists; left out, any check is followed. */
  exists?(checkId: number): Promise<boolean>
}

/**
 * How often a desk's stream asks whether its session still stands: signed out (here or on another
 * server), expired, or its member disabled, it ends instead of delivering the desk's decisions.
 */
export const SESSION_RECHECK_MS = 5_000

/** Comments sent while nothing happens, so proxies and the browser keep an idle stream open. */
export const KEEP_ALIVE_MS = 20_000
/** How long the browser waits before reconnecting a dropped stream (the `retry:` field). */
const RETRY_MS = 1000

const checkParam = z.coerce
  .number()
  .int()
  .positive()
  .max(2 ** 31 - 1)

/** The library's decisions, each with the check's undo state as it is once that decision is in. */
export function decisionEventsOf(library: Library): DecisionEvents {
  return {
    watch(checkId, send) {
      // One after another, so a stream never delivers a change after the one that followed it.
      let queue: Promise<void> = Promise.resolve()
      return library.checks.watch(checkId, ({ decision, entry }) => {
        queue = queue
          .then(async () => send({ checkId, decision, entry, undo: await library.checks.undoState(checkId) }))
          .catch(() => {})
      })
    },
    watchReview(checkId, send) {
      // Read afresh at each change, in order: the last one sent is the review as it stands.
      let queue: Promise<void> = Promise.resolve()
      return library.reviews.watch(checkId, () => {
        queue = queue
          .then(async () => send({ checkId, review: await checkReview(library, checkId) }))
          .catch(() => {})
      })
    },
    // hasClaim answers null for no such check, without reading the check's result.
    exists: async (checkId) => (await library.checks.hasClaim(checkId, '')) !== null
  }
}

/**
 * The event stream for the check named in the query; the caller has checked who is asking. On a
 * desk, `session` says whether the asker's session still stands; the stream ends when it does not.
 */
export async function streamDecisions(
  req: IncomingMessage,
  res: ServerResponse,
  events: DecisionEvents,
  headers: Record<string, string>,
  session?: { stillValid(): Promise<boolean>; recheckMs?: number }
): Promise<void> {
  const parsed = checkParam.safeParse(new URL(req.url ?? '/', 'http://127.0.0.1').searchParams.get('check'))
  if (!parsed.success) throw new ApiError('BAD_REQUEST', 'Name the check to follow: /events?check=ID.')
  const checkId = parsed.data
  if (events.exists && !(await events.exists(checkId)))
    throw new ApiError('NOT_FOUND', `There is no check with id ${checkId}.`)
  let open = true
  const stopDecisions = await events.watch(checkId, (change) => {
    if (open) res.write(`event: decision\ndata: ${JSON.stringify(change)}\n\n`)
  })
  const stopReview = await events.watchReview?.(checkId, (change) => {
    if (open) res.write(`event: review\ndata: ${JSON.stringify(change)}\n\n`)
  })
  const stop = (): void => {
    stopDecisions()
    stopReview?.()
  }
  const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), KEEP_ALIVE_MS)
  const recheck = session
    ? setInterval(() => {
        session.stillValid().then(
          (valid) => {
            if (valid || !open) return
            end()
            res.end()
          },
          // The store did not answer: the next recheck asks again.
          () => {}
        )
      }, session.recheckMs ?? SESSION_RECHECK_MS)
    : undefined
  const end = (): void => {
    if (!open) return
    open = false
    clearInterval(keepAlive)
    clearInterval(recheck)
    stop()
  }
  req.on('close', end)
  res.on('close', end)
  res.on('error', end)
  res.writeHead(200, {
    ...headers,
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    Connection: 'keep-alive',
    'X-Accel-Buffering': 'no'
  })
  // The first bytes tell the browser the stream is open (its `open` event) and how soon to retry.
  res.write(`retry: ${RETRY_MS}\n: following check ${checkId}\n\n`)
}
