// A small static file server for the end-to-end tests (node:http only, no dependencies).
//
//   node tests/e2e/support/serve.mjs [DIST [PORT]]   (defaults: dist/ in the repository, 4173)
//
// listens on two origins:
//   http://127.0.0.1:PORT/               DIST, the built app
//   http://127.0.0.1:PORT/tools/tragt/   DIST again, as a deployment under a sub-path
//   http://127.0.0.1:PORT+1/             tests/e2e/host/ (host pages, e.g. for cross-origin iframes)
// PORT+1 listens first, so once PORT answers both are up (Playwright waits for PORT).
// A directory is served as its index.html; without its trailing slash it is redirected
// (301), as static hosts do. No caching headers. The spec of service worker updates starts
// its own instance with startServer() on a free port.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Starts a server on 127.0.0.1:`port` (0: any free port) that serves each mount's `root`
 * under its URL `prefix` (the longest matching prefix wins). Resolves to the node:http server.
 */
export function startServer({ port, mounts }) {
  const sorted = [...mounts].sort((a, b) => b.prefix.length - a.prefix.length);
  const server = createServer(async (req, res) => {
    try {
      await respond(req, res, sorted);
    } catch (error) {
      res.writeHead(500, { 'Content-Type': 'text/plain' }).end(String(error));
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

async function respond(req, res, mounts) {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD' }).end();
    return;
  }
  let urlPath;
  try {
    urlPath = decodeURIComponent(new URL(req.url, 'http://127.0.0.1').pathname);
  } catch {
    res.writeHead(400).end();
    return;
  }
  // "/tools/tragt" is the mount "/tools/tragt/" without its slash: redirect like any directory
  const mount = mounts.find((m) => urlPath.startsWith(m.prefix) || `${urlPath}/` === m.prefix);
  if (!mount) return notFound(res);
  const root = path.resolve(mount.root);
  let file = path.join(root, urlPath.slice(mount.prefix.length));
  if (file !== root && !file.startsWith(root + path.sep)) return notFound(res);
  let info = await stat(file).catch(() => null);
  if (info?.isDirectory()) {
    if (!urlPath.endsWith('/')) {
      const query = new URL(req.url, 'http://127.0.0.1').search;
      res.writeHead(301, { Location: `${encodeURI(urlPath)}/${query}` }).end();
      return;
    }
    file = path.join(file, 'index.html');
    info = await stat(file).catch(() => null);
  }
  if (!info?.isFile()) return notFound(res);
  const body = await readFile(file);
  res.writeHead(200, {
    'Content-Type': MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
    'Content-Length': body.length,
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}

function notFound(res) {
  res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const dist = path.resolve(process.argv[2] ?? path.join(here, '..', '..', '..', 'dist'));
  const port = Number(process.argv[3] ?? 4173);
  await startServer({ port: port + 1, mounts: [{ prefix: '/', root: path.join(here, '..', 'host') }] });
  await startServer({ port, mounts: [{ prefix: '/', root: dist }, { prefix: '/tools/tragt/', root: dist }] });
  console.log(`serving ${dist} on http://127.0.0.1:${port}/ and http://127.0.0.1:${port}/tools/tragt/, `
    + `tests/e2e/host/ on http://127.0.0.1:${port + 1}/`);
}
