//! One attempt reviewed: the request the page sends, the answer it draws, and the per-rule scores
//! (the scoring itself is described in the module's top comment, [`super`]).

use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::Value;

use super::thread::{PracticeComment, PracticeThread, ThreadError};
use super::wording::{category_name, rule_title, Say};
use crate::assist;
use crate::classify::{classify, Category, Flag, Verdict};
use crate::coach::Warning;
use crate::guide::specifics::{find_words, fold};
use crate::guide::{self, Action, Guidance};
use crate::profile::{PrivateChannel, Profile};
use crate::text::Lang;
use crate::thread::JudgedComment;

/// The most points a rule scores.
pub const RULE_MAX: u8 = 2;

/// Drafts that state a decision instead of a reply (folded, trailing punctuation ignored): what a
/// trainee types, or the page sends for a "no reply" / "hide" button, on spam and trolls.
pub const NO_REPLY_DRAFTS: &[&str] = &[
    "no reply",
    "don't reply",
    "do not reply",
    "ignore",
    "ignore it",
    "pas de reponse",
    "aucune reponse",
    "ne pas repondre",
    "ignorer",
];
pub const HIDE_DRAFTS: &[&str] = &[
    "hide",
    "hide it",
    "hide the comment",
    "masquer",
    "masquer le commentaire",
    "je masque",
];

/// What the trainee chose to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    /// Nothing written yet.
    Empty,
    Reply,
    NoReply,
    Hide,
}

impl Decision {
    pub fn of(draft: &str) -> Decision {
        let trimmed = draft.trim();
        if trimmed.is_empty() {
            return Decision::Empty;
        }
        // A decision is a few words; anything longer is a reply.
        if trimmed.len() > 64 {
            return Decision::Reply;
        }
        let folded = fold(trimmed);
        let plain = folded.trim_matches(|c: char| !c.is_alphanumeric());
        if NO_REPLY_DRAFTS.contains(&plain) {
            Decision::NoReply
        } else if HIDE_DRAFTS.contains(&plain) {
            Decision::Hide
        } else {
            Decision::Reply
        }
    }

    fn replies(self) -> bool {
        self == Decision::Reply
    }
}

/// One rule's line on the score card.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RuleScore {
    pub rule: &'static str,
    pub title: &'static str,
    pub score: u8,
    pub max: u8,
    pub why: String,
}

/// The answer to one attempt.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Review {
    pub comment_id: String,
    /// The classifier's own verdict on the comment.
    pub verdict: Verdict,
    /// The thread author's label, which the guidance and the coach follow (as a correction would).
    pub expected: Category,
    pub agrees: bool,
    /// A brand reply to this comment is already in the thread.
    pub answered: bool,
    pub guidance: Guidance,
    pub warnings: Vec<Warning>,
    pub rules: Vec<RuleScore>,
    /// 0–100; `None` while nothing is written.
    pub score: Option<u8>,
    pub verdict_text: String,
    pub note: String,
}

/// Why an attempt could not be reviewed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReviewError {
    NotJson(String),
    MissingField(&'static str),
    BadThread(ThreadError),
    UnknownComment(String),
    BrandComment(String),
}

impl ReviewError {
    pub fn message(&self, lang: Lang) -> String {
        let fr = lang == Lang::Fr;
        match (self, fr) {
            (ReviewError::NotJson(e), false) => {
                format!("The practice request is not valid JSON: {e}.")
            }
            (ReviewError::NotJson(e), true) => {
                format!("La demande d'exercice n'est pas du JSON valide : {e}.")
            }
            (ReviewError::MissingField(f), false) => {
                format!("The practice request has no \"{f}\".")
            }
            (ReviewError::MissingField(f), true) => {
                format!("La demande d'exercice n'a pas de champ « {f} ».")
            }
            (ReviewError::BadThread(e), false) => format!("{e}."),
            (ReviewError::BadThread(e), true) => format!(
                "Le fil d'exercice est refusé, champ « {} » : {}.",
                e.field, e.problem
            ),
            (ReviewError::UnknownComment(id), false) => {
                format!("The thread has no comment \"{id}\".")
            }
            (ReviewError::UnknownComment(id), true) => {
                format!("Le fil n'a pas de commentaire « {id} ».")
            }
            (ReviewError::BrandComment(id), false) => format!(
                "Comment \"{id}\" was written by the brand: pick a comment from the audience."
            ),
            (ReviewError::BrandComment(id), true) => format!(
                "Le commentaire « {id} » est de la marque : choisissez un commentaire du public."
            ),
        }
    }
}

/// `{"thread", "comment_id", "draft"?, "ui_lang"?, "decision"?}` in (JSON text), a [`Review`] or
/// `{"error": "…"}` out (JSON text). `decision` ("no_reply" or "hide") stands for the draft.
pub fn review_json(request: &str) -> String {
    let value: Result<Value, _> = serde_json::from_str(request);
    let lang = match value.as_ref().ok().and_then(|v| v["ui_lang"].as_str()) {
        Some("fr") => Lang::Fr,
        _ => Lang::En,
    };
    let answer = value
        .map_err(|e| ReviewError::NotJson(e.to_string()))
        .and_then(|v| review_value(v, lang));
    match answer {
        // Through a `Value`: the engine already serialises its types that way (smaller module).
        Ok(review) => serde_json::to_value(&review)
            .unwrap_or_else(|e| serde_json::json!({ "error": e.to_string() }))
            .to_string(),
        Err(e) => serde_json::json!({ "error": e.message(lang) }).to_string(),
    }
}

fn review_value(request: Value, ui_lang: Lang) -> Result<Review, ReviewError> {
    let comment_id = request["comment_id"]
        .as_str()
        .ok_or(ReviewError::MissingField("comment_id"))?
        .to_string();
    let draft = match request["decision"].as_str() {
        Some("no_reply") => NO_REPLY_DRAFTS[0].to_string(),
        Some("hide") => HIDE_DRAFTS[0].to_string(),
        _ => request["draft"].as_str().unwrap_or("").to_string(),
    };
    let thread = PracticeThread::read(&request["thread"]).map_err(ReviewError::BadThread)?;
    let profile = thread.profile().map_err(ReviewError::BadThread)?;
    review(&thread, &profile, &comment_id, &draft, ui_lang)
}

/// Reviews `draft`, a reply to comment `comment_id` of a checked `thread`.
pub fn review(
    thread: &PracticeThread,
    profile: &Profile,
    comment_id: &str,
    draft: &str,
    ui_lang: Lang,
) -> Result<Review, ReviewError> {
    let target = thread
        .comment(comment_id)
        .ok_or_else(|| ReviewError::UnknownComment(comment_id.to_string()))?;
    if target.by_brand {
        return Err(ReviewError::BrandComment(comment_id.to_string()));
    }
    // Only the comment answered is classified (the page asks as the trainee types); the others
    // carry the thread author's labels, as the person's corrections would.
    let verdict = classify(&target.text, None);
    let comments: Vec<JudgedComment> = thread
        .comments
        .iter()
        .map(|c| JudgedComment {
            comment: c.to_comment(thread.platform),
            verdict: if c.id == target.id {
                Verdict {
                    category: c.expected,
                    ..verdict.clone()
                }
            } else {
                labelled(c, thread.lang)
            },
        })
        .collect();
    let platform = Some(thread.platform);
    let guidance = assist::guidance_for(
        &comments,
        comment_id,
        platform,
        profile,
        &mut BTreeMap::new(),
        None,
    )
    .ok_or_else(|| ReviewError::UnknownComment(comment_id.to_string()))?;
    let decision = Decision::of(draft);
    let warnings = if decision.replies() {
        assist::coach_for(&comments, comment_id, draft, platform, profile).unwrap_or_default()
    } else {
        Vec::new()
    };
    let answered = thread.brand_replies_to(comment_id).next().is_some();
    let judge = Judge::new(
        thread, profile, target, &verdict, &guidance, &warnings, draft, decision, ui_lang,
    );
    let rules = judge.rules();
    let score = (decision != Decision::Empty && !rules.is_empty()).then(|| {
        let got: u32 = rules.iter().map(|r| u32::from(r.score)).sum();
        let max: u32 = rules.iter().map(|r| u32::from(r.max)).sum();
        ((got * 100 + max / 2) / max) as u8
    });
    let agrees = verdict.category == target.expected;
    let verdict_text = summary(&judge, &rules, score, agrees, answered, &verdict);
    Ok(Review {
        comment_id: comment_id.to_string(),
        verdict,
        expected: target.expected,
        agrees,
        answered,
        guidance,
        warnings,
        rules,
        score,
        verdict_text,
        note: target.note.clone(),
    })
}

/// A verdict standing for the thread author's label (no classification).
fn labelled(c: &PracticeComment, lang: Lang) -> Verdict {
    Verdict {
        category: c.expected,
        flags: Vec::new(),
        confidence: 1.0,
        lang,
        cues: Vec::new(),
    }
}

/// The one-line summary.
fn summary(
    j: &Judge,
    rules: &[RuleScore],
    score: Option<u8>,
    agrees: bool,
    answered: bool,
    verdict: &Verdict,
) -> String {
    let s = j.say;
    let mut out = match score {
        None => s.t(
            "Pas encore de réponse : lisez les conseils et leurs raisons, puis écrivez.",
            "Nothing written yet: read the guidance and its reasons, then write.",
        ),
        Some(score) => {
            let weakest = rules
                .iter()
                .filter(|r| r.score < r.max)
                .min_by_key(|r| r.score);
            match weakest {
                None => s.fill(
                    "{}/100 : chaque règle est respectée.",
                    "{}/100: every rule is met.",
                    &[score.to_string()],
                ),
                Some(r) => s.fill(
                    "{}/100 ; à retravailler d'abord : {} ({}).",
                    "{}/100; work on this first: {} ({}).",
                    &[score.to_string(), r.rule.to_string(), r.title.to_string()],
                ),
            }
        }
    };
    if !agrees {
        out.push(' ');
        let fr = s.0;
        out.push_str(&s.fill(
            "Le moteur y lit {}, l'auteur du fil {} : les conseils suivent l'auteur.",
            "The engine reads it as {}, the thread's author as {}: the guidance follows the author.",
            &[
                category_name(verdict.category, fr).to_string(),
                category_name(j.expected, fr).to_string(),
            ],
        ));
    }
    if answered {
        out.push(' ');
        out.push_str(&s.t(
            "La marque a déjà répondu à ce commentaire : ne vous répétez pas.",
            "The brand already answered this comment: don't repeat yourself.",
        ));
    }
    out
}

/// Words that tell the draft offers a private conversation (folded).
const PRIVATE_WORDS: &[&str] = &[
    "message prive",
    "messages prives",
    "en prive",
    "mp",
    "messenger",
    "dm",
    "message direct",
    "messagerie",
    "message linkedin",
    "private message",
    "direct message",
    "in private",
    "privately",
    "inbox",
    "linkedin message",
];

/// Words that promise a next step or a time (folded).
const NEXT_STEP_WORDS: &[&str] = &[
    "get back to you",
    "come back to you",
    "keep you posted",
    "keep you updated",
    "update you",
    "follow up",
    "i'll",
    "we'll",
    "i will",
    "we will",
    "looking into",
    "checking",
    "passed on",
    "passing",
    "forwarded",
    "escalated",
    "today",
    "tomorrow",
    "within",
    "right now",
    "reviens vers",
    "revenons vers",
    "revient vers",
    "tiens au courant",
    "tenons au courant",
    "transmets",
    "transmettons",
    "transmis",
    "je regarde",
    "nous regardons",
    "on regarde",
    "je verifie",
    "nous verifions",
    "on verifie",
    "aujourd'hui",
    "demain",
    "d'ici",
    "dans la journee",
    "tout de suite",
    "immediatement",
    "alerte",
];

/// Words that put a time on the next step (folded).
const TIME_WORDS: &[&str] = &[
    "today",
    "tomorrow",
    "tonight",
    "this week",
    "within",
    "right now",
    "by monday",
    "by friday",
    "aujourd'hui",
    "demain",
    "ce soir",
    "cette semaine",
    "d'ici",
    "dans la journee",
    "tout de suite",
    "immediatement",
];

const THANKS_WORDS: &[&str] = &[
    "thank",
    "thanks",
    "thank you",
    "cheers",
    "grateful",
    "glad",
    "merci",
    "ravi",
    "ravie",
    "heureux",
    "heureuse",
    "touche",
    "touches",
];

/// Words that pick on how a complaint is worded (folded).
const TONE_WORDS: &[&str] = &[
    "language",
    "polite",
    "politely",
    "rude",
    "swearing",
    "your tone",
    "insult",
    "insults",
    "rester poli",
    "restez poli",
    "politesse",
    "grossier",
    "grossierete",
    "grossieretes",
    "votre ton",
    "ton ton",
    "insulte",
    "insultes",
    "vulgaire",
    "vulgarite",
];

/// Words that promise a commercial gesture (folded).
const GESTURE_WORDS: &[&str] = &[
    "refund",
    "voucher",
    "credit",
    "discount",
    "free",
    "compensation",
    "rembourse",
    "remboursement",
    "geste",
    "bon d'achat",
    "avoir",
    "offert",
    "offerte",
    "reduction",
    "gratuit",
];

/// Words that tell the draft answers a question with something to act on (folded), beside digits.
const ANSWER_WORDS: &[&str] = &[
    "yes",
    "no",
    "you can",
    "it is",
    "it's",
    "here is",
    "here's",
    "available",
    "until",
    "included",
    "free",
    "covered",
    "possible",
    "oui",
    "non",
    "vous pouvez",
    "tu peux",
    "c'est",
    "il faut",
    "voici",
    "disponible",
    "des le",
    "jusqu'au",
    "a partir",
    "compris",
    "inclus",
    "gratuit",
    "payant",
    "sans frais",
];

/// Longer words that say nothing specific about a comment (folded), left out of the terms a reply
/// should pick up.
const COMMON_WORDS: &[&str] = &[
    "about",
    "after",
    "again",
    "always",
    "anyone",
    "because",
    "before",
    "being",
    "could",
    "every",
    "first",
    "great",
    "having",
    "their",
    "there",
    "these",
    "thing",
    "think",
    "third",
    "those",
    "thank",
    "thanks",
    "today",
    "until",
    "where",
    "which",
    "while",
    "would",
    "should",
    "still",
    "really",
    "since",
    "other",
    "never",
    "people",
    "please",
    "right",
    "month",
    "guess",
    "another",
    "avant",
    "apres",
    "alors",
    "autre",
    "aussi",
    "avoir",
    "cette",
    "comme",
    "depuis",
    "encore",
    "etait",
    "faire",
    "jamais",
    "juste",
    "leurs",
    "merci",
    "notre",
    "votre",
    "parce",
    "pendant",
    "quand",
    "rien",
    "toujours",
    "toute",
    "toutes",
    "tous",
    "vraiment",
    "franchement",
    "personne",
    "c'est",
    "j'ai",
    "qu'il",
    "n'est",
];

/// The most characters of a draft the rule tests read: no reply is that long (the coach says so),
/// and a pasted page then costs no more than a long reply.
const JUDGED_CHARS: usize = 10_000;

fn head(draft: &str) -> &str {
    draft
        .char_indices()
        .nth(JUDGED_CHARS)
        .map_or(draft, |(at, _)| &draft[..at])
}

/// The part of `text` that folds to bytes `start..end` of `fold(text)`: quotes keep the writer's
/// accents and capitals.
fn unfold(text: &str, start: usize, end: usize) -> &str {
    let mut folded = 0;
    let mut from = None;
    for (at, c) in text.char_indices() {
        if from.is_none() && folded >= start {
            from = Some(at);
        }
        if folded >= end {
            return &text[from.unwrap_or(at)..at];
        }
        folded += fold(c.encode_utf8(&mut [0; 4])).len();
    }
    &text[from.unwrap_or(text.len())..]
}

/// Everything the rule tests read, gathered once.
struct Judge<'a> {
    say: Say,
    draft: &'a str,
    draft_folded: String,
    decision: Decision,
    expected: Category,
    action: Action,
    guidance: &'a Guidance,
    warnings: &'a [Warning],
    /// The comment's specifics a reply should name: folded, and as the comment wrote them.
    terms: Vec<(String, String)>,
    personal_data: bool,
    private_channel: bool,
    gesture_fits: bool,
    answered: bool,
    /// The first word of the author's name (folded), for a reply that greets them.
    author_first_name: Option<String>,
}

impl<'a> Judge<'a> {
    #[allow(clippy::too_many_arguments)]
    fn new(
        thread: &PracticeThread,
        profile: &Profile,
        target: &PracticeComment,
        verdict: &Verdict,
        guidance: &'a Guidance,
        warnings: &'a [Warning],
        draft: &'a str,
        decision: Decision,
        ui_lang: Lang,
    ) -> Self {
        let specifics = guide::extract(&target.text, profile);
        let mut terms: Vec<(String, String)> = specifics
            .key_terms()
            .into_iter()
            .map(|t| (fold(&t), t))
            .collect();
        if terms.len() < 2 {
            // Few specifics found: the comment's longer words are what a reply can pick up too.
            let folded = fold(&target.text);
            for word in folded.split(|c: char| !c.is_alphanumeric() && c != '\'') {
                let word = word.trim_matches('\'');
                // Where the word sits in `folded` (it is a slice of it).
                let start = word.as_ptr() as usize - folded.as_ptr() as usize;
                if word.chars().count() >= 5
                    && !COMMON_WORDS.contains(&word)
                    && !terms.iter().any(|(t, _)| t == word)
                    && terms.len() < 10
                {
                    let shown = unfold(&target.text, start, start + word.len());
                    terms.push((word.to_string(), shown.to_string()));
                }
            }
        }
        let gesture_fits = profile
            .gestures
            .iter()
            .any(|g| g.issues.is_empty() || g.issues.iter().any(|k| specifics.issues.contains(k)));
        Judge {
            say: Say(ui_lang == Lang::Fr),
            draft,
            draft_folded: fold(head(draft)),
            decision,
            expected: target.expected,
            action: guidance.action,
            guidance,
            warnings,
            terms,
            personal_data: verdict.flags.contains(&Flag::PersonalData),
            private_channel: *profile.private_channel.get(thread.platform) != PrivateChannel::None,
            gesture_fits,
            answered: thread.brand_replies_to(&target.id).next().is_some(),
            author_first_name: fold(&target.author)
                .split(|c: char| !c.is_alphanumeric())
                .find(|w| w.chars().count() >= 2)
                .map(str::to_string),
        }
    }

    /// The rules that apply: the guidance points' (in their order), the coach's checks that apply
    /// to any reply (P9, P10, P11) when a reply is called for, and any warning's rule.
    fn rule_ids(&self) -> Vec<&'static str> {
        let mut ids: Vec<&'static str> = Vec::new();
        let mut add = |id: &'static str| {
            if !ids.contains(&id) {
                ids.push(id);
            }
        };
        for p in &self.guidance.points {
            add(p.rule);
        }
        if self.reply_expected() {
            for id in ["P9", "P10", "P11"] {
                add(id);
            }
        }
        if self.reply_expected() && !self.decision.replies() && self.decision != Decision::Empty {
            add("P2");
        }
        for w in self.warnings {
            add(w.rule);
        }
        ids
    }

    fn reply_expected(&self) -> bool {
        !matches!(
            self.action,
            Action::Hide | Action::DoNotEngage | Action::NoReplyNeeded
        )
    }

    fn rules(&self) -> Vec<RuleScore> {
        self.rule_ids()
            .into_iter()
            .map(|rule| {
                let (score, why) = self.score(rule);
                RuleScore {
                    rule,
                    title: rule_title(rule, self.say.0),
                    score,
                    max: RULE_MAX,
                    why,
                }
            })
            .collect()
    }

    /// The folded phrases of `list` the draft holds, as whole words.
    /// The phrases of `list` (folded) the draft holds as whole words, as the draft writes them.
    fn found(&self, list: &[&str]) -> Vec<String> {
        list.iter().filter_map(|p| self.in_draft(p)).collect()
    }

    /// `folded` in the draft, as the draft writes it.
    fn in_draft(&self, folded: &str) -> Option<String> {
        let at = find_words(&self.draft_folded, folded)?;
        Some(unfold(self.draft, at, at + folded.len()).to_string())
    }

    fn quoted(&self, items: &[String]) -> String {
        let (open, close) = if self.say.0 {
            ("« ", " »")
        } else {
            ("“", "”")
        };
        items
            .iter()
            .take(3)
            .map(|i| format!("{open}{i}{close}"))
            .collect::<Vec<_>>()
            .join(", ")
    }

    fn score(&self, rule: &'static str) -> (u8, String) {
        let s = self.say;
        if self.decision == Decision::Empty {
            return (0, s.t("pas encore rédigé", "not written yet"));
        }
        if let Some(w) = self.warnings.iter().find(|w| w.rule == rule) {
            let span: String = self
                .draft
                .chars()
                .skip(w.start)
                .take(w.end.saturating_sub(w.start).min(60))
                .collect();
            let span = [span.trim().to_string()];
            // A warning about the whole draft is about what is missing: its message says it.
            let whole = w.start == 0 && w.end >= self.draft.chars().count();
            return (
                0,
                match whole {
                    true => s.fill(
                        "Le coach : {}",
                        "The coach: {}",
                        std::slice::from_ref(&w.message),
                    ),
                    false => s.fill(
                        "Le coach relève {} : {}",
                        "The coach flags {}: {}",
                        &[self.quoted(&span), w.message.clone()],
                    ),
                },
            );
        }
        if !self.decision.replies() {
            return self.score_no_reply(rule);
        }
        match rule {
            "P3" => self.private_or_public(),
            "P4" => self.acknowledges(),
            "P5" => self.next_step(),
            "P6" => (2, s.t("La réponse ne masque aucune critique.", "The reply hides no criticism.")),
            "P7" => self.reply_p7(),
            "P8" => self.reply_to_troll(),
            "P12" if self.expected == Category::Question => self.answers_question(),
            "P14" => self.thanks(),
            "P15" => self.gesture(),
            "P17" => (0, s.t(
                "Une réponse au spam lui donne de la visibilité : masquez-le sans répondre.",
                "A reply to spam gives it visibility: hide it without replying.",
            )),
            "P1" if self.answered => (1, s.t(
                "La marque a déjà répondu à ce commentaire dans le fil : une seconde réponse doit apporter du neuf.",
                "The brand already answered this comment in the thread: a second reply must add something new.",
            )),
            "P1" if !self.reply_expected() => (1, s.t(
                "Rien n'appelle de réponse ici : une réponse n'est pas une faute, mais elle n'était pas nécessaire.",
                "Nothing here calls for a reply: replying is not a fault, but it wasn't needed.",
            )),
            "P9" => (2, s.t(
                "Le coach ne trouve ni défense, ni reproche, ni ironie dans la réponse.",
                "The coach finds no defence, blame or sarcasm in the reply.",
            )),
            "P10" => self.written_for_them(),
            "P11" => (2, s.t(
                "Le coach ne relève aucun écart avec la voix de la marque (adresse, emoji, signature, mots évités, longueur).",
                "The coach finds nothing off the brand's voice (address, emoji, signature, avoided words, length).",
            )),
            "P13" => (2, s.t("Pas d'argument de vente dans la réponse.", "No sales pitch in the reply.")),
            _ => (2, s.t(
                "Rien dans la réponse ne va contre cette règle.",
                "Nothing in the reply goes against this rule.",
            )),
        }
    }

    /// The trainee chose not to reply (or to hide).
    fn score_no_reply(&self, rule: &str) -> (u8, String) {
        let s = self.say;
        let hide = self.decision == Decision::Hide;
        if self.reply_expected() {
            let chose = match (hide, s.0) {
                (true, true) => "de masquer",
                (false, true) => "de ne pas répondre",
                (true, false) => "to hide it",
                (false, false) => "not to reply",
            };
            return (0, s.fill(
                "Vous avez choisi {} ; or ce commentaire ({}) appelle une réponse, et ignorer une plainte ou une question est la pire réponse.",
                "You chose {}; but this comment ({}) needs an answer, and ignoring a complaint or a question is the worst answer.",
                &[chose.to_string(), category_name(self.expected, s.0).to_string()],
            ));
        }
        let may_hide = self.action == Action::Hide;
        match rule {
            "P6" | "P7" if hide && !may_hide => (0, s.t(
                "Vous masquez un commentaire qui n'insulte ni ne menace : cela passe pour de la censure.",
                "You hide a comment that neither insults nor threatens: that reads as censorship.",
            )),
            "P7" if !hide && may_hide => (1, s.t(
                "Pas de réponse, c'est bien ; ce commentaire nuit à la communauté et pouvait aussi être masqué.",
                "No reply is right; this comment harms the community and could also be hidden.",
            )),
            _ => (2, if hide {
                s.t("Masquer sans répondre : c'est ce que demande ce commentaire.", "Hide without replying: what this comment calls for.")
            } else {
                s.t("Pas de réponse : c'est ce que demande ce commentaire.", "No reply: what this comment calls for.")
            }),
        }
    }

    fn private_or_public(&self) -> (u8, String) {
        let s = self.say;
        let offers = self.found(PRIVATE_WORDS);
        let needs =
            matches!(self.action, Action::MoveToPrivate | Action::Escalate) && self.private_channel;
        match (needs, offers.is_empty()) {
            (true, false) => (2, s.fill("La réponse propose de continuer en privé, sur la même plateforme ({}).", "The reply offers to continue in private, on the same platform ({}).", &[self.quoted(&offers)])),
            (true, true) if self.personal_data => (0, s.t(
                "Le commentaire affiche des données personnelles en public et la réponse ne propose pas de passer en message privé.",
                "The comment shows personal details in public and the reply doesn't offer to move to a private message.",
            )),
            (true, true) => (0, s.t(
                "C'est un cas personnel : la réponse ne propose pas de continuer en message privé sur la plateforme.",
                "This is a personal case: the reply doesn't offer to continue in a private message on the platform.",
            )),
            (false, true) => (2, s.t(
                "La réponse reste publique : tous ceux qui se posent la même question la voient.",
                "The reply stays public: everyone with the same question sees it.",
            )),
            (false, false) if self.expected == Category::Question => (1, s.fill("La réponse renvoie en privé ({}) une question qui concerne tout le monde : répondez d'abord en public.", "The reply sends to private ({}) a question that concerns everyone: answer in public first.", &[self.quoted(&offers)])),
            (false, false) => (2, s.fill("La réponse répond en public et propose de continuer en privé ({}).", "The reply answers in public and offers to continue in private ({}).", &[self.quoted(&offers)])),
        }
    }

    /// The comment's terms the draft names (as the draft writes them), and those it doesn't (as
    /// the comment wrote them).
    fn named_terms(&self) -> (Vec<String>, Vec<String>) {
        let mut named = Vec::new();
        let mut missing = Vec::new();
        for (folded, shown) in &self.terms {
            match self.in_draft(folded) {
                Some(words) => named.push(words),
                None => missing.push(shown.clone()),
            }
        }
        (named, missing)
    }

    fn acknowledges(&self) -> (u8, String) {
        let s = self.say;
        let (named, missing) = self.named_terms();
        if self.terms.is_empty() {
            return if self.draft_folded.contains('?') {
                (2, s.t(
                    "Le commentaire ne donne pas de détail ; la réponse pose une question pour le préciser.",
                    "The comment gives no detail; the reply asks a question to pin it down.",
                ))
            } else {
                (1, s.t(
                    "Le commentaire ne donne pas de détail et la réponse ne demande pas lequel : posez une question courte.",
                    "The comment gives no detail and the reply doesn't ask which: ask one short question.",
                ))
            };
        }
        let enough = named.len() >= self.terms.len().min(2);
        match (named.is_empty(), enough) {
            (false, true) => (
                2,
                s.fill(
                    "La réponse reprend ce que la personne a écrit : {}.",
                    "The reply picks up what the person wrote: {}.",
                    &[self.quoted(&named)],
                ),
            ),
            (false, false) => (
                1,
                s.fill(
                    "La réponse reprend {}, mais pas {}.",
                    "The reply picks up {}, but not {}.",
                    &[self.quoted(&named), self.quoted(&missing)],
                ),
            ),
            _ => (
                0,
                s.fill(
                    "La réponse ne nomme rien de ce que la personne a écrit ({}).",
                    "The reply names nothing the person wrote ({}).",
                    &[self.quoted(&missing)],
                ),
            ),
        }
    }

    fn next_step(&self) -> (u8, String) {
        let s = self.say;
        let steps = self.found(NEXT_STEP_WORDS);
        if !steps.is_empty() {
            return (
                2,
                s.fill(
                    "La réponse annonce une suite : {}.",
                    "The reply announces a next step: {}.",
                    &[self.quoted(&steps)],
                ),
            );
        }
        let (named, _) = self.named_terms();
        if named.is_empty() {
            (0, s.t(
                "Ni suite annoncée (qui s'en occupe, quand vous revenez), ni reprise du problème.",
                "No next step (who handles it, when you come back) and the problem isn't named.",
            ))
        } else {
            (1, s.t(
                "Le problème est repris, mais la réponse n'annonce pas de suite : dites ce qui va se passer et quand vous revenez.",
                "The problem is named, but the reply gives no next step: say what happens now and when you'll come back.",
            ))
        }
    }

    /// P10 beyond the coach's stock phrases: something in the reply belongs to this comment (its
    /// words or the person's name), so it could not be pasted under any other.
    fn written_for_them(&self) -> (u8, String) {
        let s = self.say;
        let mut own = self.named_terms().0;
        if let Some(name) = self
            .author_first_name
            .as_deref()
            .and_then(|n| self.in_draft(n))
        {
            own.insert(0, name);
        }
        if own.is_empty() {
            (1, s.t(
                "Pas de formule toute faite relevée, mais rien dans la réponse n'est propre à ce commentaire : elle irait sous n'importe lequel.",
                "No stock phrase found, but nothing in the reply belongs to this comment: it could go under any of them.",
            ))
        } else {
            (
                2,
                s.fill(
                    "Écrite pour cette personne : elle reprend {}.",
                    "Written for this person: it picks up {}.",
                    &[self.quoted(&own)],
                ),
            )
        }
    }

    fn reply_p7(&self) -> (u8, String) {
        let s = self.say;
        match self.expected {
            Category::Spam => (0, s.t(
                "Le spam ne se discute pas : une réponse lui donne de la visibilité ; masquez-le.",
                "Spam isn't answered: a reply gives it visibility; hide it.",
            )),
            Category::Troll if self.action == Action::Hide => (0, s.t(
                "Ce commentaire insulte ou menace : il se masque, il ne se discute pas.",
                "This comment insults or threatens: hide it, don't debate it.",
            )),
            _ => match self.found(TONE_WORDS).as_slice() {
                [] => (2, s.t(
                    "La réponse traite le fond malgré le ton : la plainte reste légitime.",
                    "The reply deals with the substance despite the tone: the complaint stays legitimate.",
                )),
                words => (0, s.fill(
                    "La réponse relève la forme ({}) au lieu du problème : une plainte grossière reste une plainte.",
                    "The reply picks on the wording ({}) instead of the problem: a rude complaint is still a complaint.",
                    &[self.quoted(words)],
                )),
            },
        }
    }

    fn reply_to_troll(&self) -> (u8, String) {
        let s = self.say;
        let (named, _) = self.named_terms();
        let fair_part = self
            .guidance
            .points
            .iter()
            .filter(|p| p.rule == "P8")
            .count()
            > 1;
        if fair_part && !named.is_empty() {
            (
                2,
                s.fill(
                    "Réponse courte à la seule part fondée ({}), sans entrer dans la provocation.",
                    "A short answer to the fair part only ({}), without taking the bait.",
                    &[self.quoted(&named)],
                ),
            )
        } else {
            (1, s.t(
                "La réponse reste courte et calme, mais rien ici n'appelait de réponse : laisser passer était plus sûr.",
                "The reply is short and calm, but nothing here called for one: letting it go was safer.",
            ))
        }
    }

    fn answers_question(&self) -> (u8, String) {
        let s = self.say;
        let mut facts = self.found(ANSWER_WORDS);
        if let Some(number) = self
            .draft_folded
            .split(|c: char| !c.is_ascii_digit())
            .find(|w| !w.is_empty())
        {
            facts.insert(0, number.to_string());
        }
        facts.extend(self.found(TIME_WORDS));
        // A statement about what was asked (its words, not a question back) answers it too.
        if !self.draft_folded.trim_end().ends_with('?') {
            facts.extend(self.named_terms().0);
        }
        let steps = self.found(NEXT_STEP_WORDS);
        if facts.is_empty() && !steps.is_empty() {
            (1, s.fill("La réponse promet une suite ({}) sans fait ni délai : donnez la réponse, ou dites quand vous l'aurez.", "The reply promises a next step ({}) with no fact and no time: give the answer, or say when you'll have it.", &[self.quoted(&steps)]))
        } else if facts.is_empty() {
            (0, s.t(
                "La réponse ne donne ni fait précis ni prochaine étape : dites la réponse, ou quand vous l'aurez.",
                "The reply gives no precise fact and no next step: give the answer, or say when you'll have it.",
            ))
        } else {
            (
                2,
                s.fill(
                    "La réponse donne du concret : {}.",
                    "The reply gives something concrete: {}.",
                    &[self.quoted(&facts)],
                ),
            )
        }
    }

    fn thanks(&self) -> (u8, String) {
        let s = self.say;
        let thanks = self.found(THANKS_WORDS);
        let (named, _) = self.named_terms();
        match (thanks.is_empty(), named.is_empty()) {
            (false, false) => (
                2,
                s.fill(
                    "La réponse remercie ({}) en nommant ce qui a plu ({}).",
                    "The reply thanks ({}) and names what was liked ({}).",
                    &[self.quoted(&thanks), self.quoted(&named)],
                ),
            ),
            (false, true) => (
                1,
                s.fill(
                    "La réponse remercie ({}) mais ne nomme pas ce qui a plu.",
                    "The reply thanks ({}) but doesn't name what was liked.",
                    &[self.quoted(&thanks)],
                ),
            ),
            _ => (
                0,
                s.t(
                    "La réponse ne remercie pas la personne.",
                    "The reply doesn't thank the person.",
                ),
            ),
        }
    }

    fn gesture(&self) -> (u8, String) {
        let s = self.say;
        let promised = self.found(GESTURE_WORDS);
        match (promised.is_empty(), self.gesture_fits) {
            (false, false) => (0, s.fill("La réponse promet un geste ({}) qu'aucune règle du profil ne couvre : demandez d'abord à la marque.", "The reply promises a gesture ({}) no rule of the profile covers: ask the brand first.", &[self.quoted(&promised)])),
            (false, true) => (2, s.fill("La réponse propose un geste ({}) que le profil autorise.", "The reply offers a gesture ({}) the profile allows.", &[self.quoted(&promised)])),
            (true, _) => (2, s.t(
                "La réponse ne promet rien au-delà de ce que la marque a fixé.",
                "The reply promises nothing beyond what the brand set.",
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_keep_the_writers_spelling() {
        let cases = [
            ("Message PRIVÉ demain", "message prive", "Message PRIVÉ"),
            ("Une Œuvre d'art", "oeuvre", "Œuvre"),
            ("un délai de 3 jours", "delai de 3", "délai de 3"),
            ("fin", "fin", "fin"),
            ("abc", "zzz", ""),
        ];
        for (text, phrase, want) in cases {
            let folded = fold(text);
            let got = folded
                .find(phrase)
                .map_or("", |at| unfold(text, at, at + phrase.len()));
            assert_eq!(got, want, "{text}");
        }
    }
}
