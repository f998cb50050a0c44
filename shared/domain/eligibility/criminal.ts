/**
 * Criminal matters: 法律援助法第二十四条、第二十五条、第二十八条、第二十九条、第三十条;
 * 刑事诉讼法第三十五条、第三十六条、第二百九十三条、第三百零四条.
 *
 * Families often ask for a relative who is detained: every sentence names "犯罪嫌疑人、被告人"
 * rather than "您", and tells the family what they can do (第四十条第二款: a detained person's
 * 法定代理人 or 近亲属 may apply on their behalf).
 */
import type { CriminalRoleCode } from '../../schemas/eligibility'
import type { LegalBasisDto } from '../../types/eligibility'
import { cpl, laa } from './citations'
import { ADULT_AGE, isMinor, scope, type Facts, type Scope } from './facts'

const VICTIM_ROLES: readonly CriminalRoleCode[] = ['victim', 'private_prosecutor', 'incidental_civil_plaintiff']

/** Disabilities where the person may not fully understand their conduct (第二十五条第一款第（三）项). */
const CAPACITY_DISABILITIES = ['mental', 'intellectual', 'multiple'] as const

export const CAPACITY_QUESTION =
  '犯罪嫌疑人、被告人能否完全辨认自己的行为（精神或智力残疾的成年人不能完全辨认自己行为的，应当通知法律援助机构指派律师，第二十五条第一款第（三）项）'

/**
 * 第二十五条第一款 items that lead to appointment WITHOUT an application: (1)-(4), (6).
 * Item (5) — death-penalty review — needs the defendant's application and is handled apart.
 * At the review stage the sentence has been passed, so item (4) (possible life or death
 * sentence, a trial-stage ground) gives way to item (5).
 */
export function mandatoryDefenseItems(facts: Facts): LegalBasisDto[] {
  const items: LegalBasisDto[] = []
  const adultOrUnknown = facts.age === undefined || facts.age >= ADULT_AGE
  if (isMinor(facts)) items.push(laa(25, { paragraph: 1, item: 1, note: '未成年人' }))
  if (facts.disability === 'visual' || facts.disability === 'hearing' || facts.disability === 'speech') {
    items.push(laa(25, { paragraph: 1, item: 2, note: '视力、听力、言语残疾人' }))
  }
  if (facts.cannotFullyUnderstandConduct === true && adultOrUnknown) {
    items.push(laa(25, { paragraph: 1, item: 3, note: '不能完全辨认自己行为的成年人' }))
  }
  if (facts.criminal.possibleLifeOrDeath && !facts.criminal.deathPenaltyReview) {
    items.push(laa(25, { paragraph: 1, item: 4, note: '可能被判处无期徒刑、死刑的人' }))
  }
  if (facts.criminal.inAbsentia) {
    items.push(laa(25, { paragraph: 1, item: 6, note: '缺席审判案件的被告人' }))
    items.push(cpl(293, '缺席审判案件，被告人及其近亲属没有委托辩护人的，人民法院应当通知法律援助机构指派律师'))
  }
  return items
}

export function criminalRole(facts: Facts): CriminalRoleCode | undefined {
  if (facts.criminal.role !== undefined) return facts.criminal.role
  if (facts.matter === 'criminal_defense') return 'suspect_or_defendant'
  if (facts.matter === 'criminal_victim') return 'victim'
  const c = facts.criminal
  if (c.possibleLifeOrDeath || c.deathPenaltyReview || c.inAbsentia) return 'suspect_or_defendant'
  return undefined
}

/** A suspect or defendant who has (as far as we know) no defender: the duty lawyer applies (第三十条). */
export function needsDutyLawyer(facts: Facts): boolean {
  return criminalRole(facts) === 'suspect_or_defendant' && facts.criminal.hasDefender !== true
}

export const DUTY_LAWYER_SENTENCE =
  '犯罪嫌疑人、被告人没有辩护人的，无论经济状况如何，都可以约见值班律师，获得法律咨询、程序选择建议、申请变更强制措施、对案件处理提出意见等法律帮助；' +
  '人民法院、人民检察院、看守所应当告知其有权约见值班律师并提供便利（法律援助法第三十条、刑事诉讼法第三十六条）。'

export const DUTY_LAWYER_BASIS: LegalBasisDto[] = [
  laa(30, { note: '值班律师为没有辩护人的犯罪嫌疑人、被告人提供法律帮助，不审查经济状况' }),
  cpl(36, '犯罪嫌疑人、被告人有权约见值班律师'),
]

const NO_DEFENDER_WARNING = '通知指派以没有委托辩护人为前提；如已自行委托律师，则不再指派。'

const FAMILY_SENTENCE =
  '家属可以向办案的公安机关、人民检察院或人民法院说明情况，询问是否已经通知法律援助机构指派律师；也可以拨打 12348 或到法律援助中心反映。'

export function criminalScope(facts: Facts): Scope {
  const c = facts.criminal

  // 第二十八条、刑事诉讼法第三百零四条：强制医疗案件的被申请人或者被告人没有委托诉讼代理人的，人民法院应当通知指派。
  if (c.compulsoryMedical) {
    const basis = [
      laa(28, { note: '强制医疗案件的被申请人或者被告人没有委托诉讼代理人' }),
      cpl(304, '人民法院审理强制医疗案件，被申请人或者被告人没有委托诉讼代理人的，应当通知法律援助机构指派律师'),
    ]
    if (c.hasDefender === true) {
      return scope('not_applicable', '强制医疗案件中已委托诉讼代理人的，不再由法律援助机构指派律师。', { basis })
    }
    return scope(
      'mandatory',
      '强制医疗案件的被申请人或者被告人没有委托诉讼代理人的，人民法院应当通知法律援助机构指派律师提供法律帮助（法律援助法第二十八条、刑事诉讼法第三百零四条）：不需要申请，也不审查经济状况。' +
        FAMILY_SENTENCE,
      { basis, warnings: c.hasDefender === undefined ? [NO_DEFENDER_WARNING] : [] },
    )
  }

  const role = criminalRole(facts)
  if (role === 'suspect_or_defendant') return defenseScope(facts)
  if (role !== undefined && VICTIM_ROLES.includes(role)) return victimScope(facts, role)
  return scope('review', '需要先确认您在刑事案件中的身份，才能判断适用哪一条规定。', {
    missing: ['在刑事案件中的身份（犯罪嫌疑人、被告人，被害人，自诉人或附带民事诉讼原告人）'],
  })
}

function defenseScope(facts: Facts): Scope {
  const c = facts.criminal
  const items = mandatoryDefenseItems(facts)
  if (items.length > 0) {
    if (c.hasDefender === true) {
      return scope(
        'not_applicable',
        '犯罪嫌疑人、被告人已委托辩护人。第二十五条规定的通知指派只适用于没有委托辩护人的犯罪嫌疑人、被告人。',
        { basis: items },
      )
    }
    return scope(
      'mandatory',
      '依照法律援助法第二十五条第一款，犯罪嫌疑人、被告人没有委托辩护人的，人民法院、人民检察院、公安机关应当通知法律援助机构指派律师担任辩护人：不需要本人或家属申请，也不审查经济状况。' +
        FAMILY_SENTENCE,
      { basis: items, warnings: c.hasDefender === undefined ? [NO_DEFENDER_WARNING] : [] },
    )
  }

  // 第二十五条第一款第（五）项：申请法律援助的死刑复核案件被告人 — appointment follows the APPLICATION.
  if (c.deathPenaltyReview) {
    const basis = [laa(25, { paragraph: 1, item: 5, note: '申请法律援助的死刑复核案件被告人' })]
    if (c.hasDefender === true) {
      return scope('not_applicable', '死刑复核案件的被告人已委托辩护人的，不再由法律援助机构指派律师。', { basis })
    }
    basis.push(laa(40, { paragraph: 2, note: '被羁押的犯罪嫌疑人、被告人可以由其法定代理人或者近亲属代为提出法律援助申请' }))
    return scope(
      'on_application',
      '死刑复核案件的被告人需要提出法律援助申请：被告人申请法律援助的，人民法院应当通知法律援助机构指派律师担任辩护人，不审查经济状况（法律援助法第二十五条第一款第（五）项）。' +
        '被告人被羁押的，其法定代理人或者近亲属可以代为提出申请（第四十条第二款）。请尽快申请；怎样递交申请，可以拨打 12348 或到法律援助中心询问。',
      { basis, warnings: c.hasDefender === undefined ? [NO_DEFENDER_WARNING] : [] },
    )
  }

  const art24 = laa(24, { note: '犯罪嫌疑人、被告人因经济困难或者其他原因没有委托辩护人的，本人及其近亲属可以申请' })
  if (c.hasDefender === true) {
    return scope('not_applicable', '犯罪嫌疑人、被告人已委托辩护人，第二十四条的法律援助以没有委托辩护人为前提。', {
      basis: [art24],
    })
  }

  // 第二十五条第一款第（三）项: a mental or intellectual disability with the capacity question open
  // must be looked at by the centre — never a "no" from the means test.
  const adultOrUnknown = facts.age === undefined || facts.age >= ADULT_AGE
  const capacityOpen =
    adultOrUnknown &&
    facts.cannotFullyUnderstandConduct === undefined &&
    (CAPACITY_DISABILITIES as readonly string[]).includes(facts.disability ?? '')
  if (capacityOpen || facts.disability === 'multiple') {
    const missing: string[] = []
    if (facts.disability === 'multiple') missing.push('多重残疾是否包括视力、听力或言语残疾（属于第二十五条第一款第（二）项的通知指派情形）')
    if (capacityOpen) missing.push(CAPACITY_QUESTION)
    return scope(
      'review',
      '犯罪嫌疑人、被告人有精神、智力或多重残疾的，可能属于第二十五条第一款应当通知指派律师的情形（不需要申请，也不审查经济状况），需要法律援助机构核实。' +
        '在核实之前，因经济困难没有委托辩护人的，本人及其近亲属也可以依照第二十四条申请法律援助。',
      { basis: [laa(25, { paragraph: 1, item: 3, note: '不能完全辨认自己行为的成年人' }), art24], missing },
    )
  }

  const openQuestions: string[] = []
  if (facts.age === undefined) openQuestions.push('年龄（未成年人由办案机关通知指派律师）')
  return scope(
    'means_test',
    '犯罪嫌疑人、被告人因经济困难或者其他原因没有委托辩护人的，本人及其近亲属可以依照第二十四条申请法律援助；被羁押的，近亲属可以代为申请（第四十条第二款）。',
    {
      basis: [art24],
      openQuestions,
      warnings: [
        '其他适用普通程序审理的刑事案件，被告人没有委托辩护人的，人民法院也可以通知法律援助机构指派律师（第二十五条第二款）。',
      ],
    },
  )
}

function victimScope(facts: Facts, role: CriminalRoleCode): Scope {
  const art29 = laa(29, {
    note: '公诉案件被害人及其法定代理人或者近亲属，自诉人及其法定代理人，附带民事诉讼原告人及其法定代理人',
  })
  if (facts.criminal.hasDefender === true) {
    return scope('not_applicable', '您已委托诉讼代理人，第二十九条的法律援助以没有委托诉讼代理人为前提。', {
      basis: [art29],
    })
  }
  if (role !== 'victim' && facts.applicantRelation === 'close_relative') {
    return scope(
      'review',
      '第二十九条规定自诉人、附带民事诉讼原告人本人及其法定代理人可以申请；由近亲属代为申请的，需要由工作人员核实。',
      { basis: [art29] },
    )
  }
  return scope(
    'means_test',
    '刑事案件的被害人、自诉人、附带民事诉讼原告人及其代理人因经济困难没有委托诉讼代理人的，可以依照第二十九条申请法律援助。',
    { basis: [art29] },
  )
}
