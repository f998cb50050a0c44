import { describe, expect, it } from 'vitest'
import {
  applicantRelationCodes,
  applicantRelationLabels,
  countyCodes,
  countyLabels,
  criminalRoleCodes,
  criminalRoleLabels,
  disabilityCodes,
  disabilityLabels,
  matterCodes,
  matterLabels,
  proceedingCodes,
  proceedingLabels,
  residenceCodes,
  residenceLabels,
  screeningInput,
  statusCodes,
  statusLabels,
} from '#shared/schemas/eligibility'

const full = {
  proceeding: 'civil',
  matter: 'labor_remuneration',
  applicantRelation: 'self',
  retrialOrdered: false,
  person: {
    age: 34,
    disability: 'none',
    cannotFullyUnderstandConduct: false,
    hasFixedIncome: true,
    heroMartyrCloseRelative: false,
    statuses: ['migrant_worker', 'dibao'],
  },
  household: { size: 3, monthlyIncome: 2400, county: 'xingqing', residence: 'urban' },
  urgency: { needsAssetPreservation: false, needsEvidencePreservation: true, needsAdvanceExecution: false },
  daysToDeadline: 5,
}

function issues(value: unknown) {
  const result = screeningInput.safeParse(value)
  expect(result.success).toBe(false)
  return result.error?.issues ?? []
}

describe('screeningInput accepts', () => {
  it('the full documented shape unchanged', () => {
    expect(screeningInput.parse(full)).toEqual(full)
  })

  it.each([
    ['nothing at all (every fact is optional)', {}],
    ['only a matter', { matter: 'other' }],
    ['a household without income (the person does not know it)', { household: { size: 2, county: 'helan' } }],
    ['criminal facts in a criminal proceeding', {
      proceeding: 'criminal',
      matter: 'criminal_defense',
      criminal: { role: 'suspect_or_defendant', hasDefender: false, possibleLifeOrDeath: true, deathPenaltyReview: false, inAbsentia: false, compulsoryMedical: false },
    }],
    ['criminal facts without a proceeding (inferred later)', { criminal: { compulsoryMedical: true } }],
    ['age 0 and age 130 (the bounds)', { person: { age: 0 } }],
    ['age 130', { person: { age: 130 } }],
    ['income 0 and decimals', { household: { monthlyIncome: 0.5 } }],
    ['deadline today (0 days)', { daysToDeadline: 0 }],
  ])('%s', (_name, value) => {
    expect(screeningInput.safeParse(value).success).toBe(true)
  })

  it('dedupes repeated statuses', () => {
    const parsed = screeningInput.parse({ person: { statuses: ['dibao', 'veteran', 'dibao', 'veteran'] } })
    expect(parsed.person?.statuses).toEqual(['dibao', 'veteran'])
  })
})

describe('screeningInput rejects bad values with a Chinese message on the field', () => {
  it.each([
    ['age 300', { person: { age: 300 } }, ['person', 'age'], '年龄不能大于 130 岁'],
    ['negative age', { person: { age: -1 } }, ['person', 'age'], '年龄不能小于 0 岁'],
    ['fractional age', { person: { age: 30.5 } }, ['person', 'age'], '年龄必须是整数'],
    ['age as a string', { person: { age: '34' } }, ['person', 'age'], '年龄必须是数字'],
    ['negative income', { household: { monthlyIncome: -1 } }, ['household', 'monthlyIncome'], '家庭月收入不能为负数'],
    ['income as a string', { household: { monthlyIncome: '2400' } }, ['household', 'monthlyIncome'], '家庭月收入必须是数字'],
    ['absurd income', { household: { monthlyIncome: 1e12 } }, ['household', 'monthlyIncome'], '家庭月收入数额过大，请核对'],
    ['non-integer household size', { household: { size: 2.5 } }, ['household', 'size'], '家庭人口数必须是整数'],
    ['household size 0', { household: { size: 0 } }, ['household', 'size'], '家庭人口数至少为 1 人'],
    ['household size 51', { household: { size: 51 } }, ['household', 'size'], '家庭人口数不能超过 50 人'],
    ['unknown county', { household: { county: 'beijing' } }, ['household', 'county'], '所在县（市、区）不在可选范围内'],
    ['unknown residence', { household: { residence: 'suburban' } }, ['household', 'residence'], '城乡类别不在可选范围内'],
    ['unknown matter', { matter: 'divorce' }, ['matter'], '申请事项不在可选范围内'],
    ['unknown proceeding', { proceeding: 'military' }, ['proceeding'], '案件类型不在可选范围内'],
    ['unknown disability', { person: { disability: 'blind' } }, ['person', 'disability'], '残疾类别不在可选范围内'],
    ['unknown status', { person: { statuses: ['vip'] } }, ['person', 'statuses', 0], '身份类别不在可选范围内'],
    ['statuses not a list', { person: { statuses: 'dibao' } }, ['person', 'statuses'], '身份类别必须是列表'],
    ['boolean as a string', { person: { hasFixedIncome: 'no' } }, ['person', 'hasFixedIncome'], '是否有固定生活来源必须为“是”或“否”'],
    ['criminal flag as a number', { criminal: { inAbsentia: 1 } }, ['criminal', 'inAbsentia'], '是否为缺席审判案件被告人必须为“是”或“否”'],
    ['unknown criminal role', { criminal: { role: 'witness' } }, ['criminal', 'role'], '在刑事案件中的身份不在可选范围内'],
    ['unknown applicant relation', { applicantRelation: 'friend' }, ['applicantRelation'], '申请人身份不在可选范围内'],
    ['negative days to deadline', { daysToDeadline: -3 }, ['daysToDeadline'], '距期限届满天数不能为负数'],
    ['fractional days to deadline', { daysToDeadline: 1.5 }, ['daysToDeadline'], '距期限届满天数必须是整数'],
    ['NaN income', { household: { monthlyIncome: Number.NaN } }, ['household', 'monthlyIncome'], '家庭月收入必须是数字'],
    ['person not an object', { person: 'me' }, ['person'], '个人情况格式不正确'],
    ['input not an object', 42, [], '测评信息格式不正确'],
    ['null input', null, [], '测评信息格式不正确'],
  ])('%s', (_name, value, path, message) => {
    const found = issues(value)
    expect(found).toContainEqual(expect.objectContaining({ path, message }))
  })

  it.each([
    ['at the top level', { matter: 'other', name: '张三' }, [], '测评信息包含不支持的字段'],
    ['in person', { person: { idNumber: '640104199001011234' } }, ['person'], '个人情况包含不支持的字段'],
    ['in household', { household: { address: 'x' } }, ['household'], '家庭情况包含不支持的字段'],
    ['in criminal', { criminal: { charge: 'x' } }, ['criminal'], '刑事案件情况包含不支持的字段'],
    ['in urgency', { urgency: { soon: true } }, ['urgency'], '紧急情况包含不支持的字段'],
  ])('unknown keys %s', (_name, value, path, message) => {
    const found = issues(value)
    expect(found).toContainEqual(expect.objectContaining({ code: 'unrecognized_keys', path, message }))
  })

  it.each([
    ['criminal matter in a civil proceeding', { proceeding: 'civil', matter: 'criminal_defense' }, ['proceeding']],
    ['victim matter in an administrative proceeding', { proceeding: 'administrative', matter: 'criminal_victim' }, ['proceeding']],
    ['criminal facts in a civil proceeding', { proceeding: 'civil', criminal: { hasDefender: false } }, ['criminal']],
    ['defense with a victim role', { matter: 'criminal_defense', criminal: { role: 'victim' } }, ['criminal', 'role']],
    ['victim matter with a defendant role', { matter: 'criminal_victim', criminal: { role: 'suspect_or_defendant' } }, ['criminal', 'role']],
    ['victim with a death-penalty flag', { matter: 'criminal_victim', criminal: { possibleLifeOrDeath: true } }, ['criminal', 'possibleLifeOrDeath']],
  ])('inconsistent combination: %s', (_name, value, path) => {
    const found = issues(value)
    expect(found).toContainEqual(expect.objectContaining({ code: 'custom', path }))
    for (const issue of found) expect(issue.message).toMatch(/[\u4e00-\u9fff]/)
  })

  it('never echoes the rejected value in the message', () => {
    const found = issues({ matter: 'divorce-zhangsan', person: { age: 31337 } })
    for (const issue of found) {
      expect(issue.message).not.toContain('zhangsan')
      expect(issue.message).not.toContain('31337')
    }
  })
})

describe('code lists and labels for the questionnaire', () => {
  it.each([
    ['proceeding', proceedingCodes, proceedingLabels],
    ['matter', matterCodes, matterLabels],
    ['disability', disabilityCodes, disabilityLabels],
    ['status', statusCodes, statusLabels],
    ['county', countyCodes, countyLabels],
    ['residence', residenceCodes, residenceLabels],
    ['criminal role', criminalRoleCodes, criminalRoleLabels],
    ['applicant relation', applicantRelationCodes, applicantRelationLabels],
  ] as const)('every %s code has exactly one Chinese label', (_name, codes, labels) => {
    expect(Object.keys(labels).sort()).toEqual([...codes].sort())
    for (const code of codes) expect((labels as Record<string, string>)[code]).toMatch(/[\u4e00-\u9fff]/)
  })

  it('lists the six counties of Yinchuan', () => {
    expect(Object.values(countyLabels)).toEqual(['兴庆区', '金凤区', '西夏区', '永宁县', '贺兰县', '灵武市'])
  })

  it('has the 18 matter codes of the brief, 确认劳动关系 split from 劳动报酬 (第四十二条第（三）项), and the 4 matters of the 军人军属 rules', () => {
    expect(matterCodes).toHaveLength(23)
    expect(matterCodes).toContain('labor_relationship')
  })
})
