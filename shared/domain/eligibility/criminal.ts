/**
 * Criminal matters: 法律援助法第二十四条、第二十五条、第二十八条、第二十九条.
 */
import type { CriminalRoleCode } from '../../schemas/eligibility'
import type { LegalBasisDto } from '../../types/eligibility'
import { laa } from './citations'
import { ADULT_AGE, isMinor, scope, type Facts, type Scope } from './facts'

const VICTIM_ROLES: readonly CriminalRoleCode[] = ['victim', 'private_prosecutor', 'incidental_civil_plaintiff']

/** 第二十五条第一款 items (1)-(6) that the facts establish. */
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
  if (facts.criminal.possibleLifeOrDeath) {
    items.push(laa(25, { paragraph: 1, item: 4, note: '可能被判处无期徒刑、死刑的人' }))
  }
  if (facts.criminal.deathPenaltyReview) {
    items.push(laa(25, { paragraph: 1, item: 5, note: '申请法律援助的死刑复核案件被告人' }))
  }
  if (facts.criminal.inAbsentia) items.push(laa(25, { paragraph: 1, item: 6, note: '缺席审判案件的被告人' }))
  return items
}

function criminalRole(facts: Facts): CriminalRoleCode | undefined {
  if (facts.criminal.role !== undefined) return facts.criminal.role
  if (facts.matter === 'criminal_defense') return 'suspect_or_defendant'
  if (facts.matter === 'criminal_victim') return 'victim'
  const c = facts.criminal
  if (c.possibleLifeOrDeath || c.deathPenaltyReview || c.inAbsentia) return 'suspect_or_defendant'
  return undefined
}

const NO_DEFENDER_WARNING = '通知指派以没有委托辩护人为前提；如已自行委托律师，则不再指派。'

export function criminalScope(facts: Facts): Scope {
  const c = facts.criminal

  // 第二十八条：强制医疗案件的被申请人或者被告人没有委托诉讼代理人的，人民法院应当通知指派。
  if (c.compulsoryMedical) {
    const basis = [laa(28, { note: '强制医疗案件的被申请人或者被告人' })]
    if (c.hasDefender === true) {
      return scope('not_applicable', '强制医疗案件中已委托诉讼代理人的，不再由法律援助机构指派律师。', { basis })
    }
    return scope(
      'mandatory',
      '您是强制医疗案件的被申请人或被告人，没有委托诉讼代理人的，人民法院应当通知法律援助机构指派律师，无需申请，也不审查经济状况。',
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
        '您已委托辩护人。第二十五条规定的通知指派只适用于没有委托辩护人的犯罪嫌疑人、被告人。',
        { basis: items },
      )
    }
    return scope(
      'mandatory',
      '依照法律援助法第二十五条第一款，人民法院、人民检察院、公安机关应当通知法律援助机构指派律师担任辩护人，无需本人申请，也不审查经济状况。',
      { basis: items, warnings: c.hasDefender === undefined ? [NO_DEFENDER_WARNING] : [] },
    )
  }

  const art24 = laa(24, { note: '犯罪嫌疑人、被告人因经济困难没有委托辩护人的，本人及其近亲属可以申请' })
  if (c.hasDefender === true) {
    return scope('not_applicable', '您已委托辩护人，第二十四条的法律援助以没有委托辩护人为前提。', {
      basis: [art24],
    })
  }
  if (facts.disability === 'multiple') {
    return scope('review', '多重残疾中如包含视力、听力或言语残疾，属于第二十五条第一款第（二）项的通知指派情形，需要核实。', {
      basis: [art24],
      missing: ['多重残疾是否包括视力、听力或言语残疾'],
    })
  }
  const openQuestions: string[] = []
  if (facts.age === undefined) openQuestions.push('年龄（未成年人由办案机关通知指派律师）')
  return scope(
    'means_test',
    '犯罪嫌疑人、被告人因经济困难没有委托辩护人的，本人及其近亲属可以依照第二十四条申请法律援助。',
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
