// LOAD TESTS ONLY: the bulk judgments in their own index, apart from the public case library.
// The index holds what the table holds (empty unless `npm run import:bulk-cases` was run).
import { bulkCasesAfter, countBulkCases, getBulkCases } from '../../../repositories/bulk-cases'
import type { BulkCaseRow } from '../../../db/schema'
import type { IndexDefinition, SearchDoc } from '../types'

export const BULK_CASES_INDEX = 'bulk_cases'

/** Long judgments are cut: the load test needs realistic size, not whole documents. */
const cut = (s: string, n: number) => (s.length > n ? s.slice(0, n) : s)

export function toBulkCaseDoc(r: BulkCaseRow): SearchDoc {
  return {
    id: r.id, source: r.source, title: r.title, caseType: r.caseType, topic: r.topic, causeOfAction: r.causeOfAction,
    charges: r.charges, year: r.year, facts: cut(r.facts, 4000), reasoning: cut(r.reasoning, 4000), judgment: cut(r.judgment, 2000),
  }
}

export const bulkCasesIndex: IndexDefinition = {
  name: BULK_CASES_INDEX,
  primaryKey: 'id',
  settings: () => ({
    searchableAttributes: ['title', 'facts', 'causeOfAction', 'charges', 'reasoning', 'judgment'],
    filterableAttributes: ['source', 'caseType', 'topic', 'year'],
    displayedAttributes: ['*'],
    typoTolerance: { enabled: false },
    localizedAttributes: [{ attributePatterns: ['*'], locales: ['cmn'] }],
  }),
  async loadDocs(db, ids) {
    return (await getBulkCases(db, ids)).map(toBulkCaseDoc)
  },
  async* loadAll(db, batchSize) {
    let after = ''
    for (;;) {
      const rows = await bulkCasesAfter(db, after, Math.min(batchSize, 1000))
      if (!rows.length) return
      yield rows.map(toBulkCaseDoc)
      after = rows[rows.length - 1]!.id
    }
  },
  count: db => countBulkCases(db),
}
