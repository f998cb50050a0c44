import { describe, expect, it } from 'vitest'
import { shanghaiDay } from '../../shared/time/calendar'
import { ApiClient, servers, signedIn } from './helpers/client'

const DASH = '/api/staff/dashboard'

describe.each(servers())('supervisor dashboard on $name', (server) => {
  it('answers supervisors and admins with the agreed shape, 403 for other roles, 400 for a bad range', async () => {
    const today = shanghaiDay()
    const q = `?from=${today}&to=${today}`
    expect((await new ApiClient(server.url).get(DASH + q)).status).toBe(401)
    for (const name of ['operator1', 'reviewer1', 'editor1']) {
      const r = await (await signedIn(server.url, name)).get(DASH + q)
      expect(r.status, name).toBe(403)
      expect(r.body.data.code).toBe('FORBIDDEN')
    }
    const op = await signedIn(server.url, 'operator1')
    expect((await op.post('/api/staff/hotline/calls', { topic: '工伤', summary: '工伤认定咨询。', outcome: 'answered', callerGroups: ['migrant_worker'] })).status).toBe(201)

    const sup = await signedIn(server.url, 'supervisor1')
    expect((await sup.get(`${DASH}?from=${today}`)).status).toBe(400)
    expect((await sup.get(`${DASH}?from=2026-02-30&to=2026-03-01`)).status).toBe(400)
    const r = await sup.get(DASH + q)
    expect(r.status).toBe(200)
    expect(r.headers.get('cache-control')).toContain('no-store')
    const d = r.body
    expect(Object.keys(d.calls)).toEqual(expect.arrayContaining(['total', 'byTopic', 'byOutcome', 'byHour']))
    expect(Object.keys(d.callbacks)).toEqual(expect.arrayContaining(['booked', 'done', 'doneInWindow', 'missed']))
    expect(Object.keys(d.screenings)).toEqual(expect.arrayContaining(['total', 'byOutcome', 'byGroup']))
    expect(Object.keys(d.legalAid)).toEqual(expect.arrayContaining(['received', 'decided', 'decidedWithin7Days', 'granted']))
    expect(Object.keys(d.appointments)).toEqual(expect.arrayContaining(['booked', 'attended', 'noShow', 'byChannel', 'byLevel']))
    expect(Object.keys(d.satisfaction)).toEqual(expect.arrayContaining(['responses', 'satisfiedRate']))
    expect(d.calls.total).toBeGreaterThanOrEqual(1)
    expect(d.calls.byHour).toHaveLength(24)
    expect(d.calls.byTopic.find((t: { key: string }) => t.key === '工伤').count).toBeGreaterThanOrEqual(1)
    expect(d.calls.byGroup.find((t: { key: string }) => t.key === 'migrant_worker')).toMatchObject({ label: '农民工' })
    expect(d.targets.satisfiedRate).toBe(0.9)
    expect((await (await signedIn(server.url, 'admin')).get(DASH + q)).status).toBe(200)

    const audit = await (await signedIn(server.url, 'admin')).get('/api/staff/admin/audit?action=dashboard.read')
    expect(audit.body.items.map((i: { actorUsername: string }) => i.actorUsername)).toEqual(expect.arrayContaining(['supervisor1', 'admin']))

    // The page renders for the supervisor (charts are drawn in the browser; the tables are in the HTML).
    const page = await sup.get(`/staff/dashboard${q}`, { accept: 'text/html' })
    expect(page.status).toBe(200)
    expect(String(page.body)).toContain('来电咨询类别')
    expect(String(page.body)).toContain('不低于 90%')
  })
})
