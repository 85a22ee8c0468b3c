/*! Tragt embed configurator | MIT License */
// The page behind embed.html: a form of embed options, the code to paste, and a live
// preview in an <iframe data-tragt> (sized by embed.js like on any host page).
//
// Every change re-derives everything from the form: each field is validated the way the
// app validates its URL parameters, a bad value is shown next to its field and left out
// of the code, and the preview follows the code (minus saving: the preview saves nothing).
(function () {
  'use strict';

  /** The languages, as in the app's language select; browsers in `no` or `nn` get `nb`. */
  var LANGS = ['da', 'sv', 'nb', 'en'];
  var LANG_ALIASES = { no: 'nb', nn: 'nb' };
  /** The analyses the full layout has without being asked (the app's `embed.rs`). */
  var FULL_SECTIONS = ['leaks', 'goal'];

  // ---- texts -------------------------------------------------------------------------------

  /**
   * Every language's file (locales/<lang>.json, the app's own: "configurator" holds this
   * page's texts, "templates" the funnel models' names), fetched at start. A language whose
   * file cannot be had falls back to English, and without that to the page's own English.
   */
  var catalogs = {};

  function loadCatalogs() {
    return Promise.all(LANGS.map(function (lang) {
      return fetch('locales/' + lang + '.json')
        .then(function (response) {
          if (!response.ok) throw new Error('HTTP ' + response.status);
          return response.json();
        })
        .then(function (catalog) { catalogs[lang] = catalog; }, function () { /* falls back */ });
    }));
  }

  function catalogOf(lang) {
    return catalogs[lang] || catalogs.en || null;
  }

  var DEFAULT_ACCENT = '#0f7b5f';
  var PREVIEW_DELAY_MS = 350;

  // ---- validation (the rules the app applies to its URL parameters) ------------------------

  /** A CSS colour the browser understands (no var()/env(): they mean nothing in the app). */
  function isColour(v) {
    if (v.length > 64 || /\b(var|env|attr)\s*\(/i.test(v)) return false;
    return typeof CSS !== 'undefined' && CSS.supports('color', v);
  }

  /** An absolute http(s) URL. */
  function isHttpUrl(v) {
    if (!/^https?:\/\//i.test(v) || /\s/.test(v)) return false;
    try {
      var u = new URL(v);
      return (u.protocol === 'http:' || u.protocol === 'https:') && !!u.hostname;
    } catch (e) {
      return false;
    }
  }

  /**
   * A link typed without its scheme, "bureau.dk/kontakt": the https address it stands for
   * (a host with a dot and a top-level name, no spaces), else null.
   */
  function assumedHttps(v) {
    if (/^[a-z][a-z0-9+.-]*:/i.test(v) || v.charAt(0) === '/' || /\s|\\/.test(v)) return null;
    var candidate = 'https://' + v;
    if (!isHttpUrl(candidate)) return null;
    return /\.[a-z]{2,}$/i.test(new URL(candidate).hostname) ? candidate : null;
  }

  /** An https URL, or a relative path that stays on the calculator's own origin. */
  function isLogo(v, appBase) {
    if (/\s|\\/.test(v)) return false;
    if (/^[a-z][a-z0-9+.-]*:/i.test(v)) return /^https:\/\//i.test(v) && isHttpUrl(v);
    if (v.indexOf('//') === 0) return false; // protocol-relative: another origin
    try {
      return new URL(v, appBase).origin === appBase.origin;
    } catch (e) {
      return false;
    }
  }

  var NS_PATTERN = /^[a-z0-9_-]{1,32}$/;

  // ---- elements ------------------------------------------------------------------------------

  function $(id) {
    return document.getElementById(id);
  }

  var el = {
    uiLang: $('ui-lang'),
    lang: $('cfg-lang'),
    template: $('cfg-template'),
    layout: $('cfg-layout'),
    sections: document.querySelectorAll('input[name="cfg-section"]'),
    accent: $('cfg-accent'),
    accentPicker: $('cfg-accent-picker'),
    logo: $('cfg-logo'),
    ctaText: $('cfg-cta-text'),
    ctaUrl: $('cfg-cta-url'),
    ctaSummary: $('cfg-cta-summary'),
    storage: $('cfg-storage'),
    ns: $('cfg-ns'),
    snippet: $('cfg-snippet'),
    copy: $('cfg-copy'),
    copyStatus: $('cfg-copy-status'),
    excluded: $('cfg-excluded'),
    cspNote: $('cfg-csp-note'),
    preview: $('cfg-preview'),
    previewBox: $('cfg-preview-box'),
  };

  /** The app lives in the same directory as this page, under whatever sub-path that is. */
  var appBase = new URL('./', location.href);

  var uiLang = pickUiLang();
  /** The calculator's language follows the page's until it is chosen on its own. */
  var langChosen = false;

  function pickUiLang() {
    var fromUrl = new URLSearchParams(location.search).get('lang');
    if (LANGS.indexOf(fromUrl) >= 0) return fromUrl;
    var prefs = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language];
    for (var i = 0; i < prefs.length; i++) {
      var primary = String(prefs[i] || '').toLowerCase().split(/[-_]/)[0];
      primary = LANG_ALIASES[primary] || primary;
      if (LANGS.indexOf(primary) >= 0) return primary;
    }
    return 'en';
  }

  /** This page's text `key` in the page's language (null when no file could be had). */
  function t(key) {
    var catalog = catalogOf(uiLang);
    return catalog ? catalog.configurator[key] : null;
  }

  // ---- field state ---------------------------------------------------------------------------

  /**
   * Shows `message` under the field (or clears it). `invalid` marks the input itself as
   * wrong; a hint about a missing companion field (CTA text without a link) does not.
   */
  function setMessage(input, message, invalid) {
    var box = $(input.id + '-error');
    var described = (input.getAttribute('aria-describedby') || '').split(/\s+/).filter(function (id) {
      return id && id !== box.id;
    });
    box.textContent = message || '';
    box.hidden = !message;
    box.classList.toggle('hint', !!message && !invalid);
    if (message) described.push(box.id);
    if (described.length) input.setAttribute('aria-describedby', described.join(' '));
    else input.removeAttribute('aria-describedby');
    if (message && invalid) input.setAttribute('aria-invalid', 'true');
    else input.removeAttribute('aria-invalid');
  }

  /**
   * Reads and validates the form: the embed's URL parameters, in a fixed order, and whether
   * anything typed was left out for being invalid.
   */
  function readForm() {
    var params = [['embed', '1'], ['lang', el.lang.value], ['template', el.template.value], ['layout', el.layout.value]];
    var invalid = false;

    // the full layout has leaks and goal already: shown ticked, not added again
    var full = el.layout.value === 'full';
    var sections = [];
    for (var i = 0; i < el.sections.length; i++) {
      var box = el.sections[i];
      var included = full && FULL_SECTIONS.indexOf(box.value) >= 0;
      box.disabled = included;
      if (included) box.checked = true;
      else if (box.checked) sections.push(box.value);
    }
    if (sections.length) params.push(['sections', sections.join(',')]);

    var accent = el.accent.value.trim();
    var accentOk = accent === '' || isColour(accent);
    setMessage(el.accent, accentOk ? '' : t('accentError'), true);
    if (accent && accentOk) params.push(['accent', accent]);
    invalid = invalid || !accentOk;

    var logo = el.logo.value.trim();
    var logoOk = logo === '' || isLogo(logo, appBase);
    setMessage(el.logo, logoOk ? '' : t('logoError'), true);
    if (logo && logoOk) params.push(['logo', logo]);
    invalid = invalid || !logoOk;

    var ctaText = el.ctaText.value.trim();
    var typedUrl = el.ctaUrl.value.trim();
    // "bureau.dk/kontakt" is read as https://bureau.dk/kontakt, and the field says so
    var assumed = typedUrl !== '' && !isHttpUrl(typedUrl) ? assumedHttps(typedUrl) : null;
    var ctaUrl = assumed || typedUrl;
    var ctaUrlOk = ctaUrl === '' || isHttpUrl(ctaUrl);
    var cta = ctaText !== '' && ctaUrl !== '' && ctaUrlOk;
    var ctaUrlMessage = !ctaUrlOk ? t('ctaUrlError')
      : assumed ? t('ctaUrlAssumed').replace('{url}', assumed)
        : ctaText && !ctaUrl ? t('ctaUrlMissing') : '';
    setMessage(el.ctaUrl, ctaUrlMessage, !ctaUrlOk);
    setMessage(el.ctaText, ctaUrl && ctaUrlOk && !ctaText ? t('ctaTextMissing') : '', false);
    invalid = invalid || !ctaUrlOk;
    el.ctaSummary.disabled = !cta;
    if (cta) {
      params.push(['cta_text', ctaText], ['cta_url', ctaUrl]);
      if (el.ctaSummary.checked) params.push(['cta_summary', '1']);
    }

    if (el.storage.value !== 'local') params.push(['storage', el.storage.value]);

    var ns = el.ns.value.trim();
    var nsOk = ns === '' || NS_PATTERN.test(ns);
    setMessage(el.ns, nsOk ? '' : t('nsError'), true);
    if (ns && nsOk) params.push(['ns', ns]);
    invalid = invalid || !nsOk;

    return { params: params, invalid: invalid };
  }

  // ---- the code and the preview --------------------------------------------------------------

  /** A query string; spaces as %20 (not "+"), so every URL parser reads it the same way. */
  function query(params) {
    return params
      .map(function (p) {
        return encodeURIComponent(p[0]) + '=' + encodeURIComponent(p[1]);
      })
      .join('&');
  }

  /**
   * Escapes text for a double-quoted attribute. A "&" stays as it is: in the URLs it only
   * joins parameters (values are percent-encoded), where HTML reads it literally, and a
   * plain "&" is what people expect to see and edit in an embed code.
   */
  function attr(s) {
    return s.replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  }

  function appUrl(params) {
    return new URL('?' + query(params), appBase).href;
  }

  function snippetFor(src, title) {
    var script = new URL('embed.js', appBase).href;
    return (
      '<iframe data-tragt src="' + attr(src) + '" title="' + attr(title) + '"></iframe>\n' +
      '<script src="' + attr(script) + '" async></script>'
    );
  }

  var previewTimer = 0;

  /** Points the preview at `src` (after a short pause while typing; reloading costs a moment). */
  function schedulePreview(src, now) {
    clearTimeout(previewTimer);
    var go = function () {
      if (el.preview.getAttribute('src') !== src) el.preview.setAttribute('src', src);
    };
    if (now) go();
    else previewTimer = setTimeout(go, PREVIEW_DELAY_MS);
  }

  function update(options) {
    var form = readForm();
    // the iframe's title (its accessible name), in the calculator's language
    var calculator = catalogOf(el.lang.value);
    var title = calculator ? calculator.configurator.frameTitle : 'Tragt';
    var src = appUrl(form.params);
    el.snippet.value = snippetFor(src, title);
    el.excluded.hidden = !form.invalid;
    setCopyStatus('', false);

    // The preview shows the same calculator but never saves: trying things here must not
    // leave scenarios behind in this browser, and a new funnel model must show at once.
    var previewParams = form.params.filter(function (p) {
      return p[0] !== 'storage' && p[0] !== 'ns';
    });
    previewParams.push(['storage', 'off']);
    el.preview.setAttribute('title', title);
    schedulePreview(appUrl(previewParams), options && options.now);
  }

  // ---- copying -------------------------------------------------------------------------------

  function setCopyStatus(text, done) {
    el.copyStatus.textContent = text;
    el.copyStatus.classList.toggle('done', !!done);
  }

  function selectSnippet() {
    el.snippet.focus();
    el.snippet.select();
    el.snippet.setSelectionRange(0, el.snippet.value.length);
  }

  function copy() {
    var text = el.snippet.value;
    var manual = function () {
      selectSnippet();
      setCopyStatus(t('copyManual'), false);
    };
    if (!navigator.clipboard || typeof navigator.clipboard.writeText !== 'function') {
      manual();
      return;
    }
    navigator.clipboard.writeText(text).then(function () {
      setCopyStatus(t('copied'), true);
    }, manual);
  }

  // ---- language ------------------------------------------------------------------------------

  function applyTexts() {
    var catalog = catalogOf(uiLang);
    if (!catalog) return; // no language file: the page's own English stays
    document.documentElement.lang = catalogs[uiLang] ? uiLang : 'en';
    document.title = t('pageTitle');
    var nodes = document.querySelectorAll('[data-i18n]');
    for (var i = 0; i < nodes.length; i++) nodes[i].textContent = t(nodes[i].getAttribute('data-i18n'));
    nodes = document.querySelectorAll('[data-i18n-label]');
    for (i = 0; i < nodes.length; i++) nodes[i].setAttribute('aria-label', t(nodes[i].getAttribute('data-i18n-label')));
    nodes = document.querySelectorAll('[data-i18n-app]');
    for (i = 0; i < nodes.length; i++) nodes[i].textContent = catalog.texts[nodes[i].getAttribute('data-i18n-app')];
    nodes = document.querySelectorAll('[data-i18n-placeholder]');
    for (i = 0; i < nodes.length; i++) nodes[i].placeholder = t(nodes[i].getAttribute('data-i18n-placeholder'));
    var options = el.template.options;
    for (i = 0; i < options.length; i++) options[i].textContent = catalog.templates[options[i].value].name;

    // "… allow <code>https://agency.example</code> in frame-src …", built without innerHTML.
    var parts = t('cspNote').split('{origin}');
    var code = document.createElement('code');
    code.textContent = appBase.origin;
    el.cspNote.replaceChildren(document.createTextNode(parts[0]), code, document.createTextNode(parts[1] || ''));
  }

  function setUiLang(lang) {
    uiLang = lang;
    el.uiLang.value = lang;
    if (!langChosen) el.lang.value = lang;
    var url = new URL(location.href);
    url.searchParams.set('lang', lang);
    history.replaceState(null, '', url.href);
    applyTexts();
    update();
  }

  // ---- wiring --------------------------------------------------------------------------------

  /** The colour picker shows the text field's colour when it can (named colours included). */
  function syncPicker() {
    var v = el.accent.value.trim();
    if (v === '') {
      el.accentPicker.value = DEFAULT_ACCENT;
      return;
    }
    if (!isColour(v)) return;
    var ctx = document.createElement('canvas').getContext('2d');
    if (!ctx) return;
    ctx.fillStyle = '#000000';
    ctx.fillStyle = v;
    if (/^#[0-9a-f]{6}$/i.test(ctx.fillStyle)) el.accentPicker.value = ctx.fillStyle;
  }

  function init() {
    el.uiLang.value = uiLang;
    el.lang.value = uiLang;

    el.uiLang.addEventListener('change', function () {
      setUiLang(el.uiLang.value);
    });
    el.lang.addEventListener('change', function () {
      langChosen = true;
      update();
    });
    el.accentPicker.addEventListener('input', function () {
      el.accent.value = el.accentPicker.value;
      update();
    });
    el.accent.addEventListener('input', function () {
      syncPicker();
      update();
    });
    el.layout.addEventListener('change', function () {
      // leaving the full layout: its own sections are no longer ticked for it
      for (var k = 0; k < el.sections.length; k++) {
        if (el.sections[k].disabled) el.sections[k].checked = false;
      }
      update();
    });
    var inputs = [el.template, el.logo, el.ctaText, el.ctaUrl, el.ctaSummary, el.storage, el.ns].concat([].slice.call(el.sections));
    inputs.forEach(function (input) {
      input.addEventListener(input.tagName === 'SELECT' || input.type === 'checkbox' ? 'change' : 'input', function () {
        update();
      });
    });
    el.copy.addEventListener('click', copy);
    el.snippet.addEventListener('focus', function () {
      el.snippet.select();
    });

    var widths = document.querySelectorAll('input[name="preview-width"]');
    for (var i = 0; i < widths.length; i++) {
      widths[i].addEventListener('change', function (ev) {
        el.previewBox.classList.toggle('phone', ev.target.value === 'phone');
      });
    }

    syncPicker();
    loadCatalogs().then(function () {
      applyTexts();
      update({ now: true });
    });
  }

  init();
})();
