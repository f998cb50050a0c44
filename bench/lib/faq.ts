// The team's 常见问法 per article (content/faq) as known questions, as the seed loads them.
import { resolve } from 'node:path'
import { loadArticleFaq } from '../../server/domain/cases/content'
import { faqKnownQuestions, type KnownQuestionDoc } from '../../server/domain/search/known-questions'

/** `contentDir` holds faq/*.jsonl (default: the repository's content/). */
export function loadFaqKnowledge(contentDir = resolve(process.cwd(), 'content')): KnownQuestionDoc[] {
  const { items, errors } = loadArticleFaq(contentDir)
  if (errors.length) throw new Error(`content/faq: ${errors.slice(0, 3).join('; ')}`)
  return faqKnownQuestions(items)
}
