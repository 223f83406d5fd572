// IPC naming, kept free of zod so the sandboxed preload can import it without bundling a validator.
/** One channel per contract method: `factdesk:<method>`. */
export const IPC_CHANNEL_PREFIX = 'factdesk:'
/** Main → renderer: the File ▸ Import… menu chose these paths. */
export const IPC_IMPORT_PATHS_EVENT = 'factdesk-event:import-paths'
/** Method names are dotted lowercase words; anything else is refused before it reaches IPC. */
export const METHOD_NAME_PATTERN = /^[a-z]+(\.[a-zA-Z]+)+$/

/** The envelope every IPC call resolves with: Electron mangles thrown errors, so none are thrown. */
export type IpcEnvelope = { result: unknown } | { error: { code: string; message: string } }
