// One entry point for every API call, whatever carried it: validate the input against the
// contract, run the handler, check the output, and turn every failure into a typed ApiError.
import { z } from 'zod'
import {
  ADMIN_METHODS,
  contract,
  isMethodName,
  type MethodName,
  type MethodOutput,
  type ParsedInput
} from '../../shared/contract'
import { ApiError } from '../../shared/errors'
import type { MemberRole } from '../../shared/members'

export interface HandlerContext {
  /** Which transport carried the call: some inputs (file paths) are trusted only over IPC. */
  transport: 'ipc' | 'http'
  /**
   * On a desk, the member who signed in (the transport has checked the session); absent in
   * single-user serve and the app, where whoever can call is the one user.
   */
  member?: DeskMember
  /**
   * On a desk, the digest of the session the call came with (as the store keeps it), so a
   * password change can end the member's other sessions and keep this one.
   */
  sessionKey?: string
}

/** The signed-in member as handlers see them. */
export interface DeskMember {
  id: number
  name: string
  role: MemberRole
}

export type Handler<M extends MethodName> = (
  input: ParsedInput<M>,
  context: HandlerContext
) => Promise<MethodOutput<M>> | MethodOutput<M>

export type Handlers = { [M in MethodName]: Handler<M> }

export type Logger = (code: string, detail: unknown) => void

export async function dispatch(
  handlers: Handlers,
  method: string,
  rawInput: unknown,
  context: HandlerContext,
  log: Logger = () => {}
): Promise<unknown> {
  if (!isMethodName(method))
    throw new ApiError('UNKNOWN_METHOD', `There is no API method called “${method}”.`)
  // Before the input is read: one who may not call a method learns nothing from its validation.
  if (ADMIN_METHODS.has(method)) {
    if (!context.member) throw new ApiError('FORBIDDEN', 'Members are managed on a desk, by its admins.')
    if (context.member.role !== 'admin') throw new ApiError('FORBIDDEN', 'Only an admin manages members.')
  }
  const spec = contract[method]
  // zod reads a Map, Set, Date or class instance as an empty object; IPC can carry those, so
  // only plain objects (what JSON produces) are taken as input at all.
  if (
    rawInput === null ||
    typeof rawInput !== 'object' ||
    Array.isArray(rawInput) ||
    !isPlainObject(rawInput)
  ) {
    throw new ApiError('BAD_REQUEST', `Invalid input for ${method}: expected an object.`)
  }
  const parsed = spec.input.safeParse(rawInput)
  if (!parsed.success) {
    throw new ApiError('BAD_REQUEST', `Invalid input for ${method}: ${z.prettifyError(parsed.error)}`)
  }
  let output: unknown
  try {
    const handler = handlers[method] as Handler<typeof method>
    output = await handler(parsed.data as never, context)
  } catch (error) {
    if (error instanceof ApiError) throw error
    log('INTERNAL', { method, error })
    throw new ApiError('INTERNAL', `Something went wrong in ${method}; the details are in the log.`)
  }
  const checked = spec.output.safeParse(output)
  if (!checked.success) {
    log('INTERNAL', { method, issue: 'output does not match the contract', error: checked.error })
    throw new ApiError('INTERNAL', `${method} produced a result the app does not understand.`)
  }
  return checked.data
}

function isPlainObject(value: object): boolean {
  const proto: unknown = Object.getPrototypeOf(value)
  return proto === Object.prototype || proto === null
}
