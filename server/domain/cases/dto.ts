// Database rows → response DTOs (whitelisted fields only). Framework-free.
import type { CaseRow, LexiconRow, StatuteRow } from '../../db/schema'
import type { CaseDetailDto, CaseSummaryDto, LexiconEntryDto, StaffCaseDto, StatuteDto } from '../../../shared/types/cases'

export function toStatuteDto(r: StatuteRow): StatuteDto {
  return {
    id: r.id, lawId: r.lawId, lawTitle: r.lawTitle, lawShortTitle: r.lawShortTitle, part: r.part, level: r.level,
    chapterPath: r.chapterPath, articleNo: r.articleNo, articleLabel: r.articleLabel, text: r.text,
    versionDate: r.versionDate, isLatest: r.isLatest, inForce: r.inForce,
  }
}

export function toCaseSummaryDto(c: CaseRow): CaseSummaryDto {
  return { id: c.id, slug: c.slug, title: c.title, category: c.category, summary: c.summary }
}

export function toCaseDetailDto(c: CaseRow, statutes: StatuteRow[], related: CaseRow[]): CaseDetailDto {
  return {
    ...toCaseSummaryDto(c),
    groups: c.groups, region: c.region, date: c.date, source: c.source, kind: c.kind, isDemo: c.isDemo,
    facts: c.facts, question: c.question, outcome: c.outcome, explanation: c.explanation, nextSteps: c.nextSteps,
    commonQuestions: c.commonQuestions, publishedAt: c.publishedAt?.toISOString() ?? null,
    statutes: statutes.map(toStatuteDto), related: related.map(toCaseSummaryDto),
  }
}

export function toStaffCaseDto(c: CaseRow, statuteIds: string[]): StaffCaseDto {
  return {
    id: c.id, slug: c.slug, title: c.title, category: c.category, groups: c.groups, region: c.region, date: c.date,
    source: c.source, kind: c.kind, facts: c.facts, question: c.question, outcome: c.outcome, explanation: c.explanation,
    nextSteps: c.nextSteps, commonQuestions: c.commonQuestions, summary: c.summary, statuteIds, status: c.status,
    publishedAt: c.publishedAt?.toISOString() ?? null, isDemo: c.isDemo, version: c.version, updatedAt: c.updatedAt.toISOString(),
  }
}

export function toLexiconEntryDto(r: LexiconRow): LexiconEntryDto {
  return {
    id: r.id, colloquial: r.colloquial, legal: r.legal, kind: r.kind, domain: r.domain, status: r.status,
    source: r.source, note: r.note, reviewedAt: r.reviewedAt?.toISOString() ?? null,
  }
}
