// Where the end-to-end tests find the app and the host pages (see serve.mjs).
// TRAGT_E2E_PORT moves both origins (default 4173, the host pages on the next port), for
// running next to another checkout's tests.
const appPort = Number(process.env.TRAGT_E2E_PORT || 4173);
const hostPort = appPort + 1;

module.exports = {
  appPort,
  hostPort,
  /** The built app at the root: the tests' baseURL. */
  appOrigin: `http://127.0.0.1:${appPort}`,
  /** tests/e2e/host/, on a second origin. */
  hostOrigin: `http://127.0.0.1:${hostPort}`,
  /** The same build deployed under a sub-path of the app's origin. */
  subPath: '/tools/tragt/',
};
