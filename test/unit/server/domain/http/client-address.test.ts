import { describe, expect, it } from 'vitest'
import { clientAddressOf, normalizeAddress } from '~~/server/domain/http/client-address'

describe('client address behind trusted proxies', () => {
  it('without a trusted proxy the socket address counts, whatever the client sends', () => {
    expect(clientAddressOf('203.0.113.7', '1.2.3.4', 0)).toBe('203.0.113.7')
    expect(clientAddressOf('::ffff:203.0.113.7', undefined, 0)).toBe('203.0.113.7')
  })

  it('with one hop the entry the proxy appended (the last) counts; a client-sent one is ignored', () => {
    // The client sent "X-Forwarded-For: 9.9.9.9"; the proxy appended the real peer 198.51.100.4.
    expect(clientAddressOf('10.0.0.2', '9.9.9.9, 198.51.100.4', 1)).toBe('198.51.100.4')
    expect(clientAddressOf('10.0.0.2', '198.51.100.4', 1)).toBe('198.51.100.4')
    // A fresh spoofed value each time changes nothing.
    expect(clientAddressOf('10.0.0.2', '8.8.8.8, 198.51.100.4', 1)).toBe('198.51.100.4')
  })

  it('with two hops the second entry from the right counts', () => {
    expect(clientAddressOf('10.0.0.3', '9.9.9.9, 198.51.100.4, 10.0.0.2', 2)).toBe('198.51.100.4')
  })

  it('falls back to the socket when the header is shorter than the hops or not an address', () => {
    expect(clientAddressOf('10.0.0.2', '198.51.100.4', 2)).toBe('10.0.0.2')
    expect(clientAddressOf('10.0.0.2', 'evil, not-an-ip', 1)).toBe('10.0.0.2')
    expect(clientAddressOf(undefined, undefined, 1)).toBe('unknown')
  })

  it('normalises the forms proxies write', () => {
    expect(normalizeAddress('[2001:db8::1]:443')).toBe('2001:db8::1')
    expect(normalizeAddress('198.51.100.4:5678')).toBe('198.51.100.4')
    expect(normalizeAddress('2001:DB8::1')).toBe('2001:db8::1')
    expect(normalizeAddress('unknown')).toBeUndefined()
  })
})
