import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import vue from 'eslint-plugin-vue'
import globals from 'globals'

/**
 * Layer rules (ARCHITECTURE.md, "Layers"): each folder may import only the
 * layers beneath it, and framework-free code no Vue. `test/lint/layers.test.ts`
 * shows each rule failing on a wrong import.
 */
const FRAMEWORKS = ['vue', 'pinia', 'vue-router']
function layer(folder, forbidden, frameworkFree) {
  return {
    files: [`src/${folder}/**/*.ts`],
    rules: {
      'no-restricted-imports': ['error', {
        paths: frameworkFree ? FRAMEWORKS.map((name) => ({ name, message: `src/${folder} is framework-free: no ${name} (Node tests and workers run it).` })) : [],
        patterns: [{
          regex: `^(~/|(\\.\\./)+)(${forbidden.join('|')})(/|$)`,
          message: `src/${folder} may not import from ${forbidden.map((f) => `src/${f}`).join(', ')} (ARCHITECTURE.md, "Layers").`,
        }],
      }],
    },
  }
}

export default tseslint.config(
  { ignores: ['dist/**', 'dist-*/**', 'node_modules/**', 'coverage/**', 'data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...vue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser } },
  },
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'vue/multi-word-component-names': 'off',
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
    },
  },
  layer('ingest', ['import', 'db', 'charts', 'publish', 'stores', 'views', 'components', 'composables', 'dom', 'i18n', 'format'], true),
  layer('import', ['db', 'charts', 'publish', 'stores', 'views', 'components', 'composables', 'dom'], true),
  layer('db', ['import', 'charts', 'publish', 'stores', 'views', 'components', 'composables', 'dom'], true),
  layer('charts', ['import', 'stores', 'views', 'components', 'composables', 'dom'], true),
  layer('publish', ['import', 'stores', 'views', 'components', 'composables', 'dom'], true),
  layer('stores', ['views', 'components', 'composables', 'dom'], false),
  // Composables (useQuery, the citation's provenance and its app-wide open popover, quality, viewport): below the Vue components.
  layer('composables', ['views', 'components'], false),
  // DOM helpers (downloads, a rendered table read back): the browser's, not Vue's, and nothing of the app's state.
  layer('dom', ['import', 'db', 'stores', 'views', 'components', 'composables'], true),
  // The review (issue #12) reads the parser's rows and nothing of the app; import and db may read it.
  layer('review', ['import', 'db', 'charts', 'publish', 'stores', 'views', 'components', 'composables', 'dom', 'i18n', 'format'], true),
  // Where the build's files come from (hosted: fetched; single file: decoded from the page): knows nothing of the app.
  layer('platform', ['ingest', 'import', 'db', 'review', 'charts', 'publish', 'stores', 'views', 'components', 'composables', 'dom', 'i18n', 'format'], true),
)
