import { closureBody, extraSessionBody, idParams, scheduleRuleBody } from '#shared/schemas/appointments'
import { DomainError } from '~~/server/domain/errors'
import { addClosure, addExtraSession, deleteScheduleRule, removeClosure, removeExtraSession, saveScheduleRule } from '~~/server/domain/appointments/service'

const ACTIONS = ['rule-save', 'rule-delete', 'closure-add', 'closure-delete', 'extra-add', 'extra-delete'] as const
type Action = typeof ACTIONS[number]

// The admin schedule page's forms (weekly rules, closures, extra sessions) without JavaScript: the
// same services and zod schemas as /api/staff/admin/schedules/** (audited), then 303 back to the
// page with `done` or the error code (and the field) in the address. With JavaScript the page posts
// the same form with `Accept: application/json` and gets `{ location }`.
export default defineEventHandler(async (event) => {
  const f = await readFormFields(event)
  const actor = await requireStaff(event, ['admin'])
  const point = field(f, 'returnPoint') ?? ''
  const back = (q: Record<string, string>) => `/staff/admin/schedules?${new URLSearchParams({ ...(/^[0-9a-f-]{36}$/i.test(point) ? { servicePointId: point } : {}), ...q })}`
  const action = field(f, 'action') as Action
  try {
    if (!ACTIONS.includes(action)) throw new DomainError('VALIDATION')
    const deps = appointmentDeps(await useApp())
    const id = () => idParams.parse({ id: field(f, 'id') ?? '' }).id
    const common = { servicePointId: field(f, 'servicePointId') ?? '', channel: field(f, 'channel') ?? '' }
    switch (action) {
      case 'rule-save': {
        const body = scheduleRuleBody.parse({
          ...common, weekdays: f.weekdays ?? [], startTime: field(f, 'startTime') ?? '', endTime: field(f, 'endTime') ?? '',
          slotMinutes: field(f, 'slotMinutes') ?? '', capacity: field(f, 'capacity') ?? '', validFrom: field(f, 'validFrom') ?? '', validTo: field(f, 'validTo') ?? '',
        })
        await saveScheduleRule(deps, { ...body, id: field(f, 'id') ? id() : undefined }, actor)
        break
      }
      case 'rule-delete': await deleteScheduleRule(deps, { id: id() }, actor); break
      case 'closure-add': await addClosure(deps, closureBody.parse({ ...common, day: field(f, 'day') ?? '', reason: field(f, 'reason') ?? '' }), actor); break
      case 'closure-delete': await removeClosure(deps, { id: id() }, actor); break
      case 'extra-add':
        await addExtraSession(deps, extraSessionBody.parse({
          ...common, day: field(f, 'day') ?? '', startTime: field(f, 'startTime') ?? '', endTime: field(f, 'endTime') ?? '',
          slotMinutes: field(f, 'slotMinutes') ?? '', capacity: field(f, 'capacity') ?? '', note: field(f, 'note') || undefined,
        }), actor)
        break
      case 'extra-delete': await removeExtraSession(deps, { id: id() }, actor); break
    }
    return formDone(event, back({ done: action }))
  } catch (e) {
    return formDone(event, back({ ...formErrorQuery(e), ...(ACTIONS.includes(action) ? { form: action } : {}) }))
  }
})
