// A request to a serve-mode server with raw node:http, so Host, Origin, Cookie and friends are
// sent exactly as given (fetch rewrites or drops some of them).
import { request } from 'node:http'
import type { RunningHttpServer } from '../main/transports/http'

export interface RawReply {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

export function sendRaw(
  server: RunningHttpServer,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: string | Uint8Array }
): Promise<RawReply> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: server.port,
        method: options.method ?? 'POST',
        path: options.path,
        headers: options.headers
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8')
          })
        )
      }
    )
    req.on('error', reject)
    req.end(options.body)
  })
}
