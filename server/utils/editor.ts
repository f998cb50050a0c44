// Nitro glue for the editor console: who is editing, from where.
import type { H3Event } from 'h3'
import type { EditorDeps } from '../services/case-editor'

export async function editorDeps(event: H3Event, roles: Array<'editor' | 'admin'> = ['editor']): Promise<EditorDeps> {
  const actor = await requireStaff(event, roles)
  const app = await useApp()
  return { db: app.db, actor: { id: actor.id, role: actor.role }, ipHash: requestIpHash(event, app) }
}
