// PostgreSQL with two roles (issue 8): the migrations run as the owner of the tables
// (DATABASE_MIGRATION_URL), the app as a role that only reads and writes rows (DATABASE_URL). The
// app role can then not ALTER or DROP a table, DISABLE TRIGGER (only a table's owner can), create
// tables, or UPDATE/DELETE/TRUNCATE the audit log: a fault or a break-in through the app cannot
// rewrite history, whatever the app's code does. Framework-free; README "PostgreSQL roles".
import pg from 'pg'
import { openDb } from './client'

/** The table privileges the app role gets after every migration (idempotent). */
export function appRoleGrants(role: string): string[] {
  const r = pg.escapeIdentifier(role)
  return [
    `GRANT USAGE ON SCHEMA public TO ${r}`,
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${r}`,
    `GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO ${r}`,
    // the audit trail: append and read only (migration 0001's trigger refuses changes as well)
    `REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON audit_log FROM ${r}`,
  ]
}

export interface RoleCheck { appRole: string, ownerRole: string, warnings: string[] }

async function whoIs(url: string): Promise<{ role: string, superuser: boolean }> {
  const c = new pg.Client({ connectionString: url })
  await c.connect()
  try {
    const { rows } = await c.query<{ role: string, superuser: boolean }>('select current_user as role, rolsuper as superuser from pg_roles where rolname = current_user')
    return rows[0]!
  } finally {
    await c.end()
  }
}

/**
 * Runs the migrations as the owner role, then grants the app role (the user of `appUrl`) what it
 * needs, under the migration lock. When both URLs name the same role it simply migrates. Returns
 * warnings for set-ups that defeat the split (the app role a superuser or the tables' owner).
 */
export async function migrateAsOwner(opts: { migrationUrl: string, appUrl: string, folder?: string }): Promise<RoleCheck> {
  const app = await whoIs(opts.appUrl)
  const owner = await openDb({ databaseUrl: opts.migrationUrl, poolMax: 2 })
  const warnings: string[] = []
  let ownerRole = ''
  try {
    await owner.migrate(opts.folder, async (query) => {
      const res = await query('select current_user as role') as { rows: Array<{ role: string }> }
      ownerRole = res.rows[0]!.role
      if (ownerRole === app.role) return
      for (const sql of appRoleGrants(app.role)) await query(sql)
      const own = await query(`select tableowner from pg_tables where schemaname = 'public' and tablename = 'audit_log'`) as { rows: Array<{ tableowner: string }> }
      if (own.rows[0]?.tableowner === app.role) warnings.push(`数据库：audit_log 的所有者是应用角色 ${app.role}，应用角色仍可修改表结构。请用 ALTER TABLE … OWNER TO ${ownerRole} 把各表交给迁移角色（见 README“PostgreSQL 角色”）`)
    })
  } finally {
    await owner.close()
  }
  if (ownerRole === app.role) warnings.push(`数据库：DATABASE_MIGRATION_URL 与 DATABASE_URL 是同一个角色 ${app.role}，应用角色可以修改表结构和审计日志（见 README“PostgreSQL 角色”）`)
  if (app.superuser) warnings.push(`数据库：应用角色 ${app.role} 是超级用户，任何权限限制对它都无效（见 README“PostgreSQL 角色”）`)
  return { appRole: app.role, ownerRole, warnings }
}
