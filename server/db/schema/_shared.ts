import { timestamp } from 'drizzle-orm/pg-core'

/** created/updated columns, UTC, shared by every table. */
export const timestamps = {
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
}
