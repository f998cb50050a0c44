import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { matchLexicon, validateLexicon, lexiconSynonyms, type LexiconEntry } from '~~/server/domain/search/lexicon'
import { rewriteQuery } from '~~/server/domain/search/query'

const e = (id: string, colloquial: string[], legal: string[], kind: 'synonym' | 'expansion' = 'expansion', status: 'approved' | 'draft' = 'approved'): LexiconEntry =>
  ({ id, colloquial, legal, kind, status })

describe('matchLexicon', () => {
  const entries = [e('a', ['狗'], ['动物']), e('b', ['被狗咬'], ['饲养的动物']), e('c', ['房东'], ['出租人'], 'synonym'), e('d', ['工资'], ['劳动报酬'], 'expansion', 'draft')]
  it('prefers the longest key and drops keys inside it', () => {
    expect(matchLexicon('被狗咬了谁赔', entries).map(m => m.entry.id)).toEqual(['b'])
  })
  it('ignores draft entries', () => {
    expect(matchLexicon('工资', entries)).toEqual([])
  })
  it('gives the legal term of a synonym key, at the key\'s place in the question', () => {
    const rw = rewriteQuery('房东不退押金', { entries })
    expect(rw.legalTerms).toEqual(['出租人'])
    expect(rw.matches.map(m => [m.key, m.index])).toEqual([['房东', 0]])
  })
})

describe('validateLexicon', () => {
  it('reports malformed entries and returns approved ones only', () => {
    const { approved, errors } = validateLexicon([e('x', ['a'], ['b']), e('y', ['a'], ['b'], 'synonym', 'draft'), { id: 'z', colloquial: [], legal: ['q'], kind: 'x', status: 'approved' }])
    expect(approved.map(a => a.id)).toEqual(['x', 'z'])
    expect(errors.length).toBe(2)
  })
  it('derives one-way Meilisearch synonyms from synonym entries', () => {
    expect(lexiconSynonyms([e('c', ['房东'], ['出租人'], 'synonym'), e('x', ['工资'], ['劳动报酬'])])).toEqual({ 房东: ['出租人'] })
  })
})

describe('content/lexicon data', () => {
  const dir = join(process.cwd(), 'content/lexicon')
  const all: unknown[] = []
  for (const f of readdirSync(dir).filter(f => f.endsWith('.json'))) {
    const data = JSON.parse(readFileSync(join(dir, f), 'utf8'))
    all.push(...(data.entries ?? []))
  }
  it('is valid, with unique ids and no empty words', () => {
    const { errors, approved } = validateLexicon(all)
    expect(errors).toEqual([])
    expect(approved.length).toBeGreaterThan(300)
  })
  it('maps the everyday examples the portal must understand', () => {
    const lex = { entries: validateLexicon(all).approved }
    expect(rewriteQuery('老板拖了三个月工资不给', lex).legalTerms).toEqual(expect.arrayContaining(['用人单位', '劳动报酬']))
    expect(rewriteQuery('离婚冷静期多少天', lex).legalTerms).toContain('离婚登记')
    expect(rewriteQuery('被邻居家的狗咬了', lex).legalTerms).toContain('饲养的动物')
    expect(rewriteQuery('房东不退押金', lex).legalTerms).toContain('出租人')
  })
})
