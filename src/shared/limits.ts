/** The largest file Factdesk imports. Checked before reading in main, and before uploading in the browser. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024

export function tooLargeMessage(name: string, bytes: number): string {
  return `${name} is ${Math.round(bytes / (1024 * 1024))} MB; the limit is ${MAX_IMPORT_BYTES / (1024 * 1024)} MB.`
}

/** A paragraph or two: what a ClaimReview's reader is told about a verdict (a decision's public explanation). */
export const PUBLIC_EXPLANATION_MAX = 2_000
