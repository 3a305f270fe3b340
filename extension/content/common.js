// What every platform's content script shares: watching the page, sending comments to the engine in
// small batches, and drawing each comment's badge. A platform file only says how to read its pages
// (see x.js) and calls Candor.start(reader). Nothing here decides anything about a comment: the engine
// (in the background) does, and this file draws its answer.
(() => {
  const api = globalThis.browser ?? globalThis.chrome;
  const { message, Request, Response } = globalThis.CandorProtocol;

  const BATCH_SIZE = 50;
  const SCAN_DELAY_MS = 120;

  /** Sends one message to the background; resolves to its answer, or null when it fails. */
  async function send(msg) {
    try {
      return await api.runtime.sendMessage(msg);
    } catch (error) {
      return null; // The extension was reloaded or the background is gone: never throw into the page.
    }
  }

  function reportError(context, error) {
    send(message(Request.ReportError, { context, message: String(error?.stack ?? error) }));
  }

  function start(reader) {
    const url = () => location.href.split("#")[0];
    const known = new Map(); // id -> text sent
    const verdicts = new Map(); // id -> verdict
    let pageUrl = null;
    let scanTimer = 0;
    let sending = Promise.resolve();

    function scan() {
      scanTimer = 0;
      try {
        if (pageUrl !== url()) {
          pageUrl = url();
          known.clear();
          const recognised = reader.recognise(document);
          if (recognised !== true) {
            send(message(Request.PageUnreadable, { url: pageUrl, platform: reader.platform, reason: recognised }));
            return;
          }
          send(message(Request.PageOpened, { url: pageUrl, platform: reader.platform }));
        }
        const fresh = [];
        for (const { el, record } of reader.read(document)) {
          el.dataset.candorId = record.id;
          if (known.get(record.id) !== record.text) {
            known.set(record.id, record.text);
            fresh.push(record);
          }
          globalThis.Candor.badges.draw(el, reader.badgeAnchor(el), record.id, verdicts.get(record.id));
        }
        for (let i = 0; i < fresh.length; i += BATCH_SIZE) {
          const batch = fresh.slice(i, i + BATCH_SIZE);
          const forUrl = pageUrl;
          sending = sending.then(() => deliver(forUrl, batch));
        }
      } catch (error) {
        reportError(`content/${reader.platform}`, error);
      }
    }

    async function deliver(forUrl, batch) {
      const reply = await send(message(Request.CommentsRead, { url: forUrl, comments: batch }));
      if (reply?.type !== Response.Verdicts) {
        if (reply?.type === Response.Error) reportError(`content/${reader.platform}`, reply.message);
        return;
      }
      for (const v of reply.verdicts) verdicts.set(v.id, v);
      schedule();
    }

    function schedule() {
      if (!scanTimer) scanTimer = setTimeout(scan, SCAN_DELAY_MS);
    }

    new MutationObserver(schedule).observe(document.documentElement, { childList: true, subtree: true, characterData: true });
    schedule();
  }

  globalThis.Candor = { start, send, reportError, api };
})();
