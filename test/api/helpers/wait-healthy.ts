// Waiting for a freshly started portal to answer /api/health. A cold start under CI load (two
// servers booting beside a build, the priority laws imported and indexed first) can take minutes:
// the cap is generous (API_SERVER_START_TIMEOUT_MS, default 6 min) while a healthy server is seen
// within one poll (250 ms), so the happy path is as fast as before. A server that does not come up
// fails with what it said: the last /api/health answer and its last log lines.

/** The cap on one server's start, in ms: `API_SERVER_START_TIMEOUT_MS`, default 6 minutes. */
export function startTimeoutMs(env: Record<string, string | undefined> = process.env): number {
  const v = Number(env.API_SERVER_START_TIMEOUT_MS)
  return Number.isFinite(v) && v > 0 ? v : 360_000
}

/** The last `n` non-empty lines of a log. */
export function lastLines(log: string, n = 40): string {
  return log.split('\n').filter(l => l.trim() !== '').slice(-n).join('\n')
}

export interface WaitHealthyOptions {
  url: string
  /** Which server (in messages). */
  name: string
  /** The process: `exitCode`/`signalCode` not null once it has stopped. */
  child: { exitCode: number | null, signalCode?: string | null }
  /** Everything it printed so far. */
  output: () => string
  timeoutMs?: number
  /** When the answer counts as up (default: a 2xx with `status: "ok"`). */
  ready?: (status: number, body: unknown) => boolean
  intervalMs?: number
  /** Said once when the start takes longer than `slowAfterMs` (default 60 s): CI logs show why it waits. */
  onSlow?: (message: string) => void
  slowAfterMs?: number
  fetch?: typeof fetch
}

const isOk = (status: number, body: unknown) => status >= 200 && status < 300 && (body as { status?: unknown } | null)?.status === 'ok'

export async function waitHealthy(o: WaitHealthyOptions): Promise<void> {
  const timeoutMs = o.timeoutMs ?? startTimeoutMs()
  const intervalMs = o.intervalMs ?? 250
  const slowAfterMs = o.slowAfterMs ?? 60_000
  const ready = o.ready ?? isOk
  const get = o.fetch ?? fetch
  const started = Date.now()
  const seconds = () => Math.round((Date.now() - started) / 1000)
  let last: string
  let saidSlow = false
  for (;;) {
    if (o.child.exitCode !== null || o.child.signalCode) {
      const how = o.child.exitCode !== null ? `exit code ${o.child.exitCode}` : `signal ${o.child.signalCode}`
      throw new Error(`${o.name} stopped (${how}) after ${seconds()} s, before /api/health answered ok. Its last log lines:\n${lastLines(o.output())}`)
    }
    try {
      const r = await get(`${o.url}/api/health`, { signal: AbortSignal.timeout(Math.max(intervalMs, 10_000)) })
      const text = await r.text()
      let body: unknown = text
      try { body = JSON.parse(text) } catch { /* not json */ }
      if (ready(r.status, body)) return
      last = `${r.status} ${text.slice(0, 300)}`
    } catch (e) {
      last = `no answer (${(e as Error).cause instanceof Error ? ((e as Error).cause as Error).message : (e as Error).message})`
    }
    const waited = Date.now() - started
    if (waited > timeoutMs) {
      throw new Error(`${o.name} not healthy after ${seconds()} s (the cap, API_SERVER_START_TIMEOUT_MS, is ${Math.round(timeoutMs / 1000)} s); `
        + `last /api/health answer: ${last}. Its last log lines:\n${lastLines(o.output())}`)
    }
    if (!saidSlow && waited > slowAfterMs) {
      saidSlow = true
      o.onSlow?.(`${o.name} still starting after ${seconds()} s (last /api/health answer: ${last}); waiting up to ${Math.round(timeoutMs / 1000)} s`)
    }
    await new Promise(r => setTimeout(r, intervalMs))
  }
}
