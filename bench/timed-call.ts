// An API call to a serve-mode server over loopback, as a browser would send it: its time in ms.
import type { RunningHttpServer } from '../src/main/transports/http'

export function timedCaller(server: RunningHttpServer) {
  return async (method: string, input: unknown): Promise<number> => {
    const started = performance.now()
    const response = await fetch(`${server.origin}/api/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${server.token}` },
      body: JSON.stringify(input)
    })
    await response.arrayBuffer()
    if (!response.ok) throw new Error(`${method}: ${response.status}`)
    return performance.now() - started
  }
}
