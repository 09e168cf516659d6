// Trunk post-build step (run first by scripts/post-build.mjs): code splitting.
//
// Trunk 0.21 runs cargo and then wasm-bindgen with nothing in between, but splitting must
// happen on cargo's raw wasm, before wasm-bindgen. So this step takes cargo's output for
// the profile Trunk just built (target/wasm32-unknown-unknown/<profile>/<bin>.wasm, linked
// with `--emit-relocs`, see .cargo/config.toml) and:
//   1. splits it with wasm-split-cli (crate wasm_split_cli_support, installed by
//      scripts/setup.sh) at the app's split points (src/route/table.rs, src/languages.rs, src/boot.rs, src/pages/welcome.rs): a main module, one
//      wasm file per page and shared chunks, and the loader __wasm_split.js;
//   2. runs wasm-bindgen on the main module (--keep-lld-exports keeps what the chunks
//      import from it);
//   3. in release builds, runs wasm-opt -Oz on every wasm file (npm binaryen, like Trunk);
//   4. names every file after a hash of its content, as Trunk names its files, so a host
//      may cache them for good;
//   5. replaces Trunk's JS glue and wasm with these files in the staging dir and points
//      index.html at them, with a modulepreload link for the loader so it is fetched with
//      the glue (the service worker's file list is written afterwards, from the folder).
// index.html's rust link sets data-wasm-opt="0" and data-integrity="none": Trunk's own
// wasm-opt pass would be wasted, and its integrity hashes would not match the files
// replaced here.
import { createHash } from 'node:crypto';
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const BIN = 'cp-self-assessment';
const root = fileURLToPath(new URL('..', import.meta.url));
const staging = process.env.TRUNK_STAGING_DIR ?? join(root, 'dist');
const release = process.env.TRUNK_PROFILE === 'release';

function fail(message) {
  console.error(`[wasm-split] ${message}`);
  process.exit(1);
}

/** An executable from PATH, after node_modules/.bin (which holds binaryen's wasm-opt). */
function tool(name) {
  const dirs = [join(root, 'node_modules', '.bin'), ...(process.env.PATH ?? '').split(delimiter)];
  const found = dirs.map((d) => join(d, name)).find((p) => existsSync(p));
  if (!found) fail(`${name} not found on PATH; run scripts/setup.sh`);
  return found;
}

/** Runs a tool; its stderr is shown except wasm-opt's harmless "unknown name subsection"
 *  warnings (the split pieces carry a names subsection binaryen 132 does not know; wasm-opt
 *  drops it). A failing tool stops the build with its full output. */
function run(name, args) {
  const result = spawnSync(tool(name), args, { stdio: ['ignore', 'inherit', 'pipe'], encoding: 'utf8' });
  const stderr = (result.stderr ?? '')
    .split('\n')
    .filter((l) => l && !/^warning: unknown name subsection with id \d+ at \d+$/.test(l));
  if (stderr.length) console.error(stderr.join('\n'));
  if (result.error) fail(`${name}: ${result.error.message}`);
  if (result.status !== 0) fail(`${name} exited with ${result.status ?? result.signal}`);
}

const hash16 = (bytes) => createHash('sha256').update(bytes).digest('hex').slice(0, 16);

// Trunk's glue and wasm in the staging dir: <BIN>-<hash>.js and <BIN>-<hash>_bg.wasm.
// Trunk writes the 64-bit hash in hex without leading zeros: 16 digits or fewer.
const glue = readdirSync(staging).find((f) => new RegExp(`^${BIN}-[0-9a-f]{1,16}\\.js$`).test(f));
if (!glue) fail(`no ${BIN}-<hash>.js in ${staging}`);
const stem = glue.slice(0, -'.js'.length);
if (!existsSync(join(staging, `${stem}_bg.wasm`))) fail(`no ${stem}_bg.wasm in ${staging}`);

const metadata = JSON.parse(
  execFileSync('cargo', ['metadata', '--format-version', '1', '--no-deps', '--offline'], { cwd: root, encoding: 'utf8' }),
);
const target = metadata.target_directory;
const raw = join(target, 'wasm32-unknown-unknown', release ? 'release' : 'debug', `${BIN}.wasm`);
if (!existsSync(raw)) fail(`cargo's output ${raw} is missing`);

const work = join(target, 'wasm-split');
rmSync(work, { recursive: true, force: true });
const splitDir = join(work, 'split');
const bindgenDir = join(work, 'bindgen');
mkdirSync(splitDir, { recursive: true });

// 1. Split. The loader imports initSync from ./<stem>.js, the glue's name in the build.
run('wasm-split-cli', [raw, splitDir, '--out-name', stem]);
// 2. wasm-bindgen on the main module.
run('wasm-bindgen', [
  '--target', 'web', '--keep-lld-exports', '--no-demangle', '--no-typescript',
  '--out-dir', bindgenDir, '--out-name', stem, join(splitDir, `${stem}.wasm`),
]);
const mainWasm = join(bindgenDir, `${stem}_bg.wasm`);
const chunks = readdirSync(splitDir).filter((f) => f.endsWith('.wasm') && f !== `${stem}.wasm`);
// 3. wasm-opt, release only (as Trunk does).
if (release) {
  for (const file of [mainWasm, ...chunks.map((c) => join(splitDir, c))]) {
    // WASM_SPLIT_KEEP_NAMES=1 keeps function names, for profiling (docs/performance.md).
    run('wasm-opt', ['-Oz', ...(process.env.WASM_SPLIT_KEEP_NAMES ? ['-g'] : []), file, '-o', file]);
  }
}
// 3b. Loads in tasks of their own. The generated loader starts a page's module and all the
// shared chunks it needs (about 50 files for the results page) in one go and instantiates
// them as their promises settle, so that one task of the main thread issues ~50 fetches
// and another instantiates ~35 modules, then renders: 380 ms and 660–940 ms at 4× CPU
// slowdown (scripts/long-tasks.mjs), counted whole in Lighthouse's Total Blocking Time.
// Yielding to the event loop before each file's fetch and before each instantiation spreads
// that work over short tasks between which the browser can paint and handle input
// (docs/performance.md). Nothing else in the loader changes.
const LOADER_BODY = `    const loader = async () => {
        const parallelStuff = deps.map(d => d());
        const instantiate = fetcher();
        await Promise.all(parallelStuff);
        const imports = getSharedImports();
        return instantiate(imports);`;
const LOADER_BODY_YIELDING = `    const loader = async () => {
        await yieldToEventLoop();
        const parallelStuff = deps.map(d => d());
        const instantiate = fetcher();
        await Promise.all(parallelStuff);
        const imports = getSharedImports();
        await yieldToEventLoop();
        return instantiate(imports);`;
const MAKE_LOAD = 'function makeLoad(fetcher, deps) {';
{
  const generated = readFileSync(join(splitDir, '__wasm_split.js'), 'utf8');
  if (!generated.includes(LOADER_BODY) || !generated.includes(MAKE_LOAD)) {
    fail('__wasm_split.js does not have the expected makeLoad body; update step 3b for this wasm-split-cli');
  }
  writeFileSync(join(splitDir, '__wasm_split.js'), generated
    .replace(LOADER_BODY, LOADER_BODY_YIELDING)
    .replace(MAKE_LOAD, `// Added by scripts/wasm-split.mjs (step 3b): ends the current task.
const yieldToEventLoop = () => new Promise((resolve) => setTimeout(resolve, 0));
${MAKE_LOAD}`));
}

// 4. Content-hashed names. Chunks first; then the glue and main wasm, whose new name is a
// hash of the main wasm and of the chunk names (the glue and the loader import each other
// by name, so neither can be named after its own final text); then the loader.
// Trunk's names for the glue and wasm are hashes of its own, unsplit output and would not
// change when only this step's output does.
let loader = readFileSync(join(splitDir, '__wasm_split.js'), 'utf8');
const written = [];
const chunkNames = [];
for (const chunk of chunks) {
  const bytes = readFileSync(join(splitDir, chunk));
  const name = `${chunk.slice(0, -'.wasm'.length)}-${hash16(bytes)}.wasm`;
  const reference = JSON.stringify(`./${chunk}`);
  if (!loader.includes(reference)) fail(`__wasm_split.js does not name ${chunk}`);
  loader = loader.split(reference).join(JSON.stringify(`./${name}`));
  writeFileSync(join(staging, name), bytes);
  written.push([name, bytes.length]);
  chunkNames.push(name);
}
const mainBytes = readFileSync(mainWasm);
const newStem = `${BIN}-${hash16(Buffer.concat([mainBytes, Buffer.from(chunkNames.sort().join('\n'))]))}`;
const glueImport = JSON.stringify(`./${stem}.js`);
if (!loader.includes(glueImport)) fail(`__wasm_split.js does not import ${glueImport}`);
loader = loader.split(glueImport).join(JSON.stringify(`./${newStem}.js`));
const loaderName = `__wasm_split-${hash16(loader)}.js`;
writeFileSync(join(staging, loaderName), loader);
written.push([loaderName, loader.length]);
// 5. The glue imports the loader by its placeholder name; point the import statements at
// the hashed file (the wasm's own import module name, a key of the glue's imports object,
// stays as it is). Trunk's glue and wasm are replaced under the new name.
let js = readFileSync(join(bindgenDir, `${stem}.js`), 'utf8');
const placeholderImport = 'from "./__wasm_split.js"';
if (!js.includes(placeholderImport)) fail(`${stem}.js does not import ./__wasm_split.js`);
js = js.split(placeholderImport).join(`from ${JSON.stringify(`./${loaderName}`)}`);
rmSync(join(staging, glue));
rmSync(join(staging, `${stem}_bg.wasm`));
writeFileSync(join(staging, `${newStem}.js`), js);
writeFileSync(join(staging, `${newStem}_bg.wasm`), mainBytes);

// index.html: Trunk's start-up script and preload links name the new files, and the
// loader is preloaded with the glue.
const indexFile = join(staging, 'index.html');
let html = readFileSync(indexFile, 'utf8');
const glueLink = new RegExp(`<link rel="modulepreload" href="([^"]*)${glue.replace(/\./g, '\\.')}"[^>]*>`);
const match = html.match(glueLink);
if (!match) fail(`index.html has no modulepreload link for ${glue}`);
if (/\sintegrity=/.test(match[0])) fail('index.html carries integrity hashes; set data-integrity="none" on the rust link');
html = html.replace(glueLink, (link) => `${link}<link rel="modulepreload" href="${match[1]}${loaderName}" crossorigin="anonymous">`);
html = html.split(stem).join(newStem);
writeFileSync(indexFile, html);

const kb = (n) => `${(n / 1000).toFixed(1)} KB`;
console.log(
  `[wasm-split] ${newStem}_bg.wasm ${kb(mainBytes.length)}; ${chunks.length} chunks: ` +
    written.map(([n, size]) => `${n} ${kb(size)}`).join(', '),
);
