// Known questions: the seed loads STARD + the cases' 常见问法 once (idempotent, edits go through the
// outbox), and the index definition rebuilds a searchable knowledge index from the table.
import { eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AppContext } from '../../../../server/app-context'
import { knownQuestions, searchOutbox } from '../../../../server/db/schema'
import { reindex } from '../../../../server/adapters/search/indexes'
import { knownQuestionsIndex } from '../../../../server/adapters/search/definitions/known-questions'
import { similarQuestionStatutes, KNOWN_QUESTIONS_INDEX } from '../../../../server/domain/search/similar-questions'
import type { StatuteSearchPort } from '../../../../server/domain/search/statute-search'
import { seedKnownQuestions } from '../../../../server/seed/known-questions'
import { drivers, freshDb, seedContext, type TestDb } from '../../helpers/db'
import { testSearch } from '../../helpers/search'

describe.each(drivers())('known questions on %s', (driver) => {
  let t: TestDb
  let ctx: AppContext
  const logs: string[] = []
  beforeAll(async () => {
    t = await freshDb(driver)
    ctx = seedContext(t)
  }, 120_000)
  afterAll(async () => { await t?.drop() })

  const count = async (source?: 'stard' | 'case') => (await t.db.select({ n: sql<number>`count(*)::int` }).from(knownQuestions)
    .where(source ? eq(knownQuestions.source, source) : sql`true`))[0]!.n
  const outbox = async () => (await t.db.select({ n: sql<number>`count(*)::int` }).from(searchOutbox))[0]!.n

  it('seeds STARD and case questions once; an edited row is rewritten and queued', async () => {
    await seedKnownQuestions.run(ctx, m => logs.push(m))
    expect(await count('stard')).toBe(1235)
    expect(await count('case')).toBeGreaterThan(100)
    // first fill: the start-up index check rebuilds the index, no outbox rows
    expect(await outbox()).toBe(0)
    const [row] = await t.db.select().from(knownQuestions).where(eq(knownQuestions.id, 'stard-0'))
    expect(row).toMatchObject({ source: 'stard', question: '谁可以成为个体工商户？' })
    expect(row!.statuteIds.length).toBeGreaterThan(0)

    const before = await count()
    await seedKnownQuestions.run(ctx, m => logs.push(m))
    expect(await count()).toBe(before)
    expect(await outbox()).toBe(0)

    await t.db.update(knownQuestions).set({ question: '改过的问题' }).where(eq(knownQuestions.id, 'stard-0'))
    await t.db.insert(knownQuestions).values({ id: 'case-removed-0', source: 'case', question: '已删除的常见问法', statuteIds: ['x'] })
    await seedKnownQuestions.run(ctx, m => logs.push(m))
    const [again] = await t.db.select().from(knownQuestions).where(eq(knownQuestions.id, 'stard-0'))
    expect(again!.question).toBe('谁可以成为个体工商户？')
    expect(await count()).toBe(before)
    const queued = await t.db.select().from(searchOutbox)
    expect(queued.map(r => `${r.indexName}:${r.docId}`).sort()).toEqual([`${KNOWN_QUESTIONS_INDEX}:case-removed-0`, `${KNOWN_QUESTIONS_INDEX}:stard-0`])
  })

  it('the index definition rebuilds a knowledge index that finds linked statutes', async () => {
    const conn = testSearch()
    const r = await reindex(t.db, conn, knownQuestionsIndex)
    expect(r.documents).toBe(await count())
    expect(await knownQuestionsIndex.count(t.db)).toBe(r.documents)
    const [row] = await t.db.select().from(knownQuestions).where(eq(knownQuestions.id, 'stard-0'))
    const port = conn.client as unknown as StatuteSearchPort
    const found = await similarQuestionStatutes(port, row!.question, { indexUid: conn.uid(KNOWN_QUESTIONS_INDEX), lexicon: { entries: [] } })
    expect(found.slice(0, 5).map(x => x.id)).toEqual(expect.arrayContaining([row!.statuteIds[0]]))
    // leave-one-out filter works on the index (id is filterable)
    const loo = await similarQuestionStatutes(port, row!.question, { indexUid: conn.uid(KNOWN_QUESTIONS_INDEX), lexicon: { entries: [] }, filter: 'id != "stard-0"' })
    expect(Array.isArray(loo)).toBe(true)
    await conn.client.deleteIndexIfExists(conn.uid(KNOWN_QUESTIONS_INDEX))
  })
})
