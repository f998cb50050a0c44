// The personal-data master key of a running portal: from NUXT_CRYPTO_KEY, else the key file of the
// embedded default. A missing, damaged or different key while encrypted data exists stops the start
// with one line naming the key and what to do: a new key would leave every stored ID number and
// phone unreadable (and a status look-up answering 404), so one is generated only for a database
// that holds no encrypted value yet. Framework-free.
import { randomBytes } from 'node:crypto'
import { deriveKey, keyIdOf } from './aead'
import { readKeyFile, writeNewKeyFile } from './key-file'

export class KeyError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'KeyError'
  }
}

export interface PersonalDataKeyOptions {
  /** base64 of the key from NUXT_CRYPTO_KEY (validated by the config), or '' for the key file. */
  configured: string
  file: string
  /** Key ids found in the stored encrypted values (a sample per column). */
  keyIdsInUse: () => Promise<string[]>
  log?: (m: string) => void
}

/** The key id stored values carry for this master key (see aead.ts). */
export function storedKeyId(master: Buffer): string {
  return keyIdOf(deriveKey(master, 'personal-data/aes-256-gcm'))
}

const RESTORE = '请从备份恢复原密钥文件（或设置 NUXT_CRYPTO_KEY 为原密钥）后再启动；切勿生成新密钥，否则已加密的身份证号和电话将无法读取'

/** Stops at once on a damaged key file (before the database is even opened). */
export function requireUndamagedKeyFile(configured: string, file: string): void {
  if (configured) return
  const state = readKeyFile(file, 32)
  if (state.kind === 'damaged') throw new KeyError(`加密密钥文件 ${file} 已损坏（${state.reason}）：${RESTORE}。`)
}

export async function resolvePersonalDataKey(o: PersonalDataKeyOptions): Promise<Buffer> {
  if (o.configured) {
    const key = Buffer.from(o.configured, 'base64')
    await requireMatching(key, o, 'NUXT_CRYPTO_KEY')
    return key
  }
  requireUndamagedKeyFile('', o.file)
  const state = readKeyFile(o.file, 32)
  if (state.kind === 'ok') {
    await requireMatching(state.key, o, `加密密钥文件 ${o.file}`)
    return state.key
  }
  if (state.kind !== 'missing') throw new KeyError(`加密密钥文件 ${o.file} 无法使用：${RESTORE}。`)
  const inUse = await o.keyIdsInUse()
  if (inUse.length) {
    throw new KeyError(`找不到加密密钥文件 ${o.file}（NUXT_CRYPTO_KEY 也未设置），而数据库中已有加密的个人信息：${RESTORE}。`)
  }
  const key = randomBytes(32)
  writeNewKeyFile(o.file, key)
  o.log?.(`crypto: new personal-data key created in ${o.file} (0600); back it up: without it encrypted personal data cannot be read`)
  return key
}

async function requireMatching(key: Buffer, o: PersonalDataKeyOptions, what: string): Promise<void> {
  const id = storedKeyId(key)
  const foreign = (await o.keyIdsInUse()).filter(k => k !== id)
  if (foreign.length) {
    throw new KeyError(`${what} 不是数据库中个人信息加密时所用的密钥（数据使用密钥 ${foreign.join('、')}，当前密钥为 ${id}）：${RESTORE}。`)
  }
}
