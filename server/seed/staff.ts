// Demo staff accounts (admin, operator1, reviewer1, editor1, supervisor1, justice1). Idempotent: existing names are kept.
// Never in production (NODE_ENV=production): no shared demo password exists there, none is printed;
// the first administrator is created with `npm run staff:add`.
import { randomBytes } from 'node:crypto'
import { hashPassword } from '../domain/staff/password'
import { insertStaffIfAbsent } from '../repositories/staff'
import { writeAudit } from '../repositories/audit'
import type { StaffRole } from '../../shared/types/staff'
import type { SeedStep } from './registry'

export const DEMO_STAFF: ReadonlyArray<{ username: string, role: StaffRole, displayName: string }> = [
  { username: 'admin', role: 'admin', displayName: '系统管理员（示例）' },
  { username: 'operator1', role: 'operator', displayName: '12348 坐席（示例）' },
  { username: 'reviewer1', role: 'reviewer', displayName: '法律援助审查员（示例）' },
  { username: 'editor1', role: 'editor', displayName: '案例编辑（示例）' },
  { username: 'supervisor1', role: 'supervisor', displayName: '12348 值班主管（示例）' },
  { username: 'justice1', role: 'justice_bureau', displayName: '司法局异议审查（示例）' },
]

export const seedStaff: SeedStep = {
  name: 'staff',
  demo: true,
  async run(ctx, log) {
    if (ctx.config.env === 'production') {
      log('seed: production (NODE_ENV=production) — no demo staff accounts; create the first administrator with: npm run staff:add -- --username <name> --role admin')
      return
    }
    const fixed = ctx.config.seed.demoPassword
    const password = fixed || randomBytes(12).toString('base64url')
    const passwordHash = await hashPassword(password)
    const created: string[] = []
    await ctx.db.transaction(async (tx) => {
      for (const s of DEMO_STAFF) {
        const u = await insertStaffIfAbsent(tx, { ...s, passwordHash })
        if (!u) continue
        created.push(s.username)
        await writeAudit(tx, { actor: 'system', action: 'staff.create', objectType: 'staff_user', objectId: u.id, detail: { role: s.role, demo: true } })
      }
    })
    if (!created.length) return
    if (fixed) {
      log(`seed: demo staff accounts ${created.join(', ')} (password from NUXT_SEED_DEMO_PASSWORD)`)
    } else {
      // Printed once, at creation: it is not stored anywhere in clear.
      log(`seed: demo staff accounts ${created.join(', ')} created; they all share this one-time password: ${password}`)
      log('seed: change these passwords or disable the accounts before real use (示例账号)')
    }
  },
}
