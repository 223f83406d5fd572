// App-wide state: which screen is shown, and what the status bar says.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { MethodOutput } from '../../../shared/contract'
import { api } from '../api'

export type Screen = 'library' | 'checks' | 'compare' | 'names' | 'settings'

export const useAppStore = defineStore('app', () => {
  const screen = ref<Screen>('library')
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
