// Errors that cross the API boundary: a stable code for logs and tests, a sentence for the user.
import { z } from 'zod'

export const apiErrorCodeSchema = z.enum([
  'BAD_REQUEST',
  'UNKNOWN_METHOD',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'NOT_FOUND',
  'TOO_LARGE',
  'CONFLICT',
  /** Too many attempts (failed sign-ins); the answer says when to try again. */
  'TOO_MANY_REQUESTS',
  'LIBRARY_TOO_NEW',
  /** The user stopped a long operation (a check) before it finished; nothing was changed. */
  'CANCELLED',
  'INTERNAL'
])
export type ApiErrorCode = z.infer<typeof apiErrorCodeSchema>

export const apiErrorBodySchema = z.object({
  error: z.object({
    code: apiErrorCodeSchema,
    message: z.string(),
    /** What the program needs to recover (a CONFLICT's current decision), never shown as is. */
    details: z.record(z.string(), z.unknown()).optional()
  })
})
export type ApiErrorBody = z.infer<typeof apiErrorBodySchema>

export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly details?: Record<string, unknown>
  ) {
    super(message)
    this.name = 'ApiError'
  }

  toBody(): ApiErrorBody {
    return {
      error: { code: this.code, message: this.message, ...(this.details ? { details: this.details } : {}) }
    }
  }
}

export function isApiErrorBody(value: unknown): value is ApiErrorBody {
  return apiErrorBodySchema.safeParse(value).success
}
