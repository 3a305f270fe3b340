// Starts the reader of the site this page belongs to. The manifest injects every platform file on
// every site Candor reads; the host name picks one.
(() => {
  const Candor = globalThis.Candor;
  const HOSTS = [
    [/(^|\.)(x|twitter)\.com$/, "x"],
    [/(^|\.)facebook\.com$/, "facebook"],
    [/(^|\.)linkedin\.com$/, "linkedin"],
  ];
  const name = HOSTS.find(([re]) => re.test(location.hostname))?.[1];
  const platform = name && Candor.platforms[name];
  if (platform && !globalThis.__candorStarted) {
    globalThis.__candorStarted = true; // The same content script injected twice reads once.
    Candor.reader = Candor.start(platform);
  }
})();
