import { describe, expect, it } from 'vitest'
import { escCounter, QUICK_EXIT_ESC_WINDOW_MS } from '~~/app/utils/quick-exit'

describe('Esc pressed three times leaves', () => {
  it('fires on the third press within the window, then starts counting again', () => {
    const third = escCounter()
    expect(third(0)).toBe(false)
    expect(third(500)).toBe(false)
    expect(third(900)).toBe(true)
    expect(third(1000)).toBe(false)
  })

  it('does not fire when the presses are spread out', () => {
    const third = escCounter()
    expect(third(0)).toBe(false)
    expect(third(QUICK_EXIT_ESC_WINDOW_MS)).toBe(false)
    expect(third(QUICK_EXIT_ESC_WINDOW_MS * 2)).toBe(false)
    expect(third(QUICK_EXIT_ESC_WINDOW_MS * 2 + 10)).toBe(false)
    expect(third(QUICK_EXIT_ESC_WINDOW_MS * 2 + 20)).toBe(true)
  })
})
