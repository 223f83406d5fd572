/// <reference types="electron-vite/node" />
// Where the built worker of a check is: electron-vite bundles it as a file of its own and puts
// its path here, next to whichever bundle imports this (out/main in serve, the CLI and the app).
// Tests resolve it to the TypeScript source instead (vitest.config.ts).
import checkWorker from './check-worker?modulePath'

export const CHECK_WORKER_PATH: string = checkWorker
