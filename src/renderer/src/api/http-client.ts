import type { ApiClient, MethodInput, MethodName, MethodOutput } from '../../../shared/contract'
import { ApiCallError, unwrapEnvelope } from './errors'

export function createHttpClient(token: string, baseUrl = ''): ApiClient {
  return {
    async call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
      let response: Response
      try {
        response = await fetch(`${baseUrl}/api/${method}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
          body: JSON.stringify(input),
          credentials: 'omit',
          cache: 'no-store'
        })
      } catch {
        throw new ApiCallError('UNREACHABLE', 'Factdesk is not answering. Is `factdesk serve` still running?')
      }
      let body: unknown
      try {
        body = await response.json()
      } catch {
        throw new ApiCallError('INTERNAL', `The server answered ${response.status} without a readable body.`)
      }
      return unwrapEnvelope(body) as MethodOutput<M>
    }
  }
}
