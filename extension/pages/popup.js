// The toolbar popup: what Candor found on the current tab, or why it could not read it.
import "../shared/protocol.js";

const api = globalThis.browser ?? globalThis.chrome;
const { message, Request, Response } = globalThis.CandorProtocol;
const t = (key, ...subs) => api.i18n.getMessage(key, subs);

document.documentElement.lang = api.i18n.getUILanguage().startsWith("fr") ? "fr" : "en";
for (const el of document.querySelectorAll("[data-i18n]")) el.textContent = t(el.dataset.i18n);

async function show() {
  const status = document.getElementById("status");
  try {
    const [tab] = await api.tabs.query({ active: true, currentWindow: true });
    const reply = await api.runtime.sendMessage(message(Request.GetThreads));
    if (reply?.type !== Response.Threads) throw new Error(reply?.message ?? "no answer");
    const thread = reply.threads.find((th) => th.tab_id === tab?.id);
    if (!thread) status.textContent = t("popupNoThread");
    else if (thread.status === "unreadable") status.textContent = t("popupUnreadable", thread.reason ?? "");
    else status.textContent = t("popupReading", String(thread.comments.length));
  } catch (error) {
    status.textContent = t("popupEngineError", String(error?.message ?? error));
  }
}
show();

/** Saves the delete guard's audit log as a file (made in the browser; nothing is sent anywhere). */
async function exportAuditLog(format) {
  const status = document.getElementById("status");
  try {
    const reply = await api.runtime.sendMessage(message(Request.GetAuditLog, { format }));
    if (reply?.type !== Response.Export) throw new Error(reply?.message ?? "no answer");
    const url = URL.createObjectURL(new Blob([reply.content], { type: reply.mime }));
    const link = document.createElement("a");
    link.href = url;
    link.download = reply.name;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  } catch (error) {
    status.textContent = t("popupEngineError", String(error?.message ?? error));
  }
}
document.getElementById("audit-json").addEventListener("click", () => exportAuditLog("json"));
document.getElementById("audit-csv").addEventListener("click", () => exportAuditLog("csv"));

/** Opens the practice page (practice threads for trainees) in a tab of its own. */
document.getElementById("open-practice").addEventListener("click", async () => {
  try {
    await api.tabs.create({ url: api.runtime.getURL("extension/pages/practice.html") });
    window.close();
  } catch (error) {
    document.getElementById("status").textContent = t("popupEngineError", String(error?.message ?? error));
  }
});
