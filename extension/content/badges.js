// Draws a comment's badge in a closed shadow root, styled through CSSOM properties (a page's
// style-src blocks inline <style> in a shadow root; property writes are not blocked). The badge
// is positioned so it never moves the page's layout, and follows its comment by id, not by node.
(() => {
  const { api } = globalThis.Candor;
  const t = (key, ...subs) => api.i18n.getMessage(key, subs);
  const LABEL_KEY = {
    complaint: "categoryComplaint",
    question: "categoryQuestion",
    praise: "categoryPraise",
    troll: "categoryTroll",
    spam: "categorySpam",
    neutral: "categoryNeutral",
  };
  const FLAG_KEY = { abusive: "flagAbusive", profanity: "flagProfanity", personal_data: "flagPersonalData", urgent: "flagUrgent" };
  const hosts = new WeakMap(); // comment element -> { host, chip, id, key }

  function draw(commentEl, anchor, id, verdict) {
    let entry = hosts.get(commentEl);
    if (!entry || !entry.host.isConnected) {
      const host = document.createElement("span");
      host.setAttribute("data-candor-badge", "");
      Object.assign(host.style, { position: "absolute", top: "2px", right: "40px", zIndex: "1", width: "0", height: "0" });
      const root = host.attachShadow({ mode: "closed" });
      const chip = document.createElement("span");
      chip.tabIndex = 0;
      chip.setAttribute("role", "status");
      Object.assign(chip.style, {
        position: "absolute", right: "0", top: "0", whiteSpace: "nowrap", font: "600 11px/16px system-ui, sans-serif",
        padding: "0 6px", borderRadius: "8px", border: "1px solid currentColor", opacity: "0.85", cursor: "default",
      });
      root.append(chip);
      (anchor ?? commentEl).append(host);
      entry = { host, chip, id: null, key: null };
      hosts.set(commentEl, entry);
    }
    const key = `${id}|${verdict?.category ?? ""}`;
    if (entry.key === key) return;
    entry.key = key;
    const category = verdict?.category;
    const label = category ? t(LABEL_KEY[category]) : t("categoryPending");
    entry.chip.textContent = label;
    entry.host.dataset.candorCategory = category ?? "pending";
    const flags = (verdict?.flags ?? []).map((f) => t(FLAG_KEY[f]));
    entry.chip.title = flags.length ? `${label} · ${flags.join(", ")}` : label;
    entry.chip.setAttribute("aria-label", t("badgeLabel", entry.chip.title));
  }

  globalThis.Candor.badges = { draw };
})();
