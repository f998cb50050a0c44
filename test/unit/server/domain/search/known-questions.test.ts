import { describe, expect, it } from 'vitest'
import { caseKnownQuestions, faqKnownQuestions, idFilter, stardKnownQuestion } from '~~/server/domain/search/known-questions'
import { lexicalTerms } from '~~/server/domain/search/lexical-index'

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

describe('the team\'s 常见问法 per article (content/faq)', () => {
  it('become one known question per article, one question a line, linked to that article alone; duplicates and unsafe ids are dropped', () => {
    const docs = faqKnownQuestions([
      { id: 'L1-a0001', questions: ['老板拖着工资不给怎么办？', ' 老板拖着工资不给怎么办？ ', '工资能拖多久？'] },
      { id: 'x" OR 1=1', questions: ['不该出现的问题'] },
      { id: 'L1-a0002', questions: [] },
    ])
    expect(docs.map(d => d.id)).toEqual(['faq-L1-a0001'])
    expect(docs[0]).toMatchObject({ source: 'faq', question: '老板拖着工资不给怎么办？\n工资能拖多久？', statuteIds: ['L1-a0001'], answer: '', keywords: '' })
  })

  it('index the article as separate questions would: no term crosses a line', () => {
    const questions = ['工资拖了', '多久能要？', 'app里借的钱', 'abc算不算']
    const [doc] = faqKnownQuestions([{ id: 'L1-a0001', questions }])
    expect(lexicalTerms(doc!.question)).toEqual(questions.flatMap(q => lexicalTerms(q)))
  })
})
