// Test host pages: an agency's website, on its own origin, that embeds Tragt.
//
//   one-embed.html?app=http://127.0.0.1:4173/
//   two-embeds.html?app=http://127.0.0.1:4173/&a=%3Fembed%3D1%26ns%3Dx&b=…
//   thanks.html (where a call to action can lead)
//
// `app` is the calculator's base URL (default http://127.0.0.1:4173/). Every
// <iframe data-tragt data-src="…"> on the page gets its src from the query parameter named
// after its id (`a`, `b`, …) if there is one, else from its data-src; both are resolved
// against `app`. Then embed.js is loaded from the app, as the snippet does it, unless
// `embedjs=0`. The pages have a strict style-src, like many real sites.
(function () {
  'use strict';
  var params = new URLSearchParams(location.search);
  var app;
  try {
    app = new URL(params.get('app') || 'http://127.0.0.1:4173/');
    if (app.protocol !== 'http:' && app.protocol !== 'https:') throw new Error('not http(s)');
  } catch (e) {
    document.body.prepend(Object.assign(document.createElement('p'), { textContent: 'Bad ?app= URL: ' + e.message }));
    return;
  }

  var frames = document.querySelectorAll('iframe[data-src]');
  for (var i = 0; i < frames.length; i++) {
    var f = frames[i];
    f.src = new URL(params.get(f.id) || f.getAttribute('data-src'), app).href;
  }

  if (params.get('embedjs') !== '0') {
    var script = document.createElement('script');
    script.src = new URL('embed.js', app).href;
    script.async = true;
    document.body.appendChild(script);
  }
})();
