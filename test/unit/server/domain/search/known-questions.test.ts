import { describe, expect, it } from 'vitest'
import { caseKnownQuestions, idFilter, stardKnownQuestion } from '~~/server/domain/search/known-questions'

describe('known-question documents and filters', () => {
  it('idFilter quotes dataset ids and drops anything else', () => {
    expect(idFilter(['L1-a0001', 'x" OR 1=1', 'b_2'])).toBe('id IN ["L1-a0001", "b_2"]')
  })
  it('case common questions become one known question each, linked to the case statutes', () => {
    const docs = caseKnownQuestions([
      { key: 'dog-bite', commonQuestions: ['被狗咬了谁赔', ' 被狗咬了谁赔 ', '狗主人要赔吗'], statuteIds: ['s1', 's1', 's2'] },
      { key: 'no-law', commonQuestions: ['没有法条的问题'], statuteIds: [] },
    ])
    expect(docs.map(d => d.id)).toEqual(['case-dog-bite-0', 'case-dog-bite-2'])
    expect(docs[0]).toMatchObject({ source: 'case', question: '被狗咬了谁赔', statuteIds: ['s1', 's2'], answer: '' })
  })
  it('a STARD record keeps its expert links', () => {
    expect(stardKnownQuestion({ id: 'stard-1', question: '问', relevant: ['a', 'a', 'b'] })).toMatchObject({ source: 'stard', keywords: '', statuteIds: ['a', 'b'] })
  })
})
