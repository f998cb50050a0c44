// Key files of the embedded defaults: read strictly, created once, never silently replaced.
// A key file is base64 of the key on one line, mode 0600, in a folder of mode 0700.
// Framework-free (node:fs only).
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'

export type KeyFileState =
  | { kind: 'missing' }
  | { kind: 'ok', key: Buffer }
  | { kind: 'damaged', reason: string }

/** Reads a base64 key file of exactly `bytes` bytes; anything else is reported, not repaired. */
export function readKeyFile(file: string, bytes: number): KeyFileState {
  if (!existsSync(file)) return { kind: 'missing' }
  let text: string
  try {
    text = readFileSync(file, 'utf8').trim()
  } catch (e) {
    return { kind: 'damaged', reason: `无法读取：${(e as NodeJS.ErrnoException).code ?? String(e)}` }
  }
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(text)) return { kind: 'damaged', reason: text ? '内容不是 base64' : '文件为空' }
  const key = Buffer.from(text, 'base64')
  if (key.length !== bytes) return { kind: 'damaged', reason: `长度为 ${key.length} 字节，应为 ${bytes} 字节` }
  return { kind: 'ok', key }
}

/** Creates a key file (0600, folder 0700); refuses to overwrite an existing one. */
export function writeNewKeyFile(file: string, key: Buffer): void {
  const dir = dirname(file)
  mkdirSync(dir, { recursive: true, mode: 0o700 })
  chmodSync(dir, 0o700)
  writeFileSync(file, key.toString('base64') + '\n', { mode: 0o600, flag: 'wx' })
  chmodSync(file, 0o600)
}

/**
 * Moves a key file from where an earlier version kept it (inside the data folder) to the keys
 * folder, once. Returns true when it moved one.
 */
export function adoptLegacyKeyFile(legacy: string, file: string): boolean {
  if (existsSync(file) || !existsSync(legacy)) return false
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 })
  chmodSync(dirname(file), 0o700)
  renameSync(legacy, file)
  chmodSync(file, 0o600)
  return true
}
