import {defineConfig} from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Whole real PDFs are read on a shared machine: generous limits, no timing assertions.
    testTimeout: 180_000,
    hookTimeout: 180_000,
  },
})
