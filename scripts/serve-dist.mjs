// Serves a build the way a static host does, for the browser tests (playwright.config.ts):
// under a path prefix (e.g. /cp/ for `trunk build --public-url /cp/`), with index.html for
// client-side routes such as /cp/part/3, a 404 for missing files and for anything outside
// the prefix, and /cp redirected to /cp/ as GitHub Pages does. Like the hosts README
// recommends (GitHub Pages among them), it compresses wasm, JS, CSS and HTML with gzip for
// a browser that accepts it, so that a throttled test network carries what a user's does.
//
// Usage: node scripts/serve-dist.mjs <dir> [--prefix /cp/] [--port 4174] [--host 127.0.0.1]
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import sirv from 'sirv';

const USAGE = 'Usage: node scripts/serve-dist.mjs <dir> [--prefix /cp/] [--port 4174] [--host 127.0.0.1]';
let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: {
      prefix: { type: 'string', default: '/' },
      port: { type: 'string', default: '4174' },
      host: { type: 'string', default: '127.0.0.1' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
} catch (e) {
  console.error(`[serve-dist] ${e.message}\n${USAGE}`);
  process.exit(2);
}
const { values, positionals } = parsed;
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const dir = positionals[0] ?? 'dist';
if (!existsSync(join(dir, 'index.html'))) {
  console.error(`[serve-dist] ${dir}/index.html is missing: build it first (scripts/test.sh does)`);
  process.exit(1);
}
const prefix = `/${values.prefix.replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');
// dev: read files on each request, so a rebuild is served without restarting.
const files = sirv(dir, { single: true, dev: true });

// Compressed once per file version (path and modification time).
const TYPES = { '.wasm': 'application/wasm', '.js': 'text/javascript', '.css': 'text/css', '.html': 'text/html' };
const compressed = new Map();
function sendGzip(req, res) {
  if (!/\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) return false;
  const path = normalize(decodeURIComponent(req.url.split('?')[0])).replace(/^(\.\.[/\\])+/, '');
  const type = TYPES[extname(path)];
  const file = join(dir, path);
  if (!type || !existsSync(file) || !statSync(file).isFile()) return false;
  const key = `${file}:${statSync(file).mtimeMs}`;
  if (!compressed.has(key)) compressed.set(key, gzipSync(readFileSync(file), { level: 9 }));
  const body = compressed.get(key);
  res.writeHead(200, { 'content-type': type, 'content-encoding': 'gzip', 'content-length': body.length, vary: 'accept-encoding' });
  res.end(req.method === 'HEAD' ? undefined : body);
  return true;
}

const server = createServer((req, res) => {
  const notFound = () => {
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('Not found');
  };
  const url = req.url ?? '/';
  if (`${url.split('?')[0]}/` === prefix) {
    res.writeHead(301, { location: prefix });
    res.end();
    return;
  }
  if (!url.startsWith(prefix)) return notFound();
  req.url = url.slice(prefix.length - 1);
  if (sendGzip(req, res)) return;
  files(req, res, notFound);
});
server.listen(Number(values.port), values.host, () => {
  console.log(`[serve-dist] ${dir} at http://${values.host}:${values.port}${prefix}`);
});
