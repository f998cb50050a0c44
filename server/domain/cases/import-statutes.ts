// Imports the statute corpus from the shared dataset into the database: idempotent (upsert by the
// dataset id) and resumable (a batch whose ids are all present already is skipped with one cheap
// count). Framework-free: the database is reached through a small injected port, so the CLI
// script, the start-up seed and the tests run exactly this function.
import { existsSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { inDefaultCorpus, isInForce, type StatuteRecord } from '../search/statute-doc'
import { datasetFile, readJsonl } from './jsonl'
import { progressOf, type Progress } from './progress'

export type StatuteCorpus = 'priority' | 'default' | 'full'

export interface StatuteImportPort {
  /** How many of these ids are already stored. */
  countExisting(ids: readonly string[]): Promise<number>
  /** Insert or update these records (one statement or one transaction). */
  upsert(records: readonly StatuteRecord[]): Promise<void>
}

export interface StatuteFiles { priority: string, all: string }

export function statuteFiles(sharedDataDir: string): StatuteFiles {
  return {
    priority: join(sharedDataDir, 'statutes', 'statutes_priority.jsonl'),
    all: join(sharedDataDir, 'statutes', 'statutes.jsonl.gz'),
  }
}

export interface ImportStatutesOptions {
  files: StatuteFiles
  corpus: StatuteCorpus
  /** Extra ids taken from the big file whatever their level (e.g. the statutes cases cite). */
  extraIds?: ReadonlySet<string>
  batchSize?: number
  /** Re-write batches even when every id is present (a data refresh). */
  force?: boolean
  /** Count the records first so progress can show a percentage and time left (default true). */
  countFirst?: boolean
  onProgress?: (p: Progress) => void
  /** Stop cleanly after this many batches (tests simulate an interrupted import with it). */
  stopAfterBatches?: number
  signal?: AbortSignal
}

export interface ImportStatutesResult { corpus: StatuteCorpus, records: number, written: number, skipped: number, batches: number, ms: number, complete: boolean }

function wanted(r: StatuteRecord, corpus: StatuteCorpus, extra?: ReadonlySet<string>): boolean {
  if (extra?.has(r.id)) return true
  if (corpus === 'full') return true
  if (corpus === 'default') return inDefaultCorpus(r)
  return false
}

/** The records of a corpus in import order: the priority file first, then the big file. */
export async function* corpusRecords(files: StatuteFiles, corpus: StatuteCorpus, extraIds?: ReadonlySet<string>): AsyncGenerator<StatuteRecord> {
  const seen = new Set<string>()
  for await (const r of readJsonl<StatuteRecord>(files.priority)) {
    seen.add(r.id)
    yield r
  }
  if (corpus === 'priority' && !extraIds?.size) return
  let extraLeft = extraIds ? [...extraIds].filter(id => !seen.has(id)).length : 0
  if (corpus === 'priority' && extraLeft === 0) return
  for await (const r of readJsonl<StatuteRecord>(files.all)) {
    if (seen.has(r.id) || !wanted(r, corpus, extraIds)) continue
    seen.add(r.id)
    yield r
    if (corpus === 'priority' && extraIds?.has(r.id) && --extraLeft === 0) return
  }
}

export async function countCorpus(files: StatuteFiles, corpus: StatuteCorpus, extraIds?: ReadonlySet<string>): Promise<number> {
  let n = 0
  for await (const _ of corpusRecords(files, corpus, extraIds)) n++
  return n
}

export async function importStatutes(port: StatuteImportPort, opts: ImportStatutesOptions): Promise<ImportStatutesResult> {
  const t0 = Date.now()
  const batchSize = opts.batchSize ?? 1000
  const total = opts.countFirst === false ? null : await countCorpus(opts.files, opts.corpus, opts.extraIds)
  let records = 0
  let written = 0
  let skipped = 0
  let batches = 0
  let batch: StatuteRecord[] = []
  let stopped = false

  const flush = async () => {
    if (!batch.length) return
    const ids = batch.map(r => r.id)
    if (!opts.force && await port.countExisting(ids) === ids.length) {
      skipped += batch.length
    } else {
      await port.upsert(batch)
      written += batch.length
    }
    records += batch.length
    batches++
    batch = []
    opts.onProgress?.(progressOf(records, skipped, total, t0))
  }

  for await (const r of corpusRecords(opts.files, opts.corpus, opts.extraIds)) {
    if (opts.signal?.aborted || (opts.stopAfterBatches !== undefined && batches >= opts.stopAfterBatches)) {
      stopped = true
      break
    }
    batch.push(r)
    if (batch.length >= batchSize) await flush()
  }
  if (!stopped) await flush()
  return { corpus: opts.corpus, records, written, skipped, batches, ms: Date.now() - t0, complete: !stopped }
}

/** Newest modification time of the dataset files (null when none exists). */
export function statuteFilesMtime(files: StatuteFiles): Date | null {
  const times = [files.priority, files.all].map(datasetFile).filter(f => existsSync(f)).map(f => statSync(f).mtimeMs)
  return times.length ? new Date(Math.max(...times)) : null
}

/** A record's flags where they differ from "latest and in force" (see refreshStatuteFlags). */
export interface StatuteFlagException { id: string, inForce: boolean, isLatest: boolean, versionDate: string | null }

/**
 * The records of both dataset files that are not "latest and in force" (superseded versions,
 * repealed instruments): what an existing database needs to learn when the files gain or change
 * the `in_force` flag. ~10k of 147k records; the rest are in force.
 */
export async function statuteFlagExceptions(files: StatuteFiles): Promise<StatuteFlagException[]> {
  const out = new Map<string, StatuteFlagException>()
  for (const file of [files.all, files.priority]) {
    if (!existsSync(datasetFile(file))) continue
    for await (const r of readJsonl<StatuteRecord>(file)) {
      if (isInForce(r) && r.is_latest) { out.delete(r.id); continue }
      out.set(r.id, { id: r.id, inForce: isInForce(r), isLatest: !!r.is_latest, versionDate: r.version_date ?? null })
    }
  }
  return [...out.values()]
}
