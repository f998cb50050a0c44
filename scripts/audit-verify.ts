// npm run audit:verify: recomputes the audit log's hash chain and reports the first broken link
// (an edited row, a removed or inserted row, a head that does not point at the last row).
// Exit 0 when the chain is whole, 1 when it is broken, 2 when the check could not run.
// With PGlite, stop the server first (PGlite is single-process): the script takes the data folder's
// lock like the server and staff:add, and refuses (exit 2, naming the holder) while a server holds it.
import { loadConfig } from '../server/config'
import { openCliDb } from '../server/db/cli'
import { DataFolderBusyError } from '../server/db/data-folder'
import { verifyAuditChain } from '../server/domain/audit/verify'

const reasons = {
  unchained: '该行没有链接哈希（链开始后写入的行不应如此）',
  edited: '该行内容与其哈希不符（被修改过）',
  gap: '该行记录的上一哈希与前一行不符（前面有行被删除或插入）',
  head: '链头与最后一行不符（末尾有行被删除或链头被改动）',
} as const

async function main() {
  const handle = await openCliDb(loadConfig(process.env))
  try {
    const r = await verifyAuditChain(handle.db)
    if (r.ok) {
      console.log(`审计日志哈希链完整：共 ${r.rows} 行，其中 ${r.chained} 行在链上。`)
      return
    }
    const b = r.firstBreak!
    console.log(`审计日志哈希链断裂：第一个断点在 id=${b.id ?? '（末尾）'} — ${reasons[b.reason]}（已检查 ${r.rows} 行）`)
    process.exitCode = 1
  } finally {
    await handle.close()
  }
}

main().catch((e) => {
  if (e instanceof DataFolderBusyError) {
    console.error(`无法校验审计日志：${e.message}（或改用 PostgreSQL：DATABASE_URL）`)
    process.exit(2)
  }
  console.error(`无法校验审计日志：${e instanceof Error ? e.constructor.name : String(e)}`)
  process.exit(2)
})
