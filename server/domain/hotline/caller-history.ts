/**
 * Caller history for the 12348 console: everything the portal holds for one phone number (calls,
 * appointments, legal-aid applications), found through the keyed phone hash, masked, each look-up
 * audited with its stated purpose in the same transaction as the read. Records of 家庭暴力 matters
 * are shown only to the staff handling them (反家庭暴力法第十四条; 个人信息保护法第二十八条: sensitive
 * personal information); the others see how many were withheld.
 */
import { writeAudit } from '../../repositories/audit'
import * as repo from '../../repositories/hotline'
import { maskName } from '../../../shared/domain/applications/mask'
import type { CallerLookupBody } from '../../../shared/schemas/hotline'
import type { CallerHistoryDto } from '../../../shared/types/hotline'
import { callbackStatusOf } from './callbacks'
import { isRestrictedTopic } from './rules'
import { mayOpen, type HotlineDeps } from './service'
import type { ActorRef } from '../platform/actor'

/** Application matters that count as 家庭暴力 (the screening's matter code). */
const RESTRICTED_MATTERS = new Set(['abuse_or_domestic_violence'])

export async function lookupCaller(deps: HotlineDeps, body: CallerLookupBody, actor: ActorRef): Promise<CallerHistoryDto> {
  const ipHash = deps.ipHash ?? null
  const hash = deps.crypto.lookup(body.phone, 'phone')
  return deps.db.transaction(async (tx) => {
    const [calls, appts, apps] = await Promise.all([
      repo.callsByPhoneHash(tx, hash),
      repo.appointmentsByPhoneHash(tx, hash),
      repo.applicationsByPhoneHash(tx, hash),
    ])
    const shownCalls = calls.filter(c => mayOpen(c, actor))
    const shownAppts = appts.filter(a => !isRestrictedTopic(a.topic))
    const handles = (a: typeof apps[number]) => [a.decidedBy, a.assignedBy, a.materialsRequestedBy].includes(actor.id)
    const shownApps = apps.filter(a => !RESTRICTED_MATTERS.has(a.matter ?? '') || handles(a))
    const withheld = (calls.length - shownCalls.length) + (appts.length - shownAppts.length) + (apps.length - shownApps.length)
    await writeAudit(tx, {
      actor, action: 'caller.lookup', objectType: 'caller', purpose: body.purpose, ipHash,
      detail: { calls: shownCalls.length, appointments: shownAppts.length, applications: shownApps.length, withheld },
    })
    return {
      calls: shownCalls.map(c => ({
        id: c.call.id, reference: c.call.reference, startedAt: c.call.startedAt.toISOString(), topic: c.call.topic,
        outcomeLabel: c.outcomeLabel, callerPhoneMasked: c.call.callerPhoneMasked, operatorName: c.operatorName,
        mine: c.call.operatorId === actor.id, urgent: c.call.urgent, safeToCallBack: c.call.safeToCallBack, discreet: c.call.discreet,
        callbackStatus: c.callback ? callbackStatusOf(c.callback.status) : null,
      })),
      appointments: shownAppts.map(a => ({
        reference: a.reference, channel: a.channel, startsAt: a.startsAt.toISOString(), status: a.status, topic: a.topic,
        nameMasked: a.name ? maskName(a.name) : '（未留姓名）', phoneMasked: a.phoneMasked,
      })),
      applications: shownApps.map(a => ({ reference: a.reference, status: a.status, receivedDate: a.receivedDate, nameMasked: a.nameMasked })),
      withheld,
    }
  })
}
