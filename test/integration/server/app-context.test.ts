// A first start on a fresh data folder (issue 12): the statute index is built ONCE. The start-up
// index check builds it from the articles stored before the portal answers (the priority laws);
// the rest of the corpus, imported in the background, reaches the live index batch by batch as it
// is stored. Before the fix the index check raced the background import (its rebuild read the
// growing table) and the import then rebuilt the whole index again: every article was sent to
// Meilisearch twice or more. Counted here from the engine's own task list: the documents of every
// addition task on the statutes index (and its rebuild twin `statutes__next`).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { createAppContext, type AppContext } from '~~/server/app-context'
import { parseConfig } from '~~/server/config'
import { corpusRecords, statuteFiles } from '~~/server/domain/cases/import-statutes'
import type { StatuteRecord } from '~~/server/domain/search/statute-doc'
import { countStatutes } from '~~/server/repositories/statutes'
import { seedStatuteFlags, seedStatutes, statuteImportInBackground } from '~~/server/seed/cases'
import { checkHealth } from '~~/server/domain/health/service'
import { settledWithin } from '~~/server/domain/platform/settled-within'
import { sharedDataDir } from '../helpers/db'

const PRIORITY = 300
const REST = 2_500

describe('first start on a fresh data folder', () => {
  const dir = mkdtempSync(join(tmpdir(), 'first-start-'))
  const prefix = `fs${randomBytes(4).toString('hex')}_`
  const logs: string[] = []
  let ctx: AppContext | undefined
  let settledAtStart: boolean | undefined
  let rankedAtStart = 0

  beforeAll(async () => {
    // a small dataset of the real layout: some priority laws, and a "big file" of default-corpus articles
    const priority: StatuteRecord[] = []
    const rest: StatuteRecord[] = []
    for await (const r of corpusRecords(statuteFiles(sharedDataDir), 'default')) {
      if (priority.length < PRIORITY) priority.push(r)
      else if (rest.length < REST) rest.push(r)
      else break
    }
    mkdirSync(join(dir, 'shared', 'statutes'), { recursive: true })
    const jsonl = (rs: StatuteRecord[]) => rs.map(r => JSON.stringify(r)).join('\n') + '\n'
    writeFileSync(join(dir, 'shared', 'statutes', 'statutes_priority.jsonl'), jsonl(priority))
    writeFileSync(join(dir, 'shared', 'statutes', 'statutes.jsonl.gz'), gzipSync(jsonl([...priority, ...rest])))
    const config = parseConfig({
      dataDir: join(dir, 'data'), sharedDataDir: join(dir, 'shared'),
      database: {}, session: {}, crypto: {},
      meilisearch: { host: inject('meiliHost'), apiKey: inject('meiliKey'), indexPrefix: prefix },
      seed: { demo: false, statutes: 'default' }, worker: { intervalMs: 100 },
    })
    ctx = await createAppContext(config, { seedSteps: [seedStatuteFlags, seedStatutes], log: m => logs.push(m) })
    settledAtStart = await settledWithin(ctx.statutesSettled, 0)
    rankedAtStart = ctx.statuteRanker.current()?.ranker.size ?? 0
    await ctx.statutesSettled
    await statuteImportInBackground()
    await ctx.indexesReady
  }, 300_000)

  afterAll(async () => {
    await ctx?.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('sends every article in force to the statutes index once', { timeout: 120_000 }, async () => {
    const conn = ctx!.search!
    const uid = conn.uid('statutes')
    const inForce = await countStatutes(ctx!.db, { inForceOnly: true })
    expect(inForce).toBeGreaterThan(PRIORITY + REST / 2)
    const additions = async () => (await conn.client.tasks.getTasks({ indexUids: [uid, `${uid}__next`], types: ['documentAdditionOrUpdate'], limit: 1000 })).results
    let tasks = await additions()
    for (const until = Date.now() + 60_000; tasks.some(t => t.status === 'enqueued' || t.status === 'processing') && Date.now() < until;) {
      await new Promise(r => setTimeout(r, 250))
      tasks = await additions()
    }
    expect(tasks.every(t => t.status === 'succeeded')).toBe(true)
    const sent = tasks.reduce((n, t) => n + (t.details?.receivedDocuments ?? 0), 0)
    expect((await conn.client.index(uid).getStats()).numberOfDocuments).toBe(inForce)
    expect(sent).toBe(inForce)
  })

  it('says when the whole corpus ranks: statutesSettled waits for the import and the rebuild after it', async () => {
    // when the portal first answers, only the priority laws rank and the rest is still being imported
    expect(settledAtStart).toBe(false)
    // settled: the ranker holds every article in force that was imported, not only those stored at start
    const inForce = await countStatutes(ctx!.db, { inForceOnly: true })
    expect(rankedAtStart).toBeLessThan(inForce / 2)
    expect(ctx!.statuteRanker.current()?.ranker.size).toBe(inForce)
    expect(logs.some(l => l.includes('statute corpus complete'))).toBe(true)
    expect((await checkHealth(ctx!)).search.ranker?.complete).toBe(true)
  })
})
