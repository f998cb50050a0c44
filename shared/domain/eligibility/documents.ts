/**
 * 需要携带的材料 — plain Chinese, tailored to the basis the engine found.
 */
import type { MatterCode, StatusCode } from '../../schemas/eligibility'
import type { MeansTestResult } from '../../types/eligibility'
import type { Facts, ScopeKind } from './facts'
import type { Exemption } from './means-test'
import type { RuleHit } from './rulesets'

export const DOC = {
  identity: '申请人身份证明（居民身份证、户口簿等）',
  agent: '代为申请人的身份证明，以及与申请人关系的证明（如户口簿、监护证明、法定代理证明）',
  hardship: '经济困难状况说明：可提交经济困难证明材料，或在申请时签署个人诚信承诺书（第四十一条）',
  noFixedIncome: '无固定生活来源的证明（如村（居）民委员会出具的情况说明）',
  disabilityCard: '残疾人证',
  /** 第四十二条第（三）项: proof of being a 进城务工人员 (rural household, working in town), not only of the job. */
  migrantWorker:
    '进城务工人员身份的证明：农村户籍证明（如户口簿），以及在城镇务工的证明（如劳动合同、工作证、工资条、考勤记录，或村（居）民委员会出具的务工证明）',
  urgent: '能说明期限即将届满或需要立即保全的材料（如判决或决定的送达日期、证据可能灭失的情况）',
  retrial: '生效裁判文书，以及再审决定、裁定书或抗诉书',
  mandatory:
    '无需提交申请：由人民法院、人民检察院或公安机关通知法律援助机构指派律师。可准备身份证明和已收到的案件文书（如拘留或逮捕通知书、起诉书），便于律师了解情况',
  matterGeneric: '与所申请法律援助事项有关的材料（合同、票据、往来记录、文书等）',
} as const

/** 第二十五条第一款第（五）项: death-penalty review is by application — its own list, never "无需申请". */
export const DEATH_REVIEW_DOCUMENTS: readonly string[] = [
  '法律援助申请（由被告人本人提出；被告人被羁押的，法定代理人或者近亲属可以代为提出，第四十条第二款）',
  '被告人的身份证明；近亲属代为申请的，另带代为申请人的身份证明和亲属关系证明（如户口簿）',
  '判处死刑的一审、二审判决书或裁定书',
  '已收到的其他案件文书（如起诉书、上诉状）',
]

export const statusDocuments: Partial<Record<StatusCode, string>> = {
  dibao: '最低生活保障证（低保证）或低保对象证明',
  tekun: '特困人员救助供养证或相关证明',
  social_assistance: '社会救助证明（如低收入家庭认定、临时救助证明）',
  judicial_assistance: '司法救助决定书或相关证明',
  youfu: '优抚对象证明（如优待证、抚恤证）',
}

export const matterDocuments: Record<MatterCode, string> = {
  state_compensation: '与国家赔偿有关的材料（国家机关的决定、法律文书、损失证明）',
  social_insurance_or_assistance: '社会保险缴费记录或社会救助申请材料，以及有关部门的答复',
  pension_compensation: '抚恤金相关材料（死亡或伤残证明、亲属关系证明、有关部门的答复）',
  support_payment: '亲属关系证明（户口簿、出生医学证明、结婚证等）和被扶养人生活、收入情况的材料',
  labor_relationship: '能证明存在劳动关系的材料（劳动合同、工作证、工资支付记录、考勤记录、社保缴费记录、证人证言等）',
  labor_remuneration: '劳动关系和欠薪证据（劳动合同、工作证、工资条、考勤记录、欠条、聊天记录等）',
  civil_capacity: '医疗诊断证明或鉴定意见，以及与被申请认定人的亲属关系证明',
  work_injury: '工伤认定书或事故证明、医疗诊断证明和费用票据、劳动关系证明',
  traffic_accident_injury: '交通事故认定书、医疗诊断证明和费用票据',
  food_drug_injury: '购买凭证、问题食品药品或照片、医疗诊断证明和费用票据',
  medical_accident_injury: '病历、医疗费用票据、医疗损害鉴定意见（如有）',
  environmental_damage: '污染或生态破坏的证据（照片、检测报告）及损失证明',
  hero_martyr_rights: '与英雄烈士的近亲属关系证明，以及侵害英雄烈士姓名、肖像、名誉、荣誉的证据',
  good_samaritan: '见义勇为的证明材料（如见义勇为确认文件、报警记录、证人证言）',
  wrongful_conviction_compensation: '再审改判无罪的判决书',
  abuse_or_domestic_violence: '受虐待、遗弃或家庭暴力的证据（报警回执、告诫书、伤情照片、就医记录、人身安全保护令等）',
  criminal_defense: '已收到的案件文书（如拘留或逮捕通知书、起诉意见书、起诉书）',
  criminal_victim: '报案回执、立案或起诉材料、伤情鉴定或就医记录',
  military_benefits: '申请优抚待遇的材料（军人军属身份证明、有关部门的答复或决定）',
  marriage_family: '结婚证、户口簿，以及与纠纷有关的材料（财产、子女抚养情况等）',
  other_injury_or_loss: '受伤或损失的证明（医疗诊断证明和费用票据、损失清单、照片、报警记录等）',
  rural_land_or_insurance: '承包合同、宅基地使用证明、保险合同或农资购买凭证，以及有关部门的答复',
  other: DOC.matterGeneric,
}

export interface DocumentFacts {
  facts: Facts
  scopeKind: ScopeKind
  meansTest: MeansTestResult
  exemptions: readonly Exemption[]
  hits: readonly RuleHit[]
  urgent: boolean
}

export function documentsFor({ facts, scopeKind, meansTest, exemptions, hits, urgent }: DocumentFacts): string[] {
  if (scopeKind === 'mandatory') return [DOC.mandatory]
  if (scopeKind === 'on_application') return [...DEATH_REVIEW_DOCUMENTS]
  const docs: string[] = [DOC.identity]
  if (facts.applicantRelation === 'legal_representative' || facts.applicantRelation === 'close_relative') {
    docs.push(DOC.agent)
  }
  if (meansTest === 'passed' || meansTest === 'unknown') docs.push(DOC.hardship)
  for (const exemption of exemptions) {
    switch (exemption.kind) {
      case 'no_fixed_income':
        docs.push(DOC.noFixedIncome)
        if (exemption.groups.includes('disabled')) docs.push(DOC.disabilityCard)
        break
      case 'assistance':
        for (const status of exemption.statuses) {
          const doc = statusDocuments[status]
          if (doc !== undefined) docs.push(doc)
        }
        break
      case 'migrant_worker':
        docs.push(DOC.migrantWorker)
        break
      case 'rule':
        break
    }
  }
  for (const hit of hits) docs.push(...(hit.rule.documents ?? []))
  if (facts.retrialOrdered) docs.push(DOC.retrial)
  docs.push(facts.matter === undefined ? DOC.matterGeneric : matterDocuments[facts.matter])
  if (urgent) docs.push(DOC.urgent)
  return [...new Set(docs)]
}
