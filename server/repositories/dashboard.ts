// Aggregates for the supervisor dashboard, straight from the records (no counters kept on the side
// that could drift). Instants are compared as [from, to); hours and days are Asia/Shanghai.
import { sql } from 'drizzle-orm'
import type { DbOrTx } from '../db/client'
import { rowsOf } from './search-outbox'

export interface Range { from: Date, to: Date, fromDay: string, toDay: string }
interface KeyCount { key: string, count: number }

async function keyCounts(db: DbOrTx, q: ReturnType<typeof sql>): Promise<KeyCount[]> {
  return rowsOf<{ key: string | null, count: number | string }>(await db.execute(q))
    .map(r => ({ key: r.key ?? '', count: Number(r.count) }))
}

async function one<T extends Record<string, unknown>>(db: DbOrTx, q: ReturnType<typeof sql>): Promise<{ [K in keyof T]: number }> {
  const [r] = rowsOf<Record<string, unknown>>(await db.execute(q))
  return Object.fromEntries(Object.entries(r ?? {}).map(([k, v]) => [k, Number(v ?? 0)])) as { [K in keyof T]: number }
}

export async function callFigures(db: DbOrTx, r: Range) {
  const inRange = sql`c.started_at >= ${r.from.toISOString()}::timestamptz and c.started_at < ${r.to.toISOString()}::timestamptz`
  const totals = await one<{ total: number, told: number }>(db, sql`
    select count(*) as total, count(*) filter (where c.told_of_legal_aid_right) as told from hotline_calls c where ${inRange}`)
  const byTopic = await keyCounts(db, sql`select c.topic as key, count(*) as count from hotline_calls c where ${inRange} group by 1 order by 2 desc, 1`)
  const byOutcome = await rowsOf<{ key: string, label: string, count: string | number }>(await db.execute(sql`
    select c.outcome as key, o.label, count(*) as count from hotline_calls c join hotline_outcome_codes o on o.code = c.outcome
    where ${inRange} group by 1, 2 order by 3 desc, 1`))
  const byHour = await keyCounts(db, sql`
    select extract(hour from c.started_at at time zone 'Asia/Shanghai')::int::text as key, count(*) as count
    from hotline_calls c where ${inRange} group by 1`)
  const byGroup = await keyCounts(db, sql`
    select g as key, count(*) as count from hotline_calls c cross join lateral unnest(c.caller_groups) as g
    where ${inRange} group by 1 order by 2 desc, 1`)
  const hours = Array.from({ length: 24 }, (_, h) => byHour.find(x => Number(x.key) === h)?.count ?? 0)
  return { total: totals.total, told: totals.told, byTopic, byOutcome: byOutcome.map(o => ({ key: o.key, label: o.label, count: Number(o.count) })), byHour: hours, byGroup }
}

/**
 * 12348 callbacks (appointments of channel hotline_callback, booked by operators or by residents)
 * whose window starts in the range. Done: completed; in window: completed between the window's start
 * and end; missed: no_show (three failed tries), or still open after the window ended. A waitlist
 * hold not yet accepted is not a booking.
 */
export async function callbackFigures(db: DbOrTx, r: Range, now: Date) {
  return one<{ booked: number, done: number, doneInWindow: number, missed: number, open: number }>(db, sql`
    select count(*) filter (where b.status not in ('cancelled', 'held')) as booked,
           count(*) filter (where b.status = 'completed') as done,
           count(*) filter (where b.status = 'completed' and b.completed_at >= w.starts_at and b.completed_at <= w.ends_at) as "doneInWindow",
           count(*) filter (where b.status = 'no_show' or (b.status in ('booked', 'checked_in') and w.ends_at < ${now.toISOString()}::timestamptz)) as missed,
           count(*) filter (where b.status in ('booked', 'checked_in') and w.ends_at >= ${now.toISOString()}::timestamptz) as open
    from appointments b join appointment_slots w on w.id = b.slot_id
    where b.channel = 'hotline_callback' and w.starts_at >= ${r.from.toISOString()}::timestamptz and w.starts_at < ${r.to.toISOString()}::timestamptz`)
}

/** Screenings: the anonymous per-day tally the screening keeps (it stores nothing personal), plus the groups of callers screened on the phone. */
export async function screeningFigures(db: DbOrTx, r: Range) {
  const inDays = sql`s.day between ${r.fromDay}::date and ${r.toDay}::date`
  const total = await one<{ total: number }>(db, sql`select coalesce(sum(s.count), 0) as total from screening_counters s where ${inDays}`)
  const byOutcome = await keyCounts(db, sql`select s.outcome as key, sum(s.count) as count from screening_counters s where ${inDays} group by 1 order by 2 desc, 1`)
  const byMatter = await keyCounts(db, sql`select s.matter as key, sum(s.count) as count from screening_counters s where ${inDays} group by 1 order by 2 desc, 1`)
  const byGroup = await keyCounts(db, sql`
    select g as key, count(distinct c.id) as count
    from hotline_calls c cross join lateral unnest(c.caller_groups) as g
    where c.started_at >= ${r.from.toISOString()}::timestamptz and c.started_at < ${r.to.toISOString()}::timestamptz
      and (c.outcome = 'legal_aid_screening' or exists (select 1 from hotline_call_links l where l.call_id = c.id and l.kind = 'screening'))
    group by 1 order by 2 desc, 1`)
  return { total: total.total, byOutcome, byMatter, byGroup }
}

/**
 * Legal aid (法律援助法第四十三条第一款: decide within 7 days of receipt). Received: by the day of
 * receipt. Decided: decisions made in the range; within 7 days when made on or before the decision
 * due date (which already carries the pause for missing materials, 第四十三条第二款).
 */
export async function legalAidFigures(db: DbOrTx, r: Range) {
  const received = await one<{ received: number }>(db, sql`
    select count(*) as received from legal_aid_applications a where a.received_date between ${r.fromDay}::date and ${r.toDay}::date`)
  const decided = await one<{ decided: number, within: number, granted: number }>(db, sql`
    select count(*) as decided,
           count(*) filter (where (a.decided_at at time zone 'Asia/Shanghai')::date <= coalesce(a.decision_due, a.received_date + 7)) as within,
           count(*) filter (where a.status in ('granted', 'assigned') or a.objection_decision = 'correct') as granted
    from legal_aid_applications a
    where a.decided_at >= ${r.from.toISOString()}::timestamptz and a.decided_at < ${r.to.toISOString()}::timestamptz`)
  return { received: received.received, decided: decided.decided, decidedWithin7Days: decided.within, granted: decided.granted }
}

/** Appointments whose slot starts in the range. */
export async function appointmentFigures(db: DbOrTx, r: Range) {
  const inRange = sql`s.starts_at >= ${r.from.toISOString()}::timestamptz and s.starts_at < ${r.to.toISOString()}::timestamptz`
  const totals = await one<{ booked: number, attended: number, noShow: number, cancelled: number }>(db, sql`
    select count(*) filter (where a.status <> 'cancelled') as booked,
           count(*) filter (where a.status in ('checked_in','completed')) as attended,
           count(*) filter (where a.status = 'no_show') as "noShow",
           count(*) filter (where a.status = 'cancelled') as cancelled
    from appointments a join appointment_slots s on s.id = a.slot_id where ${inRange}`)
  const byChannel = await keyCounts(db, sql`
    select s.channel as key, count(*) as count from appointments a join appointment_slots s on s.id = a.slot_id
    where ${inRange} and a.status <> 'cancelled' group by 1 order by 2 desc, 1`)
  const byLevel = await keyCounts(db, sql`
    select coalesce(p.level, 'none') as key, count(*) as count from appointments a join appointment_slots s on s.id = a.slot_id
    left join service_points p on p.id = s.service_point_id
    where ${inRange} and a.status <> 'cancelled' group by 1 order by 2 desc, 1`)
  return { ...totals, byChannel, byLevel }
}
