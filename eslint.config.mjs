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
      // text from the server renders as text (search highlights are ranges: CasesHighlight.vue)
      'vue/no-v-html': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      'no-console': 'off',
    },
  })
  .append({
    files: ['server/**'],
    rules: {
      // h3's private request fields (_requestBody, _body …) change between versions: never write them
      'no-restricted-syntax': ['error', {
        selector: 'AssignmentExpression > MemberExpression.left[property.name=/^_/][object.name=/^(event|req|request)$/]',
        message: 'Do not write the framework\'s private request fields; read the body once and pass it on.',
      }],
    },
  })
  .append({
    files: ['test/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', '@typescript-eslint/no-non-null-assertion': 'off' },
  })
