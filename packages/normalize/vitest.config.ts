import {defineConfig} from 'vitest/config'

export default defineConfig({
  test: {
    // Extraction of the corpus PDFs dominates; no test asserts a duration.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
})
