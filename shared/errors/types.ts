/** One entry of the error catalogue: the HTTP status the API answers with and a safe Chinese sentence. */
export interface ErrorEntry {
  readonly status: number
  readonly message: string
}

/** Declares one area's codes; keeps the literal keys so `ErrorCode` is a union of every code. */
export function defineErrors<const T extends Record<string, ErrorEntry>>(entries: T): T {
  return entries
}
