import { createConfigForNuxt } from '@nuxt/eslint-config/flat'

export default createConfigForNuxt({
  features: { stylistic: false, typescript: true },
})
  .append({
    ignores: ['.output/**', '.nuxt/**', '.data/**', 'reports/**', 'test-results/**', 'playwright-report/**', 'tmp/**', 'node_modules/**'],
  })
  .append({
    rules: {
      'vue/multi-word-component-names': 'off',
      'vue/no-v-html': 'off',
      '@typescript-eslint/no-explicit-any': 'error',
      'no-console': 'off',
    },
  })
  .append({
    files: ['test/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', '@typescript-eslint/no-non-null-assertion': 'off' },
  })
