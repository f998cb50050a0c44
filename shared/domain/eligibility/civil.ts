/**
 * Civil and administrative matters: 法律援助法第三十一条 (economic hardship required) and
 * 第三十二条 (no economic condition); 第三十三条 (retrial/protest) for any proceeding.
 */
import type { MatterCode } from '../../schemas/eligibility'
import { matterLabels } from '../../schemas/eligibility'
import { HERO_MARTYR_LAW_ART_25, chineseNumber, laa } from './citations'
import { scope, type Facts, type Scope } from './facts'

/** 第三十一条 items (1)-(8). (9) "法律、法规、规章规定的其他情形" comes from rule sets. */
export const article31Items: Partial<Record<MatterCode, number>> = {
  state_compensation: 1,
  social_insurance_or_assistance: 2,
  pension_compensation: 3,
  support_payment: 4,
  // 第三十一条第（五）项 names both 确认劳动关系 and 支付劳动报酬; only the second is exempt from the
  // means test for 进城务工人员 (第四十二条第（三）项), so they are separate matters.
  labor_relationship: 5,
  labor_remuneration: 5,
  civil_capacity: 6,
  work_injury: 7,
  traffic_accident_injury: 7,
  food_drug_injury: 7,
  medical_accident_injury: 7,
  environmental_damage: 8,
}

/** 第三十二条 items (1)-(4). (5) "其他情形" comes from rule sets. */
export const article32Items: Partial<Record<MatterCode, number>> = {
  hero_martyr_rights: 1,
  good_samaritan: 2,
  wrongful_conviction_compensation: 3,
  abuse_or_domestic_violence: 4,
}

export function civilScope(facts: Facts): Scope {
  const matter = facts.matter
  if (matter === undefined) {
    return scope('review', '还不知道您要申请法律援助的事项，无法判断是否属于法律援助范围。', {
      missing: ['所申请法律援助的事项'],
    })
  }
  const label = matterLabels[matter]

  const item32 = article32Items[matter]
  if (item32 !== undefined) {
    if (matter === 'hero_martyr_rights' && facts.heroMartyrCloseRelative === false) {
      return scope(
        'review',
        '第三十二条第（一）项只适用于英雄烈士的近亲属；您不是近亲属的，需要由工作人员判断是否有其他依据。',
        { basis: [laa(32, { item: 1 })] },
      )
    }
    const basis = [laa(32, { item: item32, note: label })]
    if (matter === 'hero_martyr_rights') basis.push(HERO_MARTYR_LAW_ART_25)
    return scope(
      'no_means_test',
      `您申请的事项“${label}”属于法律援助法第三十二条第（${chineseNumber(item32)}）项的情形，申请法律援助不受经济困难条件的限制。`,
      { basis },
    )
  }

  const item31 = article31Items[matter]
  if (item31 !== undefined) {
    return scope(
      'means_test',
      `您申请的事项“${label}”属于法律援助法第三十一条第（${chineseNumber(item31)}）项规定的范围，因经济困难没有委托代理人的，可以申请法律援助。`,
      { basis: [laa(31, { item: item31, note: label })] },
    )
  }

  return scope(
    'review',
    '您的事项不在法律援助法第三十一条第（一）至（八）项、第三十二条第（一）至（四）项列明的范围内，是否属于法律、法规、规章规定的其他情形，需要由法律援助机构审查。',
    {
      basis: [
        laa(31, { item: 9, note: '法律、法规、规章规定的其他情形' }),
        laa(32, { item: 5, note: '法律、法规、规章规定的其他情形' }),
      ],
      matterNotListed: true,
    },
  )
}

/** 第三十三条: 申诉或申请再审，法院决定再审或检察院抗诉，因经济困难没有委托辩护人或者诉讼代理人. */
export function applyRetrial(current: Scope, facts: Facts): Scope {
  if (!facts.retrialOrdered) return current
  const art33 = laa(33, { note: '人民法院决定、裁定再审或者人民检察院提出抗诉' })
  if (current.kind === 'review' && (current.matterNotListed || facts.matter === undefined)) {
    return {
      ...current,
      kind: 'means_test',
      basis: [art33],
      missing: [],
      matterNotListed: false,
      summary:
        '您的案件已经决定、裁定再审或者检察院已经提出抗诉，因经济困难没有委托辩护人或者诉讼代理人的，可以依照第三十三条申请法律援助。',
    }
  }
  return { ...current, basis: [...current.basis, art33] }
}
