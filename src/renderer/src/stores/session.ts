// Who is using the page: on a desk, the signed-in member (or nobody yet); elsewhere (the app,
// single-user serve) there is no sign-in and `desk` stays false.
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { SessionInfo } from '../../../shared/members'
import * as deskSession from '../api/desk-session'

export const useSessionStore = defineStore('session', () => {
  const desk = ref(false)
  const member = ref<SessionInfo['member']>(null)
  /** False until the server has said whether this is a desk (the page waits for it). */
  const known = ref(false)
  const error = ref<string | null>(null)
  const signingIn = ref(false)
  const isAdmin = computed(() => member.value?.role === 'admin')

  function take(info: SessionInfo): void {
    desk.value = info.desk
    member.value = info.member
  }

  /** Asks the server in a browser; the app needs no sign-in. */
  async function load(overHttp: boolean): Promise<void> {
    if (overHttp) {
      try {
        take(await deskSession.loadSession())
      } catch (e) {
        error.value = (e as Error).message
      }
    }
    known.value = true
  }

  async function signIn(name: string, password: string): Promise<boolean> {
    signingIn.value = true
    error.value = null
    try {
      take(await deskSession.signIn(name, password))
      return true
    } catch (e) {
      error.value = (e as Error).message
      return false
    } finally {
      signingIn.value = false
    }
  }

  async function signOut(): Promise<void> {
    await deskSession.signOut()
    member.value = null
  }

  return { desk, member, known, error, signingIn, isAdmin, load, signIn, signOut }
})
