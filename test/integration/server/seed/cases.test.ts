// The case-library seed steps are idempotent: a second start adds nothing and changes nothing.
import { eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { SeedContext } from '~~/server/seed/registry'
import { cases, caseStatutes, lexiconEntries, searchOutbox } from '~~/server/db/schema'
import { importStatutes, statuteFiles } from '~~/server/domain/cases/import-statutes'
import { statuteImportPort } from '~~/server/repositories/statutes'
import { seedExplainedCases, seedLexicon, seedTypicalCases } from '~~/server/seed/cases'
import { drivers, freshDb, seedContext, type TestDb } from '../../helpers/db'

describe.each(drivers())('case seed on %s', (driver) => {
  let t: TestDb
  let ctx: SeedContext
  const logs: string[] = []
  beforeAll(async () => {
    t = await freshDb(driver)
    ctx = seedContext(t)
    // cited statutes come from the big file too: take every article the content cites
    await importStatutes(statuteImportPort(t.db), { files: statuteFiles(ctx.config.sharedDataDir), corpus: 'priority', countFirst: false })
  }, 120_000)
  afterAll(async () => { await t?.drop() })

  const counts = async () => ({
    cases: (await t.db.select({ n: sql<number>`count(*)::int` }).from(cases))[0]!.n,
    links: (await t.db.select({ n: sql<number>`count(*)::int` }).from(caseStatutes))[0]!.n,
    lexicon: (await t.db.select({ n: sql<number>`count(*)::int` }).from(lexiconEntries))[0]!.n,
    outbox: (await t.db.select({ n: sql<number>`count(*)::int` }).from(searchOutbox))[0]!.n,
  })

  it('loads published explained (示例) and typical cases once, queued for the index', async () => {
    for (const step of [seedLexicon, seedExplainedCases, seedTypicalCases]) await step.run(ctx, m => logs.push(m))
    const first = await counts()
    expect(first.cases).toBeGreaterThanOrEqual(44)
    expect(first.outbox).toBe(first.cases)
    const explained = await t.db.select().from(cases).where(eq(cases.kind, 'explained'))
    expect(explained.every(c => c.status === 'published' && c.isDemo && c.source.includes('示例') && c.publishedAt)).toBe(true)
    const typical = await t.db.select().from(cases).where(eq(cases.kind, 'typical'))
    expect(typical.every(c => c.status === 'published' && !c.isDemo && c.region === '全国')).toBe(true)

    const before = logs.length
    for (const step of [seedLexicon, seedExplainedCases, seedTypicalCases]) await step.run(ctx, m => logs.push(m))
    expect(await counts()).toEqual(first)
    expect(logs.slice(before).filter(m => /updated from content/.test(m))).toEqual([])
  })

  it('brings corrected content to a deployment seeded earlier, unless an editor changed the row (issue 11)', async () => {
    // as seeded before the correction: the 治安 case cited the superseded 2012 arts. 102/107 and the
    // lexicon had 用工单位 as a synonym of 用人单位
    const [row] = await t.db.select().from(cases).where(eq(cases.slug, 'public-security-fine-administrative-review'))
    await t.db.update(cases).set({ explanation: '《治安管理处罚法》第一百零二条规定……' }).where(eq(cases.id, row!.id))
    await t.db.update(lexiconEntries).set({ colloquial: ['老板', '用工单位'] }).where(eq(lexiconEntries.id, 'labor.011'))
    const [edited] = await t.db.select().from(cases).where(eq(cases.slug, 'loan-limitation-period-three-years'))
    await t.db.update(cases).set({ summary: '编辑改过的摘要', version: 2 }).where(eq(cases.id, edited!.id))
    for (const step of [seedLexicon, seedExplainedCases]) await step.run(ctx, m => logs.push(m))
    const [fixed] = await t.db.select().from(cases).where(eq(cases.id, row!.id))
    expect(fixed!.explanation).not.toContain('第一百零二条')
    expect(fixed!.version).toBe(1)
    expect((await t.db.select().from(caseStatutes).where(eq(caseStatutes.caseId, row!.id))).map(l => l.statuteId).filter(id => id.startsWith('Ldcf3ee39da'))).toEqual([])
    const [lex] = await t.db.select().from(lexiconEntries).where(eq(lexiconEntries.id, 'labor.011'))
    expect(lex!.colloquial).not.toContain('用工单位')
    const [kept] = await t.db.select().from(cases).where(eq(cases.id, edited!.id))
    expect(kept!.summary).toBe('编辑改过的摘要')
  })
})
