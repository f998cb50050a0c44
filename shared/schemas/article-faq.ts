/**
 * zod schema for the team's 常见问法 per statute article (content/faq/*.jsonl, one article a line):
 * residents' wordings written from the article's text alone, linked to that article. Retrieval
 * knowledge for the statute search (they expand the article they were written for).
 */
import { statuteId } from './case-content'
import { safeString, z } from './zod'

export const ARTICLE_FAQ_MAX_QUESTIONS = 12

export const articleFaq = z.object({
  id: statuteId,
  questions: z
    .array(safeString({ error: '常见问法必须是文字' }).trim().min(4, { error: '常见问法至少需要 4 个字' }).max(100, { error: '常见问法不能超过 100 个字' }), { error: '常见问法必须是列表' })
    .max(ARTICLE_FAQ_MAX_QUESTIONS, { error: `每条法条最多 ${ARTICLE_FAQ_MAX_QUESTIONS} 个常见问法` }),
})

export type ArticleFaq = z.infer<typeof articleFaq>
