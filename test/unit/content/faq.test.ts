// The team's 常见问法 per article (content/faq): residents' wordings written from each article's text alone,
// never from the STARD questions (docs/search.md). That their statute ids exist and are law in force is checked
// with the cases' citations (cases.test.ts).
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadArticleFaq } from '../../../server/domain/cases/content'
import { findPii } from '../../../shared/domain/cases/pii'
import { faqKnownQuestions } from '../../../server/domain/search/known-questions'

const { items, errors } = loadArticleFaq(resolve(import.meta.dirname, '../../../content'))

describe('content/faq', () => {
  it('every line is valid (schema shared/schemas/article-faq.ts), one line per article', () => {
    expect(errors).toEqual([])
    expect(items.length).toBeGreaterThanOrEqual(10000)
    expect(new Set(items.map(r => r.id)).size).toBe(items.length)
  })

  it('an article that has questions has at least two, none repeated', () => {
    for (const r of items.filter(r => r.questions.length)) {
      expect(r.questions.length, r.id).toBeGreaterThanOrEqual(2)
      expect(new Set(r.questions).size, r.id).toBe(r.questions.length)
    }
    expect(items.reduce((n, r) => n + r.questions.length, 0)).toBeGreaterThanOrEqual(90000)
    // one known question per article that has questions
    expect(faqKnownQuestions(items).length).toBe(items.filter(r => r.questions.length).length)
  })

  it('asks in residents\' words: no personal data, no law names in 《》, no article numbers', () => {
    const all = items.flatMap(r => r.questions.map(q => ({ id: r.id, q })))
    expect(all.filter(({ q }) => findPii(q).length)).toEqual([])
    expect(all.filter(({ q }) => /[《》]|第[零〇一二两三四五六七八九十百千\d]+条/.test(q))).toEqual([])
  })
})
