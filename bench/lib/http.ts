// Helpers of the benches that measure the running portal against its own Meilisearch over HTTP
// (search-http.ts, search-load.ts): the engine of a portal's data folder, the questions they ask
// (in one fixed order, so every target sees the same sequence), and percentiles.
import { execSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { readJsonl } from '../../server/domain/cases/jsonl'
import { SHARED } from './data'

/** The embedded Meilisearch of a portal running on `dataDir`: its --http-addr from the process list, its key from the keys folder. */
export function discoverMeili(dataDir: string, hint = ''): { host: string, key: string } {
  const dbPath = join(resolve(dataDir), 'meili', 'data.ms')
  const line = execSync('ps -eo args', { encoding: 'utf8' }).split('\n').find(l => l.includes(`--db-path ${dbPath}`))
  const addr = line && /--http-addr\s+(\S+)/.exec(line)?.[1]
  if (!addr) throw new Error(`no Meilisearch running on ${dbPath}${hint}`)
  const keyFile = join(resolve(dataDir), 'keys', 'meili-master.key')
  return { host: `http://${addr}`, key: existsSync(keyFile) ? readFileSync(keyFile, 'utf8').trim() : '' }
}

/** The STARD train questions (200 characters at most), shuffled deterministically (seed 42). */
export async function shuffledTrainQuestions(): Promise<string[]> {
  const questions: string[] = []
  for await (const r of readJsonl<{ question: string }>(join(SHARED, 'eval', 'stard_train.jsonl'))) if (r.question?.trim()) questions.push(r.question.trim().slice(0, 200))
  let seed = 42
  for (let i = questions.length - 1; i > 0; i--) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff
    const j = seed % (i + 1)
    ;[questions[i], questions[j]] = [questions[j]!, questions[i]!]
  }
  return questions
}

/** The p-th percentile (nearest rank) of ascending `sorted`; NaN when empty. */
export function percentile(sorted: readonly number[], p: number): number {
  if (!sorted.length) return NaN
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!
}
