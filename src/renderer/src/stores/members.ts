// A desk's members, for its admins: listed, added with a role, disabled and enabled again, given a new password.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { Member, MemberRole } from '../../../shared/members'
import { api } from '../api'

export const useMembersStore = defineStore('members', () => {
  const members = ref<Member[]>([])
  const error = ref<string | null>(null)

  async function run<T>(work: () => Promise<T>): Promise<T | null> {
    error.value = null
    try {
      return await work()
    } catch (e) {
      error.value = (e as Error).message
      return null
    }
  }

  async function refresh(): Promise<void> {
    const listed = await run(() => api.call('members.list', {}))
    if (listed) members.value = listed.members
  }

  async function add(name: string, role: MemberRole, password: string): Promise<boolean> {
    const added = await run(() => api.call('members.add', { name, role, password }))
    if (added) await refresh()
    return added !== null
  }

  async function disable(id: number): Promise<void> {
    if (await run(() => api.call('members.disable', { id }))) await refresh()
  }

  async function enable(id: number): Promise<void> {
    if (await run(() => api.call('members.enable', { id }))) await refresh()
  }

  /** A new password for another member; their sessions end. True when it was set. */
  async function setPassword(id: number, password: string): Promise<boolean> {
    return (await run(() => api.call('members.setPassword', { id, password }))) !== null
  }

  return { members, error, refresh, add, disable, enable, setPassword }
})
