// The SMS gateway the portal's webhook sender posts to ({ id, kind, to, text }): playwright.config.ts
// points NUXT_APPOINTMENTS_NOTIFY_WEBHOOK_URL at 127.0.0.1:(E2E_SMS_PORT ?? the portal's port + 1).
// A spec starts it in beforeAll and reads the texts as the resident's phone would show them.
import { createServer, type Server } from 'node:http'

export interface Sms { id: string, kind: string, to: string, text: string }

export function smsGateway() {
  const received: Sms[] = []
  let server: Server | undefined
  return {
    received,
    async start(baseURL: string) {
      const port = Number(process.env.E2E_SMS_PORT ?? Number(new URL(baseURL).port) + 1)
      server = createServer((req, res) => {
        let body = ''
        req.setEncoding('utf8')
        req.on('data', (c: string) => { body += c })
        req.on('end', () => {
          try {
            if (req.method === 'POST' && req.url === '/sms') received.push(JSON.parse(body) as Sms)
            res.writeHead(204).end()
          } catch {
            res.writeHead(400).end()
          }
        })
      })
      await new Promise<void>((resolve, reject) => server!.once('error', reject).listen(port, '127.0.0.1', resolve))
    },
    async stop() {
      await new Promise(resolve => (server ? server.close(resolve) : resolve(undefined)))
    },
  }
}
