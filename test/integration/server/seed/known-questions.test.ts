// Known questions: the seed loads STARD, the cases' 常见问法 and the articles' 常见问法 (content/faq) once (idempotent); edits are rewritten
// and change the version the statute ranker cache watches. No search index: the ranker reads the table.
import { eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { SeedContext } from '~~/server/seed/registry'
import { knownQuestions, searchOutbox } from '~~/server/db/schema'
import { knownQuestionsVersion, upsertKnownQuestions } from '~~/server/repositories/known-questions'
import { seedKnownQuestions } from '~~/server/seed/known-questions'
import { drivers, freshDb, seedContext, type TestDb } from '../../helpers/db'

describe.each(drivers())('known questions on %s', (driver) => {
  let t: TestDb
  let ctx: SeedContext
  const logs: string[] = []
  beforeAll(async () => {
    t = await freshDb(driver)
    ctx = seedContext(t)
  }, 120_000)
  afterAll(async () => { await t?.drop() })

  const count = async (source?: 'stard' | 'case' | 'faq') => (await t.db.select({ n: sql<number>`count(*)::int` }).from(knownQuestions)
    .where(source ? eq(knownQuestions.source, source) : sql`true`))[0]!.n
  const outbox = async () => (await t.db.select({ n: sql<number>`count(*)::int` }).from(searchOutbox))[0]!.n

  it('seeds STARD, case and article-FAQ questions once; an edited row is rewritten and the ranker\'s version moves', async () => {
    await seedKnownQuestions.run(ctx, m => logs.push(m))
    expect(await count('stard')).toBe(1235)
    expect(await count('case')).toBeGreaterThan(100)
    // the team's 常见问法 per article (content/faq), each linked to its article alone
    // (one row per article, its questions one a line)
    expect(await count('faq')).toBeGreaterThan(10000)
    const [faq] = await t.db.select().from(knownQuestions).where(eq(knownQuestions.source, 'faq')).limit(1)
    expect(faq!.id).toMatch(/^faq-L[0-9a-f]{10}-a\d{4}$/)
    expect(faq!.statuteIds).toHaveLength(1)
    expect(faq!.id).toBe(`faq-${faq!.statuteIds[0]}`)
    expect(faq!.question.split('\n').length).toBeGreaterThan(1)
    // nothing goes to the search engine: the statute ranker reads the table
    expect(await outbox()).toBe(0)
    const [row] = await t.db.select().from(knownQuestions).where(eq(knownQuestions.id, 'stard-0'))
    expect(row).toMatchObject({ source: 'stard', question: '谁可以成为个体工商户？' })
    expect(row!.statuteIds.length).toBeGreaterThan(0)

    const before = await count()
    await seedKnownQuestions.run(ctx, m => logs.push(m))
    expect(await count()).toBe(before)
    expect(await outbox()).toBe(0)

    const version = await knownQuestionsVersion(t.db)
    await t.db.update(knownQuestions).set({ question: '改过的问题' }).where(eq(knownQuestions.id, 'stard-0'))
    await t.db.insert(knownQuestions).values({ id: 'case-removed-0', source: 'case', question: '已删除的常见问法', statuteIds: ['x'] })
    await seedKnownQuestions.run(ctx, m => logs.push(m))
    const [again] = await t.db.select().from(knownQuestions).where(eq(knownQuestions.id, 'stard-0'))
    expect(again!.question).toBe('谁可以成为个体工商户？')
    expect(await count()).toBe(before)
    expect(await outbox()).toBe(0)
    expect(await knownQuestionsVersion(t.db)).not.toBe(version)
  })

  it('removes rows no file holds any more, even more than one statement can bind (65,535 parameters)', async () => {
    const before = await count()
    const stale = Array.from({ length: 70_000 }, (_, i) => ({ id: `faq-Lstale00000-a${i}-0`, source: 'faq' as const, question: '已删除的常见问法', statuteIds: ['Lstale00000-a0001'] }))
    await upsertKnownQuestions(t.db, stale)
    expect(await count()).toBe(before + 70_000)
    const seen: string[] = []
    await seedKnownQuestions.run(ctx, m => seen.push(m))
    expect(seen).toEqual(['seed: known questions: 0 written, 70000 removed'])
    expect(await count()).toBe(before)
  }, 120_000)
})
