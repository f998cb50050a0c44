import { spawnSync } from 'node:child_process'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

/** Starts the built server with extra settings and waits for it to stop (it must, at once). */
function startWith(env: Record<string, string>) {
  const r = spawnSync(process.execPath, [resolve(process.env.PORTAL_OUTPUT_DIR ?? '.output', 'server/index.mjs')], {
    env: { ...process.env, PORT: '0', NUXT_DATA_DIR: '/tmp/never-used-config-test', ...env },
    encoding: 'utf8',
    timeout: 30_000,
  })
  return { ...r, errLines: r.stderr.trim().split('\n').filter(Boolean) }
}

describe('start-up configuration check', () => {
  it('a bad setting stops the server with one clear line naming it, not a stack trace', () => {
    const r = startWith({ NUXT_SESSION_IDLE_MINUTES: 'abc' })
    expect(r.status).toBe(1)
    expect(r.errLines).toEqual([expect.stringContaining('session.idleMinutes')])
    expect(r.stderr).not.toMatch(/\n\s+at /)
  })

  it('a missing dataset folder stops the server before anything is seeded, naming the setting', () => {
    const r = startWith({ NUXT_SHARED_DATA_DIR: '/tmp/no-such-shared-data' })
    expect(r.status).toBe(1)
    expect(r.errLines).toEqual([expect.stringContaining('NUXT_SHARED_DATA_DIR')])
    expect(r.errLines[0]).toContain('/tmp/no-such-shared-data/statutes/statutes_priority.jsonl')
    // stopped before the seed: no demo password was printed for accounts a later start would not show again
    expect(r.stdout).not.toContain('password')
  })
})
