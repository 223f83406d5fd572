// Store actions report failure in a message the screen shows, not as a rejected promise.
import type { Ref } from 'vue'

/** Runs `action`; on failure puts its message in `error` and returns undefined. */
export function errorCapture(error: Ref<string | null>) {
  return async function capture<T>(action: () => Promise<T>): Promise<T | undefined> {
    try {
      error.value = null
      return await action()
    } catch (e) {
      error.value = (e as Error).message
      return undefined
    }
  }
}
