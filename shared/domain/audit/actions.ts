/**
 * Readable names for audit action codes (`resource.verb`), for the audit log page. A code that is
 * not in the table still reads as Chinese: its resource's name plus the verb's name, or the code.
 */
export const AUDIT_ACTION_LABELS: Readonly<Record<string, string>> = {
  'auth.login': '登录',
  'auth.logout': '退出登录',
  'auth.lockout': '账号因多次登录失败被锁定',
  'auth.refused': '未登录或无权限的访问被拒绝',
  'staff.unlock': '解除登录锁定',
  'audit.read': '查看审计日志',
  'staff.create': '创建工作人员账号',
  'staff.disable': '停用账号',
  'staff.enable': '启用账号',
  'staff.role_change': '修改账号角色',
  'staff.password_change': '修改本人密码',
  'staff.password_reset': '管理员重置密码',
  'outbox.retry': '重试检索同步任务',
  'standard.list': '查看经济困难标准',
  'standard.create': '新增经济困难标准版本',
  'case.create': '新建案例',
  'case.update': '修改案例',
  'case.publish': '发布案例',
  'case.unpublish': '撤回案例',
  'lexicon.create': '新增词条',
  'lexicon.approve': '通过词条',
  'lexicon.reject': '驳回词条',
  'application.submit': '提交法律援助申请',
  'application.list': '查看申请列表',
  'application.read': '查看申请详情',
  'application.reveal': '查看申请人完整信息',
  'application.withdraw': '撤回申请',
  'application.request_materials': '要求补充材料',
  'application.supply_materials': '补充材料',
  'application.grant': '决定给予法律援助',
  'application.refuse': '决定不予法律援助',
  'application.assign': '指派律师',
  'application.object': '提出异议',
  'application.decide_objection': '处理异议',
  'application.document_upload': '申请人上传材料',
  'application.document_list': '查看申请材料列表',
  'application.document_view': '查看（下载）申请材料',
  'appointment.book': '预约',
  'appointment.cancel': '取消预约',
  'appointment.list': '查看预约名单',
  'appointment.reveal': '查看预约人完整姓名和电话',
  'appointment.checked_in': '预约签到',
  'appointment.completed': '预约办结',
  'appointment.no_show': '预约未到场',
  'schedule.create': '新增每周排班',
  'schedule.update': '修改每周排班',
  'schedule.delete': '删除每周排班',
  'schedule.closure_add': '新增停开日',
  'schedule.closure_remove': '取消停开日',
  'schedule.extra_add': '新增临时加开',
  'schedule.extra_remove': '删除临时加开',
  'hotline_call.create': '记录来电',
  'hotline_call.list': '查看来电列表',
  'hotline_call.read': '查看来电详情',
  'hotline_call.update': '修改来电记录',
  'hotline_call.link': '关联来电中办理的事项',
  'hotline_call.export': '导出来电记录（CSV）',
  'hotline_outcome.create': '新增处理结果',
  'hotline_outcome.update': '修改处理结果',
  'caller.lookup': '查询来电人历史记录',
  'callback.book': '预约回拨',
  'callback.list': '查看回拨队列',
  'callback.reveal': '查看回拨完整号码',
  'callback.complete': '登记回拨结果',
  'callback.attempt': '登记回拨尝试',
  'callback.reassign': '改派回拨坐席',
  'dashboard.read': '查看服务统计',
}

const RESOURCE_LABELS: Readonly<Record<string, string>> = {
  auth: '登录', audit: '审计日志', staff: '账号', outbox: '检索同步', standard: '经济困难标准', case: '案例', lexicon: '词条',
  application: '法律援助申请', appointment: '预约', booking: '预约', hotline_call: '来电记录', hotline_outcome: '处理结果',
  caller: '来电人', callback: '回拨', dashboard: '服务统计', screening: '初筛', schedule: '排班', rating: '满意度评价', service_point: '服务点',
}
const VERB_LABELS: Readonly<Record<string, string>> = {
  create: '新增', update: '修改', read: '查看', list: '查看列表', delete: '删除', book: '预约', cancel: '取消', reveal: '查看完整信息',
  export: '导出', login: '登录', logout: '退出', approve: '通过', reject: '驳回', publish: '发布', unpublish: '撤回', submit: '提交',
  reschedule: '改约', check_in: '签到', no_show: '未到', complete: '完成', assign: '指派', reassign: '改派', decide: '决定', rate: '评价',
}

export function auditActionLabel(code: string): string {
  const known = AUDIT_ACTION_LABELS[code]
  if (known) return known
  const [resource, ...rest] = code.split('.')
  const verb = rest.join('.')
  const r = RESOURCE_LABELS[resource ?? '']
  if (r) return `${r} · ${VERB_LABELS[verb] ?? verb}`
  return code
}

export const AUDIT_OUTCOME_LABELS: Readonly<Record<string, string>> = { ok: '成功', denied: '拒绝', failed: '失败' }
