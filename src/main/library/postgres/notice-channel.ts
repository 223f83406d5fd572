// A channel of PostgreSQL notices (LISTEN / NOTIFY) on a connection of its own: the pool's
// connections come and go, and a LISTEN lasts only as long as the session that issued it. Every
// server on the database hears every notice, so a decision written through server A reaches the
// editors connected to server B.
import pg from 'pg'

export interface NoticeChannel {
  /** The channel's name as pg_notify takes it. */
  readonly name: string
  /**
   * Hands each payload to `onNotice` (and to every other handler given), starting to listen on the
   * first call; later calls wait for the same start.
   */
  listen(onNotice: (payload: string) => void): Promise<void>
  close(): Promise<void>
}

/** How long to wait before listening again after the connection dropped. */
const RECONNECT_MS = 1000

export function createNoticeChannel(
  config: pg.ClientConfig,
  name: string,
  log: (error: unknown) => void = () => {}
): NoticeChannel {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`Not a channel name Factdesk uses: ${name}`)
  let started: Promise<void> | null = null
  let client: pg.Client | null = null
  let closed = false
  // Decisions and review steps share the channel: each store's handler reads the notices it wrote.
  const handlers = new Set<(payload: string) => void>()

  async function connect(): Promise<void> {
    const next = new pg.Client(config)
    next.on('notification', (message) => {
      if (message.channel !== name || message.payload === undefined) return
      for (const handler of handlers) handler(message.payload)
    })
    // A dropped connection stops the notices: listen again on a new one.
    next.on('error', (error) => {
      log(error)
      if (client !== next) return
      client = null
      void next.end().catch(() => {})
      if (!closed) setTimeout(() => void connect().catch(log), RECONNECT_MS)
    })
    await next.connect()
    await next.query(`LISTEN ${name}`)
    if (closed) {
      await next.end()
      return
    }
    client = next
  }

  return {
    name,
    listen(onNotice) {
      handlers.add(onNotice)
      started ??= connect().catch((error: unknown) => {
        started = null
        throw error
      })
      return started
    },
    async close() {
      closed = true
      const last = client
      client = null
      await last?.end().catch(() => {})
    }
  }
}
