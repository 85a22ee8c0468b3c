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

  // After the page has loaded, so that caching the files never slows the first visit.
  window.addEventListener('load', () => {
    sw.register('./sw.js').then((reg) => {
      registration = reg;
      if (reg.waiting && sw.controller) announce();
      if (reg.installing) watch(reg.installing);
      reg.addEventListener('updatefound', () => watch(reg.installing));
    }, (error) => console.warn('Tragt works, but not offline:', error));
  });

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
