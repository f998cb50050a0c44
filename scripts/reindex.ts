// npm run reindex [-- <index> ...]: rebuilds search indexes from PostgreSQL into fresh indexes and
// swaps them in atomically. With PGlite, stop the server first (PGlite is single-process).
import { createAppContext } from '../server/app-context'
import { reindex } from '../server/adapters/search/indexes'
import { loadConfig } from '../server/config'

async function main() {
  const config = loadConfig(process.env)
  const ctx = await createAppContext(config, { startWorker: false, seed: false, ensureIndexes: false })
  try {
    if (!ctx.search) throw new Error('搜索服务不可用，无法重建索引')
    const names = process.argv.slice(2).filter(a => !a.startsWith('-'))
    const defs = names.length ? ctx.indexes.filter(d => names.includes(d.name)) : ctx.indexes
    if (names.length && defs.length !== names.length) {
      console.error(`未知的索引：${names.filter(n => !ctx.indexes.some(d => d.name === n)).join(', ')}（可选：${ctx.indexes.map(d => d.name).join(', ')}）`)
      process.exitCode = 2
      return
    }
    for (const def of defs) {
      const r = await reindex(ctx.db, ctx.search, def, m => console.log(m))
      console.log(`${def.name}: ${r.documents} documents in ${(r.ms / 1000).toFixed(1)} s`)
    }
  } finally {
    await ctx.close()
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : String(e))
  process.exit(1)
})
