import type { ApiClient, MethodInput, MethodName, MethodOutput } from '../../../shared/contract'
import type { FactdeskBridge } from '../../../preload/api'
import { unwrapEnvelope } from './errors'

export function createIpcClient(bridge: FactdeskBridge): ApiClient {
  return {
    async call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
      return unwrapEnvelope(await bridge.call(method, input)) as MethodOutput<M>
    }
  }
}
