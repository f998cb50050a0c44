/**
 * CSV export of the call log for supervisors: masked columns only (no summary, no full number),
 * Asia/Shanghai times, a BOM so spreadsheet programs read the Chinese correctly. Cells that a
 * spreadsheet would run as a formula (starting with = + - @, tab, CR, or their fullwidth forms)
 * are neutralised by csv-stringify's `escape_formulas` (OWASP "CSV injection").
 */
import { stringify } from 'csv-stringify/sync'
import { PRIORITY_GROUP_LABELS, type PriorityGroup } from '../../../shared/domain/cases/taxonomy'
import { INTERPRETER_LABELS, type InterpreterNeed } from '../../../shared/schemas/hotline'
import type { ExportRow } from '../../repositories/hotline'
import { formatShanghai } from '../../../shared/time/calendar'

/** The callback's appointment status, in the console's words. */
const CALLBACK_LABELS: Record<string, string> = { booked: '待回拨', checked_in: '待回拨', completed: '已回拨', no_show: '未接通', cancelled: '已取消' }
const yesNo = (b: boolean) => (b ? '是' : '否')

export const EXPORT_COLUMNS = ['来电编号', '来电时间（北京时间）', '咨询类别', '处理结果', '来电号码（部分隐藏）', '来电人群', '紧急', '可以回拨', '回拨不表明身份', '翻译或手语', '老年人或残疾人', '已告知法律援助权利', '坐席', '回拨状态'] as const

export function shanghaiDateTime(at: Date): string {
  return formatShanghai(at, 'datetime')
}

export function toCsvRecord(r: ExportRow): string[] {
  return [
    r.reference,
    shanghaiDateTime(r.startedAt),
    r.topic,
    r.outcomeLabel,
    r.callerPhoneMasked ?? '匿名',
    r.callerGroups.map(g => PRIORITY_GROUP_LABELS[g as PriorityGroup] ?? g).join('、'),
    yesNo(r.urgent),
    yesNo(r.safeToCallBack),
    yesNo(r.discreet),
    INTERPRETER_LABELS[r.interpreter as InterpreterNeed] ?? r.interpreter,
    yesNo(r.elderlyOrDisabled),
    yesNo(r.toldOfLegalAidRight),
    r.operatorName,
    r.callbackStatus ? CALLBACK_LABELS[r.callbackStatus] ?? r.callbackStatus : '',
  ]
}

export function callsCsv(rows: readonly ExportRow[]): string {
  return stringify([[...EXPORT_COLUMNS], ...rows.map(toCsvRecord)], { bom: true, escape_formulas: true, record_delimiter: 'windows' })
}
