import type { Settings } from 'meilisearch'
import type { Db } from '../../db/client'

export type SearchDoc = Record<string, unknown> & { id: string }

/**
 * One Meilisearch index derived from PostgreSQL. PostgreSQL is the source of truth: every
 * document can be rebuilt from `loadDocs`/`loadAll`.
 */
export interface IndexDefinition {
  /** Logical name; the physical uid is `${prefix}${name}`. */
  name: string
  primaryKey: 'id'
  /** Settings declared in code, applied at start-up and on reindex. */
  settings(db: Db): Promise<Settings> | Settings
  /** Current documents for these ids; ids without a document (deleted/unpublished) are deleted from the index. */
  loadDocs(db: Db, ids: string[]): Promise<SearchDoc[]>
  /** Every document, in batches, for a rebuild. */
  loadAll(db: Db, batchSize: number): AsyncIterable<SearchDoc[]>
  /** How many documents the index should hold (drives the "rebuild if missing" check). */
  count(db: Db): Promise<number>
  /** Fields every document has in the current mapping: an index whose documents lack one is rebuilt at start. */
  requiredFields?: readonly string[]
}
