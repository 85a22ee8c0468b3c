// Minifies wasm-bindgen's JavaScript glue in release builds (called by post-build.mjs).
// Trunk's own --minify cannot parse the glue; terser (pure JavaScript, from npm) can.
// Saves ~1.7 KB brotli of the initial transfer. Skips, with a warning, where terser is
// not installed, so a plain `trunk build` still works.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Minifies the glue in `dir`: the .js beside its `_bg.wasm`. Scripts copied from public/
 * (sw.js, sw-register.js, embed.js, embed-config.js) stay as written. */
export async function minifyGlue(dir) {
  let minify;
  try {
    ({ minify } = await import('terser'));
  } catch {
    console.warn('minify-glue: terser is not installed (run `cargo xtask setup`); the glue stays as it is');
    return;
  }
  const names = await readdir(dir);
  for (const name of names) {
    if (!name.endsWith('.js') || !names.includes(name.replace(/\.js$/, '_bg.wasm'))) continue;
    const path = join(dir, name);
    const code = await readFile(path, 'utf8');
    const out = await minify(code, { module: true, compress: true, mangle: true });
    await writeFile(path, out.code);
    console.log(`minify-glue: ${name} ${code.length} → ${out.code.length} bytes`);
  }
}
