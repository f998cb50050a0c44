import { closureBody, extraSessionBody, idParams, scheduleRuleBody } from '#shared/schemas/appointments'
import { DomainError } from '~~/server/domain/errors'
import { addClosure, addExtraSession, deleteScheduleRule, removeClosure, removeExtraSession, saveScheduleRule } from '~~/server/domain/appointments/service'
import type { FormFields } from '~~/server/utils/form-post'

const ACTIONS = ['rule-save', 'rule-delete', 'closure-add', 'closure-delete', 'extra-add', 'extra-delete'] as const
const actionOf = (f: FormFields) => ACTIONS.find(a => a === field(f, 'action'))
/** The schedule page of the point the form was on (`returnPoint`), with `q` added. */
function back(f: FormFields, q: Record<string, string>) {
  const point = field(f, 'returnPoint') ?? ''
  return `/staff/admin/schedules?${new URLSearchParams({ ...(/^[0-9a-f-]{36}$/i.test(point) ? { servicePointId: point } : {}), ...q })}`
}

// The admin schedule page's forms (weekly rules, closures, extra sessions) without JavaScript: the
// same services and zod schemas as /api/staff/admin/schedules/** (audited), then 303 back to the
// page with `done` or the error code (and the field, and which form) in the address. With JavaScript
// the page posts the same form with `Accept: application/json` and gets `{ location }`.
export default defineStaffFormHandler({
  roles: ['admin'],
  refused: (q, { fields }) => {
    const action = actionOf(fields)
    return back(fields, { ...q, ...(action ? { form: action } : {}) })
  },
}, async ({ actor, fields: f, app }) => {
  const action = actionOf(f)
  if (!action) throw new DomainError('VALIDATION')
  const deps = appointmentDeps(app)
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
  return { to: back(f, { done: action }) }
})
