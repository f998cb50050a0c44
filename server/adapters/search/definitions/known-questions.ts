// Known questions (STARD and the case library's 常见问法) with their expert-linked statutes: the
// similar-questions side of the statute search. Retrieval only: no page shows these documents.
import { KNOWN_QUESTIONS_INDEX, knownQuestionIndexSettings, type KnownQuestionDoc } from '../../../domain/search/similar-questions'
import type { KnownQuestionRow } from '../../../db/schema'
import { countKnownQuestions, getKnownQuestions, knownQuestionsAfter } from '../../../repositories/known-questions'
import type { IndexDefinition, SearchDoc } from '../types'

export { KNOWN_QUESTIONS_INDEX }

export function toKnownQuestionDoc(r: KnownQuestionRow): SearchDoc {
  const doc: KnownQuestionDoc = { id: r.id, source: r.source, question: r.question, keywords: r.keywords, answer: r.answer, statuteIds: r.statuteIds }
  return doc
}

export const knownQuestionsIndex: IndexDefinition = {
  name: KNOWN_QUESTIONS_INDEX,
  primaryKey: 'id',
  settings: () => knownQuestionIndexSettings(),
  async loadDocs(db, ids) {
    return (await getKnownQuestions(db, ids)).map(toKnownQuestionDoc)
  },
  async* loadAll(db, batchSize) {
    let after = ''
    for (;;) {
      const rows = await knownQuestionsAfter(db, after, batchSize)
      if (!rows.length) return
      yield rows.map(toKnownQuestionDoc)
      after = rows[rows.length - 1]!.id
    }
  },
  count: db => countKnownQuestions(db),
}
