// Optimizes the wasm in release builds (called by post-build.mjs, before the glue is
// minified): `wasm-opt -Oz` as Trunk would run it, plus binaryen's
// --minify-imports-and-exports-and-modules, which renames the ~230 imports and exports
// between the wasm and its JavaScript glue (`__wbg_fetch_c30fc2ed77d76a76` → `Ab`). Those
// names carry random hashes that brotli cannot compress; shortening them saves ~3 KB of
// wasm and ~1 KB of glue (brotli). The glue is rewritten with the mapping wasm-opt
// prints, and every renamed import must be found in it, or the build fails.
//
// --low-memory-unused lets wasm-opt fold a small constant added to a pointer into the
// load/store offset. That differs from the original only if the addition wrapped around
// 4 GiB into the lowest 1 KiB, which a valid Rust pointer computation never does (the
// lowest 1 KiB is the far end of the 1 MiB stack that the linker puts first). ~0.9 KB brotli.
//
// Trunk's own wasm-opt is turned off in index.html (data-wasm-opt="0"), so the wasm is
// optimized exactly once. wasm-opt comes from npm's binaryen (node_modules/.bin, put on
// PATH by `cargo xtask build`).
import { execFile } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Escapes `text` for use in a regular expression. */
const literal = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The glue `js` with imports and exports renamed by `mapping` (wasm-opt's output:
 * `{imports: [[module, name, new]], exports: [[name, new]]}`) and the imports' module
 * renamed to `newModule`. Throws if an import is not defined exactly once in the glue, or
 * the imports do not all come from one module.
 */
export function renameInGlue(js, mapping, newModule) {
  const modules = new Set(mapping.imports.map(([module]) => module));
  if (modules.size > 1) throw new Error(`optimize-wasm: imports from several modules: ${[...modules].join(', ')}`);
  let out = js;
  for (const [, name, short] of mapping.imports) {
    // defined as a member of the imports object: `name: function(…) {…}`
    const key = new RegExp(`(?<![\\w$.])${literal(name)}(?=\\s*:)`, 'g');
    const found = out.match(key)?.length ?? 0;
    if (found !== 1) throw new Error(`optimize-wasm: import ${name} is defined ${found} times in the glue`);
    out = out.replace(key, JSON.stringify(short));
  }
  for (const [name, short] of mapping.exports) {
    out = out.replace(new RegExp(`\\bwasm\\.${literal(name)}(?![\\w$])`, 'g'), `wasm[${JSON.stringify(short)}]`);
  }
  const [module] = modules;
  if (module !== undefined) {
    const entry = new RegExp(`${literal(JSON.stringify(module))}(?=\\s*:)`, 'g');
    const found = out.match(entry)?.length ?? 0;
    if (found !== 1) throw new Error(`optimize-wasm: the imports module ${module} appears ${found} times in the glue`);
    out = out.replace(entry, JSON.stringify(newModule));
  }
  return out;
}

/** The one module name the minified wasm imports from. */
function importModuleOf(bytes) {
  const modules = new Set(WebAssembly.Module.imports(new WebAssembly.Module(bytes)).map((i) => i.module));
  if (modules.size !== 1) throw new Error(`optimize-wasm: expected one import module, found ${[...modules].join(', ')}`);
  return [...modules][0];
}

/** Optimizes every `*_bg.wasm` in `dir` and renames its glue (`*.js`) to match. */
export async function optimizeWasm(dir) {
  for (const name of await readdir(dir)) {
    if (!name.endsWith('_bg.wasm')) continue;
    const wasmPath = join(dir, name);
    const gluePath = join(dir, name.replace(/_bg\.wasm$/, '.js'));
    const before = (await readFile(wasmPath)).length;
    const { stdout } = await run(
      'wasm-opt',
      [...(process.env.TRAGT_WASM_NAMES ? ['-g'] : []), '-Oz', '--low-memory-unused', '--minify-imports-and-exports-and-modules', wasmPath, '-o', wasmPath],
      { maxBuffer: 64 * 1024 * 1024 },
    );
    const mapping = JSON.parse(stdout.slice(stdout.indexOf('{')));
    const glue = await readFile(gluePath, 'utf8');
    await writeFile(gluePath, renameInGlue(glue, mapping, importModuleOf(await readFile(wasmPath))));
    const after = (await readFile(wasmPath)).length;
    console.log(
      `optimize-wasm: ${name} ${before} → ${after} bytes; ${mapping.imports.length} imports and ` +
        `${mapping.exports.length} exports renamed`,
    );
  }
}
