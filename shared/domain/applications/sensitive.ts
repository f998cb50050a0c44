/**
 * Which screening answers are SENSITIVE personal information (个人信息保护法第二十八条): health and
 * disability, income (财产/经济状况), domestic violence. An application that carries any of them
 * needs the applicant's separate, explicit consent (第二十九条) after being told why (第三十条).
 */
import type { ScreeningInputRaw } from '../../schemas/eligibility'

export type SensitiveKind = 'disability' | 'income' | 'domestic_violence' | 'mental_capacity'

export const sensitiveKindLabels: Record<SensitiveKind, string> = {
  disability: '残疾情况',
  income: '家庭收入',
  domestic_violence: '遭受虐待、遗弃或家庭暴力的情况',
  mental_capacity: '辨认自己行为的能力（健康状况）',
}

/** Why each kind is needed: shown on the consent step (个人信息保护法第三十条). */
export const sensitiveKindPurposes: Record<SensitiveKind, string> = {
  disability: '判断是否属于免予核查经济困难状况或应当通知指派律师的情形（法律援助法第二十五条、第四十二条）',
  income: '核查经济困难状况（法律援助法第三十四条、第四十一条）',
  domestic_violence: '确认属于不受经济困难条件限制的事项（法律援助法第三十二条第（四）项）',
  mental_capacity: '判断是否应当通知指派律师（法律援助法第二十五条）',
}

export function sensitiveKindsIn(s: ScreeningInputRaw | undefined): SensitiveKind[] {
  if (!s) return []
  const kinds: SensitiveKind[] = []
  if (s.person?.disability !== undefined && s.person.disability !== 'none') kinds.push('disability')
  if (s.household?.monthlyIncome !== undefined) kinds.push('income')
  if (s.matter === 'abuse_or_domestic_violence') kinds.push('domestic_violence')
  if (s.person?.cannotFullyUnderstandConduct === true) kinds.push('mental_capacity')
  return kinds
}
