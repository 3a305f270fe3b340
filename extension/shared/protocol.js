// The message protocol, as the JavaScript side names it. Rust owns it (crate/src/protocol.rs); a test
// there checks that this file lists exactly the same type names and version.
// A classic script (content scripts cannot be modules): it defines globalThis.CandorProtocol, and the
// background imports it for that effect.
(() => {
  const PROTOCOL_VERSION = 1;

  const Request = Object.freeze({
    Ping: "Ping",
    PageOpened: "PageOpened",
    CommentsRead: "CommentsRead",
    PageUnreadable: "PageUnreadable",
    ReportError: "ReportError",
    GetThreads: "GetThreads",
    Classify: "Classify",
    Correct: "Correct",
    ExportCorrections: "ExportCorrections",
    ImportCorrections: "ImportCorrections",
    ExportThread: "ExportThread",
    Guide: "Guide",
    Coach: "Coach",
    GuardCheck: "GuardCheck",
    LogDecision: "LogDecision",
    GetAuditLog: "GetAuditLog",
    ImportAuditLog: "ImportAuditLog",
    SetProfiles: "SetProfiles",
    GetProfiles: "GetProfiles",
    SubscriptionFetched: "SubscriptionFetched",
  });

  const Response = Object.freeze({
    Pong: "Pong",
    Ack: "Ack",
    Verdicts: "Verdicts",
    Verdict: "Verdict",
    Threads: "Threads",
    Corrections: "Corrections",
    Export: "Export",
    Guidance: "Guidance",
    Warnings: "Warnings",
    GuardDecision: "GuardDecision",
    Profiles: "Profiles",
    Subscription: "Subscription",
    Error: "Error",
  });

  // What extension pages ask of a tab's content script (tabs.sendMessage); the engine never sees
  // these. The content script answers {ok: true} or {ok: false, reason}.
  const Command = Object.freeze({
    ScrollToComment: "ScrollToComment",
  });

  /** A message of `type` with `fields`, stamped with the protocol version. */
  const message = (type, fields = {}) => ({ v: PROTOCOL_VERSION, type, ...fields });

  globalThis.CandorProtocol = Object.freeze({ PROTOCOL_VERSION, Request, Response, Command, message });
})();
