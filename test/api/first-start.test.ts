// A first start on a fresh data folder imports the rest of the statute corpus in the background after the
// portal answers (the priority laws first). A library search made in that window used to be answered by
// the laws stored so far, silently; now it waits until the whole corpus ranks (LIBRARY_SETTLE_MS), and
// /api/health says when that is (search.ranker.complete). A small dataset of the real layout keeps the
// import to seconds; the search asks for an article of the part imported in the background, by citation.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { corpusRecords, statuteFiles } from '~~/server/domain/cases/import-statutes'
import type { StatuteRecord } from '~~/server/domain/search/statute-doc'
import { sharedDataDir } from '../integration/helpers/db'
import { startServer, type RunningServer } from './helpers/spawn-server'

const dir = mkdtempSync(join(tmpdir(), 'first-start-api-'))
let server: RunningServer | undefined

afterAll(async () => {
  await server?.stop()
  rmSync(dir, { recursive: true, force: true })
})

/** Every statute id the seed imports before the portal answers besides the priority file: cited by a known question or a case. */
function citedIds(): Set<string> {
  const text = readFileSync(join(sharedDataDir, 'eval/stard_train.jsonl'), 'utf8')
    + readdirSync(resolve('content/cases/explained')).map(f => readFileSync(resolve('content/cases/explained', f), 'utf8')).join('\n')
    + readFileSync(join(sharedDataDir, 'cases/typical_cases.jsonl'), 'utf8')
  return new Set(text.match(/L[0-9a-f]{10}-a\d{4}/g) ?? [])
}

describe('a library search right after a first start', () => {
  it('waits until the whole corpus ranks, then answers from it', { timeout: 600_000 }, async () => {
    const priority: StatuteRecord[] = []
    const rest: StatuteRecord[] = []
    for await (const r of corpusRecords(statuteFiles(sharedDataDir), 'default')) {
      if (priority.length < 300) priority.push(r)
      else if (rest.length < 3_000) rest.push(r)
      else break
    }
    const cited = citedIds()
    const early = new Set(priority.map(r => r.law_id))
    // the last article in force of a law the start does not store: it arrives with the background import
    const target = [...rest].reverse().find(r => r.in_force && !early.has(r.law_id) && !cited.has(r.id) && r.article_label && (r.law_short_title ?? r.law_title))!
    expect(target).toBeDefined()
    const shared = join(dir, 'shared')
    mkdirSync(join(shared, 'statutes'), { recursive: true })
    mkdirSync(join(shared, 'cases'), { recursive: true })
    mkdirSync(join(shared, 'eval'), { recursive: true })
    const jsonl = (rs: StatuteRecord[]) => rs.map(r => JSON.stringify(r)).join('\n') + '\n'
    writeFileSync(join(shared, 'statutes', 'statutes_priority.jsonl'), jsonl(priority))
    writeFileSync(join(shared, 'statutes', 'statutes.jsonl.gz'), gzipSync(jsonl([...priority, ...rest])))
    symlinkSync(join(sharedDataDir, 'cases/typical_cases.jsonl'), join(shared, 'cases', 'typical_cases.jsonl'))
    symlinkSync(join(sharedDataDir, 'eval/stard_train.jsonl'), join(shared, 'eval', 'stard_train.jsonl'))

    server = await startServer({ NUXT_DATA_DIR: join(dir, 'data'), NUXT_SHARED_DATA_DIR: shared, NUXT_SEED_STATUTES: 'default' })
    // at once, while the background import may still run
    const q = `${target.law_short_title ?? target.law_title}${target.article_label}`
    const res = await fetch(`${server.url}/api/search?q=${encodeURIComponent(q)}`)
    expect(res.status).toBe(200)
    const body = await res.json() as { statutes: { hits: Array<{ id: string }> }, loading?: boolean }
    expect(body.loading).toBeUndefined()
    expect(body.statutes.hits[0]?.id).toBe(target.id)
    expect(server.output()).toContain('statute corpus complete')
    const health = await (await fetch(`${server.url}/api/health`)).json() as { search: { ranker: { complete: boolean, articles: number } } }
    expect(health.search.ranker.complete).toBe(true)
    expect(health.search.ranker.articles).toBeGreaterThan(priority.length)
  })
})
