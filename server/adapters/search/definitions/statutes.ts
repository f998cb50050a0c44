// The statute index: one document per article, built with the search module's toStatuteDoc and
// settings (synonyms from the APPROVED lexicon entries in the database).
import { statuteIndexSettings, toStatuteDoc } from '../../../domain/search/statute-doc'
import { approvedLexicon } from '../../../repositories/lexicon'
import { countStatutes, getStatutes, statutesAfter, toStatuteRecord } from '../../../repositories/statutes'
import type { IndexDefinition, SearchDoc } from '../types'

export const STATUTES_INDEX = 'statutes'

const toDoc = (r: Parameters<typeof toStatuteRecord>[0]) => toStatuteDoc(toStatuteRecord(r)) as unknown as SearchDoc

export const statutesIndex: IndexDefinition = {
  name: STATUTES_INDEX,
  primaryKey: 'id',
  async settings(db) {
    return statuteIndexSettings(await approvedLexicon(db))
  },
  async loadDocs(db, ids) {
    return (await getStatutes(db, ids)).map(toDoc)
  },
  async* loadAll(db, batchSize) {
    let after = ''
    for (;;) {
      const rows = await statutesAfter(db, after, batchSize)
      if (!rows.length) return
      yield rows.map(toDoc)
      after = rows[rows.length - 1]!.id
    }
  },
  count: db => countStatutes(db),
}
