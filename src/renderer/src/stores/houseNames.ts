// The newsroom's house list of names: the spellings the claim engine checks names against.
import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import type { MethodOutput } from '../../../shared/contract'
import { api } from '../api'
import { errorCapture } from './capture-error'

type HouseName = MethodOutput<'houseNames.list'>['names'][number]

export const useHouseNamesStore = defineStore('houseNames', () => {
  const names = shallowRef<HouseName[]>([])
  const error = ref<string | null>(null)
  const message = ref<string | null>(null)
  /** The name removed last, until it is put back or another change is made: for Undo. */
  const lastRemoved = shallowRef<HouseName | null>(null)

  const run = errorCapture(error)

  async function refresh(): Promise<void> {
    await run(async () => {
      names.value = (await api.call('houseNames.list', {})).names
    })
  }

  async function add(name: string, note: string | null = null): Promise<boolean> {
    lastRemoved.value = null
    const added = await run(() => api.call('houseNames.add', { name, note }))
    if (added) {
      message.value = `Added “${added.name}” to the house names.`
      await refresh()
    }
    return added !== undefined
  }

  async function remove(id: number): Promise<void> {
    const removing = names.value.find((n) => n.id === id) ?? null
    const done = await run(() => api.call('houseNames.remove', { id }))
    if (done?.removed && removing) {
      lastRemoved.value = removing
      message.value = `Removed “${removing.name}” from the house names.`
    }
    await refresh()
  }

  /** Puts the name removed last back, with its note. */
  async function undoRemove(): Promise<void> {
    const removed = lastRemoved.value
    if (!removed) return
    lastRemoved.value = null
    if (await add(removed.name, removed.note)) message.value = `“${removed.name}” is back in the house names.`
  }

  async function importFile(file: File): Promise<void> {
    const result = await run(async () => api.call('houseNames.import', { text: await file.text() }))
    if (result) message.value = `${result.added} names added, ${result.skipped} already listed.`
    await refresh()
  }

  /** Offers the list as a file download (a save dialog in the desktop app). */
  async function exportFile(): Promise<void> {
    const file = await run(() => api.call('houseNames.export', {}))
    if (!file) return
    const url = URL.createObjectURL(new Blob([file.text], { type: 'text/plain;charset=utf-8' }))
    const link = document.createElement('a')
    link.href = url
    link.download = file.fileName
    link.click()
    setTimeout(() => URL.revokeObjectURL(url), 10_000)
  }

  return { names, error, message, lastRemoved, refresh, add, remove, undoRemove, importFile, exportFile }
})
