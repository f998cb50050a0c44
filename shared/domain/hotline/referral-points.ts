/**
 * The points a call's referral can name in its edit panel. The public list holds only the points in
 * service; a call referred to a point taken out of service since keeps that point, listed first and
 * marked 已停用, so the panel shows what was recorded and a save keeps it (it is not offered to a call
 * that does not already name it).
 */
export interface ReferralPointOption { id: string, name: string }

export function referralPointOptions(inService: ReadonlyArray<{ id: string, name: string }>, kept: { id: string, name: string } | null | undefined): ReferralPointOption[] {
  const list: ReferralPointOption[] = inService.map(p => ({ id: p.id, name: p.name }))
  if (kept && !list.some(p => p.id === kept.id)) list.unshift({ id: kept.id, name: `${kept.name}（已停用）` })
  return list
}
