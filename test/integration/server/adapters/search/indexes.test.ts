// ensureIndexes against a real Meilisearch: documents written by an older mapping (missing a field
// the code now reads) are rebuilt from the definition at start-up; a current index is left alone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ensureIndexes } from '~~/server/adapters/search/indexes'
import { enqueueSearch } from '~~/server/repositories/search-outbox'
import { searchOutbox } from '~~/server/db/schema'
import type { IndexDefinition, SearchDoc } from '~~/server/adapters/search/types'
import { freshDb, type TestDb } from '../../../helpers/db'
import { testSearch } from '../../../helpers/search'

function def(docs: SearchDoc[], requiredFields?: string[]): IndexDefinition {
  return {
    name: 'mapping_probe', primaryKey: 'id', settings: () => ({ filterableAttributes: ['statuteIds'] }),
    loadDocs: async (_db, ids) => docs.filter(d => ids.includes(d.id)),
    async* loadAll() { yield docs },
    count: async () => docs.length,
    requiredFields,
  }
}

describe('ensureIndexes and the document mapping', () => {
  let t: TestDb
  const conn = testSearch()
  beforeAll(async () => { t = await freshDb('pglite') })
  afterAll(async () => { await conn.client.deleteIndexIfExists(conn.uid('mapping_probe')); await conn.client.deleteIndexIfExists(conn.uid('count_probe')); await t?.drop() })

  it('rebuilds an index whose documents lack a required field, once', async () => {
    const logs: string[] = []
    await ensureIndexes(t.db, conn, [def([{ id: 'a', title: 'old' }, { id: 'b', title: 'old' }])], m => logs.push(m))
    const current = def([{ id: 'a', title: 'new', statuteIds: ['S1'] }, { id: 'b', title: 'new', statuteIds: [] }], ['statuteIds'])
    await ensureIndexes(t.db, conn, [current], m => logs.push(m))
    expect(logs.some(l => l.includes('lack statuteIds'))).toBe(true)
    const docs = (await conn.client.index(conn.uid('mapping_probe')).getDocuments({ limit: 10 })).results
    expect(docs.map(d => [d.id, d.statuteIds]).sort()).toEqual([['a', ['S1']], ['b', []]])
    const before = logs.length
    await ensureIndexes(t.db, conn, [current], m => logs.push(m))
    expect(logs.slice(before).some(l => l.includes('rebuild'))).toBe(false)
  })

  it('leaves an index alone when the changes queued in the outbox explain its count, and rebuilds it otherwise', async () => {
    const logs: string[] = []
    const probe = (ids: string[]): IndexDefinition => ({ ...def(ids.map(id => ({ id, title: id }))), name: 'count_probe' })
    await ensureIndexes(t.db, conn, [probe(['a', 'b', 'c'])], m => logs.push(m))
    expect(logs.filter(l => l.includes('rebuilt with 3 documents'))).toHaveLength(1)
    // "c" left PostgreSQL (e.g. its law was marked not in force) and its outbox row waits for the worker
    await enqueueSearch(t.db, 'count_probe', ['c'])
    let before = logs.length
    await ensureIndexes(t.db, conn, [probe(['a', 'b'])], m => logs.push(m))
    expect(logs.slice(before).some(l => l.includes('rebuild'))).toBe(false)
    expect(logs.slice(before)).toContain(`search: index ${conn.uid('count_probe')} has 3 documents, PostgreSQL 2: 1 queued changes follow`)
    // two gone and one queued change: the index is rebuilt from PostgreSQL
    before = logs.length
    await ensureIndexes(t.db, conn, [probe(['a'])], m => logs.push(m))
    expect(logs.slice(before).some(l => l.includes('rebuilt with 1 documents'))).toBe(true)
    expect((await conn.client.index(conn.uid('count_probe')).getStats()).numberOfDocuments).toBe(1)
    await t.db.delete(searchOutbox)
  })
})
