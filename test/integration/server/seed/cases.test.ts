// The case-library seed steps are idempotent: a second start adds nothing and changes nothing.
import { eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AppContext } from '../../../../server/app-context'
import { cases, caseStatutes, lexiconEntries, searchOutbox } from '../../../../server/db/schema'
import { importStatutes, statuteFiles } from '../../../../server/domain/cases/import-statutes'
import { statuteImportPort } from '../../../../server/repositories/statutes'
import { seedExplainedCases, seedLexicon, seedTypicalCases } from '../../../../server/seed/cases'
import { drivers, freshDb, seedContext, type TestDb } from '../../helpers/db'

describe.each(drivers())('case seed on %s', (driver) => {
  let t: TestDb
  let ctx: AppContext
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

    for (const step of [seedLexicon, seedExplainedCases, seedTypicalCases]) await step.run(ctx, m => logs.push(m))
    expect(await counts()).toEqual(first)
  })
})
