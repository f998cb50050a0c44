/**
 * Field encryption for personal data at rest: AES-256-GCM with a random 96-bit nonce.
 *
 * Stored form: `enc:v1:<keyId>:<base64url(nonce | tag | ciphertext)>`. The key id (a short
 * fingerprint of the key) lets old rows be read after a key rotation: keep the old key in the
 * ring, encrypt with the new one. The additional data (AAD) names the field, so a value copied
 * into another column (or another application's row, when the row id is part of it) fails to decrypt.
 *
 * Framework-free (node:crypto only).
 */
import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes } from 'node:crypto'

const PREFIX = 'enc'
const FORMAT = 'v1'
const NONCE_BYTES = 12
const TAG_BYTES = 16

export class CryptoError extends Error {
  constructor(public readonly code: 'DECRYPT_FAILED' | 'UNKNOWN_KEY' | 'MALFORMED_CIPHERTEXT', message: string) {
    super(message)
    this.name = 'CryptoError'
  }
}

/** Separate keys per purpose, derived from the one master key (HKDF-SHA256). */
export function deriveKey(master: Buffer, purpose: string): Buffer {
  if (master.length !== 32) throw new RangeError('master key must be 32 bytes')
  return Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), `yinchuan-portal/${purpose}`, 32))
}

/** Short, stable, non-secret identifier of a key. */
export function keyIdOf(key: Buffer): string {
  return createHash('sha256').update('key-id:').update(key).digest('base64url').slice(0, 8)
}

export interface FieldCipher {
  readonly keyId: string
  encrypt(plaintext: string, aad: string): string
  decrypt(stored: string, aad: string): string
  /** The key id a stored value was encrypted with (for re-encryption jobs). */
  keyIdOfValue(stored: string): string
  /**
   * Binary form for files (bytea): `0x01 | keyId (8 ASCII bytes) | nonce | tag | ciphertext`,
   * same keys, same AAD rule as the text form.
   */
  encryptBytes(plaintext: Uint8Array, aad: string): Buffer
  decryptBytes(stored: Uint8Array, aad: string): Buffer
}

const BYTES_FORMAT = 0x01
const KEY_ID_BYTES = 8

/**
 * A cipher that encrypts with `current` and decrypts with any key in the ring (current first).
 * Keys are already-derived 32-byte encryption keys.
 */
export function createFieldCipher(current: Buffer, previous: readonly Buffer[] = []): FieldCipher {
  const ring = new Map<string, Buffer>()
  for (const k of [current, ...previous]) {
    if (k.length !== 32) throw new RangeError('encryption keys must be 32 bytes')
    ring.set(keyIdOf(k), k)
  }
  const keyId = keyIdOf(current)

  function parse(stored: string): { kid: string, blob: Buffer } {
    const parts = stored.split(':')
    if (parts.length !== 4 || parts[0] !== PREFIX || parts[1] !== FORMAT) {
      throw new CryptoError('MALFORMED_CIPHERTEXT', 'not an encrypted value')
    }
    const blob = Buffer.from(parts[3]!, 'base64url')
    if (blob.length < NONCE_BYTES + TAG_BYTES) throw new CryptoError('MALFORMED_CIPHERTEXT', 'ciphertext too short')
    return { kid: parts[2]!, blob }
  }

  return {
    keyId,
    encrypt(plaintext, aad) {
      const nonce = randomBytes(NONCE_BYTES)
      const c = createCipheriv('aes-256-gcm', current, nonce)
      c.setAAD(Buffer.from(aad, 'utf8'))
      const body = Buffer.concat([c.update(plaintext, 'utf8'), c.final()])
      return `${PREFIX}:${FORMAT}:${keyId}:${Buffer.concat([nonce, c.getAuthTag(), body]).toString('base64url')}`
    },
    decrypt(stored, aad) {
      const { kid, blob } = parse(stored)
      const key = ring.get(kid)
      if (!key) throw new CryptoError('UNKNOWN_KEY', `no key with id ${kid}`)
      try {
        const d = createDecipheriv('aes-256-gcm', key, blob.subarray(0, NONCE_BYTES))
        d.setAAD(Buffer.from(aad, 'utf8'))
        d.setAuthTag(blob.subarray(NONCE_BYTES, NONCE_BYTES + TAG_BYTES))
        return Buffer.concat([d.update(blob.subarray(NONCE_BYTES + TAG_BYTES)), d.final()]).toString('utf8')
      } catch {
        throw new CryptoError('DECRYPT_FAILED', 'value was altered or the key is wrong')
      }
    },
    keyIdOfValue(stored) {
      return parse(stored).kid
    },
    encryptBytes(plaintext, aad) {
      const nonce = randomBytes(NONCE_BYTES)
      const c = createCipheriv('aes-256-gcm', current, nonce)
      c.setAAD(Buffer.from(aad, 'utf8'))
      const body = Buffer.concat([c.update(plaintext), c.final()])
      return Buffer.concat([Buffer.from([BYTES_FORMAT]), Buffer.from(keyId, 'ascii'), nonce, c.getAuthTag(), body])
    },
    decryptBytes(stored, aad) {
      const blob = Buffer.from(stored.buffer, stored.byteOffset, stored.byteLength)
      const head = 1 + KEY_ID_BYTES
      if (blob.length < head + NONCE_BYTES + TAG_BYTES || blob[0] !== BYTES_FORMAT) {
        throw new CryptoError('MALFORMED_CIPHERTEXT', 'not an encrypted file')
      }
      const kid = blob.subarray(1, head).toString('ascii')
      const key = ring.get(kid)
      if (!key) throw new CryptoError('UNKNOWN_KEY', `no key with id ${kid}`)
      try {
        const d = createDecipheriv('aes-256-gcm', key, blob.subarray(head, head + NONCE_BYTES))
        d.setAAD(Buffer.from(aad, 'utf8'))
        d.setAuthTag(blob.subarray(head + NONCE_BYTES, head + NONCE_BYTES + TAG_BYTES))
        return Buffer.concat([d.update(blob.subarray(head + NONCE_BYTES + TAG_BYTES)), d.final()])
      } catch {
        throw new CryptoError('DECRYPT_FAILED', 'value was altered or the key is wrong')
      }
    },
  }
}

/** Keyed hash for equality look-ups of encrypted values (HMAC-SHA256, base64url). */
export function createLookupHasher(key: Buffer): (value: string, domain: string) => string {
  if (key.length !== 32) throw new RangeError('lookup key must be 32 bytes')
  return (value, domain) => createHmac('sha256', key).update(`${domain}\u0000${value}`).digest('base64url')
}

/** The portal's personal-data crypto, derived from AppContext.cryptoKey. */
export interface PersonalDataCrypto {
  cipher: FieldCipher
  lookup: (value: string, domain: string) => string
}

export function personalDataCrypto(master: Buffer, previousMasters: readonly Buffer[] = []): PersonalDataCrypto {
  return {
    cipher: createFieldCipher(deriveKey(master, 'personal-data/aes-256-gcm'), previousMasters.map(m => deriveKey(m, 'personal-data/aes-256-gcm'))),
    lookup: createLookupHasher(deriveKey(master, 'personal-data/lookup-hmac')),
  }
}
