//! Practice mode (P18): threads written for trainees, and the review of one attempt.
//!
//! Owns: the practice thread files (`extension/practice/*.json`, parsed and checked in [`thread`]),
//! the review of a draft reply to one of their comments ([`review`], exported to the page as
//! `practice_review`), and the trainee's progress kept by the page ([`progress`], pure Rust: the
//! `ui` module builds it without the classifier).
//!
//! ## How an attempt is reviewed
//!
//! The comment answered is classified; its verdict is reported as is, and `agrees` says whether it
//! matches the thread author's label (`expected`). The guidance and the coach then follow the
//! author's label, as they would follow a person's correction, so a trainee is never scored against
//! a misreading; the other comments of the thread carry their labels unclassified, which keeps a
//! review to one classification (the page asks as the trainee types).
//!
//! ## Scoring per rule
//!
//! The rules scored are those of the guidance's points (each carries its rule id), plus the coach's
//! checks that apply to any reply — P9 (defensive), P10 (canned), P11 (voice) — when the comment
//! calls for a reply (not spam, trolls or remarks that need none), plus the rule of any warning the
//! coach raised. Each scores 0, 1 or 2 and
//! says why, citing the words it saw:
//!
//! - **0** when a coach warning of that rule fires (the why quotes the flagged words), or when
//!   what the guidance asks is missing;
//! - **1** when it is partly done;
//! - **2** when the draft does what the guidance asks and trips no warning of that rule.
//!
//! What "does what the guidance asks" means, rule by rule (all tests run on the folded draft —
//! lowercase, no accents — and match whole words; the `why` quotes the draft's own spelling). A
//! comment's "terms" are `guide::extract(..).key_terms()` (order numbers, products, objects,
//! amounts), topped up with its longer words (five letters or more, common words left out) when
//! fewer than two were found:
//!
//! | rule | 2 | 1 | 0 |
//! |---|---|---|---|
//! | P3 | a private case offered a private message on the platform (`DM`, `Messenger`, « message privé »…); a common question kept public; a public complaint answered in public (private offered or not) | a common question sent to private | a private case (personal data shown, or an order/account matter) left public |
//! | P4 | names the comment's terms (at least two, or all if fewer); with no term, asks a question | names some; with no term, asks nothing | names none |
//! | P5 | announces a next step or a time (« je reviens vers vous », "we'll check", "today"…) | names the problem but no next step | neither |
//! | P12 (question) | gives a fact (a number, yes/no, "included", the question's own terms in a statement) or a time for the answer | promises a next step with no fact and no time | neither, or an off-topic opinion warning |
//! | P14 | thanks and names what was liked | thanks only | no thanks |
//! | P15 | offers a gesture the profile allows, or promises none | — | promises a gesture no profile rule covers |
//! | P8 | (troll) no reply, or a short answer to the fair part naming its terms | a short calm reply with nothing to answer | a long reply (coach warning) |
//! | P7, P17 | (spam, abusive troll) hide or no reply | no reply where hiding was allowed | any reply |
//! | P7 (rude complaint) | answers it | — | hides it, or picks on the wording ("language", « restez poli »…) |
//! | P6 | no legitimate comment hidden | — | a comment that neither insults nor threatens hidden |
//! | P1 | read the thread: no second answer to a comment the brand already answered | a reply where none was needed, or a second answer | — |
//! | P10 | no stock phrase or copied reply, and something of this comment in it (one of its terms, or the person's name) | nothing in it belongs to this comment | a warning |
//! | P9, P11, P13, others | no warning of the rule | — | a warning |
//!
//! A draft may also state a decision instead of a reply: "no reply" / « pas de réponse » or "hide" /
//! « masquer » (see [`review::NO_REPLY_DRAFTS`], [`review::HIDE_DRAFTS`]; the page may send
//! `"decision": "no_reply" | "hide"` instead). On spam and trolls that is the expected answer; on a
//! complaint, question or praise every rule scores 0 and P2 (answer every complaint) is added.
//!
//! The total is the sum over the maximum, ×100, rounded. An empty draft gets the guidance and the
//! rules with score 0 and "not written yet", and no total (`null`).

pub mod progress;
pub mod review;
pub mod thread;
mod wording;

pub use review::{review, review_json, Decision, Review, ReviewError, RuleScore};
pub use thread::{PracticeComment, PracticeIndex, PracticeThread, ThreadError};

#[cfg(test)]
mod tests;
