// Post-build step (run by build/post-build.mjs): fills in public/sw.js for this build.
//
// sw.js precaches FILES, every file of the build but itself (Trunk's hashed names included),
// in a cache named after VERSION, a hash of the files' names and bytes and of sw.js's own
// source: any change to the build gives a new version, which the browser installs as an
// update. The test of updates (tests/e2e/offline.spec.js) uses these functions too.
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export const SW = 'sw.js';
const VERSION_PLACEHOLDER = "'TRAGT_VERSION'";
const FILES_PLACEHOLDER = "['TRAGT_FILES']";

/** Every file under `dir` but sw.js, as "/"-separated paths relative to it, sorted. */
export async function buildFiles(dir, prefix = '') {
  const files = [];
  for (const entry of await readdir(join(dir, prefix), { withFileTypes: true })) {
    const path = prefix + entry.name;
    if (entry.isDirectory()) files.push(...await buildFiles(dir, `${path}/`));
    else if (path !== SW) files.push(path);
  }
  return files.sort();
}

/** A short hash of sw.js's source and of every file's name and bytes. */
export async function buildVersion(dir, files, swSource) {
  const hash = createHash('sha256').update(swSource);
  for (const file of files) hash.update(`\0${file}\0`).update(await readFile(join(dir, file)));
  return hash.digest('hex').slice(0, 16);
}

/** sw.js's source with VERSION and FILES filled in. */
export function fillServiceWorker(swSource, files, version) {
  for (const placeholder of [VERSION_PLACEHOLDER, FILES_PLACEHOLDER]) {
    if (swSource.split(placeholder).length !== 2) throw new Error(`service-worker: ${SW} must contain ${placeholder} exactly once`);
  }
  const list = `[\n${files.map((file) => `  ${JSON.stringify(file)},\n`).join('')}]`;
  return swSource.replace(VERSION_PLACEHOLDER, JSON.stringify(version)).replace(FILES_PLACEHOLDER, list);
}

/** Fills in the staged sw.js (still the source, copied by Trunk) from the files in `dir`. */
export async function writeServiceWorker(dir) {
  const swSource = await readFile(join(dir, SW), 'utf8');
  const files = await buildFiles(dir);
  const version = await buildVersion(dir, files, swSource);
  await writeFile(join(dir, SW), fillServiceWorker(swSource, files, version));
  console.log(`service-worker: ${SW} version ${version}, ${files.length} files to precache`);
}
