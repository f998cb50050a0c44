// Known-question knowledge base for the benches, built with the split protocol:
// only TRAIN-split questions are ever in it (dev questions are never known); train questions are
// evaluated leave-one-out (filter `id != "<self>"`).
import { resolve } from 'node:path'
import type { Meilisearch } from 'meilisearch'
import { loadExplainedCases, loadTypicalOverrides } from '../../server/domain/cases/content'
import { caseKnownQuestions, knownQuestionIndexSettings, stardKnownQuestion, type KnownQuestionDoc } from '../../server/domain/search/similar-questions'
import { isDev, type Question } from './data'

/** The case library's 常见问法 (content/cases), as the seed loads them. */
export function caseKnowledge(contentDir = resolve(process.cwd(), 'content')): KnownQuestionDoc[] {
  const explained = loadExplainedCases(contentDir).items.map(c => ({ key: c.slug, commonQuestions: c.commonQuestions, statuteIds: c.statuteIds }))
  const typical = loadTypicalOverrides(contentDir).items.map(o => ({ key: o.id, commonQuestions: o.commonQuestions, statuteIds: o.statuteIds }))
  return caseKnownQuestions([...explained, ...typical])
}

/** Train-split questions (never dev) plus, optionally, the cases' common questions. */
export function trainKnowledge(qs: readonly Question[], withCases: boolean): KnownQuestionDoc[] {
  const docs = qs.filter(q => !isDev(q.id)).map(q => stardKnownQuestion(q))
  return withCases ? [...docs, ...caseKnowledge()] : docs
}

/** (Re)builds a knowledge index with the production settings. */
export async function buildKnowledgeIndex(client: Meilisearch, uid: string, docs: KnownQuestionDoc[]): Promise<void> {
  await client.deleteIndexIfExists(uid)
  await client.createIndex(uid, { primaryKey: 'id' }).waitTask()
  await client.index(uid).updateSettings(knownQuestionIndexSettings()).waitTask({ timeout: 120_000 })
  const t = await client.index(uid).addDocuments(docs).waitTask({ timeout: 300_000 })
  if (t.status !== 'succeeded') throw new Error(`knowledge index ${uid}: ${t.error?.message ?? t.status}`)
}

/** Leave-one-out filter: a question never finds itself. */
export const leaveOneOut = (id: string) => `id != "${id.replace(/[^A-Za-z0-9_-]/g, '')}"`
