import { randomBytes } from 'node:crypto'

let seq = 0
/** A fresh valid mobile number per call (different people in the booking tests). */
export const newPhone = () => `13${String(100_000_000 + (++seq * 7_919 + Number(randomBytes(3).readUIntBE(0, 3))) % 900_000_000).padStart(9, '0')}`
