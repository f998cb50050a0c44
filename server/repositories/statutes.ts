// Queries on the statute corpus. No policy here.
import { and, asc, eq, gte, inArray, lte, sql } from 'drizzle-orm'
import type { DbOrTx } from '../db/client'
import { lawStatusChanges, statuteDataState, statuteImports, statutes, type LawStatusRow, type NewStatuteRow, type StatuteRow } from '../db/schema'
import type { StatuteImportPort } from '../domain/cases/import-statutes'
import { isInForce, type StatuteRecord } from '../domain/search/statute-doc'
import { rowsOf } from './search-outbox'

export function toStatuteRow(r: StatuteRecord): NewStatuteRow {
  return {
    id: r.id, lawId: r.law_id, lawTitle: r.law_title, lawShortTitle: r.law_short_title ?? null, part: r.part ?? null,
    level: r.level, category: r.category ?? null, region: r.region ?? null, versionDate: r.version_date ?? null,
    isLatest: !!r.is_latest, inForce: isInForce(r), chapterPath: r.chapter_path ?? [], articleNo: r.article_no, articleLabel: r.article_label, text: r.text,
  }
}

/** Back to the dataset shape the search module's `toStatuteDoc` takes. */
export function toStatuteRecord(r: StatuteRow): StatuteRecord {
  return {
    id: r.id, law_id: r.lawId, law_title: r.lawTitle, law_short_title: r.lawShortTitle, part: r.part, level: r.level,
    category: r.category, region: r.region, version_date: r.versionDate, is_latest: r.isLatest, in_force: r.inForce, chapter_path: r.chapterPath,
    // whole-document records have no article number (StatuteRecord types them as always present)
    article_no: r.articleNo as number, article_label: r.articleLabel as string, text: r.text,
  }
}

const ex = (col: string) => sql.raw(`excluded.${col}`)

export function statuteImportPort(db: DbOrTx): StatuteImportPort {
  return {
    async countExisting(ids) {
      if (!ids.length) return 0
      const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(statutes).where(inArray(statutes.id, [...ids]))
      return row?.n ?? 0
    },
    async upsert(records) {
      if (!records.length) return
      await db.insert(statutes).values(records.map(toStatuteRow)).onConflictDoUpdate({
        target: statutes.id,
        set: {
          lawId: ex('law_id'), lawTitle: ex('law_title'), lawShortTitle: ex('law_short_title'), part: ex('part'), level: ex('level'),
          category: ex('category'), region: ex('region'), versionDate: ex('version_date'), isLatest: ex('is_latest'), inForce: ex('in_force'),
          chapterPath: ex('chapter_path'), articleNo: ex('article_no'), articleLabel: ex('article_label'), text: ex('text'),
        },
      })
      // an editorial record (law_status_changes) outranks the dataset's flag
      await applyLawStatusTo(db, records.map(r => r.id))
    },
  }
}

export async function countStatutes(db: DbOrTx, o: { inForceOnly?: boolean } = {}): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(statutes).where(o.inForceOnly ? eq(statutes.inForce, true) : undefined)
  return row?.n ?? 0
}

/** Marks these articles not in force where an editorial record covers their law (after an upsert). */
export async function applyLawStatusTo(db: DbOrTx, ids: readonly string[]): Promise<void> {
  if (!ids.length) return
  await db.update(statutes).set({ inForce: false }).where(and(
    inArray(statutes.id, [...ids]), eq(statutes.inForce, true),
    sql`exists (select 1 from ${lawStatusChanges} c where c.law_id = ${statutes.lawId})`,
  ))
}

/** The dataset flags of the articles that are not plain "latest and in force" (the rest are). */
export interface StatuteFlagUpdate { id: string, inForce: boolean, isLatest: boolean, versionDate: string | null }

/**
 * Rewrites the dataset flags of the stored articles (a newer dataset file): every article in force
 * and latest, except the given ones; then the editorial records are applied again. One transaction,
 * so search never sees a half-refreshed corpus. Returns how many stored articles are not in force.
 */
export async function refreshStatuteFlags(db: DbOrTx, exceptions: readonly StatuteFlagUpdate[]): Promise<number> {
  return db.transaction(async (tx) => {
    await tx.update(statutes).set({ inForce: true }).where(eq(statutes.inForce, false))
    for (let i = 0; i < exceptions.length; i += 1000) {
      const chunk = exceptions.slice(i, i + 1000)
      const values = sql.join(chunk.map(e => sql`(${e.id}, ${e.inForce}::boolean, ${e.isLatest}::boolean, ${e.versionDate}::text)`), sql`, `)
      await tx.execute(sql`
        update statutes s set in_force = v.in_force, is_latest = v.is_latest, version_date = coalesce(v.version_date, s.version_date)
          from (values ${values}) as v(id, in_force, is_latest, version_date)
         where s.id = v.id`)
    }
    await tx.execute(sql`update statutes s set in_force = false from law_status_changes c where c.law_id = s.law_id and s.in_force`)
    return countNotInForce(tx)
  })
}

async function countNotInForce(db: DbOrTx): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(statutes).where(eq(statutes.inForce, false))
  return row?.n ?? 0
}

/** When the statute flags were last written from the dataset files (their newest mtime then). */
export async function statuteFlagsSource(db: DbOrTx): Promise<Date | null> {
  const [row] = await db.select({ at: statuteDataState.sourceMtime }).from(statuteDataState).where(eq(statuteDataState.key, 'flags'))
  return row?.at ?? null
}

export async function markStatuteFlagsSource(db: DbOrTx, sourceMtime: Date): Promise<void> {
  await db.insert(statuteDataState).values({ key: 'flags', sourceMtime })
    .onConflictDoUpdate({ target: statuteDataState.key, set: { sourceMtime, refreshedAt: sql`now()` } })
}

export async function completedImports(db: DbOrTx): Promise<Set<string>> {
  const rows = await db.select({ corpus: statuteImports.corpus }).from(statuteImports)
  return new Set(rows.map(r => r.corpus))
}

export async function markImportComplete(db: DbOrTx, corpus: 'priority' | 'default' | 'full', records: number): Promise<void> {
  await db.insert(statuteImports).values({ corpus, records })
    .onConflictDoUpdate({ target: statuteImports.corpus, set: { records, completedAt: sql`now()` } })
}

export async function getStatute(db: DbOrTx, id: string): Promise<StatuteRow | undefined> {
  const [row] = await db.select().from(statutes).where(eq(statutes.id, id))
  return row
}

export async function getStatutes(db: DbOrTx, ids: readonly string[]): Promise<StatuteRow[]> {
  if (!ids.length) return []
  return db.select().from(statutes).where(inArray(statutes.id, [...ids]))
}

export async function existingStatuteIds(db: DbOrTx, ids: readonly string[]): Promise<Set<string>> {
  if (!ids.length) return new Set()
  const rows = await db.select({ id: statutes.id }).from(statutes).where(inArray(statutes.id, [...ids]))
  return new Set(rows.map(r => r.id))
}

/** Articles of the same law numbered within ±`around` of `articleNo` (the article itself included). */
export async function neighbourArticles(db: DbOrTx, lawId: string, articleNo: number, around = 2): Promise<StatuteRow[]> {
  return db.select().from(statutes)
    .where(and(eq(statutes.lawId, lawId), gte(statutes.articleNo, articleNo - around), lte(statutes.articleNo, articleNo + around)))
    .orderBy(asc(statutes.articleNo), asc(statutes.id))
}

/** Keyset pages over every statute (or only those in force: the index and the ranker), for rebuilds. */
export async function statutesAfter(db: DbOrTx, afterId: string, limit: number, o: { inForceOnly?: boolean, lawTitles?: readonly string[] } = {}): Promise<StatuteRow[]> {
  return db.select().from(statutes)
    .where(and(
      sql`${statutes.id} > ${afterId}`,
      o.inForceOnly ? eq(statutes.inForce, true) : undefined,
      o.lawTitles ? inArray(statutes.lawTitle, [...o.lawTitles]) : undefined,
    ))
    .orderBy(asc(statutes.id)).limit(limit)
}

/**
 * Fallback search when the search engine is down: articles containing any of `terms` (ILIKE),
 * most terms matched first, core levels next. Bounded: only the first `cap` matching articles are
 * ranked and counted, so it stays fast on the full corpus.
 */
export async function fallbackSearchStatutes(db: DbOrTx, terms: readonly string[], limit: number, offset: number, cap = 500): Promise<{ rows: StatuteRow[], total: number }> {
  if (!terms.length) return { rows: [], total: 0 }
  const anyMatch = sql.join(terms.map(t => sql`s.text ilike ${likePattern(t)}`), sql` or `)
  const score = sql.join(terms.map(t => sql`(s.text ilike ${likePattern(t)})::int`), sql` + `)
  const res = await db.execute<{ id: string }>(sql`
    select x.id from (
      select s.id, s.law_id, s.article_no, (${score}) as score,
             case s.level when '法律' then 0 when '司法解释' then 1 when '行政法规' then 2 else 3 end as lvl
        from statutes s where s.in_force and (${anyMatch}) limit ${cap}) x
     order by x.score desc, x.lvl, x.law_id, x.article_no`)
  const ids = rowsOf<{ id: string }>(res).map(r => r.id)
  const page = ids.slice(offset, offset + limit)
  const rows = await getStatutes(db, page)
  const byId = new Map(rows.map(r => [r.id, r]))
  return { rows: page.map(id => byId.get(id)).filter((r): r is StatuteRow => !!r), total: ids.length }
}

export function likePattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, c => '\\' + c)}%`
}

/**
 * Changes whenever the ranked corpus does (the ranker rebuilds on a change): row count, in-force
 * count, the last completed import, the last flag refresh and the last editorial law-status change.
 */
export async function statuteCorpusVersion(db: DbOrTx): Promise<string> {
  const [row] = await db.select({
    n: sql<number>`count(*)::int`,
    inForce: sql<number>`(count(*) filter (where ${statutes.inForce}))::int`,
    at: sql<string | null>`(select max(${statuteImports.completedAt})::text from ${statuteImports})`,
    flags: sql<string | null>`(select max(${statuteDataState.refreshedAt})::text from ${statuteDataState})`,
    status: sql<string | null>`(select max(${lawStatusChanges.updatedAt})::text || ':' || count(*)::text from ${lawStatusChanges})`,
  }).from(statutes)
  return `${row?.n ?? 0}/${row?.inForce ?? 0}@${row?.at ?? ''}|${row?.flags ?? ''}|${row?.status ?? ''}`
}

/** The editorial law-status record of a law, if any. */
export async function getLawStatus(db: DbOrTx, lawId: string): Promise<LawStatusRow | undefined> {
  const [row] = await db.select().from(lawStatusChanges).where(eq(lawStatusChanges.lawId, lawId))
  return row
}

export async function listLawStatus(db: DbOrTx): Promise<LawStatusRow[]> {
  return db.select().from(lawStatusChanges).orderBy(asc(lawStatusChanges.lawTitle))
}

/** The in-force article with this label in another version of the same law (newest first). */
export async function sameLabelInForce(db: DbOrTx, lawTitle: string, articleLabel: string, exceptLawId: string): Promise<StatuteRow | undefined> {
  const [row] = await db.select().from(statutes)
    .where(and(eq(statutes.lawTitle, lawTitle), eq(statutes.articleLabel, articleLabel), eq(statutes.inForce, true), sql`${statutes.lawId} <> ${exceptLawId}`))
    .orderBy(sql`${statutes.versionDate} desc nulls last`).limit(1)
  return row
}

/** The article of a law with this label (any status). */
export async function articleOfLaw(db: DbOrTx, lawId: string, articleLabel: string): Promise<StatuteRow | undefined> {
  const [row] = await db.select().from(statutes).where(and(eq(statutes.lawId, lawId), eq(statutes.articleLabel, articleLabel))).limit(1)
  return row
}

/** The first article of a law (lowest number; whole-document records last). */
export async function firstArticleOf(db: DbOrTx, lawId: string): Promise<StatuteRow | undefined> {
  const [row] = await db.select().from(statutes).where(eq(statutes.lawId, lawId))
    .orderBy(sql`${statutes.articleNo} asc nulls last`, asc(statutes.id)).limit(1)
  return row
}

/** One article per law: title and version of each law id given (for lists of records). */
export async function lawsById(db: DbOrTx, lawIds: readonly string[]): Promise<Map<string, { lawTitle: string, versionDate: string | null, articles: number, inForce: number }>> {
  if (!lawIds.length) return new Map()
  const rows = await db.select({
    lawId: statutes.lawId, lawTitle: sql<string>`min(${statutes.lawTitle})`, versionDate: sql<string | null>`max(${statutes.versionDate})`,
    articles: sql<number>`count(*)::int`, inForce: sql<number>`(count(*) filter (where ${statutes.inForce}))::int`,
  }).from(statutes).where(inArray(statutes.lawId, [...lawIds])).groupBy(statutes.lawId)
  return new Map(rows.map(r => [r.lawId, r]))
}

/** Ids of every article of a law. */
export async function articleIdsOfLaw(db: DbOrTx, lawId: string): Promise<string[]> {
  const rows = await db.select({ id: statutes.id }).from(statutes).where(eq(statutes.lawId, lawId)).orderBy(asc(statutes.id))
  return rows.map(r => r.id)
}

/** Writes (or replaces) the editorial record of a law and takes every article of it out of force. */
export async function upsertLawStatus(db: DbOrTx, rec: Omit<LawStatusRow, 'createdAt' | 'updatedAt'>): Promise<LawStatusRow> {
  const [row] = await db.insert(lawStatusChanges).values(rec).onConflictDoUpdate({
    target: lawStatusChanges.lawId,
    set: {
      lawTitle: rec.lawTitle, status: rec.status, effectiveDate: rec.effectiveDate, note: rec.note, successorLawId: rec.successorLawId,
      successorRenumbered: rec.successorRenumbered, source: rec.source, createdBy: rec.createdBy, updatedAt: sql`now()`,
    },
  }).returning()
  await db.update(statutes).set({ inForce: false }).where(and(eq(statutes.lawId, rec.lawId), eq(statutes.inForce, true)))
  return row!
}

/** Ids (of these) stored under another law: an import must not take over another law's articles. */
export async function idsOwnedByOtherLaw(db: DbOrTx, ids: readonly string[], lawId: string): Promise<string[]> {
  if (!ids.length) return []
  const rows = await db.select({ id: statutes.id }).from(statutes).where(and(inArray(statutes.id, [...ids]), sql`${statutes.lawId} <> ${lawId}`))
  return rows.map(r => r.id)
}
