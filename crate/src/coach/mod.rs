//! The reply coach: checks of a draft reply while it is typed.
//!
//! Owns: [`check`] — a draft and its [`DraftContext`] in, [`Warning`]s out — and the checks, each a
//! small unit in its own file with its practice rule id (PRACTICE.md) and its French and English
//! wording. A warning points at the words that caused it (character offsets of the draft, end
//! exclusive) or at the whole draft when it is about what is missing.
//!
//! | check | rule | file |
//! |---|---|---|
//! | `stock_phrase`, `repeated_reply` | P10 | [`stock_phrase`], [`repeated`] |
//! | `off_channel` | P3 | [`off_channel`] |
//! | `no_acknowledgment` | P4 | [`acknowledgment`] |
//! | `personal_data` | P7 | [`personal_data`] |
//! | `feeding_troll` | P8 | [`troll`] |
//! | `defensive` | P9 | [`defensive`] |
//! | `address_mismatch`, `address_mixed` | P11 | [`address`] |
//! | `avoided_word`, `missing_signature`, `emoji` | P11 | [`voice`] |
//! | `shouting` | P11 | [`shouting`] |
//! | `too_long` | P11 | [`length`] |
//! | `off_topic_opinion` | P12 | [`opinion`] |
//! | `promotion` | P13 | [`promotion`] |
//!
//! Offsets count Unicode scalar values (Rust `char`s), not UTF-16 units.

mod acknowledgment;
mod address;
pub(crate) mod analysis;
mod defensive;
mod length;
pub(crate) mod lexicon;
mod off_channel;
mod opinion;
mod personal_data;
mod promotion;
mod repeated;
mod shouting;
mod stock_phrase;
mod troll;
mod voice;

use std::ops::Range;

use serde::{Deserialize, Serialize};

use crate::classify::{Category, Verdict};
use crate::text::{detect_lang, Lang};
use crate::thread::Platform;

use analysis::Analysis;

/// How the brand addresses people in French.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Address {
    Tu,
    Vous,
}

/// How freely the brand uses emoji.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum EmojiUse {
    Never,
    Sparingly,
    #[default]
    Freely,
}

/// The part of the brand's voice the coach checks (bridged from the brand profile).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Voice {
    /// Tu or vous in French; `None` when the profile does not say.
    pub address: Option<Address>,
    /// Words and phrases the brand never uses.
    pub avoid: Vec<String>,
    /// The signature the brand puts under its replies.
    pub signature: Option<String>,
    /// Whether every reply must carry the signature.
    pub signature_required: bool,
    pub emoji: EmojiUse,
}

/// Everything the coach knows about the reply being written.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DraftContext {
    /// The comment being answered.
    pub comment: String,
    /// The classifier's verdict on that comment.
    pub verdict: Verdict,
    pub platform: Option<Platform>,
    /// The comment author's handle (X prepends "@handle " to a reply), with or without the "@".
    #[serde(default)]
    pub author_handle: Option<String>,
    /// The brand's replies already posted in this thread.
    #[serde(default)]
    pub brand_replies: Vec<String>,
    #[serde(default)]
    pub voice: Voice,
    /// The specifics a reply should acknowledge (order numbers, product, issue nouns).
    #[serde(default)]
    pub key_terms: Vec<String>,
}

impl DraftContext {
    /// A context with only the comment and its verdict; the other fields empty.
    pub fn new(comment: impl Into<String>, verdict: Verdict) -> Self {
        DraftContext {
            comment: comment.into(),
            verdict,
            platform: None,
            author_handle: None,
            brand_replies: Vec::new(),
            voice: Voice::default(),
            key_terms: Vec::new(),
        }
    }

    pub fn category(&self) -> Category {
        self.verdict.category
    }
}

/// What a warning is about; each kind applies one practice rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Check {
    StockPhrase,
    RepeatedReply,
    OffChannel,
    NoAcknowledgment,
    PersonalData,
    FeedingTroll,
    Defensive,
    AddressMismatch,
    AddressMixed,
    AvoidedWord,
    MissingSignature,
    Emoji,
    Shouting,
    TooLong,
    OffTopicOpinion,
    Promotion,
}

impl Check {
    /// The practice rule (PRACTICE.md) this check applies.
    pub fn rule(self) -> &'static str {
        match self {
            Check::StockPhrase | Check::RepeatedReply => "P10",
            Check::OffChannel => "P3",
            Check::NoAcknowledgment => "P4",
            Check::PersonalData => "P7",
            Check::FeedingTroll => "P8",
            Check::Defensive => "P9",
            Check::AddressMismatch
            | Check::AddressMixed
            | Check::AvoidedWord
            | Check::MissingSignature
            | Check::Emoji
            | Check::Shouting
            | Check::TooLong => "P11",
            Check::OffTopicOpinion => "P12",
            Check::Promotion => "P13",
        }
    }
}

/// One thing to reconsider in the draft.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Warning {
    pub rule: &'static str,
    pub check: Check,
    /// Character offsets in the draft, end exclusive.
    pub start: usize,
    pub end: usize,
    /// One line, in the draft's language.
    pub message: String,
}

impl Warning {
    pub(crate) fn new(check: Check, (start, end): (usize, usize), message: String) -> Self {
        Warning {
            rule: check.rule(),
            check,
            start,
            end,
            message,
        }
    }
}

/// The UTF-16 offsets of a character span of `draft`: what JavaScript strings index by, for the
/// extension to underline the words of a [`Warning`] (an emoji is one character, two UTF-16 units).
pub fn utf16_span(draft: &str, start: usize, end: usize) -> (usize, usize) {
    let mut units = 0;
    let (mut from, mut to) = (None, None);
    for (index, c) in draft.chars().enumerate() {
        if index == start {
            from = Some(units);
        }
        if index == end {
            to = Some(units);
            break;
        }
        units += c.len_utf16();
    }
    let from = from.unwrap_or(units);
    (from, to.unwrap_or(units).max(from))
}

/// What each check reads: the draft prepared once, the context, and the language to speak.
pub(crate) struct Input<'a> {
    pub draft: Analysis<'a>,
    pub comment: Analysis<'a>,
    pub ctx: &'a DraftContext,
    /// French or English: the language of the messages.
    pub lang: Lang,
    pub sentences: Vec<Range<usize>>,
}

impl<'a> Input<'a> {
    pub fn new(draft: &'a str, ctx: &'a DraftContext) -> Self {
        let draft = Analysis::new(draft);
        let comment = Analysis::new(&ctx.comment);
        let lang = message_lang(&draft, ctx);
        let sentences = draft.sentences();
        Input {
            draft,
            comment,
            ctx,
            lang,
            sentences,
        }
    }

    /// The span of the whole draft.
    pub fn whole(&self) -> (usize, usize) {
        (0, self.draft.char_count())
    }

    /// The message in the language of the draft.
    pub fn say(&self, fr: String, en: String) -> String {
        match self.lang {
            Lang::Fr => fr,
            _ => en,
        }
    }
}

/// A regex for folded text (lowercase, no accents, plain apostrophes), compiled once by the
/// caller's `OnceLock`. Word boundaries are ASCII ones: the folded text is ASCII where the
/// patterns look, a Unicode `\b` would keep the native regex engine off its fast path, and the wasm
/// build's `regex-lite` knows only ASCII ones.
pub(crate) fn pattern(source: &str) -> crate::re::Regex {
    crate::re::Regex::new(&source.replace(r"\b", r"(?-u:\b)"))
        .expect("the coach's patterns are valid")
}

/// One regex for a list of alternatives (see [`pattern`]).
pub(crate) fn alternatives(patterns: &[&str]) -> crate::re::Regex {
    let joined: Vec<String> = patterns.iter().map(|p| format!("(?:{p})")).collect();
    pattern(&joined.join("|"))
}

/// The most warnings of one kind a draft gets (the first ones in the draft).
pub const MAX_PER_CHECK: usize = 20;

/// Checks a draft reply. An empty or blank draft gets no warning (nothing is written yet).
pub fn check(draft: &str, ctx: &DraftContext) -> Vec<Warning> {
    if draft.trim().is_empty() {
        return Vec::new();
    }
    let input = Input::new(draft, ctx);
    let checks: [fn(&Input) -> Vec<Warning>; 16] = [
        stock_phrase::check,
        repeated::check,
        off_channel::check,
        acknowledgment::check,
        personal_data::check,
        troll::check,
        defensive::check,
        address::check,
        voice::avoided_words,
        voice::signature,
        voice::emoji,
        shouting::check,
        length::check,
        opinion::check,
        promotion::check,
        promotion::links,
    ];
    let mut warnings: Vec<Warning> = checks.iter().flat_map(|c| c(&input)).collect();
    warnings.sort_by_key(|w| (w.start, w.end, w.check));
    warnings.dedup_by(|a, b| a.check == b.check && a.start == b.start && a.end == b.end);
    // A pasted page can hold thousands of the same fault: the first ones say enough.
    let mut counts = std::collections::HashMap::new();
    warnings.retain(|w| {
        let seen = counts.entry(w.check).or_insert(0usize);
        *seen += 1;
        *seen <= MAX_PER_CHECK
    });
    warnings
}

/// French when the draft reads French, English when it reads English; when the draft does not
/// tell (too short), the comment's language; English otherwise.
fn message_lang(draft: &Analysis, ctx: &DraftContext) -> Lang {
    let (mut fr, mut en) = (0usize, 0usize);
    for w in &draft.words {
        // A `match` on the words compiles to a length switch: cheaper than scanning two lists.
        match w.text.as_str() {
            // Words only one of the two languages uses ("ton", "a", "on" are in both).
            "le" | "la" | "les" | "des" | "est" | "pas" | "vous" | "nous" | "je" | "tu"
            | "votre" | "notre" | "merci" | "bonjour" | "et" | "pour" | "avec" | "une" | "du"
            | "que" | "qui" | "desole" | "desolee" | "dans" | "sur" | "ce" | "cette" | "bonne"
            | "journee" | "nos" | "vos" | "ai" | "mais" | "il" | "elle" | "mon" | "ma" | "mes"
            | "au" | "aux" | "ou" | "tres" | "sont" | "c" | "j" | "l" | "qu" => fr += 1,
            "the" | "is" | "are" | "not" | "you" | "we" | "i" | "your" | "our" | "thank"
            | "thanks" | "hi" | "hello" | "sorry" | "and" | "for" | "with" | "to" | "of"
            | "this" | "that" | "it" | "have" | "in" | "please" | "will" | "be" | "day" | "my"
            | "was" | "can" | "at" | "so" | "just" | "what" | "if" | "they" | "from" | "all"
            | "about" | "use" | "get" => en += 1,
            _ => {}
        }
    }
    match fr.cmp(&en) {
        std::cmp::Ordering::Greater => Lang::Fr,
        std::cmp::Ordering::Less => Lang::En,
        std::cmp::Ordering::Equal => match ctx.verdict.lang {
            Lang::Fr | Lang::En => ctx.verdict.lang,
            Lang::Other => match detect_lang(&ctx.comment) {
                Lang::Fr => Lang::Fr,
                _ => Lang::En,
            },
        },
    }
}

/// Helpers for the checks' table-driven tests.
#[cfg(test)]
pub(crate) mod testing {
    use super::*;

    pub fn verdict(category: Category, lang: Lang) -> Verdict {
        Verdict {
            category,
            flags: Vec::new(),
            confidence: 0.9,
            lang,
            cues: Vec::new(),
        }
    }

    /// A context for `comment` with a hand-built verdict (the classifier is written elsewhere).
    pub fn ctx(comment: &str, category: Category) -> DraftContext {
        let lang =
            if Analysis::new(comment).words.iter().any(|w| {
                ["je", "mon", "ma", "est", "pas", "vous", "les"].contains(&w.text.as_str())
            }) {
                Lang::Fr
            } else {
                Lang::En
            };
        DraftContext::new(comment, verdict(category, lang))
    }

    /// Runs one check and returns the text of each warning's span; checks what every warning
    /// must be on the way (rule of its check, span inside the draft, one-line message).
    pub fn spans(
        check: fn(&Input) -> Vec<Warning>,
        draft: &str,
        ctx: &DraftContext,
    ) -> Vec<String> {
        let input = Input::new(draft, ctx);
        let warnings = check(&input);
        warnings
            .iter()
            .map(|w| {
                assert_eq!(w.rule, w.check.rule());
                assert!(
                    w.start <= w.end && w.end <= input.draft.char_count(),
                    "{w:?}"
                );
                assert!(!w.message.is_empty() && !w.message.contains('\n'), "{w:?}");
                input.draft.slice(w.start, w.end).to_string()
            })
            .collect()
    }

    /// Runs one check and returns its messages.
    pub fn messages(
        check: fn(&Input) -> Vec<Warning>,
        draft: &str,
        ctx: &DraftContext,
    ) -> Vec<String> {
        check(&Input::new(draft, ctx))
            .into_iter()
            .map(|w| w.message)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::testing::ctx;
    use super::*;

    /// Good replies, as a careful community manager would write them: no warning at all.
    #[test]
    fn good_replies_get_no_warning() {
        let cases: &[(&str, Category, &[&str], &str)] = &[
            (
                "Mon colis devait arriver lundi et toujours rien, c'est la troisième fois !",
                Category::Complaint,
                &["colis", "lundi"],
                "Bonjour Julie, trois retards de suite, je comprends que vous soyez à bout. Je regarde où en est votre colis : pouvez-vous m'envoyer votre numéro de commande en message privé ? — Léa",
            ),
            (
                "My order arrived with a cracked screen. Great job.",
                Category::Complaint,
                &["order", "cracked screen"],
                "Hi Sam, a cracked screen out of the box is not what you paid for. Could you DM us your order number? We'll send a replacement today. — Léa",
            ),
            (
                "Vous livrez en Belgique ?",
                Category::Question,
                &["Belgique"],
                "Bonjour ! Oui, nous livrons en Belgique en 3 à 5 jours ouvrés. — Léa",
            ),
            (
                "Love the new jacket, best purchase this year!",
                Category::Praise,
                &["jacket"],
                "That's lovely to hear, thank you! Enjoy the jacket. — Léa",
            ),
            (
                "Your brand is a joke and so are you lol",
                Category::Troll,
                &[],
                "Sorry you feel that way. — Léa",
            ),
        ];
        for (comment, category, terms, draft) in cases {
            let mut context = ctx(comment, *category);
            context.key_terms = terms.iter().map(|t| t.to_string()).collect();
            context.voice = Voice {
                address: Some(Address::Vous),
                avoid: vec!["problème".into(), "cheap".into()],
                signature: Some("Léa".into()),
                signature_required: true,
                emoji: EmojiUse::Sparingly,
            };
            context.platform = Some(Platform::Facebook);
            context.brand_replies = vec![
                "Merci Paul, bonne nouvelle pour votre vélo ! — Léa".into(),
                "Thanks Ana, glad the refund came through. — Léa".into(),
            ];
            let warnings = check(draft, &context);
            assert!(warnings.is_empty(), "{draft}\n{warnings:#?}");
        }
    }

    /// More good replies, with no brand profile, on each platform.
    #[test]
    fn good_replies_without_a_profile() {
        let cases: &[(&str, Category, &[&str], Platform, &str)] = &[
            (
                "Ma box internet ne marche plus depuis 3 jours, personne ne répond",
                Category::Complaint,
                &["box", "internet", "marche"],
                Platform::Facebook,
                "Bonjour Marc, une panne de trois jours n'est pas normale. Un technicien peut passer demain matin, je vous écris en privé pour caler l'heure.",
            ),
            (
                "Le vol AF123 a 4h de retard et aucune info à bord !!!",
                Category::Complaint,
                &["vol", "retard"],
                Platform::X,
                "Sophie, 4 h de retard sans information, je comprends votre colère. Je vous écris en privé pour le dédommagement prévu.",
            ),
            (
                "where's my refund? It's been 3 weeks",
                Category::Complaint,
                &["refund"],
                Platform::X,
                "Three weeks is too long for a refund. Can you DM us the order email so we can trace it today?",
            ),
            (
                "Vos vendeurs sont désagréables, on m'a ignorée 20 minutes en caisse",
                Category::Complaint,
                &["vendeurs", "caisse"],
                Platform::Facebook,
                "Bonjour Léa, être ignorée 20 minutes en caisse n'est pas l'accueil que nous voulons. Dans quel magasin était-ce ? Dites-le-nous en message privé.",
            ),
            (
                "Ce produit est une arnaque, vous êtes des voleurs",
                Category::Troll,
                &[],
                Platform::Facebook,
                "Nous sommes à votre écoute si quelque chose s'est mal passé avec votre commande.",
            ),
            (
                "What time do you open on Sunday?",
                Category::Question,
                &["Sunday"],
                Platform::Linkedin,
                "Hi! We open 10am to 6pm on Sundays. See you there!",
            ),
            (
                "Trop bien la nouvelle collection !!",
                Category::Praise,
                &["collection"],
                Platform::Facebook,
                "Merci Inès !! Ravie qu'elle te plaise 😍",
            ),
            (
                "Vos prix ont augmenté de 30% c'est honteux",
                Category::Complaint,
                &["prix"],
                Platform::Facebook,
                "Bonjour Paul, une hausse de 30 % se remarque, vous avez raison de le dire. Elle vient du coût du cacao, qui a doublé ; nous gardons les formats à prix fixe.",
            ),
            (
                "I was charged twice for my subscription this month",
                Category::Complaint,
                &["charged twice", "subscription"],
                Platform::Facebook,
                "Hi Priya, a double charge is stressful; the refund is on its way (3 to 5 days to show on your card). I'll DM you the reference.",
            ),
        ];
        for (comment, category, terms, platform, draft) in cases {
            let mut context = ctx(comment, *category);
            context.key_terms = terms.iter().map(|t| t.to_string()).collect();
            context.platform = Some(*platform);
            context.author_handle = Some("someone".into());
            let warnings = check(draft, &context);
            assert!(warnings.is_empty(), "{draft}\n{warnings:#?}");
        }
    }

    /// Each check is reached through [`check`]: one bad draft per check, every kind seen.
    #[test]
    fn every_check_is_wired() {
        let cases: &[(Category, &str)] = &[
            (Category::Complaint, "We apologize for any inconvenience."),
            (
                Category::Complaint,
                "Merci Paul, votre vélo part demain matin, bonne route à vous.",
            ),
            (Category::Complaint, "Please email us."),
            (Category::Complaint, "Thanks for your message."),
            (Category::Complaint, "Order 48213377 is on its way."),
            (
                Category::Troll,
                "No. Our prices are fair. We pay well. Read our report.",
            ),
            (Category::Complaint, "As we already said, the parcel left."),
            (
                Category::Complaint,
                "Julie, ton colis part demain, je vous tiens au courant.",
            ),
            (
                Category::Complaint,
                "Votre colis part demain, je te tiens au courant.",
            ),
            (Category::Complaint, "Désolée pour ce problème de colis."),
            (Category::Complaint, "Your parcel ships tomorrow. 😊"),
            (Category::Complaint, "Your parcel ships TOMORROW."),
            (
                Category::Complaint,
                "Personally, I think the government is a disgrace; your parcel ships.",
            ),
            (
                Category::Complaint,
                "Your parcel ships; check out our new range.",
            ),
        ];
        let mut seen = std::collections::BTreeSet::new();
        for (category, draft) in cases {
            let mut context = ctx("My parcel 48213377 is late", *category);
            context.key_terms = vec!["parcel".into()];
            context.brand_replies =
                vec!["Merci Julie, votre vélo part demain matin, bonne route à vous.".into()];
            context.voice = Voice {
                address: Some(Address::Vous),
                avoid: vec!["problème".into()],
                signature: Some("— Léa".into()),
                signature_required: true,
                emoji: EmojiUse::Never,
            };
            context.platform = Some(Platform::X);
            context.author_handle = Some("sam".into());
            seen.extend(check(draft, &context).into_iter().map(|w| w.check));
        }
        let long = format!("Your parcel ships tomorrow. {}", "a".repeat(300));
        let mut context = ctx("My parcel is late", Category::Complaint);
        context.platform = Some(Platform::X);
        seen.extend(check(&long, &context).into_iter().map(|w| w.check));
        // Mixed tu/vous needs a profile that does not say.
        seen.extend(
            check(
                "Votre colis part demain, je te tiens au courant.",
                &ctx("Mon colis", Category::Complaint),
            )
            .into_iter()
            .map(|w| w.check),
        );
        let all = [
            Check::StockPhrase,
            Check::RepeatedReply,
            Check::OffChannel,
            Check::NoAcknowledgment,
            Check::PersonalData,
            Check::FeedingTroll,
            Check::Defensive,
            Check::AddressMismatch,
            Check::AddressMixed,
            Check::AvoidedWord,
            Check::MissingSignature,
            Check::Emoji,
            Check::Shouting,
            Check::TooLong,
            Check::OffTopicOpinion,
            Check::Promotion,
        ];
        let missing: Vec<&Check> = all.iter().filter(|c| !seen.contains(c)).collect();
        assert!(missing.is_empty(), "never fired: {missing:?}");
    }

    /// Bad input: a verdict or nothing, never a panic, offsets inside the draft.
    #[test]
    fn odd_input_never_panics() {
        let big = "Nous sommes désolés pour la gêne occasionnée. ".repeat(25_000);
        let zalgo = "V\u{0336}\u{0335}o\u{0334}u\u{0338}s\u{0337} avez TORT !!!";
        let cases: Vec<&str> = vec![
            "",
            "   \n\t",
            &big,
            "<b>Merci</b> <script>alert(1)</script>",
            "شكرا لك على رسالتك، سنعود إليك قريبا",
            zalgo,
            "{\"not\": json",
            "\u{0000}\u{FFFF}\u{10FFFF}",
            "👍👍👍👍👍👍👍👍👍👍",
            "!!!!!!!!!!!!!!!!!!!!!!!",
            "@",
            "#",
            "http://",
        ];
        let mut context = ctx(
            "Where is my parcel 123456789? Call me on 06 12 34 56 78",
            Category::Complaint,
        );
        context.platform = Some(Platform::X);
        context.author_handle = Some("@someone".into());
        context.key_terms = vec!["parcel".into()];
        context.voice.address = Some(Address::Tu);
        context.voice.signature = Some("^L".into());
        context.voice.signature_required = true;
        context.voice.emoji = EmojiUse::Never;
        context.brand_replies = vec![big.chars().take(20_000).collect(), String::new()];
        for draft in cases {
            let count = draft.chars().count();
            for w in check(draft, &context) {
                assert!(w.start <= w.end && w.end <= count, "{w:?}");
            }
        }
        assert!(check("", &context).is_empty());
        let per_check = check(&big, &context);
        for kind in per_check.iter().map(|w| w.check) {
            let count = per_check.iter().filter(|w| w.check == kind).count();
            assert!(count <= MAX_PER_CHECK, "{kind:?}: {count}");
        }
        assert!(
            per_check
                .iter()
                .filter(|w| w.check == Check::StockPhrase)
                .count()
                == MAX_PER_CHECK
        );
        assert!(!check(zalgo, &context).is_empty());
    }

    #[test]
    fn character_spans_to_javascript_offsets() {
        type Span = (usize, usize);
        // (draft, span in characters, span in UTF-16 units)
        let cases: &[(&str, Span, Span)] = &[
            ("merci", (0, 5), (0, 5)),
            ("😊 merci", (2, 7), (3, 8)),
            ("😊😊 !!!", (3, 6), (5, 8)),
            ("é", (0, 1), (0, 1)),
            ("abc", (1, 99), (1, 3)),
            ("", (0, 0), (0, 0)),
        ];
        for (draft, (start, end), expected) in cases {
            assert_eq!(utf16_span(draft, *start, *end), *expected, "{draft}");
        }
    }

    #[test]
    fn warnings_serialise_as_the_extension_reads_them() {
        let w = Warning::new(Check::StockPhrase, (3, 9), "m".into());
        assert_eq!(
            serde_json::to_value(&w).unwrap(),
            serde_json::json!({"rule": "P10", "check": "stock_phrase", "start": 3, "end": 9, "message": "m"})
        );
    }

    #[test]
    fn messages_follow_the_draft_language() {
        let cases: &[(&str, &str, Lang)] = &[
            (
                "Where is my parcel?",
                "Bonjour, nous sommes désolés pour la gêne occasionnée.",
                Lang::Fr,
            ),
            (
                "Où est mon colis ?",
                "Hi, we apologize for any inconvenience.",
                Lang::En,
            ),
            ("Où est mon colis ?", "OK.", Lang::Fr),
            ("Where is my parcel?", "OK.", Lang::En),
        ];
        for (comment, draft, lang) in cases {
            let context = ctx(comment, Category::Complaint);
            assert_eq!(Input::new(draft, &context).lang, *lang, "{draft}");
        }
    }
}
