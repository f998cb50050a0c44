// The statute index: one document per article IN FORCE, built with the search module's toStatuteDoc
// and settings (synonyms from the APPROVED lexicon entries in the database). Articles that are not
// law in force (statutes.in_force false: superseded versions, repealed instruments, laws an editor
// marked) are never indexed: an outbox row for one deletes it from the index.
import type { Db } from '../../../db/client'
import { statuteIndexSettings, toStatuteDoc, type StatuteDoc } from '../../../domain/search/statute-doc'
import { approvedLexicon } from '../../../repositories/lexicon'
import { countStatutes, getStatutes, statutesAfter, toStatuteRecord } from '../../../repositories/statutes'
import type { IndexDefinition, SearchDoc } from '../types'

export const STATUTES_INDEX = 'statutes'

/** Every article in force as a statute document, in batches by id (the index rebuild and the statute ranker read this). */
export async function* statuteDocBatches(db: Db, batchSize: number, lawTitles?: readonly string[]): AsyncGenerator<StatuteDoc[]> {
  let after = ''
  for (;;) {
    const rows = await statutesAfter(db, after, batchSize, { inForceOnly: true, lawTitles })
    if (!rows.length) return
    yield rows.map(r => toStatuteDoc(toStatuteRecord(r)))
    after = rows[rows.length - 1]!.id
  }
}

const asSearchDocs = (docs: StatuteDoc[]) => docs as unknown as SearchDoc[]

export const statutesIndex: IndexDefinition = {
  name: STATUTES_INDEX,
  primaryKey: 'id',
  async settings(db) {
    return statuteIndexSettings(await approvedLexicon(db))
  },
  async loadDocs(db, ids) {
    return asSearchDocs((await getStatutes(db, ids)).filter(r => r.inForce).map(r => toStatuteDoc(toStatuteRecord(r))))
  },
  async* loadAll(db, batchSize) {
    for await (const docs of statuteDocBatches(db, batchSize)) yield asSearchDocs(docs)
  },
  count: db => countStatutes(db, { inForceOnly: true }),
  // documents of the mapping before in_force existed: rebuild (drops the articles not in force)
  requiredFields: ['in_force'],
}
