// The Electron shell: lifecycle, the window, the menu. Everything it does with data goes
// through the same handlers that serve mode and the CLI use.
import {
  app,
  BrowserWindow,
  dialog,
  Menu,
  screen,
  session,
  shell,
  type MenuItemConstructorOptions
} from 'electron'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { IPC_IMPORT_PATHS_EVENT } from '../../shared/ipc'
import { createHandlers } from '../api/handlers'
import { builtWorkers } from '../services/worker-paths'
import { printPdfWithElectron } from './print-pdf'
import { openLibrary, type SqliteLibrary as Library } from '../library/sqlite'
import { seedDemoLibrary } from '../services/importer'
import { registerIpcHandlers } from '../transports/ipc'
import { backupMenuItems, type LibraryHost } from './backup-menu'
import { APP_ORIGIN, registerAppScheme, serveRenderer } from './protocol'
import { hardenSession, hardenWebContents, isAppUrl } from './security'
import { mainWindowOptions } from './window-options'
import { loadBounds, saveBounds } from './window-state'

const here = fileURLToPath(new URL('.', import.meta.url))
const devServerUrl = !app.isPackaged ? process.env['ELECTRON_RENDERER_URL'] : undefined
const appOrigins = devServerUrl ? [APP_ORIGIN, new URL(devServerUrl).origin] : [APP_ORIGIN]

function log(code: string, detail: unknown): void {
  console.error(`[factdesk] ${code}`, detail)
}

function resourcesDir(): string {
  return app.isPackaged ? join(process.resourcesPath, 'resources') : join(app.getAppPath(), 'resources')
}

/** In development the library runs on a better-sqlite3 build for Electron's ABI, kept apart from
 * the Node build the tests use (see scripts/build-native-for-electron.mjs). */
function electronNativeBinding(): string | undefined {
  const candidate = join(app.getAppPath(), 'native', 'electron', 'better_sqlite3.node')
  return !app.isPackaged && existsSync(candidate) ? candidate : undefined
}

function buildMenu(getWindow: () => BrowserWindow | null, host: LibraryHost): Menu {
  const importItem: MenuItemConstructorOptions = {
    label: 'Import…',
    accelerator: 'CmdOrCtrl+O',
    click: async () => {
      const window = getWindow()
      if (!window) return
      const choice = await dialog.showOpenDialog(window, {
        title: 'Import texts into the library',
        properties: ['openFile', 'openDirectory', 'multiSelections'],
        filters: [{ name: 'Texts', extensions: ['txt', 'md', 'markdown', 'html', 'htm', 'docx', 'pdf'] }]
      })
      if (!choice.canceled) window.webContents.send(IPC_IMPORT_PATHS_EVENT, choice.filePaths)
    }
  }
  const template: MenuItemConstructorOptions[] = [
    ...(process.platform === 'darwin' ? [{ role: 'appMenu' } as MenuItemConstructorOptions] : []),
    {
      label: 'File',
      submenu: [
        importItem,
        { type: 'separator' },
        ...backupMenuItems(getWindow, host),
        { type: 'separator' },
        { role: process.platform === 'darwin' ? 'close' : 'quit' }
      ]
    },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        ...(app.isPackaged ? [] : [{ role: 'reload' } as const, { role: 'toggleDevTools' } as const]),
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' }
      ]
    },
    { role: 'windowMenu' }
  ]
  return Menu.buildFromTemplate(template)
}

function createWindow(): BrowserWindow {
  const stateFile = join(app.getPath('userData'), 'window-state.json')
  const displays = screen.getAllDisplays().map((d) => d.workArea)
  const window = new BrowserWindow(
    mainWindowOptions(join(here, '../preload/index.cjs'), loadBounds(stateFile, displays))
  )
  window.on('close', () => saveBounds(stateFile, window.getBounds()))
  window.once('ready-to-show', () => window.show())
  if (devServerUrl) void window.loadURL(devServerUrl)
  else void window.loadURL(`${APP_ORIGIN}/index.html`)
  return window
}

registerAppScheme()
app.enableSandbox()

let library: Library | null = null
// One set for the app's life, not one per library opened: a restore reopens the library only.
const workers = builtWorkers()
let unregisterIpc: (() => void) | null = null

/** Opens the library and serves the renderer from it; a restore closes and reopens it this way. */
function openAndServe(libraryPath: string): Library {
  const nativeBinding = electronNativeBinding()
  // Imports are written by the import worker with its own connection; this one answers the window.
  const opened = openLibrary(libraryPath, { nativeBinding, answersRequests: true })
  const handlers = createHandlers({
    library: opened,
    libraryPath,
    version: app.getVersion(),
    printPdf: printPdfWithElectron,
    checkEngine: workers.checkEngine,
    parseImport: workers.parseImport,
    importFile: workers.importInto(
      nativeBinding ? { path: libraryPath, nativeBinding } : { path: libraryPath }
    ),
    renderReport: workers.renderReport,
    alignDocuments: workers.alignDocuments
  })
  unregisterIpc = registerIpcHandlers(handlers, (url) => isAppUrl(url, appOrigins), log)
  library = opened
  return opened
}

async function closeLibrary(): Promise<void> {
  unregisterIpc?.()
  unregisterIpc = null
  const closing = library
  library = null
  await closing?.close()
}

app.on('web-contents-created', (_event, contents) => {
  hardenWebContents(contents, appOrigins, { openExternal: (url) => void shell.openExternal(url) })
})

app
  .whenReady()
  .then(async () => {
    hardenSession(session.defaultSession)
    serveRenderer(join(here, '../renderer'))
    const libraryPath = process.env['FACTDESK_LIBRARY'] ?? join(app.getPath('userData'), 'library.sqlite')
    let opened: Library
    try {
      opened = openAndServe(libraryPath)
    } catch (error) {
      dialog.showErrorBox(
        'Factdesk cannot open its library',
        error instanceof Error ? error.message : String(error)
      )
      app.quit()
      return
    }
    await seedDemoLibrary(opened, join(resourcesDir(), 'samples'))
    let mainWindow: BrowserWindow | null = createWindow()
    mainWindow.on('closed', () => (mainWindow = null))
    const host: LibraryHost = {
      path: libraryPath,
      nativeBinding: electronNativeBinding(),
      current: () => library,
      close: closeLibrary,
      reopen: () => void openAndServe(libraryPath)
    }
    Menu.setApplicationMenu(buildMenu(() => mainWindow, host))
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) mainWindow = createWindow()
    })
  })
  .catch((error: unknown) => {
    log('STARTUP', error)
    app.quit()
  })

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit()
})

app.on('will-quit', () => {
  void workers.close()
  void library?.close()
})
