import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

// Paths from this file, not the working directory; import.meta.dirname keeps node:path out of renderer/.
const rendererRoot = import.meta.dirname;
const outDir = `${import.meta.dirname}/../dist/renderer`;

/**
 * The built page may only talk to its own origin and the WebSocket API. Added at build time only,
 * because the dev server's React refresh preamble is an inline script this policy would block.
 * Inline styles stay allowed: recharts and the virtualized tables position elements with them.
 */
const CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; connect-src 'self' ws: wss:; style-src 'self' 'unsafe-inline'; img-src 'self' data:";

function contentSecurityPolicy(): Plugin {
  return {
    name: 'brokerscope-csp',
    apply: 'build',
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY }, injectTo: 'head' },
    ],
  };
}

export default defineConfig({
  root: rendererRoot,
  // Relative asset URLs: Electron loads the build from file://, web mode serves it from any path.
  base: './',
  plugins: [react(), contentSecurityPolicy()],
  build: {
    outDir,
    emptyOutDir: true,
    sourcemap: true,
    target: 'es2022',
    // The page is loaded from disk (Electron) or loopback (web mode), never over a slow network;
    // one bundle, mostly recharts, is fine.
    chunkSizeWarningLimit: 1500,
  },
});
