import type { DocumentFormat, ImportRejectionCode, RemovedBlock, TextMeta } from '../../../shared/domain'

/**
 * A refusal raised anywhere inside the import core. parseDocument catches it and turns it into a
 * rejection result, so format readers can bail out from deep inside without threading results.
 */
export class ImportRejection extends Error {
  constructor(
    readonly code: ImportRejectionCode,
    message: string
  ) {
    super(message)
    this.name = 'ImportRejection'
  }
}

/** What a format reader hands to the shared cleaning and metadata steps. */
export interface Extracted {
  format: DocumentFormat
  encoding: string
  originalText: string
  /** Paragraphs as the format delivers them, before furniture and repeat removal. */
  paragraphs: string[]
  /** Facts the container itself states (HTML meta, front matter, PDF info); they beat guesses from the text. */
  meta: Partial<TextMeta>
  /** Anything the reader itself already dropped (PDF running heads, say). */
  removed?: RemovedBlock[]
}

export interface CleanResult {
  paragraphs: string[]
  removed: RemovedBlock[]
}
