// First-load weight of the release build (issue 7, docs/performance.md).
//
// Reads dist/index.html, follows what a browser fetches to show the first page — the HTML,
// every stylesheet, script, module preload and the WebAssembly it names, plus any font —
// and prints each file's raw, gzip (-9) and brotli (quality 11) size and the totals.
// Files the app fetches later (the service worker's precache of the other language, the
// service worker itself) are listed apart, not counted in the first load.
//
// Two figures (docs/performance.md):
//   - TARGET_GZIP, issue 7's budget of 200 KB.
//   - CEILING_GZIP, the enforced limit: the target itself since the first load came under
//     it. Exits 1 when the gzip total of the first load is above it, so scripts/test.sh
//     fails when a change makes the first load heavier than the budget.
// Usage: node scripts/size-report.mjs [dist-dir]   (SIZE_BUDGET_GZIP=<bytes> overrides the
// ceiling for one run, e.g. SIZE_BUDGET_GZIP=190000 to see it fail)
import { readFileSync, readdirSync, statSync, existsSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, extname } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

/** Issue 7's first-load budget in bytes of gzip: 200 KB (1 KB = 1,000 bytes). */
const TARGET_GZIP = 200_000;
/** The enforced ceiling in bytes of gzip (see above): issue 7's budget. */
const CEILING_GZIP = Number(process.env.SIZE_BUDGET_GZIP ?? TARGET_GZIP);

const dist = process.argv[2] ?? 'dist';
const indexFile = join(dist, 'index.html');
if (!existsSync(indexFile)) {
  console.error(`[size] ${indexFile} is missing: run \`trunk build --release\` first`);
  process.exit(2);
}
const html = readFileSync(indexFile, 'utf8');

// Every local file the page names (href/src attributes, the loader's import()), resolved
// as the browser does: against <base href>, Trunk's public URL ("/" or e.g. "/cp/").
const named = [
  ...[...html.matchAll(/(?:href|src)=(?:"([^"]+)"|'([^']+)'|([^\s>"']+))/g)].map((m) => m[1] ?? m[2] ?? m[3]),
  ...[...html.matchAll(/['"]([^'"]+\.(?:js|wasm|css|woff2?|ttf|otf))['"]/g)].map((m) => m[1]),
];
const root = new URL(html.match(/<base href="?([^"\s>]+)/)?.[1] ?? '/', 'http://site.invalid/');
const files = new Set(['index.html']);
for (const url of named) {
  const u = new URL(url, root);
  if (u.origin !== root.origin || !u.pathname.startsWith(root.pathname)) continue;
  const rel = decodeURIComponent(u.pathname.slice(root.pathname.length));
  if (rel && existsSync(join(dist, rel)) && statSync(join(dist, rel)).isFile()) files.add(rel);
}
// Fonts are first-load weight wherever they sit.
const walk = (dir) =>
  readdirSync(join(dist, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)],
  );
const all = walk('');
for (const f of all) if (/\.(woff2?|ttf|otf)$/.test(f)) files.add(f);

const measure = (file) => {
  const bytes = readFileSync(join(dist, file));
  return {
    file,
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
    }).length,
  };
};
const first = [...files].sort((a, b) => extname(a).localeCompare(extname(b)) || a.localeCompare(b)).map(measure);
const later = all.filter((f) => !files.has(f)).sort().map(measure);

const kb = (n) => (n / 1000).toFixed(1).padStart(8);
const line = (r) => `${r.file.padEnd(52)}${kb(r.raw)}${kb(r.gzip)}${kb(r.brotli)}`;
const sum = (rows, k) => rows.reduce((s, r) => s + r[k], 0);
const total = (label, rows) => ({ file: label, raw: sum(rows, 'raw'), gzip: sum(rows, 'gzip'), brotli: sum(rows, 'brotli') });

console.log(`[size] first load of ${dist}/ (KB = 1,000 bytes)`);
console.log(`${'file'.padEnd(52)}${'raw'.padStart(8)}${'gzip'.padStart(8)}${'brotli'.padStart(8)}`);
first.forEach((r) => console.log(line(r)));
const t = total('TOTAL first load', first);
console.log(line(t));
if (later.length) {
  console.log(`[size] fetched after the first load (not counted):`);
  later.forEach((r) => console.log(line(r)));
  console.log(line(total('TOTAL fetched later', later)));
}
// Code splitting (scripts/wasm-split.mjs): what opening each split-off page (or language)
// fetches the first time — its own wasm file and the shared chunks it needs, as the loader
// __wasm_split-<hash>.js lists them. Files already fetched for another page count again.
const loaderFile = first.find((r) => /^__wasm_split-[0-9a-f]{16}\.js$/.test(r.file));
const splits = [];
if (loaderFile) {
  const loader = readFileSync(join(dist, loaderFile.file), 'utf8');
  const byName = new Map(later.map((r) => [r.file, r]));
  const chunkFile = new Map(
    [...loader.matchAll(/const (__chunk_\d+) = makeLoad\(\(\) => \{\s*const src = fetch\(new URL\("\.\/([^"]+)"/g)].map((m) => [m[1], m[2]]),
  );
  for (const m of loader.matchAll(/export const __wasm_split_load_(\w+) = wrapAsyncCb\(makeLoad\(\(\) => \{\s*const src = fetch\(new URL\("\.\/([^"]+)"[\s\S]*?, \[([^\]]*)\]\)\);/g)) {
    const deps = m[3].split(',').map((d) => d.trim()).filter(Boolean).map((d) => chunkFile.get(d));
    const rows = [m[2], ...deps].map((f) => byName.get(f)).filter(Boolean);
    splits.push({ ...total(m[1], rows), files: rows.map((r) => r.file) });
  }
  if (!splits.length) {
    console.error(`[size] FAIL: ${loaderFile.file} lists no split points in the form this script reads (wasm-split-cli changed?)`);
    process.exit(1);
  }
  {
    console.log(`[size] fetched on first opening (the page's wasm file and the chunks it needs):`);
    splits.forEach((r) => console.log(line(r)));
  }
  // The welcome page renders from the first load alone. Its language's content and the
  // saved answers' module (with its kept responses, import and settings) follow: right after the
  // first paint for a returning visitor, when its lower part comes into view on a first
  // visit (src/boot.rs, src/pages/welcome.rs). Counted apart from the
  // first load, but printed, so the whole of a visit is on record.
  const byFile = new Map(later.map((r) => [r.file, r]));
  const background = ['saved_answers'];
  for (const content of ['content_en', 'content_zh_cn']) {
    const parts = splits.filter((r) => r.file === content || background.includes(r.file));
    if (parts.length !== 1 + background.length) continue;
    const rows = [...new Set(parts.flatMap((r) => r.files))].map((f) => byFile.get(f));
    const bg = total('', rows);
    console.log(
      `[size] the whole welcome page in ${content === 'content_en' ? 'English' : 'Chinese'}: ` +
        `${(t.gzip / 1000).toFixed(1)} KB gzip before it renders, then ${(bg.gzip / 1000).toFixed(1)} KB for its lower part and saved answers ` +
        `(${[content, ...background].join(', ')}): ${((t.gzip + bg.gzip) / 1000).toFixed(1)} KB in all`,
    );
  }
}
// In target/, not test-results/: Playwright empties test-results/ when it starts.
mkdirSync('target', { recursive: true });
writeFileSync(
  join('target', 'size-report.json'),
  JSON.stringify({ target_gzip: TARGET_GZIP, ceiling_gzip: CEILING_GZIP, first_load: first, total: t, later, splits }, null, 2),
);
if (t.gzip > CEILING_GZIP) {
  console.error(
    `[size] FAIL: first load is ${(t.gzip / 1000).toFixed(1)} KB gzip, over the ceiling of ${(CEILING_GZIP / 1000).toFixed(1)} KB`,
  );
  process.exit(1);
}
console.log(`[size] ok: ${(t.gzip / 1000).toFixed(1)} KB gzip ≤ ceiling ${(CEILING_GZIP / 1000).toFixed(1)} KB`);
if (t.gzip > TARGET_GZIP) {
  console.log(
    `[size] NOT MET: issue 7's target of ${(TARGET_GZIP / 1000).toFixed(0)} KB gzip is exceeded by ${((t.gzip - TARGET_GZIP) / 1000).toFixed(1)} KB (see docs/performance.md)`,
  );
}
