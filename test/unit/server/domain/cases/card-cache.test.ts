import { describe, expect, it } from 'vitest'
import { createCaseCardCache } from '~~/server/domain/cases/card-cache'

describe('createCaseCardCache', () => {
  it('serves a card only for the revision it holds', () => {
    const cards = createCaseCardCache()
    cards.set({ id: 'a', rev: 'r1', title: '旧标题' })
    expect(cards.get('a', 'r1')?.title).toBe('旧标题')
    expect(cards.get('a', 'r2')).toBeUndefined()
    expect(cards.get('a', undefined)).toBeUndefined()
    cards.set({ id: 'a', rev: 'r2', title: '新标题' })
    expect(cards.get('a', 'r1')).toBeUndefined()
    expect(cards.get('a', 'r2')?.title).toBe('新标题')
    expect(cards.size).toBe(1)
  })

  it('keeps no card without a revision, and drops the least recently used beyond its size', () => {
    const cards = createCaseCardCache(2)
    cards.set({ id: 'x', title: '无版本' })
    expect(cards.size).toBe(0)
    cards.set({ id: 'a', rev: '1' })
    cards.set({ id: 'b', rev: '1' })
    expect(cards.get('a', '1')).toBeDefined() // a is now the most recently used
    cards.set({ id: 'c', rev: '1' })
    expect(cards.get('b', '1')).toBeUndefined()
    expect(cards.get('a', '1')).toBeDefined()
    expect(cards.get('c', '1')).toBeDefined()
  })
})
