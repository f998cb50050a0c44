import { describe, expect, it } from 'vitest'
import { limitWords, rewriteQuery } from '~~/server/domain/search/query'

describe('query rewriting', () => {
  it('keeps at most 10 unique words (Meilisearch reads only the first 10)', () => {
    expect(limitWords(['a', 'b', 'a', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k'])).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'])
  })
  it('adds the lexicon\'s legal terms only when the lexicon matched', () => {
    const lex = { entries: [{ id: 'x', colloquial: ['房东'], legal: ['出租人'], kind: 'synonym' as const, status: 'approved' as const }] }
    expect(rewriteQuery('房东不退押金', lex).legalTerms).toEqual(['出租人'])
    expect(rewriteQuery('押金不退', lex).legalTerms).toEqual([])
  })
  it('drops question frames and keeps content words', () => {
    const rw = rewriteQuery('请问房东不退押金怎么办？', { entries: [] })
    expect(rw.words.join('')).toContain('押金')
    expect(rw.normalized).not.toMatch(/[？?]/)
  })
})
