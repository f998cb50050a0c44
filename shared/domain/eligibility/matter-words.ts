/**
 * The questionnaire's first question in the resident's own words. People say 离婚, 家暴, 讨工资,
 * 被抓了 — not "请求确认劳动关系或者支付劳动报酬". Each word maps to the law's matter code
 * (法律援助法第三十一条、第三十二条、第二十四条、第二十九条), with a hint that says what it covers.
 *
 * Every word has a NEUTRAL code for URLs (`/eligibility?matter=m03`): a link from a case page or a
 * search result carries the matter in, but a URL, a page title or a history entry never names it
 * (for a person whose abuser may look at the phone; 家暴 especially, but none of them is needed).
 *
 * Framework-free. The wording is here; the matter codes and rules are in the eligibility engine.
 */
import type { MatterCode } from '../../schemas/eligibility'

export interface MatterWord {
  /** Neutral code for URLs and forms: reveals nothing. */
  code: string
  /** What people call it. */
  label: string
  /** What it covers, in plain words. */
  hint?: string
  matter: MatterCode
  /** A matter whose pages must stay discreet and show the safety note (家暴、虐待、遗弃). */
  sensitive?: boolean
}

export const matterWords: readonly MatterWord[] = [
  { code: 'm01', label: '讨工资、拖欠工钱', hint: '老板、包工头不给工资或少给工资', matter: 'labor_remuneration' },
  { code: 'm02', label: '工伤', hint: '干活时受伤、得了职业病，要赔偿', matter: 'work_injury' },
  { code: 'm03', label: '家暴、虐待、遗弃', hint: '被家里人打、骂、限制自由，或被家人虐待、丢下不管', matter: 'abuse_or_domestic_violence', sensitive: true },
  { code: 'm04', label: '离婚', hint: '离婚、分财产、孩子归谁（有家暴的请选上一项）', matter: 'marriage_family' },
  { code: 'm05', label: '要抚养费、赡养费（养老）', hint: '孩子的抚养费，老人的养老钱（子女不赡养），夫妻之间的扶养费', matter: 'support_payment' },
  { code: 'm06', label: '交通事故', hint: '被车撞伤，或家人在交通事故中伤亡，要赔偿', matter: 'traffic_accident_injury' },
  { code: 'm07', label: '被打、被伤害', hint: '被人打伤、伤害，对方可能犯了罪，您或家人是受害的一方', matter: 'criminal_victim' },
  { code: 'm08', label: '被抓、被起诉（刑事案件）', hint: '您或家人被公安机关带走、被检察院起诉，需要辩护律师', matter: 'criminal_defense' },
  { code: 'm09', label: '借钱不还', hint: '借出去的钱要不回来，或被人催债', matter: 'other' },
  { code: 'm10', label: '养老金、低保、医保、社保待遇', hint: '该发的养老金、低保、医保报销、失业金没发或少发', matter: 'social_insurance_or_assistance' },
  { code: 'm11', label: '没签合同，老板不认我是他的员工', hint: '要先确认劳动关系，才能要工资、补偿、社保', matter: 'labor_relationship' },
  { code: 'm12', label: '看病出了事（医疗事故）', hint: '在医院治疗受到损害', matter: 'medical_accident_injury' },
  { code: 'm13', label: '吃的、用的药出了问题', hint: '食品、药品安全事故造成伤害', matter: 'food_drug_injury' },
  { code: 'm14', label: '其他受伤、财物损失要赔偿', hint: '比如被狗咬伤、房屋被损坏，想让对方赔钱', matter: 'other_injury_or_loss' },
  { code: 'm15', label: '土地承包、宅基地、农资、保险赔付', hint: '承包地、宅基地纠纷，种子化肥农药有问题，保险公司不赔', matter: 'rural_land_or_insurance' },
  { code: 'm16', label: '抚恤金', hint: '因公牺牲、病故人员家属或伤残人员该领的抚恤金', matter: 'pension_compensation' },
  { code: 'm17', label: '军人军属的优抚待遇', hint: '军人、军属、退役军人该享受的优待、抚恤', matter: 'military_benefits' },
  { code: 'm18', label: '要国家赔偿', hint: '被政府部门、公安、法院等错误处理造成损失', matter: 'state_compensation' },
  { code: 'm19', label: '被冤枉判了刑，改判无罪后要赔偿', hint: '再审改判无罪，请求国家赔偿', matter: 'wrongful_conviction_compensation' },
  { code: 'm20', label: '家人糊涂了、管不了自己的事', hint: '申请认定家人无民事行为能力或限制民事行为能力（如老年痴呆、精神疾病）', matter: 'civil_capacity' },
  { code: 'm21', label: '环境污染受损害', hint: '污染、生态破坏造成人身、财产损害', matter: 'environmental_damage' },
  { code: 'm22', label: '见义勇为', hint: '因为见义勇为受伤或受损失，要求赔偿、补偿', matter: 'good_samaritan' },
  { code: 'm23', label: '维护英雄烈士名誉', hint: '英雄烈士的近亲属，维护英雄烈士的姓名、肖像、名誉、荣誉', matter: 'hero_martyr_rights' },
  { code: 'm99', label: '其他事情', hint: '上面都不是：也可以先问一问，法律咨询对所有人免费', matter: 'other' },
]

export const matterWordByCode = (code: string | undefined): MatterWord | undefined =>
  code === undefined ? undefined : matterWords.find(w => w.code === code)

/** The word a matter code is shown as (its first word), for links that only know the matter. */
export function matterWordFor(matter: MatterCode | string | undefined): MatterWord | undefined {
  return matter === undefined ? undefined : matterWords.find(w => w.matter === matter)
}

/** A matter whose path must stay discreet (titles, URLs, history) and shows the safety note. */
export const isSensitiveMatter = (matter: MatterCode | string | undefined) =>
  matterWords.some(w => w.sensitive && w.matter === matter)

/**
 * Reads the `?matter=` of a link: a neutral code (m03), or, for old links, a matter code
 * (abuse_or_domestic_violence), which the page then replaces with the neutral code.
 */
export function matterWordFromQuery(value: unknown): MatterWord | undefined {
  if (typeof value !== 'string') return undefined
  return matterWordByCode(value) ?? matterWordFor(value)
}
