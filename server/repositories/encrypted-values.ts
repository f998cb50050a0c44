// Which personal-data keys the stored encrypted values were written with: a small sample of every
// `*_enc` text column (enc:v1:<keyId>:…), found through the catalogue so new tables count at once.
import { sql } from 'drizzle-orm'
import type { DbOrTx } from '../db/client'

const SAMPLE = 20

function rowsOf<T>(res: unknown): T[] {
  return (Array.isArray(res) ? res : (res as { rows: T[] }).rows) as T[]
}

export async function encryptedKeyIdsInUse(db: DbOrTx): Promise<string[]> {
  const cols = rowsOf<{ table_name: string, column_name: string }>(await db.execute(sql`
    select table_name, column_name from information_schema.columns
    where table_schema = current_schema() and column_name like '%\_enc' escape '\' and data_type = 'text'
    order by table_name, column_name`))
  const ids = new Set<string>()
  for (const c of cols) {
    const t = sql.identifier(c.table_name)
    const col = sql.identifier(c.column_name)
    const rows = rowsOf<{ kid: string }>(await db.execute(sql`
      select distinct split_part(v, ':', 3) as kid
      from (select ${col} as v from ${t} where ${col} like 'enc:v1:%' limit ${SAMPLE}) s`))
    for (const r of rows) if (r.kid) ids.add(r.kid)
  }
  return [...ids].sort()
}
