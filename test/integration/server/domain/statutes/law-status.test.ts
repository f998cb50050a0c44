// Law in force end to end against a real database and a real Meilisearch (issue 11): the dataset's
// in_force flag is stored on import and refreshed on an existing deployment at start; editorial
// records (seeded 治安管理处罚法 2012 text, superseded since 2026-01-01) take a law out of force,
// audited and through the outbox; the index, the ranker and the database fallback never return it;
// the statute detail says what it is and links the current provision.
import { and, eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { statutesIndex } from '~~/server/adapters/search/definitions/statutes'
import { reindex } from '~~/server/adapters/search/indexes'
import { createOutboxWorker } from '~~/server/adapters/search/outbox-worker'
import type { SearchConnection } from '~~/server/adapters/search/client'
import { databaseRankerCache } from '~~/server/app-context'
import { auditLog, searchOutbox, staffUsers, statutes } from '~~/server/db/schema'
import { importStatutes, statuteFiles } from '~~/server/domain/cases/import-statutes'
import { rewriteQuery } from '~~/server/domain/search/query'
import { getStatuteDetail, importLawVersion, markLawStatus, type StatuteEditorDeps } from '~~/server/domain/statutes/service'
import type { ActorRef } from '~~/server/domain/platform/actor'
import { fallbackSearchStatutes, getStatute, statuteCorpusVersion, statuteFlagsSource, statuteImportPort } from '~~/server/repositories/statutes'
import { seedLawStatus, seedStatuteFlags } from '~~/server/seed/cases'
import { drivers, freshDb, seedContext, sharedDataDir, type TestDb } from '../../../helpers/db'
import { testSearch } from '../../../helpers/search'

const files = statuteFiles(sharedDataDir)
// 婚姻法解释（三）art. 7 and 担保法解释 arts. 115/117 (repealed 2021-01-01), their successors' first
// articles, 治安管理处罚法 (2012) arts. 91/102/107, an old and a new version of a local rule
const EXTRA = [
  'L912d279cec-a0007', 'Ldc5c46d6e3-a0115', 'Ldc5c46d6e3-a0117', 'Lc91050fda0-a0001', 'Lc91050fda0-a0029', 'Ld2cba46e19-a0001',
  'Ldcf3ee39da-a0091', 'Ldcf3ee39da-a0102', 'Ldcf3ee39da-a0107', 'L6a9789464a-a0001', 'L81efdad539-a0001',
]
const log = () => {}

describe.each(drivers())('law in force on %s', (driver) => {
  let t: TestDb
  let conn: SearchConnection
  let editor: StatuteEditorDeps
  let actor: ActorRef

  beforeAll(async () => {
    t = await freshDb(driver)
    conn = testSearch()
    const ctx = seedContext(t)
    await seedStatuteFlags.run(ctx, log) // empty database: only records the files' time
    await importStatutes(statuteImportPort(t.db), { files, corpus: 'priority', extraIds: new Set(EXTRA), countFirst: false })
    const [u] = await t.db.insert(staffUsers).values({ username: `editor_law_${driver}`, role: 'editor', passwordHash: 'x' }).returning()
    editor = { db: t.db }
    actor = { id: u!.id, role: 'editor' }
  }, 240_000)
  afterAll(async () => { await t?.drop() })

  it('stores the dataset flag: 婚姻法解释（三）art. 7 and 担保法解释 art. 115 are not in force', async () => {
    expect((await getStatute(t.db, 'L912d279cec-a0007'))?.inForce).toBe(false)
    expect((await getStatute(t.db, 'Ldc5c46d6e3-a0115'))?.inForce).toBe(false)
    expect((await getStatute(t.db, 'Lc91050fda0-a0029'))?.inForce).toBe(true)
    expect((await getStatute(t.db, 'L6a9789464a-a0001'))).toMatchObject({ inForce: false, isLatest: false })
  })

  it('refreshes the flags of an existing deployment when the data file is newer, once', async () => {
    const ctx = seedContext(t)
    // a deployment from before the flag: every row in force, and an older record of the files' time
    await t.db.update(statutes).set({ inForce: true })
    await t.db.execute(sql`update statute_data_state set source_mtime = '2000-01-01T00:00:00Z'`)
    await seedStatuteFlags.run(ctx, log)
    expect((await getStatute(t.db, 'L912d279cec-a0007'))?.inForce).toBe(false)
    expect((await getStatute(t.db, 'L6a9789464a-a0001'))?.inForce).toBe(false)
    expect((await getStatute(t.db, 'L67a404eb29-a0031'))?.inForce).toBe(true)
    expect((await statuteFlagsSource(t.db))!.getTime()).toBeGreaterThan(Date.parse('2001-01-01'))
    // not newer: nothing is rewritten (a manual flip survives)
    await t.db.update(statutes).set({ inForce: true }).where(eq(statutes.id, 'L912d279cec-a0007'))
    await seedStatuteFlags.run(ctx, log)
    expect((await getStatute(t.db, 'L912d279cec-a0007'))?.inForce).toBe(true)
    await t.db.update(statutes).set({ inForce: false }).where(eq(statutes.id, 'L912d279cec-a0007'))
  }, 120_000)

  it('seeds 治安管理处罚法 (2012) as superseded since 2026-01-01, audited, through the outbox', async () => {
    const before = await statuteCorpusVersion(t.db)
    await seedLawStatus.run(seedContext(t), log)
    expect((await getStatute(t.db, 'Ldcf3ee39da-a0102'))?.inForce).toBe(false)
    expect(await statuteCorpusVersion(t.db)).not.toBe(before) // the ranker notices
    const audit = await t.db.select().from(auditLog).where(and(eq(auditLog.action, 'law.mark_status'), eq(auditLog.objectId, 'Ldcf3ee39da')))
    expect(audit).toHaveLength(1)
    expect(await t.db.select().from(searchOutbox).where(eq(searchOutbox.docId, 'Ldcf3ee39da-a0107'))).toHaveLength(1)
    const d = await getStatuteDetail({ db: t.db }, { id: 'Ldcf3ee39da-a0102' })
    expect(d.statute).toMatchObject({ inForce: false, versionDate: '2012-10-26' })
    expect(d.status).toMatchObject({ kind: 'superseded', since: '2026-01-01', source: 'editorial', current: null })
    expect(d.status.note).toContain('一百四十四条')
    // idempotent: a second start adds nothing
    await seedLawStatus.run(seedContext(t), log)
    expect(await t.db.select().from(auditLog).where(and(eq(auditLog.action, 'law.mark_status'), eq(auditLog.objectId, 'Ldcf3ee39da')))).toHaveLength(1)
    // a later import of the law's articles keeps them out of force (the record outranks the file)
    await importStatutes(statuteImportPort(t.db), { files, corpus: 'priority', extraIds: new Set(['Ldcf3ee39da-a0001']), countFirst: false, force: true })
    expect((await getStatute(t.db, 'Ldcf3ee39da-a0001'))?.inForce).toBe(false)
  }, 120_000)

  it('the statute detail of a repealed article says since when and links the current law', async () => {
    const d = await getStatuteDetail({ db: t.db }, { id: 'L912d279cec-a0007' })
    expect(d.status).toMatchObject({ kind: 'repealed', since: '2021-01-01', source: 'editorial' })
    expect(d.status.currentLaw?.id).toBe('Lc91050fda0-a0001')
    const old = await getStatuteDetail({ db: t.db }, { id: 'L6a9789464a-a0001' })
    expect(old.status).toMatchObject({ kind: 'superseded', since: '2020-12-30', source: 'dataset' })
    expect(old.status.current?.id).toBe('L81efdad539-a0001')
    expect((await getStatuteDetail({ db: t.db }, { id: 'Lc91050fda0-a0029' })).status.kind).toBe('in_force')
  })

  it('index, ranker and database fallback never return an article that is not in force', async () => {
    await reindex(t.db, conn, statutesIndex)
    const idx = conn.client.index(conn.uid('statutes'))
    const res = await idx.search('定金 双倍返还', { limit: 50 })
    expect(res.hits.map(h => h.id)).not.toContain('Ldc5c46d6e3-a0115')
    expect(res.hits.every(h => (h as { in_force?: boolean }).in_force === true)).toBe(true)
    const snap = await databaseRankerCache(t.db).refresh()
    expect(snap!.ranker.has('L912d279cec-a0007')).toBe(false)
    expect(snap!.ranker.has('Ldcf3ee39da-a0102')).toBe(false)
    const ranked = snap!.ranker.rank(rewriteQuery('婚后父母出资买房归谁', { entries: [] }), null, { depth: 10 }).ranked.map(x => x.id)
    expect(ranked).not.toContain('L912d279cec-a0007')
    const fb = await fallbackSearchStatutes(t.db, ['双倍返还定金', '定金'], 50, 0)
    expect(fb.rows.length).toBeGreaterThan(0)
    expect(fb.rows.every(r => r.inForce)).toBe(true)
  }, 240_000)

  it('an editor marks a law repealed: audited, the worker deletes its articles from the index, the ranker rebuilds', async () => {
    const worker = createOutboxWorker({ db: t.db, search: conn, indexes: [statutesIndex] })
    await worker.drain()
    const idx = conn.client.index(conn.uid('statutes'))
    expect((await idx.getDocument('Lc91050fda0-a0029').catch(() => null))?.id).toBe('Lc91050fda0-a0029')
    const cache = databaseRankerCache(t.db)
    const v1 = (await cache.refresh())!.statutesVersion
    await expect(markLawStatus(editor, { lawId: 'Lc91050fda0', status: 'repealed', note: '', successorRenumbered: false, successorLawId: 'Lc91050fda0' }, actor)).rejects.toMatchObject({ code: 'LAW_SUCCESSOR_SELF' })
    await expect(markLawStatus(editor, { lawId: 'L0000000000', status: 'repealed', note: '', successorRenumbered: false }, actor)).rejects.toMatchObject({ code: 'LAW_NOT_FOUND' })
    const rec = await markLawStatus(editor, { lawId: 'Lc91050fda0', status: 'repealed', effectiveDate: '2030-01-01', note: '测试', successorRenumbered: false }, actor)
    expect(rec).toMatchObject({ lawId: 'Lc91050fda0', status: 'repealed', source: 'editor' })
    expect((await getStatute(t.db, 'Lc91050fda0-a0029'))?.inForce).toBe(false)
    const audit = await t.db.select().from(auditLog).where(and(eq(auditLog.action, 'law.mark_status'), eq(auditLog.objectId, 'Lc91050fda0')))
    expect(audit[0]?.actorId).toBe(actor.id)
    expect((await worker.drain()).failed).toBe(0)
    expect(await idx.getDocument('Lc91050fda0-a0029').catch(() => null)).toBeNull()
    const snap = await cache.refresh()
    expect(snap!.statutesVersion).not.toBe(v1)
    expect(snap!.ranker.has('Lc91050fda0-a0029')).toBe(false)
  }, 240_000)

  it('an editor imports a new version of a law from a file; the old text is superseded and links the same label', async () => {
    const line = (n: number, label: string) => JSON.stringify({
      id: `Lfeedbeef01-a${String(n).padStart(4, '0')}`, law_id: 'Lfeedbeef01', law_title: '上海市住宅物业管理规定', level: '地方性法规',
      version_date: '2030-01-01', article_no: n, article_label: label, text: `测试新版本${label}。`,
    })
    const res = await importLawVersion(editor, { jsonl: `${line(1, '第一条')}\n${line(2, '第二条')}`, supersedesLawId: 'L81efdad539', effectiveDate: '2030-01-01', note: '', renumbered: false }, actor)
    expect(res).toMatchObject({ lawId: 'Lfeedbeef01', articles: 2, superseded: { lawId: 'L81efdad539', status: 'superseded', successorLawId: 'Lfeedbeef01', source: 'import' } })
    expect((await getStatute(t.db, 'Lfeedbeef01-a0001'))?.inForce).toBe(true)
    const d = await getStatuteDetail({ db: t.db }, { id: 'L81efdad539-a0001' })
    expect(d.status).toMatchObject({ kind: 'superseded', since: '2030-01-01', current: { id: 'Lfeedbeef01-a0001' } })
    expect(await t.db.select().from(auditLog).where(eq(auditLog.action, 'law.import_version'))).toHaveLength(1)
    expect(await t.db.select().from(searchOutbox).where(eq(searchOutbox.docId, 'Lfeedbeef01-a0002'))).toHaveLength(1)
  }, 120_000)
})
