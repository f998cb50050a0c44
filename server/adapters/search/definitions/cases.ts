// The public case index: only PUBLISHED cases are documents. For a draft or unpublished case
// loadDocs returns nothing, so the outbox worker deletes it from the index.
import { createHash } from 'node:crypto'
import { inArray, sql } from 'drizzle-orm'
import { cases, type CaseRow } from '../../../db/schema'
import { lexiconSynonyms } from '../../../domain/search/lexicon'
import { approvedLexicon } from '../../../repositories/lexicon'
import { countPublishedCases, publishedCasesWithLaws } from '../../../repositories/cases'
import type { IndexDefinition, SearchDoc } from '../types'

export const CASES_INDEX = 'cases'

export function toCaseDoc(c: CaseRow & { lawTitles: string[], statuteIds: string[] }): SearchDoc {
  const doc = {
    id: c.id, slug: c.slug, title: c.title, category: c.category, groups: c.groups, region: c.region, kind: c.kind,
    summary: c.summary, commonQuestions: c.commonQuestions, explanation: c.explanation, facts: c.facts,
    question: c.question, outcome: c.outcome, lawTitles: c.lawTitles, statuteIds: c.statuteIds, date: c.date,
    publishedAt: c.publishedAt ? Math.floor(c.publishedAt.getTime() / 1000) : null,
  }
  // the document's revision: the library search keeps case cards in memory by id and rev (domain/cases/card-cache.ts)
  return { ...doc, rev: createHash('sha256').update(JSON.stringify(doc)).digest('base64url').slice(0, 16) }
}

export function caseIndexSettings(synonyms: Record<string, string[]> = {}) {
  return {
    searchableAttributes: ['title', 'commonQuestions', 'summary', 'explanation', 'question', 'facts', 'outcome', 'lawTitles'],
    // statuteIds: the library search also asks for the cases that cite the best-ranked articles;
    // id: it reads the page of cases it listed by id
    filterableAttributes: ['id', 'category', 'groups', 'region', 'kind', 'statuteIds'],
    sortableAttributes: ['publishedAt'],
    displayedAttributes: ['*'],
    synonyms,
    typoTolerance: { enabled: false },
    localizedAttributes: [{ attributePatterns: ['*'], locales: ['cmn'] }],
    faceting: { maxValuesPerFacet: 50 },
    pagination: { maxTotalHits: 1000 },
  }
}

export const casesIndex: IndexDefinition = {
  name: CASES_INDEX,
  primaryKey: 'id',
  async settings(db) {
    return caseIndexSettings(lexiconSynonyms(await approvedLexicon(db)))
  },
  async loadDocs(db, ids) {
    if (!ids.length) return []
    return (await publishedCasesWithLaws(db, inArray(cases.id, ids))).map(toCaseDoc)
  },
  async* loadAll(db, batchSize) {
    let after = '00000000-0000-0000-0000-000000000000'
    for (;;) {
      const rows = await publishedCasesWithLaws(db, sql`${cases.id} > ${after}`, batchSize)
      if (!rows.length) return
      yield rows.map(toCaseDoc)
      after = rows[rows.length - 1]!.id
    }
  },
  count: db => countPublishedCases(db),
  requiredFields: ['statuteIds', 'rev'],
}
