import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { createFieldCipher, CryptoError, deriveKey, keyIdOf, personalDataCrypto } from '~~/server/domain/crypto/aead'

const master = randomBytes(32)

describe('field encryption (AES-256-GCM)', () => {
  const { cipher, lookup } = personalDataCrypto(master)

  it('round-trips and never contains the plaintext', () => {
    const id = '64010419900101123X'
    const stored = cipher.encrypt(id, 'row-1:id_number')
    expect(stored).toMatch(/^enc:v1:[A-Za-z0-9_-]{8}:/)
    expect(stored).not.toContain(id)
    expect(stored).not.toContain('640104')
    expect(cipher.decrypt(stored, 'row-1:id_number')).toBe(id)
  })

  it('uses a fresh nonce: the same value encrypts differently each time', () => {
    expect(cipher.encrypt('13812345678', 'a')).not.toBe(cipher.encrypt('13812345678', 'a'))
  })

  it('detects tampering with the ciphertext', () => {
    const stored = cipher.encrypt('13812345678', 'row:phone')
    const [p, v, kid, blob] = stored.split(':') as [string, string, string, string]
    const bytes = Buffer.from(blob, 'base64url')
    bytes[bytes.length - 1]! ^= 0x01
    const altered = [p, v, kid, bytes.toString('base64url')].join(':')
    expect(() => cipher.decrypt(altered, 'row:phone')).toThrow(CryptoError)
    try { cipher.decrypt(altered, 'row:phone') } catch (e) { expect((e as CryptoError).code).toBe('DECRYPT_FAILED') }
  })

  it('refuses a value moved to another field or row (additional data)', () => {
    const stored = cipher.encrypt('13812345678', 'row-1:phone')
    expect(() => cipher.decrypt(stored, 'row-2:phone')).toThrow(/altered/)
  })

  it('refuses malformed values and unknown keys', () => {
    expect(() => cipher.decrypt('13812345678', 'x')).toThrow(CryptoError)
    const other = personalDataCrypto(randomBytes(32)).cipher.encrypt('x', 'a')
    expect(() => cipher.decrypt(other, 'a')).toThrow(/no key/)
  })

  it('reads values written with a previous key after rotation', () => {
    const oldKey = deriveKey(master, 'personal-data/aes-256-gcm')
    const newKey = randomBytes(32)
    const before = createFieldCipher(oldKey).encrypt('640104', 'f')
    const rotated = createFieldCipher(newKey, [oldKey])
    expect(rotated.decrypt(before, 'f')).toBe('640104')
    expect(rotated.keyIdOfValue(before)).toBe(keyIdOf(oldKey))
    expect(rotated.keyIdOfValue(rotated.encrypt('y', 'f'))).toBe(keyIdOf(newKey))
  })

  it('derives separate keys per purpose; the keyed hash is stable and domain-separated', () => {
    expect(deriveKey(master, 'a').equals(deriveKey(master, 'b'))).toBe(false)
    expect(lookup('13812345678', 'phone')).toBe(lookup('13812345678', 'phone'))
    expect(lookup('13812345678', 'phone')).not.toBe(lookup('13812345678', 'reference'))
    expect(personalDataCrypto(randomBytes(32)).lookup('13812345678', 'phone')).not.toBe(lookup('13812345678', 'phone'))
  })

  it('rejects keys of the wrong size', () => {
    expect(() => deriveKey(randomBytes(16), 'x')).toThrow(RangeError)
  })
})

describe('file encryption (bytes, for bytea)', () => {
  const { cipher } = personalDataCrypto(master)
  const file = Buffer.from('%PDF-1.4 马建国 640104199001011234', 'utf8')

  it('round-trips, differs from the plaintext and is bound to its AAD', () => {
    const stored = cipher.encryptBytes(file, 'app-1:doc-1:content')
    expect(stored[0]).toBe(1)
    expect(stored.includes(file.subarray(0, 8))).toBe(false)
    expect(stored.includes(Buffer.from('640104'))).toBe(false)
    expect(cipher.decryptBytes(stored, 'app-1:doc-1:content').equals(file)).toBe(true)
    expect(() => cipher.decryptBytes(stored, 'app-2:doc-1:content')).toThrow(CryptoError)
    const tampered = Buffer.from(stored)
    tampered[tampered.length - 1]! ^= 1
    expect(() => cipher.decryptBytes(tampered, 'app-1:doc-1:content')).toThrow(CryptoError)
    expect(() => cipher.decryptBytes(Buffer.from([2, 3, 4]), 'x')).toThrow(CryptoError)
  })

  it('reads files encrypted with a previous key after a rotation', () => {
    const oldKey = randomBytes(32)
    const stored = createFieldCipher(oldKey).encryptBytes(file, 'f')
    expect(createFieldCipher(randomBytes(32), [oldKey]).decryptBytes(stored, 'f').equals(file)).toBe(true)
  })
})
