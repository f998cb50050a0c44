// Every table of the portal. Each domain has its own file; add yours here.
export * from './staff'
export * from './audit'
export * from './search'
export * from './service-points'
export * from './cases'
export * from './legal-aid'
export * from './hotline'
export * from './known-questions'
