// Queries on the case library. No policy here (who may publish, PII checks: server/domain/cases).
import { and, asc, desc, eq, inArray, ne, sql, type SQL } from 'drizzle-orm'
import type { DbOrTx } from '../db/client'
import { caseStatutes, cases, statutes, type CaseRow, type CaseStatus, type NewCaseRow, type StatuteRow } from '../db/schema'
import { likePattern } from './statutes'
import { rowsOf } from './search-outbox'

export type CaseWithStatutes = CaseRow & { statuteIds: string[] }

export async function getCase(db: DbOrTx, id: string): Promise<CaseRow | undefined> {
  const [row] = await db.select().from(cases).where(eq(cases.id, id))
  return row
}

export async function getCaseBySlug(db: DbOrTx, slug: string): Promise<CaseRow | undefined> {
  const [row] = await db.select().from(cases).where(eq(cases.slug, slug))
  return row
}

export async function caseStatuteIds(db: DbOrTx, caseId: string): Promise<string[]> {
  const rows = await db.select({ id: caseStatutes.statuteId }).from(caseStatutes)
    .where(eq(caseStatutes.caseId, caseId)).orderBy(asc(caseStatutes.position))
  return rows.map(r => r.id)
}

export async function citedStatutes(db: DbOrTx, caseId: string): Promise<StatuteRow[]> {
  const rows = await db.select({ s: statutes }).from(caseStatutes)
    .innerJoin(statutes, eq(statutes.id, caseStatutes.statuteId))
    .where(eq(caseStatutes.caseId, caseId)).orderBy(asc(caseStatutes.position))
  return rows.map(r => r.s)
}

export async function insertCase(tx: DbOrTx, data: NewCaseRow, statuteIds: readonly string[]): Promise<CaseRow> {
  const [row] = await tx.insert(cases).values(data).returning()
  await replaceCaseStatutes(tx, row!.id, statuteIds)
  return row!
}

/** Inserts a case unless its slug exists (seed); returns the new row or undefined. */
export async function insertCaseIfAbsent(tx: DbOrTx, data: NewCaseRow, statuteIds: readonly string[]): Promise<CaseRow | undefined> {
  const [row] = await tx.insert(cases).values(data).onConflictDoNothing({ target: cases.slug }).returning()
  if (row) await replaceCaseStatutes(tx, row.id, statuteIds)
  return row
}

export async function replaceCaseStatutes(tx: DbOrTx, caseId: string, statuteIds: readonly string[]): Promise<void> {
  await tx.delete(caseStatutes).where(eq(caseStatutes.caseId, caseId))
  if (statuteIds.length) await tx.insert(caseStatutes).values(statuteIds.map((statuteId, position) => ({ caseId, statuteId, position })))
}

/**
 * Updates a case when its version is still `expectedVersion` (optimistic locking);
 * returns undefined when someone else changed it meanwhile.
 */
export async function updateCase(tx: DbOrTx, id: string, expectedVersion: number, set: Partial<NewCaseRow>): Promise<CaseRow | undefined> {
  const [row] = await tx.update(cases)
    .set({ ...set, version: sql`${cases.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(cases.id, id), eq(cases.version, expectedVersion)))
    .returning()
  return row
}

export async function setCaseStatus(tx: DbOrTx, id: string, status: CaseStatus): Promise<CaseRow | undefined> {
  const [row] = await tx.update(cases)
    .set({
      status,
      publishedAt: status === 'published' ? sql`coalesce(${cases.publishedAt}, now())` : sql`${cases.publishedAt}`,
      version: sql`${cases.version} + 1`,
      updatedAt: sql`now()`,
    })
    .where(eq(cases.id, id))
    .returning()
  return row
}

export async function listCasesForStaff(db: DbOrTx, opts: { status?: CaseStatus, limit: number, offset: number }): Promise<{ rows: CaseRow[], total: number }> {
  const where = opts.status ? eq(cases.status, opts.status) : undefined
  const rows = await db.select().from(cases).where(where).orderBy(desc(cases.updatedAt), asc(cases.slug)).limit(opts.limit).offset(opts.offset)
  const [n] = await db.select({ n: sql<number>`count(*)::int` }).from(cases).where(where)
  return { rows, total: n?.n ?? 0 }
}

/** Published cases (with the law titles they cite), for the search index. */
export async function publishedCasesWithLaws(db: DbOrTx, where: SQL | undefined, limit?: number): Promise<Array<CaseRow & { lawTitles: string[], statuteIds: string[] }>> {
  const base = db.select().from(cases).where(and(eq(cases.status, 'published'), where)).orderBy(asc(cases.id))
  const rows = limit ? await base.limit(limit) : await base
  if (!rows.length) return []
  // statute_id is a foreign key: every link has its article
  const links = await db.select({ caseId: caseStatutes.caseId, statuteId: caseStatutes.statuteId, lawTitle: statutes.lawTitle }).from(caseStatutes)
    .innerJoin(statutes, eq(statutes.id, caseStatutes.statuteId))
    .where(inArray(caseStatutes.caseId, rows.map(r => r.id)))
    .orderBy(asc(caseStatutes.caseId), asc(caseStatutes.position))
  const byCase = new Map<string, { laws: Set<string>, ids: string[] }>()
  for (const l of links) {
    let c = byCase.get(l.caseId)
    if (!c) { c = { laws: new Set(), ids: [] }; byCase.set(l.caseId, c) }
    c.laws.add(l.lawTitle)
    c.ids.push(l.statuteId)
  }
  return rows.map(r => ({ ...r, lawTitles: [...(byCase.get(r.id)?.laws ?? [])], statuteIds: byCase.get(r.id)?.ids ?? [] }))
}

export async function countPublishedCases(db: DbOrTx): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(cases).where(eq(cases.status, 'published'))
  return row?.n ?? 0
}

export async function publishedCasesCiting(db: DbOrTx, statuteId: string, limit = 10): Promise<CaseRow[]> {
  const rows = await db.select({ c: cases }).from(caseStatutes).innerJoin(cases, eq(cases.id, caseStatutes.caseId))
    .where(and(eq(caseStatutes.statuteId, statuteId), eq(cases.status, 'published')))
    .orderBy(desc(cases.publishedAt)).limit(limit)
  return rows.map(r => r.c)
}

export async function relatedPublishedCases(db: DbOrTx, category: string, excludeId: string, limit = 4): Promise<CaseRow[]> {
  return db.select().from(cases)
    .where(and(eq(cases.status, 'published'), eq(cases.category, category), ne(cases.id, excludeId)))
    .orderBy(desc(cases.publishedAt), asc(cases.slug)).limit(limit)
}

export interface CaseFallbackFilter { category?: string, group?: string }

/**
 * Fallback search over published cases when the search engine is down: ILIKE over the readable
 * fields, most terms matched first. Facets are counted over the matches (bounded by `cap`).
 */
export async function fallbackSearchCases(db: DbOrTx, terms: readonly string[], filter: CaseFallbackFilter, limit: number, offset: number, cap = 500): Promise<{ rows: CaseRow[], total: number, facets: { category: Record<string, number>, groups: Record<string, number> } }> {
  const hay = sql`(c.title || ' ' || c.summary || ' ' || array_to_string(c.common_questions, ' ') || ' ' || c.explanation || ' ' || c.facts || ' ' || c.question || ' ' || c.outcome)`
  const anyMatch = terms.length ? sql.join(terms.map(t => sql`${hay} ilike ${likePattern(t)}`), sql` or `) : sql`true`
  const score = terms.length ? sql.join(terms.map(t => sql`(${hay} ilike ${likePattern(t)})::int + (c.title ilike ${likePattern(t)})::int`), sql` + `) : sql`0`
  const res = await db.execute<{ id: string, category: string, groups: string[] }>(sql`
    select x.id, x.category, x.groups from (
      select c.id, c.category, c.groups, c.published_at, (${score}) as score
        from cases c where c.status = 'published' and (${anyMatch}) limit ${cap}) x
     order by x.score desc, x.published_at desc, x.id`)
  const all = rowsOf<{ id: string, category: string, groups: string[] | string }>(res).map(r => ({ ...r, groups: pgArray(r.groups) }))
  const filtered = all.filter(r => (!filter.category || r.category === filter.category) && (!filter.group || r.groups.includes(filter.group)))
  // Like Meilisearch's facetDistribution: counted over the filtered matches.
  const facets = { category: {} as Record<string, number>, groups: {} as Record<string, number> }
  for (const r of filtered) {
    facets.category[r.category] = (facets.category[r.category] ?? 0) + 1
    for (const g of r.groups) facets.groups[g] = (facets.groups[g] ?? 0) + 1
  }
  const page = filtered.slice(offset, offset + limit).map(r => r.id)
  const rows = page.length ? await db.select().from(cases).where(inArray(cases.id, page)) : []
  const byId = new Map(rows.map(r => [r.id, r]))
  return { rows: page.map(id => byId.get(id)).filter((r): r is CaseRow => !!r), total: filtered.length, facets }
}

/** node-postgres parses text[]; PGlite may hand back the literal. */
function pgArray(v: string[] | string | null): string[] {
  if (Array.isArray(v)) return v
  if (!v || v === '{}') return []
  return v.slice(1, -1).split(',').map(s => s.replace(/^"|"$/g, ''))
}

/**
 * Seeded cases (no editor ever changed them: `created_by` null, version 1) whose content files were
 * corrected: rewrite the given fields and the cited statutes in place (the version stays 1, so a
 * later content correction still applies; an editor's first edit ends that). Returns the row when
 * it was rewritten.
 */
export async function refreshSeededCase(tx: DbOrTx, slug: string, set: Partial<NewCaseRow>, statuteIds: readonly string[]): Promise<CaseRow | undefined> {
  const [row] = await tx.select().from(cases).where(and(eq(cases.slug, slug), sql`${cases.createdBy} is null`, eq(cases.version, 1)))
  if (!row) return undefined
  const current = await caseStatuteIds(tx, row.id)
  const differs = Object.entries(set).some(([k, v]) => JSON.stringify((row as Record<string, unknown>)[k]) !== JSON.stringify(v))
    || JSON.stringify(current) !== JSON.stringify([...statuteIds])
  if (!differs) return undefined
  const [updated] = await tx.update(cases).set({ ...set, updatedAt: sql`now()` }).where(eq(cases.id, row.id)).returning()
  await replaceCaseStatutes(tx, row.id, statuteIds)
  return updated
}
