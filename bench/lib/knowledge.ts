// Known-question knowledge base for the benches, built with the split protocol:
// only TRAIN-split questions are ever in it (dev questions are never known); train questions are
// evaluated by fold (bench/lib/ranker.ts).
import { resolve } from 'node:path'
import { loadExplainedCases, loadFaqKnowledge, loadTypicalOverrides } from '../../server/domain/cases/content'
import { caseKnownQuestions, stardKnownQuestion, type KnownQuestionDoc } from '../../server/domain/search/known-questions'
import { isDev, type Question } from './data'

/** The case library's 常见问法 (content/cases), as the seed loads them. */
export function caseKnowledge(contentDir = resolve(process.cwd(), 'content')): KnownQuestionDoc[] {
  const explained = loadExplainedCases(contentDir).items.map(c => ({ key: c.slug, commonQuestions: c.commonQuestions, statuteIds: c.statuteIds }))
  const typical = loadTypicalOverrides(contentDir).items.map(o => ({ key: o.id, commonQuestions: o.commonQuestions, statuteIds: o.statuteIds }))
  return caseKnownQuestions([...explained, ...typical])
}

/**
 * Train-split questions (never dev) plus, optionally, the team's content: the cases' common questions and the
 * 常见问法 per article (content/faq), as the seed loads them.
 */
export function trainKnowledge(qs: readonly Question[], withContent: boolean): KnownQuestionDoc[] {
  const docs = qs.filter(q => !isDev(q.id)).map(q => stardKnownQuestion(q))
  return withContent ? [...docs, ...caseKnowledge(), ...loadFaqKnowledge(resolve(process.cwd(), 'content'))] : docs
}
