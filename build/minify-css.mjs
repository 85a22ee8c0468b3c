// Minifies the app's stylesheet in release builds (called by post-build.mjs): comments
// out, whitespace collapsed, no spaces around { } ; , — nothing else. Safe for
// style/main.css because its only strings (font names, attribute values) contain none of
// those characters; the build fails if a string ever does. ~0.2 KB brotli.
// index.html links it without a Subresource Integrity hash (data-integrity="none"), so the
// hash Trunk computed before this step cannot go stale.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** `css` minified as described above. */
export function minifyCss(css) {
  for (const [, text] of css.matchAll(/"([^"]*)"|'([^']*)'/g)) {
    if (text !== undefined && /[{};,]|\/\*|\s{2}/.test(text)) {
      throw new Error(`minify-css: a string holds characters this minifier would change: "${text}"`);
    }
  }
  return css
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .join(' ')
    .replace(/\s*([{};,])\s*/g, '$1')
    .replace(/;}/g, '}');
}

/**
 * Minifies Trunk's hashed stylesheets (`<name>-<hash>.css`) in `dir`. The hash is a
 * 64-bit number in hex without leading zeros, so it has 1 to 16 digits. Finding none is
 * an error: the build would ship the stylesheet as written.
 */
export async function minifyStyles(dir) {
  let found = 0;
  for (const name of await readdir(dir)) {
    if (!/-[0-9a-f]{1,16}\.css$/.test(name)) continue;
    found += 1;
    const path = join(dir, name);
    const css = await readFile(path, 'utf8');
    const out = minifyCss(css);
    await writeFile(path, out);
    console.log(`minify-css: ${name} ${css.length} → ${out.length} bytes`);
  }
  if (found === 0) throw new Error(`minify-css: no hashed stylesheet (<name>-<hash>.css) in ${dir}`);
}
