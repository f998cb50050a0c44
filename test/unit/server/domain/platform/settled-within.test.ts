import { describe, expect, it } from 'vitest'
import { settledWithin } from '~~/server/domain/platform/settled-within'

describe('settledWithin', () => {
  it('is true for work that settles in time, either way', async () => {
    expect(await settledWithin(Promise.resolve(), 0)).toBe(true)
    expect(await settledWithin(Promise.reject(new Error('failed')), 0)).toBe(true)
    expect(await settledWithin(new Promise(r => setTimeout(r, 5)), 1_000)).toBe(true)
  })

  it('is false for work still running when the time is up', async () => {
    expect(await settledWithin(new Promise(() => {}), 0)).toBe(false)
    expect(await settledWithin(new Promise(r => setTimeout(r, 200)), 10)).toBe(false)
  })
})
