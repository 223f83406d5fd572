// The only bridge between the page and Electron: a call function for the API contract and a way
// to learn a dropped file's path. ipcRenderer itself is never exposed.
import { contextBridge, ipcRenderer, webUtils } from 'electron'
import {
  IPC_CHANNEL_PREFIX,
  IPC_IMPORT_PATHS_EVENT,
  IPC_SAVE_FILE_CHANNEL,
  METHOD_NAME_PATTERN,
  type IpcEnvelope,
  type SaveFileRequest
} from '../shared/ipc'
import type { FactdeskBridge } from './api'

const bridge: FactdeskBridge = {
  call(method: string, input: unknown): Promise<IpcEnvelope> {
    if (typeof method !== 'string' || !METHOD_NAME_PATTERN.test(method)) {
      return Promise.resolve({ error: { code: 'UNKNOWN_METHOD', message: 'Unknown API method.' } })
    }
    return ipcRenderer.invoke(IPC_CHANNEL_PREFIX + method, input)
  },
  pathForFile(file: File): string {
    return webUtils.getPathForFile(file)
  },
  onImportPaths(listener: (paths: string[]) => void): () => void {
    const wrapped = (_event: unknown, paths: unknown): void => {
      if (Array.isArray(paths) && paths.every((p) => typeof p === 'string')) listener(paths)
    }
    ipcRenderer.on(IPC_IMPORT_PATHS_EVENT, wrapped)
    return () => ipcRenderer.removeListener(IPC_IMPORT_PATHS_EVENT, wrapped)
  },
  saveFile(file: SaveFileRequest): Promise<IpcEnvelope> {
    if (typeof file !== 'object' || file === null) {
      return Promise.resolve({ error: { code: 'BAD_REQUEST', message: 'There is no file to save.' } })
    }
    // Only the three fields travel; main checks each before it opens the dialog.
    const { fileName, mimeType, base64 } = file
    return ipcRenderer.invoke(IPC_SAVE_FILE_CHANNEL, { fileName, mimeType, base64 })
  }
}

contextBridge.exposeInMainWorld('factdesk', bridge)
