// Where an article of law stands: in force, superseded by a newer text, or repealed — and what the
// current provision is, where one exists. Framework-free: the caller looks up the rows.
// A resident must never be shown repealed law as current law (issue 11, "Law in force"): the
// statute page and the case pages say plainly what this function decides.
import type { StatuteStatusDto } from '../../../shared/types/cases'

/** What this module needs of an article. */
export interface StatusArticle {
  id: string
  lawId: string
  lawTitle: string
  articleLabel: string | null
  versionDate: string | null
  isLatest: boolean
  inForce: boolean
}

/** The editorial record of a law (law_status_changes). */
export interface LawStatusRecord {
  lawId: string
  status: 'repealed' | 'superseded'
  effectiveDate: string | null
  note: string
  successorLawId: string | null
  successorRenumbered: boolean
}

export interface StatusContext {
  /** Editorial record of the article's law, if any. */
  record?: LawStatusRecord | null
  /**
   * The in-force article that replaces this one: same label in the newest version of the same law
   * (dataset), or in the editor's successor law when it kept the numbering.
   */
  sameLabelCurrent?: StatusArticle | null
  /** First article of the editor's successor law (renumbered, or no article with the same label). */
  successorFirst?: StatusArticle | null
}

const fmt = (d: string) => {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(d)
  return m ? `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日` : d
}

const ref = (a: StatusArticle) => ({ id: a.id, lawTitle: a.lawTitle, articleLabel: a.articleLabel, versionDate: a.versionDate })

/** Decides the status shown for an article. */
export function describeStatuteStatus(a: StatusArticle, ctx: StatusContext = {}): StatuteStatusDto {
  if (a.inForce) {
    return { kind: 'in_force', since: null, note: '', source: 'dataset', current: null, currentLaw: null }
  }
  const rec = ctx.record && ctx.record.lawId === a.lawId ? ctx.record : null
  if (rec) {
    const current = !rec.successorRenumbered && ctx.sameLabelCurrent?.inForce ? ref(ctx.sameLabelCurrent) : null
    const currentLaw = !current && ctx.successorFirst?.inForce ? { id: ctx.successorFirst.id, lawTitle: ctx.successorFirst.lawTitle, versionDate: ctx.successorFirst.versionDate } : null
    const what = rec.status === 'superseded' ? '已被修订后的新法取代' : '已废止'
    const since = rec.effectiveDate ? `自${fmt(rec.effectiveDate)}起` : ''
    const base = `这一条不是现行有效的法律：本法${since}${what}。`
    return { kind: rec.status, since: rec.effectiveDate, note: rec.note ? `${base}${rec.note}` : base, source: 'editorial', current, currentLaw }
  }
  if (!a.isLatest) {
    const cur = ctx.sameLabelCurrent?.inForce ? ctx.sameLabelCurrent : null
    const since = cur?.versionDate ?? null
    const note = cur
      ? `这一条是本法的旧版本（${a.versionDate ? `${fmt(a.versionDate)}版` : '版本日期不详'}），已被${since ? `${fmt(since)}的` : ''}新版本取代，不再适用。新版本中同一序号的条文见下方链接；修订时条文序号可能调整，请以内容为准。`
      : `这一条是本法的旧版本（${a.versionDate ? `${fmt(a.versionDate)}版` : '版本日期不详'}），已被新版本取代，不再适用。`
    return { kind: 'superseded', since, note, source: 'dataset', current: cur ? ref(cur) : null, currentLaw: null }
  }
  return {
    kind: 'repealed', since: null, source: 'dataset', current: null, currentLaw: null,
    note: '这一条所在的文件已经失效（已被废止或被新规定取代），不再适用；失效日期本站尚未收录。请不要据此处理现在的纠纷，可拨打 12348 咨询现行规定。',
  }
}
