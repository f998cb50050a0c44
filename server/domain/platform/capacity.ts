/**
 * Timed places with a capacity (callback windows, appointment slots): bookable while they have not
 * begun, and how many places are left.
 */
export interface WindowLike { startsAt: Date, endsAt: Date, capacity: number }

/** Still in the future, so it can be booked. */
export function isBookable(w: WindowLike, now: Date): boolean {
  return w.startsAt.getTime() > now.getTime()
}

export function freePlaces(w: WindowLike, booked: number): number {
  return Math.max(0, w.capacity - booked)
}
