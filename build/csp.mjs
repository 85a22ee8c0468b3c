// Post-build step (run by build/post-build.mjs): the Content-Security-Policy of index.html.
//
// The policy (a <meta http-equiv> in index.html) allows scripts from our own origin only,
// plus the inline scripts that Trunk writes into the page, named by their SHA-256. Their
// text changes with every build (it names the hashed files), so this step hashes them and
// puts the hashes where the source index.html says 'TRAGT_INLINE_SCRIPT_HASHES'.
// It fails the build on inline code the policy would block: <style> elements, style=""
// and on…="" attributes, javascript: URLs.
import { createHash } from 'node:crypto';

export const PLACEHOLDER = "'TRAGT_INLINE_SCRIPT_HASHES'";

const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
const BLOCKED = [
  [/<style[\s>]/i, 'a <style> element'],
  [/<[^>]*\sstyle\s*=/i, 'a style attribute'],
  [/<[^>]*\son[a-z]+\s*=/i, 'an inline event handler attribute'],
  [/javascript:/i, 'a javascript: URL'],
];

/** index.html with the hashes of its inline scripts in the policy. */
export function withScriptHashes(html) {
  if (html.split(PLACEHOLDER).length !== 2) {
    throw new Error(`csp: index.html must contain ${PLACEHOLDER} exactly once (in the Content-Security-Policy)`);
  }
  html = pinTrunkAutoreload(html);
  const outside = html.replace(SCRIPT, '<script>');
  for (const [pattern, what] of BLOCKED) {
    if (pattern.test(outside)) throw new Error(`csp: index.html has ${what}, which the Content-Security-Policy blocks`);
  }
  const hashes = [...html.matchAll(SCRIPT)]
    .filter(([, attributes]) => !/\ssrc\s*=/i.test(attributes))
    .map(([, , text]) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`);
  if (hashes.length === 0) throw new Error('csp: no inline script found; expected the one Trunk writes');
  return html.replace(PLACEHOLDER, hashes.join(' '));
}

/**
 * `trunk serve` adds an inline live-reload script whose text it changes again while serving
 * (it fills in the server's address), so its hash would never match. Filling in here what
 * the browser already knows (its own host; the WebSocket base is "/" for public_url "./")
 * leaves Trunk nothing to change.
 */
function pinTrunkAutoreload(html) {
  return html
    .replace("'{{__TRUNK_ADDRESS__}}'", 'window.location.host')
    .replace("'{{__TRUNK_WS_BASE__}}'", "'/'");
}
