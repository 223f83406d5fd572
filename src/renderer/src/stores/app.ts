// App-wide state: which screen is shown, and what the status bar says.
import { defineStore } from 'pinia'
import { ref, watch } from 'vue'
import type { MethodOutput } from '../../../shared/contract'
import { api } from '../api'

export type Screen = 'library' | 'checks' | 'compare' | 'names' | 'settings' | 'members'

const SCREENS: readonly Screen[] = ['library', 'checks', 'compare', 'names', 'settings', 'members']
const SCREEN_KEY = 'factdesk.screen'

/** The screen shown before a reload, so a reload returns the editor to where they were. */
function lastScreen(): Screen {
  const saved = sessionStorage.getItem(SCREEN_KEY)
  return SCREENS.find((s) => s === saved) ?? 'library'
}

export const useAppStore = defineStore('app', () => {
  const screen = ref<Screen>(lastScreen())
  watch(screen, (s) => sessionStorage.setItem(SCREEN_KEY, s))
  const info = ref<MethodOutput<'app.info'> | null>(null)
  const connectionError = ref<string | null>(null)

  async function loadInfo(): Promise<void> {
    try {
      info.value = await api.call('app.info', {})
      connectionError.value = null
    } catch (e) {
      connectionError.value = (e as Error).message
    }
  }

  return { screen, info, connectionError, loadInfo }
})
