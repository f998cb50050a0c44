// Known-question knowledge base for the benches, built with the split protocol:
// only TRAIN-split questions are ever in it (dev questions are never known); train questions are
// evaluated by fold (bench/lib/ranker.ts).
import { resolve } from 'node:path'
import { loadCaseKnowledge, loadFaqKnowledge } from '../../server/domain/cases/content'
import { stardKnownQuestion, type KnownQuestionDoc } from '../../server/domain/search/known-questions'
import { isDev, type Question } from './data'

/**
 * Train-split questions (never dev) plus, optionally, the team's content: the cases' common questions and the
 * 常见问法 per article (content/faq), as the seed loads them.
 */
export function trainKnowledge(qs: readonly Question[], withContent: boolean): KnownQuestionDoc[] {
  const docs = qs.filter(q => !isDev(q.id)).map(q => stardKnownQuestion(q))
  const content = resolve(process.cwd(), 'content')
  return withContent ? [...docs, ...loadCaseKnowledge(content), ...loadFaqKnowledge(content)] : docs
}
