// LOAD TESTS ONLY: imports $SHARED_DATA_DIR/cases/bulk_cases.jsonl.gz (11,364 real judgments) into
// the separate `bulk_cases` table and rebuilds the separate `bulk_cases` search index.
// Never part of the demo seed: some judgments carry real names and CAIL data is research-only, so
// the file is not in the repository (see data/README.md): without it the script stops with a note.
//   npm run import:bulk-cases [-- --force] [-- --no-index]
// Idempotent and resumable (upsert by id in batches of 1000; present batches are skipped).
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { loadConfig } from '../server/config'
import { createAppContext } from '../server/app-context'
import { reindex } from '../server/adapters/search/indexes'
import { bulkCasesIndex } from '../server/adapters/search/definitions/bulk-cases'
import { readJsonl } from '../server/domain/cases/jsonl'
import { formatDuration, formatProgress, progressOf } from '../server/domain/cases/progress'
import { countExistingBulk, upsertBulkCases, type BulkCaseRecord } from '../server/repositories/bulk-cases'

const args = process.argv.slice(2)
const TOTAL = 11_364

async function main() {
  const config = loadConfig()
  const file = join(config.sharedDataDir, 'cases', 'bulk_cases.jsonl.gz')
  if (!existsSync(file)) {
    console.error(bulkMissing(file))
    process.exit(2)
  }
  const ctx = await createAppContext(config, { seed: false, startWorker: false, ensureIndexes: false, log: m => console.log(m) })
  try {
    const t0 = Date.now()
    let done = 0
    let skipped = 0
    let last = 0
    let batch: BulkCaseRecord[] = []
    const flush = async () => {
      if (!batch.length) return
      if (!args.includes('--force') && await countExistingBulk(ctx.db, batch.map(b => b.id)) === batch.length) skipped += batch.length
      else await upsertBulkCases(ctx.db, batch)
      done += batch.length
      batch = []
      if (Date.now() - last > 2000) {
        last = Date.now()
        console.log(formatProgress('bulk_cases', progressOf(done, skipped, TOTAL, t0)))
      }
    }
    for await (const r of readJsonl<BulkCaseRecord>(file)) {
      batch.push(r)
      if (batch.length >= 1000) await flush()
    }
    await flush()
    console.log(`完成：${done} 条（跳过 ${skipped}），用时 ${formatDuration(Date.now() - t0)}`)
    if (args.includes('--no-index')) return
    if (!ctx.search) {
      console.log('搜索服务不可用：门户下次启动时会按数据库重建 bulk_cases 索引。')
      return
    }
    const res = await reindex(ctx.db, ctx.search, bulkCasesIndex, (m) => { if (/0000 documents|rebuilt/.test(m)) console.log(m) }, 1000)
    console.log(`bulk_cases 索引已重建：${res.documents} 条，用时 ${formatDuration(res.ms)}`)
  } finally {
    await ctx.close()
  }
}

function bulkMissing(file: string): string {
  return `找不到 ${file}：批量裁判文书（LeCaRD、CAIL2019，含真实姓名、仅限研究用途）不随项目发布，只用于负载测试。`
    + '请向项目维护者索取（见 data/README.md「Not here, on purpose」），放在某个目录的 cases/ 下，并把 SHARED_DATA_DIR 设为该目录后重试。'
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e)
  process.exit(1)
})
