// The background: loads Candor's engine (Rust, compiled to wasm) once, and hands it every message.
// Chrome runs this file as a module service worker, Firefox as a module background script. Listeners
// are registered synchronously, as a service worker requires; they wait for the engine inside.
import "./shared/protocol.js";
import init, { Engine } from "./pkg/engine.js";

const api = globalThis.browser ?? globalThis.chrome;
const { message, Request, Response } = globalThis.CandorProtocol;

const startedAt = performance.now();
const engineReady = init({ module_or_path: api.runtime.getURL("extension/pkg/engine_bg.wasm") }).then(
  async () => {
    const engine = new Engine();
    await restoreCorrections(engine);
    await restoreAuditLog(engine);
    await sendProfiles(engine);
    globalThis.candorEngineStartMs = performance.now() - startedAt;
    return engine;
  },
);

// The person's corrections outlive the service worker: the engine exports them as JSON after each
// change and gets them back at start-up, before any other message.
const CORRECTIONS_KEY = "corrections";

async function restoreCorrections(engine) {
  try {
    const { [CORRECTIONS_KEY]: corrections } = await api.storage.local.get(CORRECTIONS_KEY);
    if (!Array.isArray(corrections)) return;
    const reply = engine.handle(message(Request.ImportCorrections, { corrections }), -1);
    if (reply?.type === Response.Error) recordError("corrections", reply.message);
  } catch (error) {
    recordError("corrections", error);
  }
}

function storeCorrections(engine) {
  const reply = engine.handle(message(Request.ExportCorrections), -1);
  if (reply?.type !== Response.Corrections) return;
  api.storage.local.set({ [CORRECTIONS_KEY]: reply.corrections }).catch((e) => recordError("corrections", e));
}

// The delete guard's audit log outlives the service worker the same way (capped by the engine).
const AUDIT_KEY = "auditLog";

async function restoreAuditLog(engine) {
  try {
    const { [AUDIT_KEY]: entries } = await api.storage.local.get(AUDIT_KEY);
    if (!Array.isArray(entries)) return;
    const reply = engine.handle(message(Request.ImportAuditLog, { entries }), -1);
    if (reply?.type === Response.Error) recordError("audit log", reply.message);
  } catch (error) {
    recordError("audit log", error);
  }
}

function storeAuditLog(engine) {
  const reply = engine.handle(message(Request.GetAuditLog, { format: "json" }), -1);
  if (reply?.type !== Response.Export) return;
  try {
    api.storage.local.set({ [AUDIT_KEY]: JSON.parse(reply.content) }).catch((e) => recordError("audit log", e));
  } catch (error) {
    recordError("audit log", error);
  }
}

// Brand profiles: one storage item per profile ("profile:<id>", the JSON text) in storage.sync, or in
// storage.local when the options page's quota plan says so; subscriptions ("subscription:<address>")
// in storage.local. The engine validates everything, keeps the valid profiles and says which
// subscriptions are due; this file only moves data and makes the one network request Candor makes.
const PROFILE_PREFIX = "profile:";
const SUBSCRIPTION_PREFIX = "subscription:";
const SUBSCRIPTION_ALARM = "candor-subscriptions";
const fetching = new Set();

async function sendProfiles(engine) {
  try {
    const [synced, local] = await Promise.all([api.storage.sync.get(null), api.storage.local.get(null)]);
    const profiles = [...Object.entries(synced), ...Object.entries(local)]
      .filter(([key, value]) => key.startsWith(PROFILE_PREFIX) && typeof value === "string")
      .map(([, value]) => value);
    const subscriptions = Object.entries(local)
      .filter(([key, value]) => key.startsWith(SUBSCRIPTION_PREFIX) && value && typeof value === "object")
      .map(([, value]) => value);
    const reply = engine.handle(message(Request.SetProfiles, { profiles, subscriptions, now_ms: Date.now() }), -1);
    if (reply?.type !== Response.Profiles) return recordError("profiles", reply?.message ?? reply);
    for (const url of reply.due) fetchSubscription(engine, subscriptions.find((s) => s.url === url));
  } catch (error) {
    recordError("profiles", error);
  }
}

/** Fetches a subscribed profile; the engine decides what to keep (the last good copy on failure). */
async function fetchSubscription(engine, subscription) {
  if (!subscription || fetching.has(subscription.url)) return;
  fetching.add(subscription.url);
  let body = null;
  let error = null;
  try {
    const response = await fetch(subscription.url, {
      credentials: "omit",
      cache: "no-cache",
      referrerPolicy: "no-referrer",
      signal: AbortSignal.timeout(30_000),
    });
    if (response.ok) body = await response.text();
    else error = `HTTP ${response.status}`;
  } catch (e) {
    error = String(e?.message ?? e);
  }
  try {
    const reply = engine.handle(message(Request.SubscriptionFetched, { subscription, body, error, now_ms: Date.now() }), -1);
    if (reply?.type === Response.Subscription) {
      await api.storage.local.set({ [SUBSCRIPTION_PREFIX + subscription.url]: reply.subscription });
    } else recordError("subscription", reply?.message ?? reply);
  } catch (e) {
    recordError("subscription", e);
  } finally {
    fetching.delete(subscription.url);
  }
}

api.storage.onChanged.addListener((changes) => {
  const keys = Object.keys(changes);
  if (keys.some((k) => k.startsWith(PROFILE_PREFIX) || k.startsWith(SUBSCRIPTION_PREFIX))) {
    engineReady.then(sendProfiles);
  }
});

// Hourly wake-ups; the engine's due check makes the fetch daily.
api.alarms.create(SUBSCRIPTION_ALARM, { periodInMinutes: 60 });
api.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name === SUBSCRIPTION_ALARM) engineReady.then(sendProfiles);
});

/** Hands one message to the engine; the engine validates it and always answers. */
async function handle(msg, sender) {
  const engine = await engineReady;
  const tabId = sender?.tab?.id ?? -1;
  const reply = engine.handle(msg, tabId);
  if (tabId >= 0 && msg && typeof msg === "object") showPageState(tabId, msg);
  if (msg?.type === Request.Correct && reply?.type !== Response.Error) storeCorrections(engine);
  if (msg?.type === Request.LogDecision && reply?.type !== Response.Error) storeAuditLog(engine);
  return reply;
}

api.runtime.onMessage.addListener((msg, sender, sendResponse) => {
  // Only our own content scripts and pages can reach onMessage; still, the engine checks everything.
  // `{ as_text: true, request }` asks for the answer as JSON text: the side panel reads the threads
  // so, because one string crosses between processes far faster than the objects of a long thread
  // (558 KB for 1,000 comments: ~100 ms in Firefox, see BENCHMARKS.md "panel-latency").
  if (msg?.as_text === true && msg.request && typeof msg.request === "object") {
    handle(msg.request, sender).then(
      (reply) => sendResponse(JSON.stringify(reply)),
      (error) => {
        recordError("background", error);
        sendResponse(JSON.stringify({ type: Response.Error, code: "internal", message: String(error?.message ?? error) }));
      },
    );
    return true;
  }
  handle(msg, sender).then(sendResponse, (error) => {
    recordError("background", error);
    sendResponse({ type: Response.Error, code: "internal", message: String(error?.message ?? error) });
  });
  return true;
});

api.tabs.onRemoved.addListener((tabId) => {
  engineReady.then((engine) => engine.closeTab(tabId));
});

/** The toolbar button says when a page can't be read; otherwise it stays quiet. */
function showPageState(tabId, msg) {
  if (msg.type === Request.PageUnreadable) {
    api.action.setBadgeText({ tabId, text: "!" }).catch(() => {});
    api.action.setBadgeBackgroundColor({ tabId, color: "#b45309" }).catch(() => {});
  } else if (msg.type === Request.PageOpened) {
    api.action.setBadgeText({ tabId, text: "" }).catch(() => {});
  }
}

/** Keeps the background's own errors where the popup and the tests can see them. */
function recordError(context, error) {
  const text = String(error?.stack ?? error?.message ?? error);
  engineReady
    .then((engine) => engine.handle(message(Request.ReportError, { context, message: text }), -1))
    .catch(() => {});
}

self.addEventListener("error", (event) => recordError("background", event.error ?? event.message));
self.addEventListener("unhandledrejection", (event) => recordError("background", event.reason));
