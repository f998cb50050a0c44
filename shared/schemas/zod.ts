// zod with Chinese default messages. Import `z` from here in every shared schema so forms and
// routes show the same Simplified Chinese messages.
import { z } from 'zod'

z.config(z.locales.zhCN())

export { z }
