// The cards of listed cases (title, summary and the texts a snippet is cut from), kept in memory by
// id and revision so the library search reads them from the engine only the first time it lists a
// case, or after the case changed. Each search still reads every candidate's `rev` from the engine,
// so a changed or unpublished case is never shown from here: a card is served only for the revision
// the index holds now. Bounded (least recently used goes first). Framework-free.

export type CaseCard = Record<string, unknown> & { id: string }

export interface CaseCardCache {
  /** The card of `id` at revision `rev`, if held (a different or missing revision is a miss). */
  get(id: string, rev: unknown): CaseCard | undefined
  /** Keeps `card` under its own `rev` (a card without a string `rev` is not kept). */
  set(card: CaseCard): void
  readonly size: number
}

export function createCaseCardCache(max = 2000): CaseCardCache {
  const cards = new Map<string, CaseCard & { rev: string }>()
  return {
    get(id, rev) {
      const c = cards.get(id)
      if (!c || typeof rev !== 'string' || c.rev !== rev) return undefined
      cards.delete(id) // most recently used last
      cards.set(id, c)
      return c
    },
    set(card) {
      if (typeof card.rev !== 'string' || !card.rev) return
      cards.delete(card.id)
      cards.set(card.id, card as CaseCard & { rev: string })
      while (cards.size > max) cards.delete(cards.keys().next().value!)
    },
    get size() { return cards.size },
  }
}
