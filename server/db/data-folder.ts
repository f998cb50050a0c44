// The embedded data folder (PGlite database, Meilisearch index, keys): one process at a time, and
// readable by its owner only. Framework-free.
//
// The lock is a listening Unix socket named after the folder: the kernel holds it for exactly as
// long as the process lives (kill -9 included), so it cannot go stale, and a second process cannot
// take it. On Linux it lives in the abstract namespace (no file at all); elsewhere it is a socket
// file in the temp folder, which a later process may replace only when nothing answers on it.
// Whoever asks is told the holder's pid and role. Note: the abstract namespace is per network
// namespace — containers sharing one data volume need a shared network namespace (or PostgreSQL).
import { createHash } from 'node:crypto'
import { chmodSync, lstatSync, mkdirSync, readdirSync, realpathSync, rmSync } from 'node:fs'
import { connect, createServer, type Server } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

export class DataFolderBusyError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'DataFolderBusyError'
  }
}

export interface DataFolderLock {
  readonly dir: string
  release(): Promise<void>
}

interface Holder { pid: number, role: string }

function lockAddress(dir: string): string {
  const hash = createHash('sha256').update(realpathSync(dir)).digest('hex').slice(0, 32)
  return process.platform === 'linux' ? `\0yinchuan-portal/${hash}` : join(tmpdir(), `yinchuan-portal-${hash}.sock`)
}

function listen(address: string, holder: Holder): Promise<Server> {
  return new Promise((ok, fail) => {
    const srv = createServer((sock) => { sock.end(JSON.stringify(holder)) })
    srv.once('error', fail)
    srv.listen(address, () => {
      srv.off('error', fail)
      srv.unref()
      ok(srv)
    })
  })
}

/** Asks the holder who it is; null when nothing answers (a left-over socket file). */
function askHolder(address: string): Promise<Holder | null> {
  return new Promise((ok) => {
    let data = ''
    const sock = connect(address)
    sock.setTimeout(2000, () => { sock.destroy(); ok({ pid: 0, role: 'unknown' }) })
    sock.on('data', (b) => { data += b })
    sock.on('end', () => {
      try {
        ok(JSON.parse(data) as Holder)
      } catch {
        ok({ pid: 0, role: 'unknown' })
      }
    })
    sock.on('error', (e: NodeJS.ErrnoException) => ok(e.code === 'ECONNREFUSED' || e.code === 'ENOENT' ? null : { pid: 0, role: 'unknown' }))
  })
}

const ROLE_NAMES: Record<string, string> = { server: '门户服务', cli: '命令行脚本' }

/**
 * Takes the folder for this process or throws DataFolderBusyError naming the holder.
 * `role` says who holds it ('server' or 'cli') to whoever asks later.
 */
export async function lockDataFolder(dir: string, role: 'server' | 'cli'): Promise<DataFolderLock> {
  const abs = resolve(dir)
  mkdirSync(abs, { recursive: true, mode: 0o700 })
  const address = lockAddress(abs)
  const holder = { pid: process.pid, role }
  let srv: Server
  try {
    srv = await listen(address, holder)
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw e
    const other = await askHolder(address)
    if (other === null && !address.startsWith('\0')) {
      rmSync(address, { force: true }) // a socket file left by a process that died
      srv = await listen(address, holder)
    } else {
      const who = other?.pid ? `进程 ${other.pid}（${ROLE_NAMES[other.role] ?? other.role}）` : '另一个进程'
      throw new DataFolderBusyError(`数据目录 ${abs} 正被${who}使用：同一数据目录同时只能由一个门户服务或命令行脚本打开。请先停止它，或为本进程设置另一个 NUXT_DATA_DIR。`)
    }
  }
  return {
    dir: abs,
    release: () => new Promise<void>(ok => srv.close(() => ok())),
  }
}

/**
 * Owner-only permissions for the data folder: new files from now on (umask 077, inherited by the
 * embedded Meilisearch) and everything already there (folders 0700, files without group/other
 * bits — an earlier version left the database world-writable).
 */
export function restrictDataFolder(dir: string): number {
  process.umask(0o077)
  const abs = resolve(dir)
  mkdirSync(abs, { recursive: true, mode: 0o700 })
  let fixed = 0
  const walk = (p: string) => {
    const st = lstatSync(p)
    if (st.isSymbolicLink()) return
    const want = st.isDirectory() ? 0o700 : st.mode & 0o700
    if ((st.mode & 0o777) !== want) {
      chmodSync(p, want)
      fixed++
    }
    if (st.isDirectory()) for (const name of readdirSync(p)) walk(join(p, name))
  }
  walk(abs)
  return fixed
}
