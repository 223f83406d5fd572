// File ▸ Back up library… and Restore library…: the dialogs around backupLibrary and
// restoreLibrary. The work itself is in src/main/library/sqlite/backup.ts, tested under Node.
import { basename, extname, join } from 'node:path'
import { app, dialog, type BrowserWindow, type MenuItemConstructorOptions } from 'electron'
import { ApiError } from '../../shared/errors'
import type { SqliteLibrary } from '../library/sqlite'
import { backupLibrary, restoreLibrary, type RestoreResult } from '../library/sqlite/backup'

/** The app's hold on its library: the open one, and closing and reopening it around a restore. */
export interface LibraryHost {
  path: string
  nativeBinding: string | undefined
  current(): SqliteLibrary | null
  /** Stops serving the renderer and closes the library. */
  close(): Promise<void>
  /** Opens the library at `path` again and serves the renderer from it. */
  reopen(): void
}

const FILTERS = [
  { name: 'Factdesk library', extensions: ['sqlite'] },
  { name: 'All files', extensions: ['*'] }
]

function sentence(error: unknown): string {
  // ApiErrors carry a sentence meant for the user; anything else is a bug, shown as it is.
  return error instanceof ApiError ? error.message : `Something went wrong: ${String(error)}`
}

function today(): string {
  const now = new Date()
  const pad = (n: number): string => String(n).padStart(2, '0')
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}

async function backUp(window: BrowserWindow, host: LibraryHost): Promise<void> {
  const stem = basename(host.path, extname(host.path))
  const choice = await dialog.showSaveDialog(window, {
    title: 'Back up the library',
    defaultPath: join(app.getPath('documents'), `${stem} backup ${today()}.sqlite`),
    filters: FILTERS
  })
  const library = host.current()
  if (choice.canceled || !choice.filePath || !library) return
  try {
    // The save dialog has already asked before replacing a file; a library in use is still refused.
    const result = await backupLibrary(library, choice.filePath, {
      overwrite: true,
      nativeBinding: host.nativeBinding
    })
    await dialog.showMessageBox(window, {
      type: 'info',
      message: 'The library is backed up.',
      detail: `${result.path} (${(result.bytes / 1024 / 1024).toFixed(1)} MB). Restore it with File ▸ Restore library….`
    })
  } catch (error) {
    await dialog.showMessageBox(window, {
      type: 'error',
      message: 'The backup was not made.',
      detail: sentence(error)
    })
  }
}

async function restore(window: BrowserWindow, host: LibraryHost): Promise<void> {
  const choice = await dialog.showOpenDialog(window, {
    title: 'Restore the library from a backup',
    properties: ['openFile'],
    filters: FILTERS
  })
  const backupPath = choice.filePaths[0]
  if (choice.canceled || !backupPath) return
  const stem = basename(host.path, extname(host.path))
  const { response } = await dialog.showMessageBox(window, {
    type: 'warning',
    buttons: ['Restore', 'Cancel'],
    defaultId: 1,
    cancelId: 1,
    message: `Replace the library with the backup ${basename(backupPath)}?`,
    detail:
      `The library you have now is not deleted: it is kept beside it as ` +
      `${stem}.before-restore-(date and time).sqlite. The window reloads when the restore is done.`
  })
  if (response !== 0) return

  await host.close()
  let result: RestoreResult | null = null
  let failure: unknown = null
  try {
    result = await restoreLibrary(backupPath, host.path, { nativeBinding: host.nativeBinding })
  } catch (error) {
    failure = error // the library is as it was: reopen it all the same
  }
  try {
    host.reopen()
  } catch (error) {
    dialog.showErrorBox('Factdesk cannot open its library', sentence(error))
    app.quit()
    return
  }
  window.webContents.reload()
  await dialog.showMessageBox(
    window,
    result
      ? {
          type: 'info',
          message: 'The library is restored from the backup.',
          detail: result.keptAs
            ? `The library it replaced is kept as ${result.keptAs}.`
            : 'There was no library before it.'
        }
      : { type: 'error', message: 'The library was not restored.', detail: sentence(failure) }
  )
}

export function backupMenuItems(
  getWindow: () => BrowserWindow | null,
  host: LibraryHost
): MenuItemConstructorOptions[] {
  const withWindow = (action: (window: BrowserWindow, host: LibraryHost) => Promise<void>) => () => {
    const window = getWindow()
    if (window) void action(window, host)
  }
  return [
    { label: 'Back up library…', click: withWindow(backUp) },
    { label: 'Restore library…', click: withWindow(restore) }
  ]
}
