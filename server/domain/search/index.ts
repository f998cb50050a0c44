export * from './normalize'
export * from './lexicon'
export * from './statute-doc'
export * from './statute-search'
