import { describe, expect, it } from 'vitest'
import { GENERIC_ERROR_MESSAGE, UNAVAILABLE_MESSAGE, publicServerError } from '../../../../../server/domain/http/error-payload'

describe('publicServerError (what a production 5xx may say)', () => {
  it('replaces a 500 message and data with the generic Chinese message', () => {
    const pub = publicServerError(500, { code: 'ECONNREFUSED', sql: 'select * from legal_aid_applications', phone: '13912345678' })
    expect(pub).toEqual({ statusMessage: 'Internal Server Error', message: GENERIC_ERROR_MESSAGE, data: { code: 'INTERNAL_ERROR', message: GENERIC_ERROR_MESSAGE } })
    expect(publicServerError(502, undefined)?.data.code).toBe('INTERNAL_ERROR')
  })

  it('keeps only a catalogued code of a deliberate 503', () => {
    expect(publicServerError(503, { code: 'SEARCH_UNAVAILABLE', message: 'internal detail', host: '10.0.0.5' })).toEqual({
      statusMessage: 'Service Unavailable', message: UNAVAILABLE_MESSAGE, data: { code: 'SEARCH_UNAVAILABLE', message: UNAVAILABLE_MESSAGE },
    })
    expect(publicServerError(503, { code: 'connect ECONNREFUSED 10.0.0.5:7700' })?.data.code).toBe('SERVICE_UNAVAILABLE')
    expect(publicServerError(503, { code: 'ECONNREFUSED' })?.data.code).toBe('SERVICE_UNAVAILABLE')
  })

  it('leaves 4xx answers as they are (the portal\'s own clear messages)', () => {
    expect(publicServerError(400, { code: 'VALIDATION' })).toBeNull()
    expect(publicServerError(404, undefined)).toBeNull()
  })
})
