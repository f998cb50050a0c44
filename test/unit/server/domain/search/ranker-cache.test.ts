import { describe, expect, it } from 'vitest'
import { createRankerCache, type RankerSource } from '~~/server/domain/search/ranker-cache'
import type { RankerKnownQuestion, RankerStatute } from '~~/server/domain/search/statute-ranker'

const art = (id: string, text: string): RankerStatute => ({ id, law_id: 'L1', law_title: '测试法', level: '法律', law_tier: 1, is_latest: true, region: null, text })

function source() {
  const state = {
    statutes: [art('L1-a0001', '用人单位应当支付劳动报酬'), art('L1-a0002', '出租人应当维修租赁物')],
    known: [{ id: 'k1', question: '劳动报酬', statuteIds: ['L1-a0001'] }] as RankerKnownQuestion[],
    sv: 'v1', kv: 'k1', statuteLoads: 0, knownLoads: 0, fail: false,
  }
  const src: RankerSource = {
    statutesVersion: async () => { if (state.fail) throw new Error('db down'); return state.sv },
    async* statutes() { state.statuteLoads++; yield state.statutes.slice(0, 1); yield state.statutes.slice(1) },
    knownVersion: async () => state.kv,
    knownQuestions: async () => { state.knownLoads++; return state.known },
  }
  return { state, src }
}

describe('ranker cache', () => {
  it('is empty until the first build, then serves the snapshot', async () => {
    const { src } = source()
    let t = 0
    const cache = createRankerCache(src, { now: () => t })
    expect(cache.current()).toBeNull() // starts the first build
    const snap = await cache.refresh()
    expect(snap?.ranker.size).toBe(2)
    expect(snap?.knowledge.size).toBe(1)
    t += 1
    expect(cache.current()).toBe(snap)
  })

  it('rebuilds only what changed, and only when a check is due', async () => {
    const { state, src } = source()
    let t = 0
    const logs: string[] = []
    const cache = createRankerCache(src, { now: () => t, checkEveryMs: 1000, log: m => logs.push(m) })
    const first = await cache.refresh()
    expect(state.statuteLoads).toBe(1)
    // unchanged versions: same snapshot, nothing reloaded
    expect(await cache.refresh()).toBe(first)
    expect(state.statuteLoads).toBe(1)
    // known questions changed: they expand the articles too, so all is rebuilt
    state.known = [...state.known, { id: 'k2', question: '维修', statuteIds: ['L1-a0002'] }]
    state.kv = 'k2'
    const second = await cache.refresh()
    expect(second?.ranker).not.toBe(first?.ranker)
    expect(second?.knowledge.size).toBe(2)
    expect(state.statuteLoads).toBe(2)
    // corpus changed: the next due check rebuilds the ranker
    state.statutes.push(art('L1-a0003', '承租人应当支付租金'))
    state.sv = 'v2'
    t += 10
    expect(cache.current()).toBe(second) // not due yet: no check
    t += 1000
    expect(cache.current()).toBe(second) // due: a check starts in the background, old snapshot served meanwhile
    const third = await cache.refresh()
    expect(third?.ranker.size).toBe(3)
    expect(state.statuteLoads).toBe(3)
    expect(logs.filter(l => l.includes('ready'))).toHaveLength(3)
  })

  it('keeps the last snapshot when the database fails, and runs one check at a time', async () => {
    const { state, src } = source()
    const logs: string[] = []
    const cache = createRankerCache(src, { log: m => logs.push(m) })
    const a = cache.refresh()
    // calls made while a check runs share one more check after it
    const b = cache.refresh()
    expect(cache.refresh()).toBe(b)
    expect(b).not.toBe(a)
    const snap = await a
    expect(await b).toBe(snap) // nothing changed: the second check rebuilds nothing
    expect(state.statuteLoads).toBe(1)
    state.fail = true
    expect(await cache.refresh()).toBe(snap)
    expect(logs.at(-1)).toContain('db down')
  })
})

describe('ranker cache, a change during a build', () => {
  it('is not missed: a refresh asked for meanwhile rebuilds after the running build', async () => {
    const { state, src } = source()
    let release!: () => void
    const gate = new Promise<void>((r) => { release = r })
    const statutes = src.statutes
    // the first build reads the corpus of version v1, then waits (an import is still storing articles)
    src.statutes = async function* () { yield* statutes(); await gate }
    const cache = createRankerCache(src, { now: () => 0 })
    const first = cache.refresh()
    await new Promise(r => setTimeout(r, 0))
    // the import finishes meanwhile and asks for a refresh
    state.statutes.push(art('L1-a0003', '承租人应当支付租金'))
    state.sv = 'v2'
    const after = cache.refresh()
    release()
    expect((await first)?.statutesVersion).toBe('v1')
    const snap = await after
    expect(snap?.statutesVersion).toBe('v2')
    expect(snap?.ranker.size).toBe(3)
  })
})

describe('ranker cache bootstrap', () => {
  it('builds the core laws first, then the next refresh builds the whole corpus', async () => {
    const { state, src } = source()
    let coreLoads = 0
    src.coreStatutes = async function* () { coreLoads++; yield state.statutes.slice(0, 1) }
    const cache = createRankerCache(src, { now: () => 0 })
    const boot = await cache.bootstrap()
    expect(boot?.ranker.size).toBe(1)
    expect(coreLoads).toBe(1)
    expect(state.statuteLoads).toBe(0)
    expect(cache.current()).toBe(boot) // answers from the first request on
    const full = await cache.refresh()
    expect(full?.ranker.size).toBe(2)
    expect(state.statuteLoads).toBe(1)
    // once built, bootstrap does nothing
    expect(await cache.bootstrap()).toBe(full)
    expect(coreLoads).toBe(1)
  })

  it('without a core-law source it leaves the first build to refresh', async () => {
    const { src } = source()
    const cache = createRankerCache(src, { now: () => 0 })
    expect(await cache.bootstrap()).toBeNull()
  })
})
