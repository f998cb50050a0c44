// Creates a staff account from the command line:
//   npm run staff:add -- --username zhangsan --role reviewer [--display-name 张三]
// Password from STAFF_PASSWORD, or asked for (hidden) when run in a terminal.
// With the embedded database (PGlite) stop the portal first: one process owns the data folder
// (the same lock the server takes; this script refuses while a server holds it).
// Exit codes: 0 created, 2 bad input, 1 anything else.
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { Writable } from 'node:stream'
import { loadConfig, ConfigError } from '../server/config'
import { pgErrorOf } from '../server/db/client'
import { openCliDb } from '../server/db/cli'
import { DataFolderBusyError } from '../server/db/data-folder'
import { DomainError } from '../server/domain/errors'
import { createStaff } from '../server/domain/staff/service'
import { createStaffBody } from '../shared/schemas/staff'
import { STAFF_ROLES } from '../shared/types/staff'

class InputError extends Error {}

const USAGE = `用法：npm run staff:add -- --username <用户名> --role <${STAFF_ROLES.join('|')}> [--display-name <姓名>]
密码取自环境变量 STAFF_PASSWORD；在终端中运行时也可按提示输入（不回显）。`

export function parseArgs(argv: string[]): { username?: string, role?: string, displayName?: string } {
  const out: Record<string, string> = {}
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!
    const m = /^--(username|role|display-name)(?:=(.*))?$/.exec(a)
    if (!m) throw new InputError(`无法识别的参数：${a}\n${USAGE}`)
    const v = m[2] ?? argv[++i]
    if (v === undefined || (m[2] === undefined && v.startsWith('--'))) throw new InputError(`参数 --${m[1]} 缺少值\n${USAGE}`)
    out[m[1]!] = v
  }
  return { username: out.username, role: out.role, displayName: out['display-name'] }
}

function askHidden(question: string): Promise<string> {
  let muted = false
  const output = new Writable({ write(chunk, _enc, cb) { if (!muted) process.stdout.write(chunk); cb() } })
  const rl = createInterface({ input: process.stdin, output, terminal: true })
  return new Promise((resolve) => {
    rl.question(question, (answer) => { rl.close(); process.stdout.write('\n'); resolve(answer) })
    muted = true
  })
}

async function readPassword(): Promise<string> {
  const fromEnv = process.env.STAFF_PASSWORD
  if (fromEnv) return fromEnv
  if (!process.stdin.isTTY) throw new InputError('未提供密码：请设置环境变量 STAFF_PASSWORD，或在终端中运行以输入密码')
  const a = await askHidden('请输入新账号的密码（至少 10 个字符）：')
  const b = await askHidden('请再输入一次：')
  if (a !== b) throw new InputError('两次输入的密码不一致')
  return a
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2))
  if (!args.username || !args.role) throw new InputError(`缺少 --username 或 --role\n${USAGE}`)
  const parsed = createStaffBody.safeParse({ username: args.username, role: args.role, displayName: args.displayName ?? '', password: await readPassword() })
  if (!parsed.success) {
    const i = parsed.error.issues[0]!
    throw new InputError(`${i.path.join('.') || '输入'}：${i.message}`)
  }
  const config = loadConfig(process.env)
  const pgliteDir = join(config.dataDir, 'pglite')
  let handle
  try {
    handle = await openCliDb(config) // refuses while a server holds the data folder
    await handle.migrate()
  } catch (e) {
    await handle?.close().catch(() => {})
    if (e instanceof DataFolderBusyError) throw e
    const hint = config.database.url ? '请检查 DATABASE_URL 是否可以连接' : `内嵌数据库（${pgliteDir}）无法打开`
    throw new Error(`无法打开数据库：${hint}（${e instanceof Error ? e.message : String(e)}）`, { cause: e })
  }
  try {
    const user = await createStaff({ db: handle.db }, parsed.data, 'cli')
    console.log(`已创建账号 ${user.username}（角色：${user.role}，编号：${user.id}）`)
    return 0
  } finally {
    await handle.close()
  }
}

main().then((code) => { process.exitCode = code }).catch((e: unknown) => {
  if (e instanceof DataFolderBusyError) {
    console.error(`${e.message}（或改用 PostgreSQL：DATABASE_URL）`)
    process.exitCode = 1
  } else if (e instanceof InputError || e instanceof ConfigError) {
    console.error(e.message)
    process.exitCode = 2
  } else if (e instanceof DomainError && e.kind === 'bad_request') {
    console.error(e.message)
    process.exitCode = 2
  } else if (pgErrorOf(e)?.constraint === 'staff_users_username_key') {
    console.error('该用户名已被使用')
    process.exitCode = 2
  } else {
    console.error(e instanceof Error ? e.message : String(e))
    process.exitCode = 1
  }
})
