/*! Tragt embed configurator | MIT License */
// The page behind embed.html: a form of embed options, the code to paste, and a live
// preview in an <iframe data-tragt> (sized by embed.js like on any host page).
//
// Every change re-derives everything from the form: each field is validated the way the
// app validates its URL parameters, a bad value is shown next to its field and left out
// of the code, and the preview follows the code (minus saving: the preview saves nothing).
(function () {
  'use strict';

  var LANGS = ['da', 'sv', 'en'];

  // ---- texts -------------------------------------------------------------------------------

  var TEXTS = {
    en: {
      pageTitle: 'Embed Tragt on your website',
      uiLang: 'Page language',
      heading: 'Embed Tragt on your website',
      intro: 'Choose how the calculator looks and behaves, check the preview, and paste the code into your page.',
      options: 'Options',
      groupContent: 'Content',
      lang: 'Calculator language',
      template: 'Funnel model',
      templateHelp: 'Used on a visitor’s first visit; after that, their own saved funnel opens.',
      groupLook: 'Look',
      accent: 'Accent colour',
      accentPicker: 'Pick accent colour',
      accentHelp: 'Any CSS colour, e.g. #0f7b5f or rebeccapurple. Empty: Tragt’s green.',
      accentError: 'Not a colour the browser understands.',
      logo: 'Logo (optional)',
      logoHelp: 'An https:// address, or a path on the calculator’s site (e.g. img/logo.svg).',
      logoError: 'Use an https:// address or a path on the calculator’s site.',
      groupCta: 'Call to action',
      ctaText: 'Button text',
      ctaTextPlaceholder: 'Book a meeting',
      ctaUrl: 'Button link',
      ctaHelp: 'Opens in a new tab. The button appears when both text and link are filled in.',
      ctaUrlError: 'Use a full address that starts with https:// or http://.',
      ctaTextMissing: 'Add a button text to show the button.',
      ctaUrlMissing: 'Add a link to show the button.',
      ctaSummary: 'Add the visitor’s key figures to the link',
      ctaSummaryHelp: 'Customers, revenue, CAC, LTV, currency and funnel model are added as tragt_… parameters when the visitor clicks, so your form can be filled in for them.',
      groupStorage: 'Saving',
      storage: 'Save visitors’ scenarios',
      storageLocal: 'In the browser (default)',
      storageSession: 'Only while the tab is open',
      storageOff: 'Not at all',
      ns: 'Storage name (optional)',
      nsHelp: 'Give each calculator on your site its own name so they don’t share scenarios.',
      nsError: 'Use only a–z, 0–9, - and _ (up to 32 characters).',
      code: 'Code to paste',
      codeHelp: 'Paste it into your page where the calculator should appear. The script fits the frame’s height to the calculator.',
      copy: 'Copy code',
      copied: 'Copied.',
      copyManual: 'Selected: press Ctrl+C (⌘C on a Mac) to copy.',
      excluded: 'Fields marked in red are left out of the code.',
      cspNote: 'If your site sends a Content-Security-Policy, allow {origin} in frame-src and script-src.',
      preview: 'Preview',
      previewWidth: 'Preview width',
      widthFull: 'Full width',
      widthPhone: 'Phone',
      previewHelp: 'The real calculator with your settings. The preview saves nothing.',
      privacy: 'Tragt runs entirely in your visitors’ browsers: nothing they type is sent anywhere, and their results are never behind an e-mail gate.',
      openApp: 'Open the calculator',
    },
    da: {
      pageTitle: 'Indlejr Tragt på dit website',
      uiLang: 'Sidens sprog',
      heading: 'Indlejr Tragt på dit website',
      intro: 'Vælg, hvordan beregneren ser ud og opfører sig, se forhåndsvisningen, og indsæt koden på din side.',
      options: 'Indstillinger',
      groupContent: 'Indhold',
      lang: 'Beregnerens sprog',
      template: 'Tragtmodel',
      templateHelp: 'Bruges ved den besøgendes første besøg; derefter åbner deres egen gemte tragt.',
      groupLook: 'Udseende',
      accent: 'Accentfarve',
      accentPicker: 'Vælg accentfarve',
      accentHelp: 'Enhver CSS-farve, fx #0f7b5f eller rebeccapurple. Tom: Tragts grønne.',
      accentError: 'Ikke en farve, browseren forstår.',
      logo: 'Logo (valgfrit)',
      logoHelp: 'En https://-adresse eller en sti på beregnerens website (fx img/logo.svg).',
      logoError: 'Brug en https://-adresse eller en sti på beregnerens website.',
      groupCta: 'Opfordring til handling',
      ctaText: 'Knaptekst',
      ctaTextPlaceholder: 'Book et møde',
      ctaUrl: 'Knappens link',
      ctaHelp: 'Åbner i en ny fane. Knappen vises, når både tekst og link er udfyldt.',
      ctaUrlError: 'Brug en fuld adresse, der begynder med https:// eller http://.',
      ctaTextMissing: 'Tilføj en knaptekst for at vise knappen.',
      ctaUrlMissing: 'Tilføj et link for at vise knappen.',
      ctaSummary: 'Føj den besøgendes nøgletal til linket',
      ctaSummaryHelp: 'Kunder, omsætning, CAC, LTV, valuta og tragtmodel sendes med som tragt_…-parametre, når den besøgende klikker, så din formular kan udfyldes for dem.',
      groupStorage: 'Gemning',
      storage: 'Gem besøgendes scenarier',
      storageLocal: 'I browseren (standard)',
      storageSession: 'Kun mens fanen er åben',
      storageOff: 'Slet ikke',
      ns: 'Lagernavn (valgfrit)',
      nsHelp: 'Giv hver beregner på dit website sit eget navn, så de ikke deler scenarier.',
      nsError: 'Brug kun a–z, 0–9, - og _ (højst 32 tegn).',
      code: 'Kode at indsætte',
      codeHelp: 'Indsæt den på din side, hvor beregneren skal vises. Scriptet tilpasser rammens højde til beregneren.',
      copy: 'Kopiér kode',
      copied: 'Kopieret.',
      copyManual: 'Markeret: tryk Ctrl+C (⌘C på Mac) for at kopiere.',
      excluded: 'Felter markeret med rødt er udeladt af koden.',
      cspNote: 'Hvis dit website sender en Content-Security-Policy, så tillad {origin} i frame-src og script-src.',
      preview: 'Forhåndsvisning',
      previewWidth: 'Bredde på forhåndsvisningen',
      widthFull: 'Fuld bredde',
      widthPhone: 'Mobil',
      previewHelp: 'Den rigtige beregner med dine indstillinger. Forhåndsvisningen gemmer intet.',
      privacy: 'Tragt kører helt i de besøgendes browsere: intet af det, de skriver, sendes nogen steder hen, og resultaterne gemmes aldrig bag en e-mailadresse.',
      openApp: 'Åbn beregneren',
    },
    sv: {
      pageTitle: 'Bädda in Tragt på din webbplats',
      uiLang: 'Sidans språk',
      heading: 'Bädda in Tragt på din webbplats',
      intro: 'Välj hur kalkylatorn ser ut och beter sig, titta på förhandsvisningen och klistra in koden på din sida.',
      options: 'Inställningar',
      groupContent: 'Innehåll',
      lang: 'Kalkylatorns språk',
      template: 'Trattmodell',
      templateHelp: 'Används vid besökarens första besök; sedan öppnas deras egen sparade tratt.',
      groupLook: 'Utseende',
      accent: 'Accentfärg',
      accentPicker: 'Välj accentfärg',
      accentHelp: 'Valfri CSS-färg, t.ex. #0f7b5f eller rebeccapurple. Tom: Tragts gröna.',
      accentError: 'Inte en färg som webbläsaren förstår.',
      logo: 'Logotyp (valfri)',
      logoHelp: 'En https://-adress eller en sökväg på kalkylatorns webbplats (t.ex. img/logo.svg).',
      logoError: 'Använd en https://-adress eller en sökväg på kalkylatorns webbplats.',
      groupCta: 'Uppmaning till handling',
      ctaText: 'Knapptext',
      ctaTextPlaceholder: 'Boka ett möte',
      ctaUrl: 'Knappens länk',
      ctaHelp: 'Öppnas i en ny flik. Knappen visas när både text och länk är ifyllda.',
      ctaUrlError: 'Använd en fullständig adress som börjar med https:// eller http://.',
      ctaTextMissing: 'Lägg till en knapptext för att visa knappen.',
      ctaUrlMissing: 'Lägg till en länk för att visa knappen.',
      ctaSummary: 'Lägg till besökarens nyckeltal i länken',
      ctaSummaryHelp: 'Kunder, intäkter, CAC, LTV, valuta och trattmodell skickas med som tragt_…-parametrar när besökaren klickar, så att ditt formulär kan fyllas i åt dem.',
      groupStorage: 'Sparande',
      storage: 'Spara besökarnas scenarier',
      storageLocal: 'I webbläsaren (standard)',
      storageSession: 'Bara medan fliken är öppen',
      storageOff: 'Inte alls',
      ns: 'Lagringsnamn (valfritt)',
      nsHelp: 'Ge varje kalkylator på din webbplats ett eget namn så att de inte delar scenarier.',
      nsError: 'Använd bara a–z, 0–9, - och _ (högst 32 tecken).',
      code: 'Kod att klistra in',
      codeHelp: 'Klistra in den på din sida där kalkylatorn ska visas. Skriptet anpassar ramens höjd efter kalkylatorn.',
      copy: 'Kopiera kod',
      copied: 'Kopierad.',
      copyManual: 'Markerad: tryck Ctrl+C (⌘C på Mac) för att kopiera.',
      excluded: 'Fält markerade med rött utelämnas ur koden.',
      cspNote: 'Om din webbplats skickar en Content-Security-Policy, tillåt {origin} i frame-src och script-src.',
      preview: 'Förhandsvisning',
      previewWidth: 'Förhandsvisningens bredd',
      widthFull: 'Full bredd',
      widthPhone: 'Mobil',
      previewHelp: 'Den riktiga kalkylatorn med dina inställningar. Förhandsvisningen sparar ingenting.',
      privacy: 'Tragt körs helt i besökarnas webbläsare: inget av det de skriver skickas någonstans, och resultaten göms aldrig bakom en e-postadress.',
      openApp: 'Öppna kalkylatorn',
    },
  };

  /** The funnel models, named as in the app's template picker (src/calc/templates.rs). */
  var TEMPLATES = {
    aida: { en: 'Sales funnel (AIDA + retention)', da: 'Salgstragten (AIDA + fastholdelse)', sv: 'Säljtratten (AIDA + lojalitet)' },
    kobstragt: { en: 'Buying funnel (B2B)', da: 'Købstragten (B2B)', sv: 'Köptratten (B2B)' },
    kundresan: { en: 'Customer journey (5 steps)', da: 'Kunderejsen (5 trin)', sv: 'Kundresan (5 steg)' },
    hexagon: { en: 'Hankins’ hexagon (as a funnel)', da: 'Hankins’ hexagon (som tragt)', sv: 'Hankins hexagon (som tratt)' },
    readiness: { en: 'Buying readiness 0–110 %', da: 'Købsparathed 0–110 %', sv: 'Köpberedskap 0–110 %' },
    kopvagen: { en: 'Buying path (4 phases)', da: 'Købsvejen (4 faser)', sv: 'Köpvägen (4 faser)' },
    webshop: { en: 'Web shop', da: 'Webshop', sv: 'Webbutik' },
    b2b: { en: 'B2B lead funnel', da: 'B2B-leadtragt', sv: 'B2B-leadtratt' },
    blank: { en: 'Blank', da: 'Tom skabelon', sv: 'Tom mall' },
  };

  /** The iframe's title (its accessible name), in the calculator's language. */
  var FRAME_TITLES = {
    en: 'Tragt – funnel calculator',
    da: 'Tragt – tragtberegner',
    sv: 'Tragt – trattkalkylator',
  };

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
      var primary = String(prefs[i] || '').toLowerCase().split('-')[0];
      if (LANGS.indexOf(primary) >= 0) return primary;
    }
    return 'en';
  }

  function t(key) {
    return TEXTS[uiLang][key];
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
    var params = [['embed', '1'], ['lang', el.lang.value], ['template', el.template.value]];
    var invalid = false;

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
    var ctaUrl = el.ctaUrl.value.trim();
    var ctaUrlOk = ctaUrl === '' || isHttpUrl(ctaUrl);
    var cta = ctaText !== '' && ctaUrl !== '' && ctaUrlOk;
    setMessage(el.ctaUrl, !ctaUrlOk ? t('ctaUrlError') : ctaText && !ctaUrl ? t('ctaUrlMissing') : '', !ctaUrlOk);
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
    var title = FRAME_TITLES[el.lang.value] || FRAME_TITLES.en;
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
    document.documentElement.lang = uiLang;
    document.title = t('pageTitle');
    var nodes = document.querySelectorAll('[data-i18n]');
    for (var i = 0; i < nodes.length; i++) nodes[i].textContent = t(nodes[i].getAttribute('data-i18n'));
    nodes = document.querySelectorAll('[data-i18n-label]');
    for (i = 0; i < nodes.length; i++) nodes[i].setAttribute('aria-label', t(nodes[i].getAttribute('data-i18n-label')));
    nodes = document.querySelectorAll('[data-i18n-placeholder]');
    for (i = 0; i < nodes.length; i++) nodes[i].placeholder = t(nodes[i].getAttribute('data-i18n-placeholder'));
    var options = el.template.options;
    for (i = 0; i < options.length; i++) options[i].textContent = TEMPLATES[options[i].value][uiLang];

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
    applyTexts();

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
    [el.template, el.logo, el.ctaText, el.ctaUrl, el.ctaSummary, el.storage, el.ns].forEach(function (input) {
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
    update({ now: true });
  }

  init();
})();
