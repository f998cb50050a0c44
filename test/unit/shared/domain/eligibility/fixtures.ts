import { screeningInput, type ScreeningInputRaw } from '#shared/schemas/eligibility'
import {
  parseEligibilityConfig,
  screen,
  type DibaoStandard,
  type EligibilityConfig,
  type RuleSet,
} from '#shared/domain/eligibility'
import type { ScreeningResultDto } from '#shared/types/eligibility'

export const TEST_SOURCE = '单元测试数据'

function std(
  id: string,
  county: DibaoStandard['county'],
  residence: DibaoStandard['residence'],
  dibaoMonthly: number,
  multiplier: number,
  effectiveFrom: string,
  effectiveTo?: string,
): DibaoStandard {
  return {
    id,
    county,
    residence,
    dibaoMonthly,
    multiplier,
    effectiveFrom,
    ...(effectiveTo === undefined ? {} : { effectiveTo }),
    source: TEST_SOURCE,
  }
}

/** Distinct figures per version so a test can tell which one decided. No helan data on purpose. */
export const testStandards: DibaoStandard[] = [
  std('fx-xingqing-urban-2025', 'xingqing', 'urban', 800, 2, '2025-01-01', '2025-12-31'), // 1600
  std('fx-xingqing-urban-2026', 'xingqing', 'urban', 850, 2, '2026-01-01'), // 1700
  std('fx-xingqing-rural-2026', 'xingqing', 'rural', 600, 2, '2026-01-01'), // 1200
  std('fx-jinfeng-urban-2026', 'jinfeng', 'urban', 812.5, 2, '2026-01-01'), // 1625
  std('fx-lingwu-rural-2026', 'lingwu', 'rural', 500, 1.5, '2026-01-01'), // 750
]

export const TODAY = '2026-11-28'

export function testConfig(overrides: Partial<{ now: Date | string; ruleSets: RuleSet[]; standards: DibaoStandard[] }> = {}): EligibilityConfig {
  return parseEligibilityConfig({
    now: overrides.now ?? TODAY,
    standards: overrides.standards ?? testStandards,
    ruleSets: overrides.ruleSets ?? [],
  })
}

/** Parses like the route and the form do, then screens. */
export function run(input: ScreeningInputRaw, config: EligibilityConfig = testConfig()): ScreeningResultDto {
  return screen(screeningInput.parse(input), config)
}

/** Per capita 500 yuan in 兴庆区城镇 (threshold 1700 in 2026): clearly in hardship. */
export const POOR = { size: 2, monthlyIncome: 1000, county: 'xingqing', residence: 'urban' } as const
/** Per capita 20000 yuan: clearly not in hardship. */
export const RICH = { size: 1, monthlyIncome: 20000, county: 'xingqing', residence: 'urban' } as const

export function articles(result: ScreeningResultDto): string[] {
  return result.basis.map((b) =>
    [b.law, b.article, b.paragraph === undefined ? '' : `p${b.paragraph}`, b.item === undefined ? '' : `i${b.item}`]
      .filter((x) => x !== '')
      .join(':'),
  )
}
