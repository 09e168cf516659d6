// Trunk post-build step (run by scripts/post-build.mjs): adds a Content-Security-Policy
// meta tag to the release build's index.html. The policy allows only this site's own
// files, WebAssembly compilation, Trunk's one inline start-up script (by its SHA-256 hash,
// computed here because its text names the hashed file names of each build), the app's
// own service worker and its own <base href>. Nothing else — no other origin, no inline
// code, no plugins. Debug builds and anything scripts/serve.sh builds (trunk serve, also with
// --release) are left alone so live reload keeps working.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

// scripts/serve.sh sets CP_DEV_SERVER: a served build has Trunk's live-reload script inline.
if (process.env.TRUNK_PROFILE !== 'release' || process.env.CP_DEV_SERVER) process.exit(0);
const file = join(process.env.TRUNK_STAGING_DIR ?? 'dist', 'index.html');
let html = readFileSync(file, 'utf8');
const hashes = [...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)]
  .filter((m) => m[1].trim() !== '')
  .map((m) => `'sha256-${createHash('sha256').update(m[1], 'utf8').digest('base64')}'`);
const policy = [
  "default-src 'none'",
  `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(' ')}`.trim(),
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "manifest-src 'self'",
  // The service worker (sw.js, written by service-worker.mjs) comes from the app itself.
  "worker-src 'self'",
  // index.html's <base href> carries Trunk's --public-url (the app's own address).
  "base-uri 'self'",
  "form-action 'none'",
  "object-src 'none'",
].join('; ');
const meta = `<meta http-equiv="Content-Security-Policy" content="${policy}" />`;
if (html.includes('http-equiv="Content-Security-Policy"')) process.exit(0);
html = html.replace(/<meta charset="utf-8" \/>/, (m) => `${m}\n    ${meta}`);
writeFileSync(file, html);
console.log(`[csp] ${hashes.length} inline script hash(es) allowed`);
