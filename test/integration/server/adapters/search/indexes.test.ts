// ensureIndexes against a real Meilisearch: documents written by an older mapping (missing a field
// the code now reads) are rebuilt from the definition at start-up; a current index is left alone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ensureIndexes } from '~~/server/adapters/search/indexes'
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
  afterAll(async () => { await conn.client.deleteIndexIfExists(conn.uid('mapping_probe')); await t?.drop() })

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
})
