// The API suite's wait for a started portal: quick when it is up, a long cap when it is not, and a
// failure that says why (the last /api/health answer and the server's last log lines).
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { lastLines, startTimeoutMs, waitHealthy } from '../../../api/helpers/wait-healthy'

let server: Server
let url: string
let healthy = false
let calls = 0

beforeAll(async () => {
  server = createServer((req, res) => {
    calls++
    res.writeHead(healthy ? 200 : 503, { 'content-type': 'application/json' })
    res.end(JSON.stringify({ status: healthy ? 'ok' : 'starting', db: { ok: healthy } }))
  })
  await new Promise<void>(r => server.listen(0, '127.0.0.1', r))
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(() => new Promise<void>(r => server.close(() => r())))

const running = { exitCode: null }
const log = Array.from({ length: 100 }, (_, i) => `line ${i + 1}`).join('\n')

describe('waitHealthy', () => {
  it('returns at the first ok answer, without waiting out an interval', async () => {
    healthy = true
    calls = 0
    const t0 = Date.now()
    await waitHealthy({ url, name: 's', child: running, output: () => '', intervalMs: 5_000 })
    expect(Date.now() - t0).toBeLessThan(2_000)
    expect(calls).toBe(1)
  })

  it('polls until the answer is ok', async () => {
    healthy = false
    calls = 0
    setTimeout(() => { healthy = true }, 300)
    await waitHealthy({ url, name: 's', child: running, output: () => '', intervalMs: 50 })
    expect(calls).toBeGreaterThan(1)
  })

  it('past the cap: fails with the last answer and the last 40 log lines, and says once that it is slow', async () => {
    healthy = false
    const slow: string[] = []
    const err = await waitHealthy({ url, name: 'API test server on pg', child: running, output: () => log, timeoutMs: 600, intervalMs: 50, slowAfterMs: 100, onSlow: m => slow.push(m) }).catch((e: Error) => e)
    expect(err).toBeInstanceOf(Error)
    const msg = (err as Error).message
    expect(msg).toMatch(/^API test server on pg not healthy after \d+ s \(the cap, API_SERVER_START_TIMEOUT_MS, is 1 s\); last \/api\/health answer: 503 \{"status":"starting"/)
    const lines = msg.split('\n')
    expect(lines).toContain('line 100')
    expect(lines).toContain('line 61')
    expect(lines).not.toContain('line 60')
    expect(slow).toHaveLength(1)
    expect(slow[0]).toMatch(/still starting after \d+ s \(last \/api\/health answer: 503/)
  })

  it('a server that stopped fails at once with its exit code and log', async () => {
    const t0 = Date.now()
    const err = await waitHealthy({ url, name: 's', child: { exitCode: 1 }, output: () => '启动失败：数据目录被占用\n', timeoutMs: 60_000 }).catch((e: Error) => e)
    expect((err as Error).message).toMatch(/^s stopped \(exit code 1\) after 0 s, before \/api\/health answered ok\. Its last log lines:\n启动失败：数据目录被占用$/)
    expect(Date.now() - t0).toBeLessThan(1_000)
    const killed = await waitHealthy({ url, name: 's', child: { exitCode: null, signalCode: 'SIGKILL' }, output: () => '' }).catch((e: Error) => e)
    expect((killed as Error).message).toMatch(/stopped \(signal SIGKILL\)/)
  })

  it('nothing listening: the last answer says so', async () => {
    const closed = createServer()
    await new Promise<void>(r => closed.listen(0, '127.0.0.1', r))
    const port = (closed.address() as AddressInfo).port
    await new Promise<void>(r => closed.close(() => r()))
    const err = await waitHealthy({ url: `http://127.0.0.1:${port}`, name: 's', child: running, output: () => '', timeoutMs: 200, intervalMs: 50 }).catch((e: Error) => e)
    expect((err as Error).message).toMatch(/last \/api\/health answer: no answer \(.*ECONNREFUSED/)
  })
})

describe('the cap and the log tail', () => {
  it('the cap is API_SERVER_START_TIMEOUT_MS, else 6 minutes (a bad value too)', () => {
    expect(startTimeoutMs({})).toBe(360_000)
    expect(startTimeoutMs({ API_SERVER_START_TIMEOUT_MS: '900000' })).toBe(900_000)
    expect(startTimeoutMs({ API_SERVER_START_TIMEOUT_MS: 'soon' })).toBe(360_000)
    expect(startTimeoutMs({ API_SERVER_START_TIMEOUT_MS: '-5' })).toBe(360_000)
  })
  it('lastLines keeps the last non-empty lines', () => {
    expect(lastLines('a\n\nb\nc\n', 2)).toBe('b\nc')
  })
})
