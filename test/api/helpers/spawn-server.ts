// Starts a private instance of the built portal (for tests that stop and restart it).
import { spawn, type ChildProcess } from 'node:child_process'
import { resolve } from 'node:path'
import { freePort } from '../../../server/adapters/search/embedded'
import { startTimeoutMs, waitHealthy } from './wait-healthy'

export interface RunningServer { url: string, child: ChildProcess, output: () => string, stop(): Promise<void> }

export async function startServer(env: Record<string, string>, timeoutMs = startTimeoutMs()): Promise<RunningServer> {
  const port = await freePort()
  const fullEnv: Record<string, string> = { ...process.env as Record<string, string>, PORT: String(port), HOST: '127.0.0.1', NUXT_SEED_STATUTES: 'priority', ...env }
  if (!env.DATABASE_URL) {
    delete fullEnv.DATABASE_URL
    delete fullEnv.NUXT_DATABASE_URL
  }
  let out = ''
  const child = spawn(process.execPath, [resolve(process.env.PORTAL_OUTPUT_DIR ?? '.output', 'server/index.mjs')], { env: fullEnv, stdio: ['ignore', 'pipe', 'pipe'] })
  child.stdout!.on('data', (b: Buffer) => { out += b })
  child.stderr!.on('data', (b: Buffer) => { out += b })
  const url = `http://127.0.0.1:${port}`
  try {
    await waitHealthy({ url, name: 'the started server', child, output: () => out, timeoutMs, intervalMs: 200, ready: status => status >= 200 && status < 300 })
  } catch (e) {
    child.kill('SIGKILL') // not left running when its start failed
    throw e
  }
  return {
    url,
    child,
    output: () => out,
    stop: () => new Promise((ok) => {
      if (child.exitCode !== null) return ok()
      child.once('exit', () => ok())
      child.kill('SIGTERM')
    }),
  }
}

/** Polls /api/health until the search engine is up and the outbox is empty. */
export async function waitSettled(url: string, timeoutMs = 240_000): Promise<any> {
  const deadline = Date.now() + timeoutMs
  let last: any
  for (;;) {
    last = await (await fetch(`${url}/api/health`)).json()
    if (last.status === 'ok' && last.search.pendingOutbox === 0) return last
    if (Date.now() > deadline) throw new Error(`not settled: ${JSON.stringify(last)}`)
    await new Promise(r => setTimeout(r, 250))
  }
}

/** Starts the built server expecting it to stop by itself (a refused start): its exit code and output. */
export async function startRefused(env: Record<string, string>, timeoutMs = 240_000): Promise<{ code: number | null, stdout: string, stderr: string, fatal: string[] }> {
  const port = await freePort()
  const fullEnv: Record<string, string> = { ...process.env as Record<string, string>, PORT: String(port), HOST: '127.0.0.1', NUXT_SEED_STATUTES: 'priority', ...env }
  if (!env.DATABASE_URL) {
    delete fullEnv.DATABASE_URL
    delete fullEnv.NUXT_DATABASE_URL
  }
  const child = spawn(process.execPath, [resolve(process.env.PORTAL_OUTPUT_DIR ?? '.output', 'server/index.mjs')], { env: fullEnv, stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  child.stdout!.on('data', (b: Buffer) => { stdout += b })
  child.stderr!.on('data', (b: Buffer) => { stderr += b })
  const code = await new Promise<number | null>((ok) => {
    const timer = setTimeout(() => { child.kill('SIGKILL'); ok(null) }, timeoutMs)
    child.once('exit', (c) => { clearTimeout(timer); ok(c) })
  })
  // the lines that say why the start stopped (the logger writes them to stdout as JSON, console to stderr)
  const fatal = (stdout + '\n' + stderr).split('\n').filter(l => l.includes('启动失败') || l.includes('"level":"fatal"'))
  return { code, stdout, stderr, fatal }
}
