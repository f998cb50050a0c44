// The embedded Meilisearch process of a portal data folder, found in the process list. Only the
// meilisearch binary itself counts: a shell whose command line mentions the same path (pgrep -f
// run through execSync matches its own parent shell) is not it, whatever the pid order after the
// pid counter wraps (pid_max is 32768 here).
import { execFileSync } from 'node:child_process'
import { basename } from 'node:path'

export function meiliProcess(dataDir: string): { pid: number, args: string } | undefined {
  const needle = `--db-path ${dataDir}/meili/data.ms`
  for (const line of execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' }).split('\n')) {
    const m = /^\s*(\d+)\s+(\S+)(.*)$/.exec(line)
    if (m && basename(m[2]!) === 'meilisearch' && m[3]!.includes(needle)) return { pid: Number(m[1]), args: `${m[2]}${m[3]}` }
  }
  return undefined
}
