// Seed step: known questions for the statute ranker — the STARD questions with their expert-linked
// statutes (MIT), the case library's 常见问法 (content/cases) and the team's 常见问法 per article (content/faq). Retrieval only, never displayed.
// Idempotent: only new or changed rows are written; the ranker cache notices the change (its
// version check) and rebuilds. Statute ids are kept as linked: ids the ranker does not hold are
// ignored (the full corpus is imported in the background, after this step).
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { NewKnownQuestionRow } from '../db/schema'
import { loadCaseKnowledge, loadFaqKnowledge } from '../domain/cases/content'
import { readJsonl } from '../domain/cases/jsonl'
import { stardKnownQuestion, SAFE_STATUTE_ID, type KnownQuestionDoc, type StardRecord } from '../domain/search/known-questions'
import { deleteKnownQuestions, knownQuestionsOf, upsertKnownQuestions } from '../repositories/known-questions'
import { contentDir } from './cases'
import type { SeedStep } from './registry'

export const stardFile = (sharedDataDir: string) => join(sharedDataDir, 'eval', 'stard_train.jsonl')

export async function loadStardKnowledge(file: string): Promise<KnownQuestionDoc[]> {
  const out: KnownQuestionDoc[] = []
  for await (const r of readJsonl<StardRecord>(file)) {
    if (!r || typeof r.id !== 'string' || !/^[A-Za-z0-9_-]{1,120}$/.test(r.id) || typeof r.question !== 'string' || !r.question.trim()) continue
    const doc = stardKnownQuestion({ ...r, relevant: Array.isArray(r.relevant) ? r.relevant.filter(id => typeof id === 'string' && SAFE_STATUTE_ID.test(id)) : [] })
    if (doc.statuteIds.length) out.push(doc)
  }
  return out
}

const toRow = (d: KnownQuestionDoc): NewKnownQuestionRow => ({
  id: d.id, source: d.source, question: d.question, keywords: d.keywords, answer: d.answer, statuteIds: d.statuteIds,
})

const same = (a: NewKnownQuestionRow, b: NewKnownQuestionRow) =>
  a.question === b.question && a.keywords === b.keywords && a.answer === b.answer && a.source === b.source
  && JSON.stringify(a.statuteIds) === JSON.stringify(b.statuteIds)

export const seedKnownQuestions: SeedStep = {
  name: 'known-questions',
  demo: false,
  async run(ctx, log) {
    const file = stardFile(ctx.config.sharedDataDir)
    const sets: Array<{ source: KnownQuestionDoc['source'], docs: KnownQuestionDoc[] }> = []
    if (existsSync(file)) sets.push({ source: 'stard', docs: await loadStardKnowledge(file) })
    else log(`seed: known questions: ${file} not found, STARD questions left as they are`)
    sets.push({ source: 'case', docs: loadCaseKnowledge(contentDir()) })
    sets.push({ source: 'faq', docs: loadFaqKnowledge(contentDir()) })
    let written = 0, removed = 0
    for (const { source, docs } of sets) {
      const have = new Map((await knownQuestionsOf(ctx.db, source)).map(r => [r.id, r as NewKnownQuestionRow]))
      const want = docs.map(toRow)
      const changed = want.filter(r => { const h = have.get(r.id); return !h || !same(h, r) })
      const wanted = new Set(want.map(r => r.id))
      const gone = [...have.keys()].filter(id => !wanted.has(id))
      if (!changed.length && !gone.length) continue
      await ctx.db.transaction(async (tx) => {
        await upsertKnownQuestions(tx, changed)
        await deleteKnownQuestions(tx, source, gone)
      })
      written += changed.length
      removed += gone.length
    }
    if (written || removed) log(`seed: known questions: ${written} written, ${removed} removed`)
  },
}
