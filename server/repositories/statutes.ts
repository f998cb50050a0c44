// Queries on the statute corpus. No policy here.
import { and, asc, eq, gte, inArray, lte, sql } from 'drizzle-orm'
import type { DbOrTx } from '../db/client'
import { statuteImports, statutes, type NewStatuteRow, type StatuteRow } from '../db/schema'
import type { StatuteImportPort } from '../domain/cases/import-statutes'
import type { StatuteRecord } from '../domain/search/statute-doc'
import { rowsOf } from './search-outbox'

export function toStatuteRow(r: StatuteRecord): NewStatuteRow {
  return {
    id: r.id, lawId: r.law_id, lawTitle: r.law_title, lawShortTitle: r.law_short_title ?? null, part: r.part ?? null,
    level: r.level, category: r.category ?? null, region: r.region ?? null, versionDate: r.version_date ?? null,
    isLatest: !!r.is_latest, chapterPath: r.chapter_path ?? [], articleNo: r.article_no, articleLabel: r.article_label, text: r.text,
  }
}

/** Back to the dataset shape the search module's `toStatuteDoc` takes. */
export function toStatuteRecord(r: StatuteRow): StatuteRecord {
  return {
    id: r.id, law_id: r.lawId, law_title: r.lawTitle, law_short_title: r.lawShortTitle, part: r.part, level: r.level,
    category: r.category, region: r.region, version_date: r.versionDate, is_latest: r.isLatest, chapter_path: r.chapterPath,
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
          category: ex('category'), region: ex('region'), versionDate: ex('version_date'), isLatest: ex('is_latest'),
          chapterPath: ex('chapter_path'), articleNo: ex('article_no'), articleLabel: ex('article_label'), text: ex('text'),
        },
      })
    },
  }
}

export async function countStatutes(db: DbOrTx): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(statutes)
  return row?.n ?? 0
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

/** Keyset pages over every statute, for index rebuilds. */
export async function statutesAfter(db: DbOrTx, afterId: string, limit: number): Promise<StatuteRow[]> {
  return db.select().from(statutes).where(sql`${statutes.id} > ${afterId}`).orderBy(asc(statutes.id)).limit(limit)
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
        from statutes s where ${anyMatch} limit ${cap}) x
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

/** Changes whenever the corpus does: row count and the last completed import (the ranker rebuilds on a change). */
export async function statuteCorpusVersion(db: DbOrTx): Promise<string> {
  const [row] = await db.select({
    n: sql<number>`count(*)::int`,
    at: sql<string | null>`(select max(${statuteImports.completedAt})::text from ${statuteImports})`,
  }).from(statutes)
  return `${row?.n ?? 0}@${row?.at ?? ''}`
}
