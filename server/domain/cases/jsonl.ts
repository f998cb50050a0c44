// Streams JSON Lines (plain or .gz) one object at a time. Framework-free.
import { createReadStream } from 'node:fs'
import { createInterface } from 'node:readline'
import { createGunzip } from 'node:zlib'

export async function* readJsonl<T>(path: string): AsyncGenerator<T> {
  const file = createReadStream(path)
  const input = path.endsWith('.gz') ? file.pipe(createGunzip()) : file
  const rl = createInterface({ input, crlfDelay: Infinity })
  try {
    for await (const line of rl) if (line.trim()) yield JSON.parse(line) as T
  } finally {
    rl.close()
    file.destroy()
  }
}
