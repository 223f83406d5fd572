// The library's preferences: the newsroom, its web address and the checker's name, which every
// exported report is signed with. Each field is saved on its own, as soon as the user leaves it.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { MethodOutput } from '../../../shared/contract'
import { api } from '../api'

export type Preferences = MethodOutput<'preferences.get'>
export type PreferenceKey = keyof Preferences

export const usePreferencesStore = defineStore('preferences', () => {
  const preferences = ref<Preferences | null>(null)
  const loadError = ref<string | null>(null)

  async function load(): Promise<void> {
    try {
      preferences.value = await api.call('preferences.get', {})
      loadError.value = null
    } catch (e) {
      loadError.value = (e as Error).message
    }
  }

  /** Saves one preference; resolves with the value as stored, rejects with the reason it was refused. */
  async function save(key: PreferenceKey, value: string): Promise<string | null> {
    preferences.value = await api.call('preferences.set', { [key]: value })
    return preferences.value[key]
  }

  return { preferences, loadError, load, save }
})
