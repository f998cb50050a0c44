import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from '~~/server/config'

describe('configuration', () => {
  it('runs on embedded defaults with nothing set', () => {
    const cfg = loadConfig({})
    expect(cfg.database.url).toBe('')
    expect(cfg.meilisearch.host).toBe('')
    expect(cfg.session).toEqual({ idleMinutes: 30, absoluteHours: 12, secureCookie: 'auto' })
    expect(cfg.seed.demo).toBe(true)
    expect(cfg.dataDir.endsWith('.data')).toBe(true)
  })

  it('reads DATABASE_URL and the NUXT_* names', () => {
    const cfg = loadConfig({ DATABASE_URL: 'postgres://u@h/db', NUXT_MEILISEARCH_HOST: 'http://127.0.0.1:7700', NUXT_SEED_DEMO: 'false', NUXT_SESSION_IDLE_MINUTES: '15' })
    expect(cfg.database.url).toBe('postgres://u@h/db')
    expect(cfg.meilisearch.host).toBe('http://127.0.0.1:7700')
    expect(cfg.seed.demo).toBe(false)
    expect(cfg.session.idleMinutes).toBe(15)
  })

  it.each([
    [{ NUXT_SESSION_IDLE_MINUTES: 'abc' }, 'session.idleMinutes'],
    [{ DATABASE_URL: 'not a url' }, 'database.url'],
    [{ NUXT_CRYPTO_KEY: 'c2hvcnQ=' }, 'crypto.key'],
    [{ NUXT_MEILISEARCH_INDEX_PREFIX: 'bad prefix!' }, 'meilisearch.indexPrefix'],
    [{ NUXT_SEED_DEMO: 'maybe' }, 'seed.demo'],
  ])('refuses %o with one line naming %s', (env, setting) => {
    let err: unknown
    try { loadConfig(env) } catch (e) { err = e }
    expect(err).toBeInstanceOf(ConfigError)
    const msg = (err as Error).message
    expect(msg).toContain(setting)
    expect(msg.split('\n')).toHaveLength(1)
  })
})

describe('NUXT_TRUST_PROXY', () => {
  it('reads false/true/N as a number of trusted proxy hops and refuses anything else', () => {
    expect(loadConfig({}).trustProxy).toBe(0)
    expect(loadConfig({ NUXT_TRUST_PROXY: 'false' }).trustProxy).toBe(0)
    expect(loadConfig({ NUXT_TRUST_PROXY: 'true' }).trustProxy).toBe(1)
    expect(loadConfig({ NUXT_TRUST_PROXY: '2' }).trustProxy).toBe(2)
    expect(() => loadConfig({ NUXT_TRUST_PROXY: 'yes' })).toThrow(/NUXT_TRUST_PROXY/)
    expect(() => loadConfig({ NUXT_TRUST_PROXY: '-1' })).toThrow(/NUXT_TRUST_PROXY/)
  })
})
