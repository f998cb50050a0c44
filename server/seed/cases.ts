// Seed steps of the case library: the legal lexicon, the statute corpus (priority laws and every
// statute a case cites first, the rest of the default corpus in the background so the portal
// comes up promptly), the original explained cases (示例) and the 52 court typical cases.
// Every step is idempotent.
import { resolve } from 'node:path'
import { indexFeed, reindex } from '../adapters/search/indexes'
import { statutesIndex } from '../adapters/search/definitions/statutes'
import { CASES_INDEX } from '../adapters/search/definitions/cases'
import { loadExplainedCases, loadLexiconContent, loadTypicalCases, loadTypicalOverrides, typicalCaseFields } from '../domain/cases/content'
import { importStatutes, statuteFiles, statuteFilesMtime, statuteFlagExceptions, type StatuteImportPort } from '../domain/cases/import-statutes'
import { formatDuration, formatProgress } from '../domain/cases/progress'
import { settledWithin } from '../domain/platform/settled-within'
import { insertCaseIfAbsent, refreshSeededCase } from '../repositories/cases'
import { insertLexiconIfAbsent, refreshSeededLexicon } from '../repositories/lexicon'
import { enqueueSearch } from '../repositories/search-outbox'
import { loadLawStatusContent } from '../domain/statutes/content'
import { recordLawStatus } from '../domain/statutes/service'
import { completedImports, countStatutes, listLawStatus, existingStatuteIds, markImportComplete, markStatuteFlagsSource, refreshStatuteFlags, statuteFlagsSource, statuteImportPort } from '../repositories/statutes'
import type { SeedContext, SeedStep } from './registry'

/** content/ is read from the portal's working directory (the repository root). */
export const contentDir = () => resolve('content')

const DEMO_SOURCE_MARK = '平台编写示例'
export const demoSource = (s: string) => (s.includes(DEMO_SOURCE_MARK) ? s : `${s}（${DEMO_SOURCE_MARK}）`)

async function citedStatuteIds(ctx: SeedContext): Promise<Set<string>> {
  const ids = new Set<string>()
  for (const c of loadExplainedCases(contentDir()).items) for (const id of c.statuteIds) ids.add(id)
  for (const o of loadTypicalOverrides(contentDir()).items) for (const id of o.statuteIds) ids.add(id)
  void ctx
  return ids
}

export const seedLexicon: SeedStep = {
  name: 'lexicon',
  demo: false,
  async run(ctx, log) {
    const { items, errors } = loadLexiconContent(contentDir())
    for (const e of errors.slice(0, 5)) log(`seed: lexicon skipped ${e}`)
    const rows = items.map(e => ({
      id: e.id, colloquial: e.colloquial, legal: e.legal, kind: e.kind, domain: e.domain ?? null,
      status: e.status === 'approved' ? 'approved' as const : 'draft' as const, source: e.source ?? 'content/lexicon', note: e.note ?? null,
    }))
    const n = await insertLexiconIfAbsent(ctx.db, rows)
    // corrections in the content files reach existing deployments (entries no editor reviewed)
    const changed = await refreshSeededLexicon(ctx.db, rows)
    if (changed.length) log(`seed: ${changed.length} lexicon entries updated from content/lexicon`)
    if (n) log(`seed: ${n} lexicon entries`)
  },
}

let background: Promise<void> | undefined

/** The import port, with each batch's new articles added to the live statutes index once stored. */
function feedingPort(ctx: SeedContext, port: StatuteImportPort, feed: ReturnType<typeof indexFeed>): StatuteImportPort {
  return {
    countExisting: ids => port.countExisting(ids),
    async upsert(records) {
      const ids = records.map(r => r.id)
      const stored = await existingStatuteIds(ctx.db, ids) // already indexed (e.g. the cited articles imported first)
      await port.upsert(records)
      await feed.add(ids.filter(id => !stored.has(id)))
    },
  }
}
/** The running background statute import, if any (tests and scripts can wait for it). */
export const statuteImportInBackground = () => background

/**
 * Statutes: the priority laws and the cited articles are imported before the portal answers;
 * the rest of the default corpus (~58k articles) continues in the background with progress logs,
 * each stored batch added to the statute index (no 58k outbox rows, no second build of the index).
 */
/**
 * An existing deployment whose dataset files are newer (or other) than the flags it stored (e.g. the files
 * gained `in_force`) gets the new flags before the portal answers, without a manual step: the
 * records that are not "latest and in force" are read from the files (~10k of 147k, a few seconds)
 * and written in one transaction; editorial law-status records are applied again after them.
 */
export const seedStatuteFlags: SeedStep = {
  name: 'statute-flags',
  demo: false,
  async run(ctx, log) {
    const files = statuteFiles(ctx.config.sharedDataDir)
    const mtime = statuteFilesMtime(files)
    if (!mtime) return
    const stored = await statuteFlagsSource(ctx.db)
    // another file than the one the flags came from (newer, or a different copy): refresh
    if (stored && stored.getTime() === mtime.getTime()) return
    if (await countStatutes(ctx.db) > 0) {
      const t0 = Date.now()
      const exceptions = await statuteFlagExceptions(files)
      const notInForce = await refreshStatuteFlags(ctx.db, exceptions)
      log(`seed: statute flags refreshed from the dataset (${notInForce} stored articles not in force) in ${formatDuration(Date.now() - t0)}`)
    }
    // a fresh database gets the flags with the records it imports from the same files
    await markStatuteFlagsSource(ctx.db, mtime)
  },
}

export const seedStatutes: SeedStep = {
  name: 'statutes',
  demo: false,
  async run(ctx, log) {
    const done = await completedImports(ctx.db)
    if (done.has('default') || done.has('full') || ctx.config.seed.statutes === 'none') return
    const files = statuteFiles(ctx.config.sharedDataDir)
    const port = statuteImportPort(ctx.db)
    if (!done.has('priority')) {
      const cited = await citedStatuteIds(ctx)
      const res = await importStatutes(port, { files, corpus: 'priority', extraIds: cited, countFirst: false })
      await markImportComplete(ctx.db, 'priority', res.records)
      log(`seed: ${res.records} priority and cited statutes in ${formatDuration(res.ms)}`)
    }
    // NUXT_SEED_STATUTES=priority (tests, small demos): stop at the priority laws.
    if (ctx.config.seed.statutes !== 'default') return
    let last = 0
    background = (async () => {
      await new Promise(r => setTimeout(r, 0))
      // The start-up index check first: it builds the statutes index from the articles stored now
      // (the priority laws). Then each batch this import stores is added to the live index, so every
      // article reaches the engine once (issue 12: the check used to read the table this import was
      // filling, and a rebuild after the import sent every article again). When the engine is not
      // there within a minute, the import goes on alone and the index is rebuilt after it.
      const feed = ctx.search && await settledWithin(ctx.indexesReady, 60_000) ? indexFeed(ctx.db, ctx.search, statutesIndex) : null
      const res = await importStatutes(feed ? feedingPort(ctx, port, feed) : port, {
        files, corpus: 'default', countFirst: true,
        onProgress: (p) => {
          if (Date.now() - last < 10_000) return
          last = Date.now()
          log(formatProgress('seed: statutes (background)', p))
        },
      })
      await markImportComplete(ctx.db, 'default', res.records)
      log(`seed: statute corpus complete, ${res.records} articles (${res.written} written) in ${formatDuration(res.ms)}`)
      if (feed) {
        const r = await feed.finish(log)
        log(`seed: statutes index ${r.rebuilt ? 'rebuilt' : 'complete'} with ${r.documents} ${r.rebuilt ? 'articles' : 'articles added while importing'}`)
      } else if (ctx.search) {
        await ctx.indexesReady
        const r = await reindex(ctx.db, ctx.search, statutesIndex)
        log(`seed: statutes index rebuilt with ${r.documents} articles in ${formatDuration(r.ms)}`)
      }
      // the whole corpus ranks from now on (not after the next minute's check), and the index holds its articles
      await ctx.statuteRanker?.refresh()
    })().catch((e) => {
      log(`seed: background statute import stopped (${e instanceof Error ? e.message : String(e)}); it resumes at the next start`)
    })
    ctx.inBackground?.(background)
  },
}

async function insertCases(ctx: SeedContext, rows: Array<{ fields: Parameters<typeof insertCaseIfAbsent>[1], statuteIds: string[] }>, log: (m: string) => void, what: string) {
  if (!rows.length) return
  const known = await existingStatuteIds(ctx.db, rows.flatMap(r => r.statuteIds))
  const missing = new Set(rows.flatMap(r => r.statuteIds).filter(id => !known.has(id)))
  if (missing.size) log(`seed: ${what}: ${missing.size} cited statutes not in the dataset, left out (${[...missing].slice(0, 3).join(', ')})`)
  const { inserted, refreshed } = await ctx.db.transaction(async (tx) => {
    const ids: string[] = []
    const changed: string[] = []
    for (const r of rows) {
      const cited = r.statuteIds.filter(id => known.has(id))
      const row = await insertCaseIfAbsent(tx, r.fields, cited)
      if (row) { ids.push(row.id); continue }
      // a corrected content file reaches a deployment seeded earlier (cases no editor has changed)
      const { title, category, groups, region, facts, question, outcome, explanation, nextSteps, commonQuestions, summary } = r.fields
      const updated = await refreshSeededCase(tx, r.fields.slug, { title, category, groups, region, facts, question, outcome, explanation, nextSteps, commonQuestions, summary }, cited)
      if (updated) changed.push(updated.id)
    }
    await enqueueSearch(tx, CASES_INDEX, [...ids, ...changed])
    return { inserted: ids.length, refreshed: changed.length }
  })
  if (inserted) log(`seed: ${inserted} ${what}`)
  if (refreshed) log(`seed: ${refreshed} ${what} updated from content/`)
}

export const seedExplainedCases: SeedStep = {
  name: 'explained-cases',
  demo: true,
  async run(ctx, log) {
    const { items, errors } = loadExplainedCases(contentDir())
    for (const e of errors.slice(0, 5)) log(`seed: explained case skipped ${e}`)
    await insertCases(ctx, items.map(c => ({
      fields: {
        slug: c.slug, title: c.title, category: c.category, groups: c.groups, region: c.region, date: c.date,
        source: demoSource(c.source), kind: 'explained', facts: c.facts, question: c.question, outcome: c.outcome,
        explanation: c.explanation, nextSteps: c.nextSteps, commonQuestions: c.commonQuestions, summary: c.summary,
        status: 'published', publishedAt: new Date(), isDemo: true,
      },
      statuteIds: c.statuteIds,
    })), log, 'explained cases (示例)')
  },
}

export const seedTypicalCases: SeedStep = {
  name: 'typical-cases',
  demo: false,
  async run(ctx, log) {
    const overrides = loadTypicalOverrides(contentDir())
    for (const e of overrides.errors.slice(0, 5)) log(`seed: typical override skipped ${e}`)
    if (!overrides.items.length) return
    const byId = new Map(overrides.items.map(o => [o.id, o]))
    const records = (await loadTypicalCases(ctx.config.sharedDataDir)).filter(r => byId.has(r.id))
    await insertCases(ctx, records.map((r) => {
      const f = typicalCaseFields(r, byId.get(r.id)!)
      return {
        fields: {
          slug: f.slug, title: f.title, category: f.category, groups: f.groups, region: f.region, source: f.source,
          kind: 'typical', facts: f.facts, question: f.question, outcome: f.outcome, explanation: f.explanation,
          nextSteps: [], commonQuestions: f.commonQuestions, summary: f.summary, status: 'published', publishedAt: new Date(), isDemo: false,
        },
        statuteIds: f.statuteIds,
      }
    }), log, 'typical cases')
  },
}

/**
 * Editorial law-status records from content/statutes/law-status.json (e.g. the 2012 治安管理处罚法,
 * superseded since 2026-01-01): every fresh start has them; a law that already has a record (an
 * editor's, or an earlier seed) is left as it is. Audited as the system.
 */
export const seedLawStatus: SeedStep = {
  name: 'law-status',
  demo: false,
  async run(ctx, log) {
    const records = loadLawStatusContent(contentDir())
    const have = new Set((await listLawStatus(ctx.db)).map(r => r.lawId))
    let n = 0
    for (const r of records) {
      if (have.has(r.lawId)) continue
      const { lawId, lawTitle, ...body } = r
      await recordLawStatus({ db: ctx.db }, { ...body, lawId, lawTitle, source: 'seed' }, 'system')
      n++
    }
    if (n) log(`seed: ${n} law-status records (laws not in force)`)
  },
}

export const caseSeedSteps: SeedStep[] = [seedLexicon, seedStatuteFlags, seedStatutes, seedLawStatus, seedExplainedCases, seedTypicalCases]
