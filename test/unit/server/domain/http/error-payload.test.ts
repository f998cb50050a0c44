import { describe, expect, it } from 'vitest'
import { GENERIC_ERROR_MESSAGE, publicServerError } from '~~/server/domain/http/error-payload'
import { errorCatalogue } from '#shared/errors'

describe('publicServerError (what a production 5xx may say)', () => {
  it('replaces a 5xx message and data with the catalogue\'s generic sentence', () => {
    expect(GENERIC_ERROR_MESSAGE).toBe(errorCatalogue.INTERNAL.message)
    const pub = publicServerError(500, { code: 'ECONNREFUSED', sql: 'select * from legal_aid_applications', phone: '13912345678' })
    expect(pub).toEqual({ statusMessage: 'Internal Server Error', message: GENERIC_ERROR_MESSAGE, data: { code: 'INTERNAL', message: GENERIC_ERROR_MESSAGE } })
    expect(publicServerError(502, undefined)?.data.code).toBe('INTERNAL')
  })

  it('a 503 keeps only a code from the catalogue that is itself a 503, with the catalogue\'s text', () => {
    expect(publicServerError(503, { code: 'connect ECONNREFUSED 10.0.0.5:7700', message: 'internal detail' })?.data).toEqual({ code: 'INTERNAL', message: GENERIC_ERROR_MESSAGE })
    expect(publicServerError(503, { code: 'VALIDATION', message: 'internal detail' })?.data.code).toBe('INTERNAL')
  })

  it('leaves 4xx answers as they are (the portal\'s own clear messages)', () => {
    expect(publicServerError(400, { code: 'VALIDATION' })).toBeNull()
    expect(publicServerError(404, undefined)).toBeNull()
  })
})
