//! Reply guidance for one comment, in the brand's voice.
//!
//! Owns: extraction of a comment's specifics ([`specifics`]), the choice of what to do about the
//! comment (action and priority), and the composition of guidance points — each with its practice
//! rule id (P1…P18) and its reason for a trainee ([`points`]) — plus an optional opening line built
//! from the comment's own specifics, never a stock phrase and never twice in a thread ([`opening`]).
//!
//! Guidance never writes the reply: the person does. It says what to acknowledge, what to avoid,
//! which voice to use and where to continue the conversation.

mod opening;
mod points;
pub mod specifics;
mod words;

use serde::Serialize;

use crate::classify::{Category, Flag, Verdict};
use crate::profile::{PrivateChannel, Profile};
use crate::text::Lang;
use crate::thread::Platform;

pub use opening::STOCK_PHRASES;
pub use specifics::{extract, key_terms, IssueKind, Specifics};

/// The comment guidance is asked for.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct GuideInput {
    pub text: String,
    pub platform: Option<Platform>,
    /// The display name (or @handle) of the person who wrote it.
    pub author: Option<String>,
    /// The platform's id of the comment; also varies the opening between comments.
    pub id: Option<String>,
}

/// What is known of the thread the comment sits in.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ThreadContext {
    /// Complaints are surging (computed by the thread summary); see also [`ThreadContext::surge`].
    pub surging: bool,
    /// Complaints in the thread so far.
    pub complaints: u32,
    /// Comments in the thread so far.
    pub comments: u32,
    /// Openings already suggested in this thread: a new one must differ from all of them.
    pub openings: Vec<String>,
    /// The current time (Unix seconds, UTC), to tell whether the team is within support hours.
    pub now: Option<i64>,
}

impl ThreadContext {
    /// Whether the thread is in a surge of complaints (P16): flagged so, or past both of the
    /// profile's crisis thresholds.
    pub fn surge(&self, profile: &Profile) -> bool {
        let c = profile.crisis;
        self.surging
            || (self.comments > 0
                && self.complaints >= c.complaints
                && u64::from(self.complaints) * 100
                    >= u64::from(c.share_percent) * u64::from(self.comments))
    }

    /// Counts a judged comment and remembers its opening, so the next guidance differs.
    pub fn record(&mut self, verdict: &Verdict, guidance: &Guidance) {
        self.comments += 1;
        if verdict.category == Category::Complaint {
            self.complaints += 1;
        }
        if let Some(o) = &guidance.opening {
            self.openings.push(o.clone());
        }
    }
}

/// What the person replying should do about the comment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// Reply in the thread.
    AnswerPublicly,
    /// Acknowledge in public, then continue in a private conversation on the same platform (P3).
    MoveToPrivate,
    /// Answer the question, in public so others benefit.
    AnswerQuestion,
    /// Thank the person (P14).
    Thank,
    /// Don't reply: a troll (P8).
    DoNotEngage,
    /// Hiding is acceptable: spam or abuse (P7).
    Hide,
    /// Alert the escalation contact now, and acknowledge.
    Escalate,
    /// Nothing calls for a reply.
    NoReplyNeeded,
}

/// How soon.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Priority {
    Now,
    Today,
    WhenPossible,
    None,
}

/// One piece of advice, traced to its practice rule, with the reason behind it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Point {
    pub rule: &'static str,
    pub text: String,
    pub why: String,
}

/// The guidance card for one comment.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Guidance {
    pub category: Category,
    /// The language the guidance is written in: the comment's, or the brand's main language.
    pub lang: Lang,
    pub action: Action,
    pub priority: Priority,
    pub points: Vec<Point>,
    pub opening: Option<String>,
}

/// Everything the composers read, gathered once.
pub(crate) struct Facts<'a> {
    pub lang: Lang,
    /// The comment's text, for quoting cue spans.
    pub text: &'a str,
    pub verdict: &'a Verdict,
    pub specifics: Specifics,
    pub profile: &'a Profile,
    pub platform: Option<Platform>,
    pub author: Option<&'a str>,
    pub seed: u64,
    pub surge: bool,
    pub thread: &'a ThreadContext,
    pub action: Action,
    pub priority: Priority,
}

impl Facts<'_> {
    pub fn fr(&self) -> bool {
        self.lang == Lang::Fr
    }

    pub fn has(&self, flag: Flag) -> bool {
        self.verdict.flags.contains(&flag)
    }

    /// The private channel on this comment's platform; `None` when the brand takes none there.
    pub fn private_channel(&self) -> Option<PrivateChannel> {
        match self.platform {
            Some(p) => {
                Some(*self.profile.private_channel.get(p)).filter(|c| *c != PrivateChannel::None)
            }
            // Platform unknown: a private message on whatever platform it is.
            None => Some(PrivateChannel::Messenger),
        }
    }
}

/// Composes the guidance for one comment.
pub fn guide(
    input: &GuideInput,
    verdict: &Verdict,
    profile: &Profile,
    thread: &ThreadContext,
) -> Guidance {
    let lang = match verdict.lang {
        Lang::Fr | Lang::En => verdict.lang,
        Lang::Other => match profile.main_language() {
            Lang::Fr => Lang::Fr,
            _ => Lang::En,
        },
    };
    let specifics = extract(&input.text, profile);
    let surge = thread.surge(profile) && verdict.category == Category::Complaint;
    let seed = fnv1a(input.id.as_deref().unwrap_or(&input.text));
    let mut facts = Facts {
        lang,
        text: &input.text,
        verdict,
        specifics,
        profile,
        platform: input.platform,
        author: input.author.as_deref().filter(|a| !a.trim().is_empty()),
        seed,
        surge,
        thread,
        action: Action::NoReplyNeeded,
        priority: Priority::None,
    };
    let (action, priority) = decide(&facts);
    facts.action = action;
    facts.priority = priority;
    Guidance {
        category: verdict.category,
        lang,
        action,
        priority,
        points: points::compose(&facts),
        opening: opening::compose(&facts),
    }
}

/// The problems that need the person's own details (an order, an account) to be solved.
pub(crate) fn personal_case(s: &Specifics) -> bool {
    !s.references.is_empty()
        || s.issues.iter().any(|k| {
            matches!(
                k,
                IssueKind::LateDelivery
                    | IssueKind::BrokenProduct
                    | IssueKind::WrongItem
                    | IssueKind::LostItem
                    | IssueKind::Billing
                    | IssueKind::NoAnswer
                    | IssueKind::Cancellation
                    | IssueKind::RudeStaff
                    | IssueKind::PoorQuality
            )
        })
}

fn decide(f: &Facts) -> (Action, Priority) {
    use specifics::EmotionLevel;
    let angry = f.specifics.emotion.level == EmotionLevel::Angry;
    let private = f.private_channel().is_some();
    if f.has(Flag::Urgent) {
        return (Action::Escalate, Priority::Now);
    }
    match f.verdict.category {
        Category::Spam => (Action::Hide, Priority::WhenPossible),
        Category::Troll if f.has(Flag::Abusive) => (Action::Hide, Priority::WhenPossible),
        Category::Troll => (Action::DoNotEngage, Priority::None),
        Category::Complaint => {
            let priority = if angry || f.surge {
                Priority::Now
            } else {
                Priority::Today
            };
            if f.surge {
                (Action::AnswerPublicly, priority)
            } else if private && (f.has(Flag::PersonalData) || personal_case(&f.specifics)) {
                (Action::MoveToPrivate, priority)
            } else {
                (Action::AnswerPublicly, priority)
            }
        }
        Category::Question => {
            if private && (f.has(Flag::PersonalData) || !f.specifics.references.is_empty()) {
                (Action::MoveToPrivate, Priority::Today)
            } else {
                (Action::AnswerQuestion, Priority::Today)
            }
        }
        Category::Praise => (Action::Thank, Priority::WhenPossible),
        Category::Neutral if f.specifics.asks => (Action::AnswerQuestion, Priority::WhenPossible),
        Category::Neutral => (Action::NoReplyNeeded, Priority::None),
    }
}

/// A small stable hash (FNV-1a), to vary wording between comments deterministically.
pub(crate) fn fnv1a(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests;
