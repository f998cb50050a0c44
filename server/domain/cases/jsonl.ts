// Streams JSON Lines (plain or .gz) one object at a time. Framework-free.
import { createReadStream, existsSync } from 'node:fs'
import { createInterface } from 'node:readline'
import { createGunzip } from 'node:zlib'

/**
 * A dataset file as named, or its gzip-compressed form (`name.gz`) when only that exists: the
 * repository's data/ folder carries large files compressed, another datasets folder may not.
 */
export function datasetFile(path: string): string {
  if (path.endsWith('.gz') || existsSync(path) || !existsSync(`${path}.gz`)) return path
  return `${path}.gz`
}

export async function* readJsonl<T>(name: string): AsyncGenerator<T> {
  const path = datasetFile(name)
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
