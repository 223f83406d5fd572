// The shape of window.factdesk, shared by the preload (which builds it) and the renderer.
import type { IpcEnvelope, SaveFileRequest } from '../shared/ipc'

export interface FactdeskBridge {
  call(method: string, input: unknown): Promise<IpcEnvelope>
  /** The path of a file dropped on the window (Electron's webUtils.getPathForFile). */
  pathForFile(file: File): string
  /** File ▸ Import… chose these paths; returns an unsubscribe function. */
  onImportPaths(listener: (paths: string[]) => void): () => void
  /** Asks where to save an exported file (a save dialog) and writes it there; result: SaveFileResult. */
  saveFile(file: SaveFileRequest): Promise<IpcEnvelope>
}

declare global {
  interface Window {
    factdesk?: FactdeskBridge
  }
}
