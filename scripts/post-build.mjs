// Trunk post-build hook (Trunk.toml). Trunk starts all hooks of one stage at once, but
// these steps must run in order — the split replaces Trunk's wasm and edits index.html,
// and the service worker's version is a hash of the finished files, Content-Security-Policy
// included — so this one hook runs them in turn:
//   0. wasm-split.mjs: code splitting (the pages loaded on first visit);
//   1. minify-css.mjs: the stylesheets minified, their integrity hashes renewed (release);
//   2. csp.mjs: the Content-Security-Policy meta tag (release builds);
//   3. service-worker.mjs: sw.js with the list of files to cache offline.
// Each step reads TRUNK_PROFILE and TRUNK_STAGING_DIR, which Trunk sets for hooks.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

for (const step of ['wasm-split.mjs', 'minify-css.mjs', 'csp.mjs', 'service-worker.mjs']) {
  execFileSync(process.execPath, [fileURLToPath(new URL(step, import.meta.url))], { stdio: 'inherit' });
}
