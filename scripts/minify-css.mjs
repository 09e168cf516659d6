// Trunk post-build step (run by scripts/post-build.mjs): minifies the release build's
// stylesheets with lightningcss, since Trunk leaves them as written — comments included —
// and they are part of the first load; then puts each one's new integrity hash into
// index.html, where Trunk wrote the hash of the unminified file. Trunk's own `minify`
// option is not used: it also rewrites index.html, which broke the CSP step
// (docs/performance.md). Debug builds and anything scripts/serve.sh builds are left alone.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { transform } from 'lightningcss';

if (process.env.TRUNK_PROFILE !== 'release' || process.env.CP_DEV_SERVER) process.exit(0);
const dir = process.env.TRUNK_STAGING_DIR ?? 'dist';
const indexFile = join(dir, 'index.html');
let html = readFileSync(indexFile, 'utf8');
let before = 0;
let after = 0;
const links = [...html.matchAll(/<link rel="stylesheet" href="([^"]+\.css)" integrity="(sha384-[^"]+)"\s*\/?>/g)];
for (const [tag, href, integrity] of links) {
  // The href carries the public URL (e.g. /cp/main-….css); the file is at the staging root.
  const name = href.split('/').pop();
  const file = join(dir, name);
  const code = readFileSync(file);
  const { code: min, warnings } = transform({ filename: name, code, minify: true, errorRecovery: false });
  for (const w of warnings) console.warn(`[minify-css] ${name}: ${w.message}`);
  writeFileSync(file, min);
  const hash = `sha384-${createHash('sha384').update(min).digest('base64')}`;
  html = html.replace(tag, tag.replace(integrity, hash));
  before += code.length;
  after += min.length;
}
if (links.length === 0) throw new Error('[minify-css] no stylesheet with an integrity hash in index.html');
writeFileSync(indexFile, html);
console.log(`[minify-css] ${links.length} stylesheet(s): ${before} → ${after} bytes`);
