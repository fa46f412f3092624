import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';

export default defineConfig({
  plugins: [
    react(),
    // Installable, and opens with no network once visited (src/features/offline registers it).
    VitePWA({
      // Never reload under a workshop: a new version waits until someone accepts the prompt.
      registerType: 'prompt',
      injectRegister: false,
      // The glob below already takes the icons; listing them again would precache them twice.
      includeManifestIcons: false,
      manifest: {
        name: 'Trame',
        short_name: 'Trame',
        description: 'Cartographie causale participative, en direct et hors ligne : facteurs, liens causaux et boucles de rétroaction.',
        lang: 'fr',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        background_color: '#ffffff',
        theme_color: '#1f3b57',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: '/icons/maskable-192.png', sizes: '192x192', type: 'image/png', purpose: 'maskable' },
          { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        // Every chunk, lazy ones included: the analysis or export panel must open offline too.
        globPatterns: ['**/*.{js,css,html,svg,png,ico,woff,woff2}'],
        navigateFallback: '/index.html',
        // Map pages are client routes; the relay's API, sockets and health check are not.
        navigateFallbackAllowlist: [/^\/m\//],
        navigateFallbackDenylist: [/^\/api\//, /^\/ws\//, /^\/healthz/],
        cleanupOutdatedCaches: true,
        maximumFileSizeToCacheInBytes: 5 * 1024 * 1024,
      },
    }),
  ],
  server: {
    // In dev the relay runs beside Vite (npm run serve); proxy keeps one origin like production.
    proxy: {
      '/api': 'http://localhost:8080',
      '/ws': { target: 'ws://localhost:8080', ws: true },
    },
  },
  build: {
    target: 'es2022',
    sourcemap: false,
    // Which chunks each module brings (test/e2e/bundle-size.test.ts follows a map link's load through it).
    manifest: true,
  },
});
