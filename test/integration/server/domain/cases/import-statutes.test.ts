// The statute import against a real database: idempotent, and resumable after an interruption.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importStatutes, statuteFiles } from '~~/server/domain/cases/import-statutes'
import { readJsonl } from '~~/server/domain/cases/jsonl'
import { countStatutes, getStatute, statuteImportPort } from '~~/server/repositories/statutes'
import { drivers, freshDb, sharedDataDir, type TestDb } from '../../../helpers/db'

const files = statuteFiles(sharedDataDir)
let expected = 0
for await (const _ of readJsonl(files.priority)) expected++

describe.each(drivers())('statute import on %s', (driver) => {
  let t: TestDb
  beforeAll(async () => { t = await freshDb(driver) })
  afterAll(async () => { await t?.drop() })

  it('resumes after an interruption and ends with the same count as one full run', async () => {
    const port = statuteImportPort(t.db)
    const first = await importStatutes(port, { files, corpus: 'priority', batchSize: 200, stopAfterBatches: 3, countFirst: false })
    expect(first.complete).toBe(false)
    expect(first.batches).toBe(3)
    expect(await countStatutes(t.db)).toBe(600)

    const progress: number[] = []
    const second = await importStatutes(port, { files, corpus: 'priority', batchSize: 200, onProgress: p => progress.push(p.done) })
    expect(second.complete).toBe(true)
    expect(second.skipped).toBe(600)
    expect(second.written).toBe(expected - 600)
    expect(progress.at(-1)).toBe(expected)
    expect(await countStatutes(t.db)).toBe(expected)
  })

  it('is idempotent: a rerun skips every batch and changes nothing', async () => {
    const port = statuteImportPort(t.db)
    const again = await importStatutes(port, { files, corpus: 'priority', batchSize: 500, countFirst: false })
    expect(again.written).toBe(0)
    expect(again.skipped).toBe(expected)
    expect(await countStatutes(t.db)).toBe(expected)
    // Stored under the dataset id, with the dataset's fields.
    const s = await getStatute(t.db, 'L67a404eb29-a0031')
    expect(s?.lawTitle).toBe('中华人民共和国法律援助法')
    expect(s?.articleLabel).toBe('第三十一条')
  })

  it('takes cited articles from the big file whatever their level, and forced reruns rewrite', async () => {
    const port = statuteImportPort(t.db)
    const extra = new Set(['L1f6f87cfc0-doc'])
    const res = await importStatutes(port, { files, corpus: 'priority', extraIds: extra, countFirst: false, force: true })
    expect(res.records).toBe(expected + 1)
    expect(res.written).toBe(expected + 1)
    const doc = await getStatute(t.db, 'L1f6f87cfc0-doc')
    expect(doc?.articleNo).toBeNull()
    expect(doc?.level).toBe('地方性法规')
  })
})
