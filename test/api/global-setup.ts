// Starts the BUILT portal (.output) once per driver: PGlite always, PostgreSQL too when
// TEST_DATABASE_URL is set. Each server gets its own data folder and embedded Meilisearch.
// Build first (`npm run build`); `npm test` does.
import { spawn, type ChildProcess } from 'node:child_process'
import { appendFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import pg from 'pg'
import type { TestProject } from 'vitest/node'
import { freePort } from '../../server/adapters/search/embedded'
import { openDb } from '../../server/db/client'
import { migrateAsOwner } from '../../server/db/roles'
import { createStaff } from '../../server/domain/staff/service'
import { DEMO_STAFF } from '../../server/seed/staff'
import { waitHealthy } from './helpers/wait-healthy'

/** `logFile`: everything the server printed (tests check it carries no personal data). */
export interface TestServer { name: 'pglite' | 'pg', url: string, dataDir: string, logFile: string }

declare module 'vitest' {
  export interface ProvidedContext {
    servers: TestServer[]
    demoPassword: string
  }
}

export const DEMO_PASSWORD = 'Demo-Passw0rd-for-tests'

/**
 * The servers run with NODE_ENV=production, which never seeds demo accounts: create the demo
 * names (admin, operator1, …) first, through the staff service `npm run staff:add` uses.
 */
async function createStaffAccounts(dataDir: string, databaseUrl?: string, migrationUrl?: string) {
  if (databaseUrl && migrationUrl) await migrateAsOwner({ migrationUrl, appUrl: databaseUrl })
  const h = await openDb({ databaseUrl, pgliteDir: join(dataDir, 'pglite'), poolMax: 2 })
  try {
    if (!migrationUrl) await h.migrate()
    for (const s of DEMO_STAFF) await createStaff({ db: h.db }, { ...s, password: DEMO_PASSWORD }, 'cli')
  } finally {
    await h.close()
  }
}

export default async function setup(project: TestProject) {
  const entry = resolve(process.env.PORTAL_OUTPUT_DIR ?? '.output', 'server/index.mjs')
  if (!existsSync(entry)) throw new Error('Build the portal first: npm run build')
  const started: Array<{ child: ChildProcess, dir: string, dropDb?: () => Promise<void> }> = []
  const servers: TestServer[] = []
  const wanted: Array<'pglite' | 'pg'> = process.env.TEST_DATABASE_URL ? ['pglite', 'pg'] : ['pglite']
  const teardown = async () => {
    for (const s of started) {
      if (s.child.exitCode === null && !s.child.signalCode) {
        s.child.kill('SIGTERM')
        await new Promise(r => s.child.exitCode !== null || s.child.signalCode ? r(null) : s.child.once('exit', r))
      }
      await s.dropDb?.().catch(() => {})
      rmSync(s.dir, { recursive: true, force: true })
    }
  }
  const starts = await Promise.allSettled(wanted.map(async (name) => {
    const dir = mkdtempSync(join(tmpdir(), `api-${name}-`))
    const port = await freePort()
    const env: Record<string, string> = {
      ...process.env as Record<string, string>,
      PORT: String(port), HOST: '127.0.0.1', NUXT_DATA_DIR: dir, NUXT_SEED_DEMO_PASSWORD: DEMO_PASSWORD,
      NUXT_WORKER_INTERVAL_MS: '100', NODE_ENV: 'production',
      // One trusted proxy hop: tests that need distinct client addresses send X-Forwarded-For (fuzz, throttles).
      NUXT_TRUST_PROXY: '1', NUXT_SEED_STATUTES: process.env.NUXT_SEED_STATUTES ?? 'priority',
      // Bookings from 127.0.0.1 across all API files: room for them (the default of 10 an hour is tested in integration).
      NUXT_APPOINTMENTS_PER_ADDRESS_PER_HOUR: '60',
    }
    delete env.DATABASE_URL
    delete env.NUXT_DATABASE_URL
    delete env.DATABASE_MIGRATION_URL
    delete env.NUXT_DATABASE_MIGRATION_URL
    let dropDb: (() => Promise<void>) | undefined
    if (name === 'pg') {
      // Two roles, as README "PostgreSQL roles" sets them up: the owner migrates
      // (DATABASE_MIGRATION_URL), the server runs as an app role that cannot change structure or
      // the audit log (DATABASE_URL). Every PostgreSQL API test then runs with the app's real rights.
      const admin = process.env.TEST_DATABASE_URL!
      const tag = Date.now().toString(36)
      const db = `api_${tag}`
      const owner = `api_owner_${tag}`
      const appRole = `api_app_${tag}`
      const c = new pg.Client({ connectionString: admin })
      await c.connect()
      await c.query(`create role ${owner} login`)
      await c.query(`create role ${appRole} login`)
      await c.query(`create database ${db} owner ${owner} template template0 encoding 'UTF8'`)
      await c.query(`revoke all on database ${db} from public`)
      await c.query(`grant connect, temporary on database ${db} to ${appRole}`)
      await c.end()
      const urlAs = (user: string) => {
        const u = new URL(admin)
        u.username = user
        u.password = ''
        u.pathname = `/${db}`
        return u.toString()
      }
      env.DATABASE_URL = urlAs(appRole)
      env.DATABASE_MIGRATION_URL = urlAs(owner)
      dropDb = async () => {
        const c2 = new pg.Client({ connectionString: admin })
        await c2.connect()
        await c2.query(`drop database if exists ${db} with (force)`)
        await c2.query(`drop role if exists ${appRole}`)
        await c2.query(`drop role if exists ${owner}`)
        await c2.end()
      }
    }
    await createStaffAccounts(dir, env.DATABASE_URL, env.DATABASE_MIGRATION_URL)
    let out = ''
    const logFile = join(dir, 'server.log')
    const child = spawn(process.execPath, [entry], { env, stdio: ['ignore', 'pipe', 'pipe'] })
    child.stdout!.on('data', (b: Buffer) => { out = (out + b).slice(-8000); appendFileSync(logFile, b) })
    child.stderr!.on('data', (b: Buffer) => { out = (out + b).slice(-8000); appendFileSync(logFile, b) })
    started.push({ child, dir, dropDb })
    const url = `http://127.0.0.1:${port}`
    await waitHealthy({ url, name: `API test server on ${name}`, child, output: () => out, onSlow: m => console.warn(m) })
    servers.push({ name, url, dataDir: dir, logFile })
  }))
  const failed = starts.find(s => s.status === 'rejected')
  if (failed) {
    // stop every server this set-up started (the other one may be up): none is left running
    await teardown()
    throw failed.reason
  }
  servers.sort((a, b) => a.name.localeCompare(b.name))
  project.provide('servers', servers)
  project.provide('demoPassword', DEMO_PASSWORD)
  return teardown
}
