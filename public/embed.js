/*! Tragt embed.js | MIT License */
// The host page's half of embedding Tragt in an iframe.
//
//   <iframe data-tragt src="https://agency.example/tools/tragt/?embed=1&lang=da" title="…"></iframe>
//   <script src="https://agency.example/tools/tragt/embed.js" async></script>
//
// What it does, for every <iframe data-tragt> on the page (including ones added later):
//   * gives it sensible defaults the page has not set itself: full width, no border, a
//     starting height, and a title for screen readers;
//   * resizes it to the height its calculator reports. The calculator posts
//     {type: 'tragt:height', height: <CSS px>} to its parent on every size change, and
//     once more when asked with {type: 'tragt:measure'}, which this script sends to the
//     iframe (and only to the origin of its src) each time it has loaded. A
//     message counts only when it comes from that iframe's own window AND from the origin
//     of the iframe's src; anything else (other frames, other origins, the page itself,
//     malformed data) is ignored without a word.
//
// It reads nothing from the calculator but that number, and sends nothing anywhere.
// No dependencies; safe to include more than once; works under a strict CSP on the host
// page (it sets styles through the CSSOM, never by inserting <style> or style="…" markup).
(function () {
  'use strict';

  var tragt = (window.Tragt = window.Tragt || {});
  if (tragt.embed) return; // already running on this page
  tragt.embed = { version: 1 };

  var SELECTOR = 'iframe[data-tragt]';
  var MESSAGE_TYPE = 'tragt:height';
  /** Heights outside this range (CSS px) are clamped to it. */
  var MIN_HEIGHT = 200;
  var MAX_HEIGHT = 20000;
  /** The height before the calculator has reported its own. */
  var START_HEIGHT = 640;

  /** Accessible names, by the language in the iframe's src (`lang=`); English otherwise. */
  var TITLES = {
    da: 'Tragt – tragtberegner',
    sv: 'Tragt – trattkalkylator',
    en: 'Tragt – funnel calculator',
  };

  // ---- defaults ------------------------------------------------------------------------

  // Defaults as a stylesheet of zero specificity (`:where`), so any rule of the host page
  // wins over them, and so do the iframe's own width/height/frameborder attributes.
  var DEFAULT_CSS =
    ':where(iframe[data-tragt]) { display: block; max-width: 100%; }' +
    ':where(iframe[data-tragt]:not([width])) { width: 100%; }' +
    ':where(iframe[data-tragt]:not([height])) { height: ' + START_HEIGHT + 'px; }' +
    ':where(iframe[data-tragt]:not([frameborder])) { border: 0; }';

  /** Adopts the default stylesheet; false where constructable stylesheets are missing. */
  function adoptDefaults() {
    try {
      if (!('adoptedStyleSheets' in document) || typeof CSSStyleSheet !== 'function') return false;
      var sheet = new CSSStyleSheet();
      sheet.replaceSync(DEFAULT_CSS);
      document.adoptedStyleSheets = document.adoptedStyleSheets.concat([sheet]);
      return true;
    } catch (e) {
      return false;
    }
  }
  var sheetAdopted = adoptDefaults();

  /** The `lang` parameter of the iframe's src, if it is one we have a title for. */
  function langOf(iframe) {
    try {
      var lang = new URL(iframe.src).searchParams.get('lang');
      return TITLES.hasOwnProperty(lang) ? lang : 'en';
    } catch (e) {
      return 'en';
    }
  }

  /** The iframes already given their defaults. */
  var prepared = new WeakSet();

  /** Fills in what the page left unset on one iframe. Runs once per iframe. */
  function prepare(iframe) {
    if (prepared.has(iframe)) return;
    prepared.add(iframe);
    // a calculator that reported its height before this script ran is asked again
    iframe.addEventListener('load', function () {
      var origin = originOf(iframe);
      if (origin && iframe.contentWindow) iframe.contentWindow.postMessage({ type: 'tragt:measure' }, origin);
    });
    if (!iframe.hasAttribute('title')) iframe.setAttribute('title', TITLES[langOf(iframe)]);
    if (!sheetAdopted) {
      // Older browsers: the same defaults inline, only where neither an attribute nor an
      // inline style sets them (a stylesheet rule of the page may be overridden here).
      var s = iframe.style;
      if (!s.display) s.display = 'block';
      if (!s.maxWidth) s.maxWidth = '100%';
      if (!iframe.hasAttribute('width') && !s.width) s.width = '100%';
      if (!iframe.hasAttribute('height') && !s.height) s.height = START_HEIGHT + 'px';
      if (!iframe.hasAttribute('frameborder') && !s.border && !s.borderStyle) s.border = '0';
    }
  }

  function prepareAll(root) {
    if (root.matches && root.matches(SELECTOR)) prepare(root);
    if (root.querySelectorAll) {
      var found = root.querySelectorAll(SELECTOR);
      for (var i = 0; i < found.length; i++) prepare(found[i]);
    }
  }

  // ---- messages ------------------------------------------------------------------------

  /** The origin of the iframe's src (resolved against the page); null when it has none. */
  function originOf(iframe) {
    if (!iframe.src) return null; // no src attribute: nothing was loaded from anywhere
    try {
      var origin = new URL(iframe.src).origin;
      return origin && origin !== 'null' ? origin : null;
    } catch (e) {
      return null;
    }
  }

  /** The <iframe data-tragt> whose window sent the message, or null. */
  function frameOf(source) {
    if (!source) return null;
    var frames = document.querySelectorAll(SELECTOR);
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === source) return frames[i];
    }
    return null;
  }

  /** The height a message asks for, clamped, or null when it is not a height message. */
  function heightOf(data) {
    if (data === null || typeof data !== 'object' || data.type !== MESSAGE_TYPE) return null;
    var h = data.height;
    if (typeof h !== 'number' || !isFinite(h)) return null;
    return Math.round(Math.min(MAX_HEIGHT, Math.max(MIN_HEIGHT, h)));
  }

  function onMessage(event) {
    var iframe = frameOf(event.source);
    if (!iframe || event.origin !== originOf(iframe)) return;
    var height = heightOf(event.data);
    if (height === null) return;
    prepare(iframe);
    var value = height + 'px';
    if (iframe.style.height !== value) iframe.style.height = value;
  }

  window.addEventListener('message', onMessage);

  // ---- iframes present now and added later ----------------------------------------------

  function start() {
    prepareAll(document);
    if (typeof MutationObserver !== 'function') return;
    new MutationObserver(function (records) {
      for (var i = 0; i < records.length; i++) {
        var r = records[i];
        if (r.type === 'attributes') prepareAll(r.target);
        for (var j = 0; j < r.addedNodes.length; j++) prepareAll(r.addedNodes[j]);
      }
    }).observe(document.documentElement, {
      childList: true,
      subtree: true,
      attributes: true,
      attributeFilter: ['data-tragt'],
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
