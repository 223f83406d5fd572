// IPC naming, kept free of zod so the sandboxed preload can import it without bundling a validator.
/** One channel per contract method: `factdesk:<method>`. */
export const IPC_CHANNEL_PREFIX = 'factdesk:'
/** Main → renderer: the File ▸ Import… menu chose these paths. */
export const IPC_IMPORT_PATHS_EVENT = 'factdesk-event:import-paths'
/** Method names are dotted lowercase words; anything else is refused before it reaches IPC. */
export const METHOD_NAME_PATTERN = /^[a-z]+(\.[a-zA-Z]+)+$/

/** The envelope every IPC call resolves with: Electron mangles thrown errors, so none are thrown. */
export type IpcEnvelope =
  { result: unknown } | { error: { code: string; message: string; details?: Record<string, unknown> } }

/** Renderer → main: save an exported file where the user chooses (a save dialog), outside the API
 * contract because it is the desktop app's own affair: serve mode downloads instead. */
export const IPC_SAVE_FILE_CHANNEL = 'factdesk-file:save'

/** A file the renderer asks main to save; main checks it before showing the dialog. */
export interface SaveFileRequest {
  /** A plain file name (no folders): what the save dialog proposes. */
  fileName: string
  mimeType: string
  base64: string
}

/** saved: false when the user cancelled the dialog; fileName is the name chosen, without its folder. */
export type SaveFileResult = { saved: true; fileName: string } | { saved: false; fileName: null }
