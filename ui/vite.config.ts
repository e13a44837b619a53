import { svelte } from '@sveltejs/vite-plugin-svelte';
import { svelteTesting } from '@testing-library/svelte/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [svelte(), svelteTesting()],
  // Tauri prints its own output; keep Vite's visible.
  clearScreen: false,
  server: {
    port: 5173,
    strictPort: true,
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // WebKitGTK 2.4x (Linux), WKWebView (macOS 12+) and WebView2 (Windows).
    target: ['es2021', 'safari15'],
  },
  test: {
    environment: 'jsdom',
    setupFiles: ['src/test/setup.ts'],
    include: ['src/**/*.test.ts'],
    // Form journeys type many keys through jsdom; a slow office PC or a busy CI core needs
    // more than the default 5 s.
    testTimeout: 20000,
  },
});
