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
  return withTeamContent(qs.filter(q => !isDev(q.id)).map(q => stardKnownQuestion(q)), withContent)
}

/** STARD known questions plus, optionally, the cases' common questions and the 常见问法 per article. */
function withTeamContent(docs: KnownQuestionDoc[], withContent: boolean): KnownQuestionDoc[] {
  const content = resolve(process.cwd(), 'content')
  return withContent ? [...docs, ...loadCaseKnowledge(content), ...loadFaqKnowledge(content)] : docs
}

/**
 * The knowledge production seeds (every question of the STARD train file, both splits, plus the team's
 * content), for ranking a held-out file of questions nobody here has seen: a known question with the same
 * text as one of them (after trimming) is left out, so no question is ever ranked with its own links.
 */
export function productionKnowledge(known: readonly Question[], heldOut: readonly Question[], withContent: boolean): { docs: KnownQuestionDoc[], leftOut: number } {
  const texts = new Set(heldOut.map(q => q.question.trim()))
  const kept = known.filter(q => !texts.has(q.question.trim()))
  return { docs: withTeamContent(kept.map(q => stardKnownQuestion(q)), withContent), leftOut: known.length - kept.length }
}

