import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import pluginVue from 'eslint-plugin-vue'
import prettier from 'eslint-config-prettier'
import globals from 'globals'

// Which code may import what: the layering in ARCHITECTURE.md, enforced rather than hoped for.
const noElectron = {
  paths: [
    {
      name: 'electron',
      message: 'electron may be imported only in src/main/app, src/main/transports/ipc.ts and src/preload.'
    }
  ],
  patterns: []
}
const pureCore = {
  paths: [
    ...noElectron.paths,
    { name: 'node:fs', message: 'The core is pure: data in, data out. Do file I/O in services or library.' },
    { name: 'fs', message: 'The core is pure: data in, data out.' },
    { name: 'node:fs/promises', message: 'The core is pure: data in, data out.' },
    { name: 'better-sqlite3', message: 'SQL lives in src/main/library only.' }
  ],
  patterns: [
    {
      group: ['**/library/**', '**/api/**', '**/transports/**', '**/app/**', '**/services/**', '**/cli/**'],
      message: 'core imports nothing from the shell around it.'
    }
  ]
}

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'node_modules/**',
      'native/**',
      'test-results/**',
      'playwright-report/**',
      'e2e/artifacts/**',
      'resources/**'
    ]
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...pluginVue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.vue'] } }
  },
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'vue/multi-word-component-names': 'off',
      // Imported text must never become live markup.
      'vue/no-v-html': 'error',
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[property.name='innerHTML']",
          message: 'Never write innerHTML: imported text is shown as text.'
        }
      ]
    }
  },
  {
    files: ['src/renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          ...noElectron,
          patterns: [
            {
              // The pure diff core runs anywhere (VS Code's `common`); the rest of main does not.
              regex: '(^|/)main/(?!core/diff/)',
              message:
                'The renderer talks to main only through the API client (it may use the pure diff core).'
            },
            { group: ['node:*'], message: 'The renderer runs in a browser sandbox.' }
          ]
        }
      ]
    }
  },
  {
    files: ['src/shared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          ...noElectron,
          patterns: [
            {
              group: ['**/main/**', '**/renderer/**', '**/preload/**', 'node:*'],
              message: 'shared imports nothing of main, preload or renderer.'
            }
          ]
        }
      ]
    }
  },
  { files: ['src/main/core/**'], rules: { 'no-restricted-imports': ['error', pureCore] } },
  // Tests of the core may read their fixture files; the code under test still may not.
  {
    files: ['src/main/core/**/*.test.ts', 'src/main/core/**/fixtures/**'],
    rules: { 'no-restricted-imports': ['error', { paths: noElectron.paths }] }
  },
  {
    files: [
      'src/main/library/**',
      'src/main/api/**',
      'src/main/services/**',
      'src/main/cli/**',
      'src/main/transports/http.ts',
      'src/main/transports/http-*.ts'
    ],
    rules: { 'no-restricted-imports': ['error', noElectron] }
  },
  prettier
)
