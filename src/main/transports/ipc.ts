// Electron transport: one ipcMain.handle per contract method, each going through dispatch(),
// which validates the input before any handler sees it.
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { app, BrowserWindow, dialog, ipcMain, type IpcMainInvokeEvent } from 'electron'
import { methodNames } from '../../shared/contract'
import { ApiError } from '../../shared/errors'
import { IPC_CHANNEL_PREFIX, IPC_SAVE_FILE_CHANNEL, type IpcEnvelope } from '../../shared/ipc'
import { dispatch, type Handlers, type Logger } from '../api/dispatch'
import { saveFileFromRenderer } from './save-file'

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
  const removeSaveFile = registerSaveFileHandler(isTrustedSender, log)
  return () => {
    methodNames.forEach((method) => ipcMain.removeHandler(IPC_CHANNEL_PREFIX + method))
    removeSaveFile()
  }
}

/** Saving an exported file: a save dialog on the asking window, then a write to the path chosen. */
function registerSaveFileHandler(isTrustedSender: (url: string) => boolean, log: Logger): () => void {
  ipcMain.handle(
    IPC_SAVE_FILE_CHANNEL,
    async (event: IpcMainInvokeEvent, input: unknown): Promise<IpcEnvelope> => {
      const url = event.senderFrame?.url ?? ''
      if (!isTrustedSender(url)) {
        log('FORBIDDEN', { channel: IPC_SAVE_FILE_CHANNEL, url })
        return new ApiError('FORBIDDEN', 'This page may not save files.').toBody()
      }
      return saveFileFromRenderer(
        input,
        {
          async choosePath(fileName, filter) {
            const options = {
              title: 'Save the report',
              defaultPath: join(app.getPath('documents'), fileName),
              filters: [filter, { name: 'All files', extensions: ['*'] }]
            }
            const window = BrowserWindow.fromWebContents(event.sender)
            const choice = window
              ? await dialog.showSaveDialog(window, options)
              : await dialog.showSaveDialog(options)
            return choice.canceled || !choice.filePath ? null : choice.filePath
          },
          writeFile: (path, bytes) => writeFile(path, bytes)
        },
        log
      )
    }
  )
  return () => ipcMain.removeHandler(IPC_SAVE_FILE_CHANNEL)
}
