// Demo service points of Yinchuan on the four levels (clearly marked is_demo).
import { sql } from 'drizzle-orm'
import { servicePoints } from '../db/schema'
import type { SeedStep } from './registry'
import { COUNTIES } from '../../shared/domain/platform/counties'
import type { ServicePointService } from '../../shared/domain/appointments/service-points'
import { SERVICE_POINT_EDITABLE_FIELDS } from '../../shared/domain/appointments/service-point-details'

interface PointSeed { code: string, parent?: string, level: 'city' | 'county' | 'township' | 'village', name: string, county?: string, address: string, hours: Record<string, string>, services: ServicePointService[] }

const H_CITY = { '周一至周五': '09:00-12:00, 13:30-17:30', '周六': '09:00-12:00（法律援助值班）' }
const H_COUNTY = { '周一至周五': '09:00-12:00, 13:30-17:30' }
const H_TOWN = { '周一至周五': '09:00-12:00, 14:30-17:00' }
const H_VILLAGE = { '周二、周四': '09:00-11:30' }

/** 无障碍 notes by level (示例: to be confirmed with each point before going live). */
const ACCESS = {
  city: '示例：无障碍坡道和无障碍卫生间，一楼设法律援助窗口；可提前预约手语翻译',
  county: '示例：一楼窗口，入口有无障碍坡道',
  township: '示例：一楼窗口，行动不便可请工作人员到门口接待',
  village: '示例：设在村（社区）办公室一楼',
} as const

const TOWNS: Record<string, Array<[string, string[]]>> = {
  xingqing: [['凤凰北街街道', ['丽景社区']], ['掌政镇', ['强家庙村']]],
  jinfeng: [['满城北街街道', ['宝湖社区']], ['良田镇', ['和顺新村']]],
  xixia: [['文昌路街道', ['同心路社区']], ['镇北堡镇', ['华西村']]],
  yongning: [['杨和镇', ['纳家户村']]],
  helan: [['习岗镇', ['新胜村']]],
  lingwu: [['城区街道', ['东塔社区']]],
}

export function demoServicePoints(): PointSeed[] {
  const out: PointSeed[] = [{
    code: 'yc', level: 'city', name: '银川市公共法律服务中心（示例）', address: '银川市金凤区（示例地址，以官方公布为准）',
    hours: H_CITY, services: ['法律咨询', '法律援助申请', '人民调解', '公证咨询', '司法鉴定咨询'],
  }]
  for (const [code, name] of COUNTIES) {
    out.push({ code: `yc-${code}`, parent: 'yc', level: 'county', county: code, name: `${name}公共法律服务中心（示例）`, address: `银川市${name}（示例地址）`, hours: H_COUNTY, services: ['法律咨询', '法律援助申请', '人民调解'] })
    for (const [i, [town, villages]] of (TOWNS[code] ?? []).entries()) {
      const tcode = `yc-${code}-t${i + 1}`
      out.push({ code: tcode, parent: `yc-${code}`, level: 'township', county: code, name: `${town}公共法律服务工作站（示例）`, address: `${name}${town}（示例地址）`, hours: H_TOWN, services: ['法律咨询', '人民调解', '法律援助转介'] })
      for (const [j, v] of villages.entries()) {
        out.push({ code: `${tcode}-v${j + 1}`, parent: tcode, level: 'village', county: code, name: `${v}公共法律服务工作室（示例）`, address: `${name}${town}${v}（示例地址）`, hours: H_VILLAGE, services: ['法律咨询', '人民调解'] })
      }
    }
  }
  return out
}

export const seedServicePoints: SeedStep = {
  name: 'service-points',
  demo: true,
  async run(ctx, log) {
    const points = demoServicePoints()
    const [{ n }] = await ctx.db.select({ n: sql<number>`count(*)::int` }).from(servicePoints) as [{ n: number }]
    if (n > 0) return
    await ctx.db.transaction(async (tx) => {
      const ids = new Map<string, string>()
      for (const p of points) {
        const [row] = await tx.insert(servicePoints).values({
          code: p.code, parentId: p.parent ? ids.get(p.parent) : null, level: p.level, name: p.name,
          county: p.county ?? null, address: p.address, phone: '12348', openingHours: p.hours, services: p.services, accessibility: ACCESS[p.level], isDemo: true,
          demoFields: [...SERVICE_POINT_EDITABLE_FIELDS],
        }).onConflictDoNothing().returning({ id: servicePoints.id })
        if (row) ids.set(p.code, row.id)
      }
    })
    log(`seed: ${points.length} demo service points (示例数据)`)
  },
}
