// Trunk post-build hook: finishes the staged build in TRUNK_STAGING_DIR, step by step.
// Trunk starts all hooks of a stage at the same time, so steps that must see each other's
// output run here, in order, in one hook:
//   1. optimize-wasm.mjs   release builds: wasm-opt -Oz, short import/export names in wasm and glue
//      minify-glue.mjs     release builds: minify wasm-bindgen's JavaScript glue
//      minify-css.mjs      release builds: minify the stylesheet
//   2. csp.mjs             hash the inline scripts into index.html's Content-Security-Policy
//   3. service-worker.mjs  write the file list and version (a hash of the final bytes) into sw.js
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { withScriptHashes } from './csp.mjs';
import { minifyStyles } from './minify-css.mjs';
import { minifyGlue } from './minify-glue.mjs';
import { optimizeWasm } from './optimize-wasm.mjs';
import { writeServiceWorker } from './service-worker.mjs';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('post-build: TRUNK_STAGING_DIR is not set (this runs as a Trunk hook)');

if (process.env.TRUNK_PROFILE === 'release') {
  await optimizeWasm(dir);
  await minifyGlue(dir);
  await minifyStyles(dir);
}

const index = join(dir, 'index.html');
await writeFile(index, withScriptHashes(await readFile(index, 'utf8')));

await writeServiceWorker(dir);
