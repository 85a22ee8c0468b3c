// Post-build step (run by build/post-build.mjs): minify wasm-bindgen's JavaScript glue in
// release builds. Trunk's own --minify cannot parse the glue; terser (pure JavaScript, from
// npm) can. Saves ~1.7 KB brotli of the initial transfer. Skips, with a warning, where terser
// is not installed, so a plain `trunk build` still works.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Minifies every .js file directly in `dir` (the glue); sw.js and sw-register.js stay readable. */
export async function minifyGlue(dir) {
  let minify;
  try {
    ({ minify } = await import('terser'));
  } catch {
    console.warn('minify-glue: terser is not installed (run `cargo xtask setup`); the glue stays as it is');
    return;
  }
  for (const name of await readdir(dir)) {
    if (!name.endsWith('.js') || KEEP.has(name)) continue;
    const path = join(dir, name);
    const code = await readFile(path, 'utf8');
    const out = await minify(code, { module: true, compress: true, mangle: true });
    await writeFile(path, out.code);
    console.log(`minify-glue: ${name} ${code.length} → ${out.code.length} bytes`);
  }
}

/** Our own hand-written scripts from public/: shipped as written. */
const KEEP = new Set(['sw.js', 'sw-register.js']);
