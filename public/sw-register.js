// Registers the service worker (sw.js) and hands its updates to the app:
// - a new version installed while an older one controls this page sets
//   window.tragtUpdateReady = true and dispatches 'tragt:update-ready' on window;
// - 'tragt:update-apply' on window (the app's reload button) lets the waiting version
//   take over, and the page reloads once it has.
if ('serviceWorker' in navigator) {
  const sw = navigator.serviceWorker;
  let registration = null;
  let applying = false;

  const announce = () => {
    if (window.tragtUpdateReady) return;
    window.tragtUpdateReady = true;
    window.dispatchEvent(new Event('tragt:update-ready'));
  };
  const watch = (worker) => {
    worker.addEventListener('statechange', () => {
      if (worker.state === 'installed' && sw.controller) announce();
    });
  };

  // Only once the app shows its figures ('tragt:ready', from the app) and the page has
  // loaded: caching the build's files at the same time as the app starts would delay its
  // first figures by ~100 ms on a cold visit. Without the signal, 5 s after load.
  let registered = false;
  const register = () => {
    if (registered) return;
    registered = true;
    sw.register('./sw.js').then((reg) => {
      if (!reg) return; // a browser (or test) that refuses service workers without an error
      registration = reg;
      if (reg.waiting && sw.controller) announce();
      if (reg.installing) watch(reg.installing);
      reg.addEventListener('updatefound', () => watch(reg.installing));
    }, (error) => console.warn('Tragt works, but not offline:', error));
  };
  const loaded = new Promise((resolve) => {
    if (document.readyState === 'complete') resolve();
    else window.addEventListener('load', resolve, { once: true });
  });
  const ready = new Promise((resolve) => {
    if (window.tragtReady) resolve();
    else window.addEventListener('tragt:ready', resolve, { once: true });
  });
  Promise.all([loaded, ready]).then(() => setTimeout(register, 0));
  loaded.then(() => setTimeout(register, 5000));

  window.addEventListener('tragt:update-apply', () => {
    const waiting = registration && registration.waiting;
    if (!waiting) {
      // another tab has applied it already: the new version is active, a reload shows it
      if (window.tragtUpdateReady) window.location.reload();
      return;
    }
    applying = true;
    waiting.postMessage({ type: 'skip-waiting' });
  });
  sw.addEventListener('controllerchange', () => {
    if (applying) {
      applying = false;
      window.location.reload();
    }
  });
}
