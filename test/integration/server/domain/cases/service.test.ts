// The case library against a real database and a real Meilisearch: the editor workflow through
// the outbox (draft invisible, publish → searchable, unpublish → gone), the PII guard, audit rows
// in the change's transaction, and degraded search answered from PostgreSQL.
import { randomBytes } from 'node:crypto'
import { and, eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { connectSearch, type SearchConnection } from '~~/server/adapters/search/client'
import { casesIndex } from '~~/server/adapters/search/definitions/cases'
import { statutesIndex } from '~~/server/adapters/search/definitions/statutes'
import { reindex } from '~~/server/adapters/search/indexes'
import { createOutboxWorker } from '~~/server/adapters/search/outbox-worker'
import { auditLog, cases, searchOutbox, staffUsers } from '~~/server/db/schema'
import { createCaseCardCache } from '~~/server/domain/cases/card-cache'
import { makeHighlightTags } from '~~/server/domain/cases/highlight'
import { importStatutes, statuteFiles } from '~~/server/domain/cases/import-statutes'
import { searchLibrary, type LibrarySearchDeps, type LibrarySearchPort } from '~~/server/domain/cases/search'
import { DomainError } from '~~/server/domain/errors'
import { fallbackSearchCases, getCase } from '~~/server/repositories/cases'
import { approvedLexicon, insertLexiconIfAbsent } from '~~/server/repositories/lexicon'
import { countStatutes, fallbackSearchStatutes, getStatutes, statuteImportPort } from '~~/server/repositories/statutes'
import { deleteKnownQuestions, upsertKnownQuestions } from '~~/server/repositories/known-questions'
import { databaseRankerCache } from '~~/server/app-context'
import { rewriteQuery } from '~~/server/domain/search/query'
import { createDraftCase, publishCase, unpublishCase, updateDraftOrPublishedCase, type CaseDeps } from '~~/server/domain/cases/service'
import { reviewLexicon, proposeLexiconEntry, refreshIndexSettings } from '~~/server/domain/lexicon/service'
import type { ActorRef } from '~~/server/domain/platform/actor'
import type { CreateCaseBody } from '#shared/schemas/case-editor'
import { drivers, freshDb, sharedDataDir, type TestDb } from '../../../helpers/db'
import { testSearch } from '../../../helpers/search'
import { markup } from '../../../../helpers/highlight'
import { caseDraft } from '../../../../helpers/case-draft'

const tags = makeHighlightTags(randomBytes(6).toString('hex'))

function draft(slug: string, extra: Partial<CreateCaseBody> = {}): CreateCaseBody {
  return { ...caseDraft(slug, { title: '农民工讨要工资的测试案例', source: '平台编写示例（测试）', commonQuestions: ['包工头跑了工资找谁要', '老板不给工资怎么办', '工地欠薪去哪里投诉'] }), ...extra }
}

function deps(db: TestDb['db'], conn: SearchConnection | null, lexicon: Awaited<ReturnType<typeof approvedLexicon>>): LibrarySearchDeps {
  return {
    port: conn ? conn.search : null,
    uids: { statutes: conn?.uid('statutes') ?? 'statutes', cases: conn?.uid('cases') ?? 'cases' },
    lexicon: { entries: lexicon },
    tags,
    timeoutMs: 5000,
    fallback: {
      statutes: (terms, limit, offset) => fallbackSearchStatutes(db, terms, limit, offset),
      cases: (terms, filter, limit, offset) => fallbackSearchCases(db, terms, filter, limit, offset),
      statutesById: ids => getStatutes(db, ids),
    },
  }
}

/** Counts the engine round trips a search makes. */
function counting(port: LibrarySearchPort): { port: LibrarySearchPort, calls: number } {
  const c = { calls: 0, port: { multiSearch: (req: Parameters<LibrarySearchPort['multiSearch']>[0]) => { c.calls++; return port.multiSearch(req) } } }
  return c
}

describe.each(drivers())('case library on %s', (driver) => {
  let t: TestDb
  let conn: SearchConnection
  let editor: CaseDeps
  let actor: ActorRef
  let worker: ReturnType<typeof createOutboxWorker>

  beforeAll(async () => {
    t = await freshDb(driver)
    conn = testSearch()
    await importStatutes(statuteImportPort(t.db), { files: statuteFiles(sharedDataDir), corpus: 'priority', countFirst: false })
    await insertLexiconIfAbsent(t.db, [{ id: 'labor.boss', colloquial: ['老板'], legal: ['用人单位'], kind: 'synonym', status: 'approved' }])
    await reindex(t.db, conn, statutesIndex)
    await reindex(t.db, conn, casesIndex)
    const [u] = await t.db.insert(staffUsers).values({ username: `editor_${driver}`, role: 'editor', passwordHash: 'x' }).returning()
    editor = { db: t.db }
    actor = { id: u!.id, role: 'editor' }
    worker = createOutboxWorker({ db: t.db, search: conn, indexes: [casesIndex, statutesIndex] })
  }, 240_000)
  afterAll(async () => { await t?.drop() })

  const search = async (q: string) => searchLibrary(deps(t.db, conn, await approvedLexicon(t.db)), { q, page: 1, limit: 10 })

  it('keeps a draft out of the index; publish makes it searchable; unpublish removes it', async () => {
    const row = await createDraftCase(editor, draft(`wages-${driver}`), actor)
    expect(row.status).toBe('draft')
    await worker.drain()
    expect((await search('包工头跑了工资找谁要')).cases.hits.map(h => h.id)).not.toContain(row.id)

    await publishCase(editor, { id: row.id }, actor)
    const drained = await worker.drain()
    expect(drained.failed).toBe(0)
    const found = await search('包工头跑了工资找谁要')
    expect(found.degraded).toBe(false)
    const hit = found.cases.hits.find(h => h.id === row.id)
    expect(hit?.slug).toBe(`wages-${driver}`)
    expect(markup(hit!.highlight)).toContain('<mark>')
    expect(found.cases.facets.category['劳动争议']).toBeGreaterThanOrEqual(1)

    await unpublishCase(editor, { id: row.id }, actor)
    await worker.drain()
    expect((await search('包工头跑了工资找谁要')).cases.hits.map(h => h.id)).not.toContain(row.id)
    await expect(unpublishCase(editor, { id: row.id }, actor)).rejects.toMatchObject({ code: 'CASE_NOT_PUBLISHED' })
  })

  it('reads a listed case\'s card from the engine once per revision: an edit is shown at once, an unpublished case never', async () => {
    const row = await createDraftCase(editor, draft(`cards-${driver}`), actor)
    const published = await publishCase(editor, { id: row.id }, actor)
    expect((await worker.drain()).failed).toBe(0)
    const engine = counting(conn.search)
    const d: LibrarySearchDeps = { ...deps(t.db, conn, await approvedLexicon(t.db)), port: engine.port, caseCards: createCaseCardCache() }
    const ask = () => searchLibrary(d, { q: '包工头跑了工资找谁要', page: 1, limit: 10 })
    const first = await ask()
    expect(first.cases.hits.map(h => h.id)).toContain(row.id)
    expect(engine.calls).toBe(2) // the page's cards, read once
    const again = await ask()
    expect(engine.calls).toBe(3) // one round trip
    expect(again.cases).toEqual(first.cases)

    await updateDraftOrPublishedCase(editor, { ...draft(`cards-${driver}`, { title: '改过标题的欠薪测试案例' }), version: published.version, id: row.id }, actor)
    expect((await worker.drain()).failed).toBe(0)
    const edited = await ask()
    expect(edited.cases.hits.find(h => h.id === row.id)?.title).toBe('改过标题的欠薪测试案例')
    expect(engine.calls).toBe(5) // a new revision: its card read again

    await unpublishCase(editor, { id: row.id }, actor)
    await worker.drain()
    expect((await ask()).cases.hits.map(h => h.id)).not.toContain(row.id)
  })

  it('finds statutes by dataset id with escaped highlights, and uses the lexicon for cases', async () => {
    const res = await search('劳动合同 试用期')
    expect(res.statutes.total).toBeGreaterThan(0)
    expect(res.statutes.hits[0]!.id).toMatch(/^L[0-9a-f]{10}-a\d{4}/)
    expect(res.statutes.hits.some(h => markup(h.highlight).includes('<mark>'))).toBe(true)
    for (const h of res.statutes.hits) expect(markup(h.highlight).replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/)
    await expect(searchLibrary(deps(t.db, conn, []), { q: 'x', category: '劳动争议" OR 1=1', page: 1, limit: 10 }))
      .rejects.toBeInstanceOf(DomainError)
  })

  it('refuses to publish personal information and writes nothing', async () => {
    const row = await createDraftCase(editor, draft(`pii-${driver}`, { facts: '当事人联系电话 13912345678，身份证号 11010519491231002X，请勿外传。这段案情文字足够长，可以通过校验的最小长度要求。' }), actor)
    const auditBefore = await t.db.select().from(auditLog).where(eq(auditLog.objectId, row.id))
    try {
      await publishCase(editor, { id: row.id }, actor)
      expect.unreachable()
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError)
      expect((e as DomainError).code).toBe('PII_DETECTED')
      expect((e as DomainError).details?.fields).toEqual(['facts'])
    }
    expect((await getCase(t.db, row.id))?.status).toBe('draft')
    expect(await t.db.select().from(auditLog).where(eq(auditLog.objectId, row.id))).toHaveLength(auditBefore.length)
    expect(await t.db.select().from(searchOutbox).where(eq(searchOutbox.docId, row.id))).toHaveLength(0)
  })

  it('writes each audit row in the transaction of its change', async () => {
    const row = await createDraftCase(editor, draft(`audit-${driver}`), actor)
    const updated = await updateDraftOrPublishedCase(editor, { ...draft(`audit-${driver}`, { title: '修改后的测试案例标题' }), version: row.version, id: row.id }, actor)
    const published = await publishCase(editor, { id: row.id }, actor)
    const audits = await t.db.select().from(auditLog).where(and(eq(auditLog.objectType, 'case'), eq(auditLog.objectId, row.id))).orderBy(auditLog.id)
    expect(audits.map(a => a.action)).toEqual(['case.create', 'case.update', 'case.publish'])
    expect(audits.every(a => a.actorId === actor.id)).toBe(true)
    // now() is the transaction's start time: equal timestamps mean the same transaction.
    expect(audits[1]!.at.getTime()).toBe(new Date(updated.updatedAt).getTime())
    expect(audits[2]!.at.getTime()).toBe(new Date(published.updatedAt).getTime())
    // a stale version is a conflict, not a lost update
    await expect(updateDraftOrPublishedCase(editor, { ...draft(`audit-${driver}`), version: row.version, id: row.id }, actor))
      .rejects.toMatchObject({ code: 'CASE_VERSION_CONFLICT' })
    await expect(createDraftCase(editor, draft(`bad-statute-${driver}`, { statuteIds: ['L0000000000-a0001'] }), actor))
      .rejects.toMatchObject({ code: 'UNKNOWN_STATUTE' })
  })

  it('answers from PostgreSQL, marked degraded, when the engine is down', async () => {
    const dead = connectSearch('http://127.0.0.1:9', 'nokey', conn.uid(''))
    const lexicon = await approvedLexicon(t.db)
    const res = await searchLibrary(deps(t.db, dead, lexicon), { q: '老板不给工资', page: 1, limit: 10 })
    expect(res.degraded).toBe(true)
    expect(res.statutes.total).toBeGreaterThan(0)
    expect(res.statutes.hits.length).toBeGreaterThan(0)
    // the lexicon's legal term is searched too
    expect(res.statutes.hits.some(h => markup(h.highlight).includes('<mark>用人单位</mark>') || markup(h.highlight).includes('<mark>工资</mark>'))).toBe(true)
    const published = await t.db.select({ n: sql<number>`count(*)::int` }).from(cases).where(eq(cases.status, 'published'))
    expect(published[0]!.n).toBeGreaterThan(0)
    expect(res.cases.total).toBeGreaterThan(0)
    const none = await searchLibrary(deps(t.db, null, lexicon), { q: '', category: '劳动争议', page: 1, limit: 10 })
    expect(none.degraded).toBe(true)
    expect(none.cases.hits.every(h => h.category === '劳动争议')).toBe(true)
  })

  it('reviews lexicon entries: drafts are ignored until approved, then the settings carry the synonym', async () => {
    await proposeLexiconEntry(editor, { id: `test.cooling_${driver}`, colloquial: ['冷静期测试词'], legal: ['离婚冷静期'], kind: 'synonym' }, actor)
    expect((await approvedLexicon(t.db)).map(e => e.id)).not.toContain(`test.cooling_${driver}`)
    await reviewLexicon(editor, { id: `test.cooling_${driver}`, decision: 'approved' }, actor)
    await expect(reviewLexicon(editor, { id: `test.cooling_${driver}`, decision: 'rejected' }, actor)).rejects.toMatchObject({ code: 'LEXICON_NOT_DRAFT' })
    expect(await refreshIndexSettings({ db: t.db, search: conn }, { defs: [statutesIndex, casesIndex] })).toBe(true)
    const synonyms = await conn.client.index(conn.uid('statutes')).getSynonyms()
    expect(synonyms['冷静期测试词']).toContain('离婚冷静期')
  })

  it('ranks statutes in memory: the case word match sent before the ranking, then one request for everything the page shows, the same ranking from PostgreSQL when the engine is down', async () => {
    const snap = (await databaseRankerCache(t.db).refresh())!
    expect(snap.ranker.size).toBe(await countStatutes(t.db))
    const lexicon = await approvedLexicon(t.db)
    const q = '老板拖欠工资不给怎么办'
    const want = snap.ranker.rank(rewriteQuery(q, { entries: lexicon }), snap.knowledge, { depth: 20 }).ranked.map(x => x.id)
    expect(want.length).toBe(20)
    const engine = counting(conn.search)
    // what happens in which order: the engine requests (the indexes each asks) and the ranking
    const events: string[] = []
    const port: LibrarySearchPort = { multiSearch: (req) => { events.push(`engine:${req.queries.map(x => x.indexUid === conn.uid('cases') ? 'cases' : 'statutes').join(',')}`); return engine.port.multiSearch(req) } }
    const ranker = Object.create(snap.ranker, { rank: { value: (...a: Parameters<typeof snap.ranker.rank>) => { events.push('rank'); return snap.ranker.rank(...a) } } }) as typeof snap.ranker
    const d: LibrarySearchDeps = { ...deps(t.db, conn, lexicon), port, ranker: { ...snap, ranker } }
    const res = await searchLibrary(d, { q, page: 1, limit: 10 })
    // the word match does not depend on the ranking: the engine works on it while the ranker ranks
    // (then: the cases citing the best articles, the page of articles, and, without a card cache, the word match's first page with the cards)
    expect(events).toEqual(['engine:cases', 'rank', 'engine:cases,statutes,cases'])
    expect(engine.calls).toBe(2)
    expect(res.degraded).toBe(false)
    expect(res.statutes.hits.map(h => h.id)).toEqual(want.slice(0, 10))
    expect(res.statutes.total).toBeGreaterThanOrEqual(20)
    // the Labour Contract Law article on paying wages in full and on time (art. 30) is on the first page
    const titles = res.statutes.hits.map(h => `${h.lawTitle}${h.articleLabel}`)
    expect(titles).toContain('中华人民共和国劳动合同法第三十条')
    expect(res.statutes.hits.some(h => markup(h.highlight).includes('<mark>'))).toBe(true)
    const page2 = await searchLibrary(d, { q, page: 2, limit: 10 })
    expect(engine.calls).toBe(4)
    expect(page2.statutes.hits.map(h => h.id)).toEqual(want.slice(10, 20))

    const dead = connectSearch('http://127.0.0.1:9', 'nokey', conn.uid(''))
    const down = await searchLibrary({ ...deps(t.db, dead, lexicon), ranker: snap }, { q, page: 1, limit: 10 })
    expect(down.degraded).toBe(true)
    expect(down.statutes.hits.map(h => h.id)).toEqual(want.slice(0, 10))
    expect(down.cases.total).toBeGreaterThan(0)
  })

  it('rebuilds the ranker when the corpus or the known questions change', async () => {
    const cache = databaseRankerCache(t.db)
    const before = (await cache.refresh())!
    const kid = `case-ranker-test-${driver}`
    await upsertKnownQuestions(t.db, [{ id: kid, source: 'case', question: '狗把人咬伤了谁赔', keywords: '', answer: '', statuteIds: ['L1284dd23c1-a1245'] }])
    const withKnown = (await cache.refresh())!
    expect(withKnown.knowledge.size).toBe(before.knowledge.size + 1)
    // the known question also expands the article it links: the dog-bite article now matches its words
    const q = rewriteQuery('狗把人咬伤了谁赔', { entries: [] })
    const rankOf = (snap: typeof before) => snap.ranker.rank(q, null, { depth: 200 }).ranked.findIndex(x => x.id === 'L1284dd23c1-a1245')
    expect(rankOf(withKnown)).toBeGreaterThanOrEqual(0)
    expect(rankOf(before) < 0 || rankOf(withKnown) < rankOf(before)).toBe(true)
    await deleteKnownQuestions(t.db, 'case', [kid])
    expect((await cache.refresh())!.knowledge.size).toBe(before.knowledge.size)

    const port = statuteImportPort(t.db)
    await port.upsert([{ id: `Lffffffffff-a0001`, law_id: 'Lffffffffff', law_title: '测试用法律', level: '法律', is_latest: true, article_no: 1, article_label: '第一条', text: '测试用条文。' }])
    try {
      const grown = (await cache.refresh())!
      expect(grown.ranker.size).toBe(before.ranker.size + 1)
      expect(grown.ranker.has('Lffffffffff-a0001')).toBe(true)
    } finally {
      await t.db.execute(sql`delete from statutes where id = 'Lffffffffff-a0001'`)
    }
    expect((await cache.refresh())!.ranker.size).toBe(before.ranker.size)
  })

  it('brings in the cases that cite the best-ranked articles, even when their words differ', async () => {
    const snap = (await databaseRankerCache(t.db).refresh())!
    const lexicon = await approvedLexicon(t.db)
    const q = '老板拖欠工资不给怎么办'
    const top = snap.ranker.rank(rewriteQuery(q, { entries: lexicon }), snap.knowledge, { depth: 1 }).ranked[0]!.id
    const neutral = '甲乙双方约定由乙方保管一批家具，期满后乙方迟迟没有交还，甲方多次催告未果，遂向法院起诉。这段文字足够长。'
    const row = await createDraftCase(editor, draft(`linked-${driver}`, {
      title: '家具交还的测试案例', facts: neutral, question: '家具何时交还？', outcome: '法院判决乙方交还家具。',
      explanation: '合同约定的义务应当全面履行，期满不交还的应当承担违约责任。'.repeat(3),
      nextSteps: ['保存合同和催告记录。', '可拨打12348咨询。'], statuteIds: [top], commonQuestions: ['家具放在别人那里拿不回来'],
      summary: '保管期满应当交还保管物。',
    }), actor)
    await publishCase(editor, { id: row.id }, actor)
    expect((await worker.drain()).failed).toBe(0)
    const words = await searchLibrary(deps(t.db, conn, lexicon), { q, page: 1, limit: 10 })
    expect(words.cases.hits.map(h => h.id)).not.toContain(row.id)
    const linked = await searchLibrary({ ...deps(t.db, conn, lexicon), ranker: snap }, { q, page: 1, limit: 10 })
    const hit = linked.cases.hits.find(h => h.id === row.id)
    expect(hit?.slug).toBe(`linked-${driver}`)
    for (const h of linked.cases.hits) expect(markup(h.highlight).replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/)
    // a whitelisted filter still applies to the linked cases
    const other = await searchLibrary({ ...deps(t.db, conn, lexicon), ranker: snap }, { q, category: '婚姻家庭', page: 1, limit: 10 })
    expect(other.cases.hits.every(h => h.category === '婚姻家庭')).toBe(true)
    await unpublishCase(editor, { id: row.id }, actor)
    await worker.drain()
  })

  it('counts per category and group exactly what filtering by it lists', async () => {
    const snap = (await databaseRankerCache(t.db).refresh())!
    const lexicon = await approvedLexicon(t.db)
    const ids: string[] = []
    for (const [i, category] of (['劳动争议', '婚姻家庭'] as const).entries()) {
      const row = await createDraftCase(editor, draft(`facet-${i}-${driver}`, { category, groups: i ? ['elderly'] : ['migrant_worker', 'elderly'] }), actor)
      await publishCase(editor, { id: row.id }, actor)
      ids.push(row.id)
    }
    expect((await worker.drain()).failed).toBe(0)
    const d: LibrarySearchDeps = { ...deps(t.db, conn, lexicon), ranker: snap }
    const q = '包工头跑了工资找谁要'
    const all = await searchLibrary(d, { q, page: 1, limit: 50 })
    expect(all.cases.total).toBe(all.cases.hits.length)
    expect(Object.values(all.cases.facets.category).reduce((a, b) => a + b, 0)).toBe(all.cases.total)
    expect(Object.keys(all.cases.facets.category).length).toBeGreaterThanOrEqual(2)
    for (const [category, n] of Object.entries(all.cases.facets.category)) {
      const one = await searchLibrary(d, { q, category, page: 1, limit: 50 })
      expect(one.cases.total, category).toBe(n)
      expect(one.cases.hits.map(h => h.id).sort(), category).toEqual(all.cases.hits.filter(h => h.category === category).map(h => h.id).sort())
    }
    for (const [group, n] of Object.entries(all.cases.facets.groups)) {
      expect((await searchLibrary(d, { q, group, page: 1, limit: 50 })).cases.total, group).toBe(n)
    }
    for (const id of ids) await unpublishCase(editor, { id }, actor)
    await worker.drain()
  })
})
