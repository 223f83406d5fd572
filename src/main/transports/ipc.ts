// Electron transport: one ipcMain.handle per contract method, each going through dispatch(),
// which validates the input before any handler sees it.
import { ipcMain, type IpcMainInvokeEvent } from 'electron'
import { methodNames } from '../../shared/contract'
import { ApiError } from '../../shared/errors'
import { IPC_CHANNEL_PREFIX, type IpcEnvelope } from '../../shared/ipc'
import { dispatch, type Handlers, type Logger } from '../api/dispatch'

export function registerIpcHandlers(
  handlers: Handlers,
  isTrustedSender: (url: string) => boolean,
  log: Logger
): () => void {
  for (const method of methodNames) {
    ipcMain.handle(
      IPC_CHANNEL_PREFIX + method,
      async (event: IpcMainInvokeEvent, input: unknown): Promise<IpcEnvelope> => {
        // Only our own page may call: not a navigated-away frame, not an injected iframe.
        const url = event.senderFrame?.url ?? ''
        if (!isTrustedSender(url)) {
          log('FORBIDDEN', { method, url })
          return new ApiError('FORBIDDEN', 'This page may not use the Factdesk API.').toBody()
        }
        try {
          return { result: await dispatch(handlers, method, input, { transport: 'ipc' }, log) }
        } catch (error) {
          const apiError =
            error instanceof ApiError ? error : new ApiError('INTERNAL', 'Something went wrong.')
          return apiError.toBody()
        }
      }
    )
  }
  return () => methodNames.forEach((method) => ipcMain.removeHandler(IPC_CHANNEL_PREFIX + method))
}
