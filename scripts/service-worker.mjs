// Trunk post-build step (run by scripts/post-build.mjs after csp.mjs): writes sw.js, the
// service worker that keeps the app working offline, from the template web/sw.js.
//
// Release builds: the worker gets the list of files to cache — every file of the build
// except sw.js itself (and a 404.html a host's deploy step may add), index.html listed as
// "./" — and a version, a hash of those files' names and contents (index.html names
// Trunk's content-hashed assets and carries the final Content-Security-Policy, so any
// change to the app changes it). Paths are relative, so the worker works under any
// --public-url.
// Debug builds: the worker gets no list; it removes itself (see web/sw.js).
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR ?? 'dist';
const release = process.env.TRUNK_PROFILE === 'release';
const NOT_CACHED = new Set(['sw.js', '404.html']);

/** Files under `root`, as "/"-separated paths relative to it, sorted. */
function filesUnder(root, prefix = '') {
  return readdirSync(join(root, prefix), { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? filesUnder(root, `${prefix}${e.name}/`) : [`${prefix}${e.name}`]))
    .sort();
}

let build = null;
if (release) {
  const files = filesUnder(dir).filter((f) => !NOT_CACHED.has(f));
  if (!files.includes('index.html')) throw new Error(`[service-worker] no index.html in ${dir}`);
  const hash = createHash('sha256');
  for (const f of files) hash.update(`${f}\0`).update(readFileSync(join(dir, f))).update('\0');
  build = {
    version: hash.digest('hex').slice(0, 16),
    files: files.map((f) => (f === 'index.html' ? './' : f.split('/').map(encodeURIComponent).join('/'))),
  };
}

const template = readFileSync(new URL('../web/sw.js', import.meta.url), 'utf8');
if (!template.includes('const BUILD = __BUILD__;')) throw new Error('[service-worker] web/sw.js lacks "const BUILD = __BUILD__;"');
writeFileSync(join(dir, 'sw.js'), template.replace('const BUILD = __BUILD__;', `const BUILD = ${JSON.stringify(build)};`));
console.log(
  build
    ? `[service-worker] sw.js caches ${build.files.length} files as version ${build.version}`
    : '[service-worker] debug build: sw.js only removes a worker left from a release build',
);
