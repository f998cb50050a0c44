// Imports the statute corpus into the database, then rebuilds the `statutes` search index.
//   npm run import:statutes            default corpus: priority laws + latest 法律/行政法规/司法解释 (~58k)
//   npm run import:statutes -- --full  all 147k articles (local rules and older versions included)
//   options: --force (rewrite present batches), --batch 1000, --no-index (skip the index rebuild)
// Resumable: rerun after an interruption; batches already stored are skipped with one count each.
// With the embedded database (PGlite) stop the portal first: one process owns the data folder.
import { loadConfig } from '../server/config'
import { createAppContext } from '../server/app-context'
import { reindex } from '../server/adapters/search/indexes'
import { statutesIndex } from '../server/adapters/search/definitions/statutes'
import { importStatutes, statuteFiles } from '../server/domain/cases/import-statutes'
import { formatDuration, formatProgress } from '../server/domain/cases/progress'
import { markImportComplete, statuteImportPort } from '../server/repositories/statutes'

const args = process.argv.slice(2)
const flag = (name: string) => args.includes(`--${name}`)
const value = (name: string, dflt: number) => {
  const i = args.indexOf(`--${name}`)
  const n = i >= 0 ? Number(args[i + 1]) : dflt
  return Number.isFinite(n) && n > 0 ? n : dflt
}

async function main() {
  const config = loadConfig()
  const corpus = flag('full') ? 'full' : 'default'
  const ctx = await createAppContext(config, { seed: false, startWorker: false, ensureIndexes: false, log: m => console.log(m) })
  try {
    console.log(`导入法条（${corpus === 'full' ? '全部 147k 条' : '默认语料'}），数据库：${ctx.dbDriver}`)
    let last = 0
    const res = await importStatutes(statuteImportPort(ctx.db), {
      files: statuteFiles(config.sharedDataDir),
      corpus,
      force: flag('force'),
      batchSize: value('batch', 1000),
      onProgress: (p) => {
        if (Date.now() - last < 2000 && p.done !== p.total) return
        last = Date.now()
        console.log(formatProgress('statutes', p))
      },
    })
    await markImportComplete(ctx.db, corpus, res.records)
    console.log(`完成：${res.records} 条（写入 ${res.written}，跳过 ${res.skipped}），用时 ${formatDuration(res.ms)}`)
    if (flag('no-index')) return
    if (!ctx.search) {
      console.log('搜索服务不可用：门户下次启动时会按数据库重建 statutes 索引。')
      return
    }
    const r = await reindex(ctx.db, ctx.search, statutesIndex, (m) => { if (/rebuilt|000 documents/.test(m)) console.log(m) })
    console.log(`statutes 索引已重建：${r.documents} 条，用时 ${formatDuration(r.ms)}`)
  } finally {
    await ctx.close()
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e)
  process.exit(1)
})
