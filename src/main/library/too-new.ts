import { ApiError } from '../../shared/errors'

/** The refusal of a library written by a newer build: what it is, and what the user can do about it. */
export function libraryTooNew(name: string, version: number, supported: number, advice: string): ApiError {
  return new ApiError(
    'LIBRARY_TOO_NEW',
    `${name} was written by a newer version of Factdesk (schema ${version}; this version ` +
      `reads up to ${supported}). ${advice}`
  )
}
