//! The specifics of one comment: what a reply must acknowledge (P4).
//!
//! Owns: finding, in French and English text, the problem named (late delivery, broken product,
//! billing, no answer, outage, rude staff…), the products and objects concerned, order / ticket /
//! customer numbers, dates and durations, amounts, people named, and how heated the comment is.
//! Everything found is kept as the comment wrote it, so guidance can quote it back.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::re::Regex;
use serde::Serialize;

use crate::profile::Profile;

/// Only the start of a very long comment is read: no real comment is longer, and it keeps a 1 MB
/// paste from costing more than a normal comment.
pub const ANALYSED_BYTES: usize = 8 * 1024;

/// A kind of problem a complaint names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum IssueKind {
    LateDelivery,
    Delay,
    Cancellation,
    BrokenProduct,
    WrongItem,
    LostItem,
    Billing,
    NoAnswer,
    Outage,
    RudeStaff,
    PoorQuality,
}

impl IssueKind {
    pub const ALL: [IssueKind; 11] = [
        IssueKind::LateDelivery,
        IssueKind::Delay,
        IssueKind::Cancellation,
        IssueKind::BrokenProduct,
        IssueKind::WrongItem,
        IssueKind::LostItem,
        IssueKind::Billing,
        IssueKind::NoAnswer,
        IssueKind::Outage,
        IssueKind::RudeStaff,
        IssueKind::PoorQuality,
    ];
    /// The names used in profiles (`gestures[].issues`), in the order of [`IssueKind::ALL`].
    pub const NAMES: &'static [&'static str] = &[
        "late_delivery",
        "delay",
        "cancellation",
        "broken_product",
        "wrong_item",
        "lost_item",
        "billing",
        "no_answer",
        "outage",
        "rude_staff",
        "poor_quality",
    ];

    pub fn name(self) -> &'static str {
        Self::NAMES[Self::ALL.iter().position(|k| *k == self).unwrap_or(0)]
    }

    pub fn from_name(name: &str) -> Option<IssueKind> {
        Self::NAMES
            .iter()
            .position(|n| *n == name)
            .map(|i| Self::ALL[i])
    }

    /// Phrases (lowercase, accents removed) that name this problem, French and English together.
    pub(crate) fn phrases(self) -> &'static [&'static str] {
        match self {
            IssueKind::LateDelivery => &[
                "not arrived",
                "hasn't arrived",
                "has not arrived",
                "haven't received",
                "have not received",
                "never received",
                "never arrived",
                "never got my order",
                "still waiting for my order",
                "still waiting for my parcel",
                "still waiting for my package",
                "where is my order",
                "where is my parcel",
                "where is my package",
                "where's my order",
                "where's my package",
                "where's my parcel",
                "late delivery",
                "delivery is late",
                "not delivered",
                "still not delivered",
                "pas recu",
                "jamais recu",
                "toujours pas recu",
                "pas arrive",
                "toujours pas arrive",
                "pas ete livre",
                "pas ete livree",
                "pas livre",
                "pas livree",
                "retard de livraison",
                "livraison en retard",
                "colis en retard",
                "commande en retard",
                "ou est ma commande",
                "ou est mon colis",
                "j'attends ma commande",
                "j'attends mon colis",
                "attends toujours ma commande",
                "attends toujours mon colis",
            ],
            IssueKind::Delay => &[
                "delayed",
                "delay",
                "delays",
                "late again",
                "hours late",
                "running late",
                "still waiting",
                "retard",
                "en retard",
                "retarde",
                "retardee",
                "toujours en attente",
            ],
            IssueKind::Cancellation => &[
                "cancelled",
                "canceled",
                "cancellation",
                "annule",
                "annulee",
                "annulation",
                "annules",
            ],
            IssueKind::BrokenProduct => &[
                "broken",
                "broke",
                "doesn't work",
                "does not work",
                "don't work",
                "stopped working",
                "not working",
                "defective",
                "faulty",
                "cracked",
                "fissure",
                "raye",
                "brise",
                "damaged",
                "won't turn on",
                "won't charge",
                "dead on arrival",
                "casse",
                "cassee",
                "ne marche pas",
                "ne marche plus",
                "marche pas",
                "marche plus",
                "ne fonctionne pas",
                "ne fonctionne plus",
                "fonctionne pas",
                "fonctionne plus",
                "defectueux",
                "defectueuse",
                "abime",
                "abimee",
                "hs",
                "ne s'allume plus",
                "ne charge plus",
            ],
            IssueKind::WrongItem => &[
                "wrong item",
                "wrong size",
                "wrong product",
                "wrong colour",
                "wrong color",
                "not what i ordered",
                "missing item",
                "item missing",
                "mauvais article",
                "mauvaise taille",
                "mauvais produit",
                "pas le bon article",
                "pas la bonne taille",
                "pas ce que j'ai commande",
                "article manquant",
                "il manque",
            ],
            IssueKind::LostItem => &[
                "lost my bag",
                "lost luggage",
                "lost bag",
                "lost my luggage",
                "lost baggage",
                "lost parcel",
                "lost package",
                "missing bag",
                "missing luggage",
                "bagage perdu",
                "bagages perdus",
                "valise perdue",
                "colis perdu",
                "perdu mon colis",
                "perdu ma valise",
                "perdu mes bagages",
                "perdu ma commande",
                "is lost",
                "was lost",
                "got lost",
                "went missing",
                "gone missing",
                "est perdu",
                "a ete perdu",
            ],
            IssueKind::Billing => &[
                "charged twice",
                "double charged",
                "overcharged",
                "charged me",
                "refund",
                "refunded",
                "invoice",
                "my bill",
                "billing",
                "payment",
                "fee",
                "fees",
                "money back",
                "preleve",
                "prelevee",
                "prelevement",
                "facture",
                "facturation",
                "facture deux fois",
                "rembourse",
                "remboursee",
                "remboursement",
                "debite",
                "debitee",
                "paiement",
                "frais",
            ],
            IssueKind::NoAnswer => &[
                "no answer",
                "no response",
                "no reply",
                "nobody answers",
                "no one answers",
                "nobody replies",
                "no one replied",
                "nobody replied",
                "ignored",
                "ignoring",
                "unanswered",
                "on hold",
                "never got back",
                "never heard back",
                "still no news",
                "sans reponse",
                "aucune reponse",
                "pas de reponse",
                "personne ne repond",
                "personne ne me repond",
                "jamais de reponse",
                "ne repondez pas",
                "ne repond pas",
                "toujours pas de nouvelles",
                "aucune nouvelle",
                "en attente depuis",
                "aucun retour",
                "pas de retour",
            ],
            IssueKind::Outage => &[
                "is down",
                "power cut",
                "power is out",
                "power outage",
                "been out",
                "no power",
                "says error",
                "coupure de courant",
                "plus de courant",
                "plus d'electricite",
                "pas d'electricite",
                "plus d'eau",
                "outage",
                "not loading",
                "won't load",
                "can't log in",
                "cannot log in",
                "can't connect",
                "no service",
                "no signal",
                "no internet",
                "website down",
                "site down",
                "app crashes",
                "keeps crashing",
                "crashed",
                "error message",
                "panne",
                "coupure",
                "plus de reseau",
                "pas de reseau",
                "plus d'internet",
                "pas d'internet",
                "site inaccessible",
                "impossible de me connecter",
                "impossible de se connecter",
                "plante",
                "bug",
                "beug",
                "bugue",
            ],
            IssueKind::RudeStaff => &[
                "rude",
                "unprofessional",
                "hung up on me",
                "yelled at",
                "disrespectful",
                "condescending",
                "impoli",
                "impolie",
                "desagreable",
                "mal parle",
                "raccroche au nez",
                "meprisant",
                "meprisante",
                "irrespectueux",
                "irrespectueuse",
            ],
            IssueKind::PoorQuality => &[
                "bad quality",
                "poor quality",
                "low quality",
                "cheap quality",
                "cheaply made",
                "waste of money",
                "not worth the money",
                "fell apart",
                "falling apart",
                "mauvaise qualite",
                "qualite mediocre",
                "qualite decevante",
                "de la camelote",
                "pas solide",
                "ne vaut pas son prix",
                "argent jete",
            ],
        }
    }
}

/// What a number in the comment refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ReferenceKind {
    Order,
    Ticket,
    Customer,
    Flight,
    /// A number given without saying what it is ("#48213").
    Unspecified,
}

/// An order, ticket, customer or flight number, as written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Reference {
    pub kind: ReferenceKind,
    pub value: String,
}

/// How heated the comment is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum EmotionLevel {
    #[default]
    Calm,
    Upset,
    Angry,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
pub struct Emotion {
    pub level: EmotionLevel,
    /// Several words written in capitals.
    pub shouting: bool,
    pub exclamations: usize,
    /// The intensity words used, as they appear (lowercase, accents removed).
    pub intensity: Vec<String>,
}

/// Everything specific a reply to this comment should acknowledge.
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
pub struct Specifics {
    /// The problems named, in the order the comment names them.
    pub issues: Vec<IssueKind>,
    /// The brand's products named (spelled as in the profile).
    pub products: Vec<String>,
    /// Common objects named ("charger", "colis"), as the comment writes them.
    pub objects: Vec<String>,
    pub references: Vec<Reference>,
    /// Dates and durations as written ("since Monday", "depuis 3 jours", "48h").
    pub durations: Vec<String>,
    /// Amounts as written ("€49", "49 euros").
    pub amounts: Vec<String>,
    /// People named (staff, other users), as written.
    pub people: Vec<String>,
    pub emotion: Emotion,
    /// The comment asks something.
    pub asks: bool,
}

impl Specifics {
    /// The words a reply should acknowledge: order / ticket numbers, product names, the objects the
    /// problem is about, amounts. Most specific first; no duplicates.
    pub fn key_terms(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        let candidates = self
            .references
            .iter()
            .map(|r| r.value.clone())
            .chain(self.products.iter().cloned())
            .chain(self.objects.iter().cloned())
            .chain(self.amounts.iter().cloned());
        for term in candidates {
            if !out.iter().any(|o| o.eq_ignore_ascii_case(&term)) {
                out.push(term);
            }
        }
        out
    }

    /// Nothing specific was found.
    pub fn is_generic(&self) -> bool {
        self.issues.is_empty()
            && self.products.is_empty()
            && self.objects.is_empty()
            && self.references.is_empty()
            && self.amounts.is_empty()
    }
}

/// The same as [`Specifics::key_terms`], as a free function for callers that prefer one.
pub fn key_terms(specifics: &Specifics) -> Vec<String> {
    specifics.key_terms()
}

/// Lowercase, accents removed, typographic apostrophes made straight: what the phrase lists use.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        let c = match c {
            'à' | 'â' | 'ä' | 'á' | 'À' | 'Â' | 'Ä' | 'Á' => 'a',
            'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' | 'Ê' | 'Ë' => 'e',
            'î' | 'ï' | 'í' | 'Î' | 'Ï' => 'i',
            'ô' | 'ö' | 'ó' | 'Ô' | 'Ö' => 'o',
            'ù' | 'û' | 'ü' | 'ú' | 'Ù' | 'Û' | 'Ü' => 'u',
            'ç' | 'Ç' => 'c',
            'ÿ' => 'y',
            '’' | '‘' | '`' => '\'',
            'œ' | 'Œ' => {
                out.push_str("oe");
                continue;
            }
            other => other,
        };
        out.extend(c.to_lowercase());
    }
    out
}

/// The first position of `phrase` in `haystack` as whole words. The last word may take an
/// ending of up to two `e`/`s` letters, so one entry covers French agreement (« arrivé »,
/// « arrivée », « arrivées ») and English plurals.
pub fn find_words(haystack: &str, phrase: &str) -> Option<usize> {
    haystack.match_indices(phrase).map(|(i, _)| i).find(|&i| {
        let before = haystack[..i].chars().next_back();
        let rest = &haystack[i + phrase.len()..];
        let ending = rest
            .bytes()
            .take(2)
            .take_while(|b| *b == b'e' || *b == b's')
            .count();
        let after = rest[ending..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// Common objects a complaint is about (folded, one word each); the comment's spelling is quoted.
const OBJECTS: &[&str] = &[
    "charger",
    "battery",
    "tablet",
    "product",
    "tablette",
    "produit",
    "screen",
    "phone",
    "laptop",
    "headphones",
    "parcel",
    "package",
    "order",
    "delivery",
    "app",
    "website",
    "account",
    "card",
    "bike",
    "flight",
    "bag",
    "luggage",
    "seat",
    "subscription",
    "contract",
    "router",
    "invoice",
    "refund",
    "chargeur",
    "batterie",
    "ecran",
    "telephone",
    "portable",
    "ordinateur",
    "casque",
    "colis",
    "commande",
    "livraison",
    "appli",
    "application",
    "site",
    "compte",
    "carte",
    "velo",
    "voiture",
    "vol",
    "bagage",
    "valise",
    "siege",
    "abonnement",
    "contrat",
    "box",
    "facture",
    "remboursement",
];

/// Words that say how strongly someone feels (folded).
const INTENSITY: &[&str] = &[
    "unacceptable",
    "disgusting",
    "outrageous",
    "ridiculous",
    "pathetic",
    "furious",
    "worst",
    "terrible",
    "horrible",
    "awful",
    "scandal",
    "shameful",
    "never again",
    "fed up",
    "sick of",
    "livid",
    "appalling",
    "disgrace",
    "inadmissible",
    "scandaleux",
    "scandaleuse",
    "honteux",
    "honteuse",
    "honte",
    "lamentable",
    "inacceptable",
    "ras le bol",
    "marre",
    "degoute",
    "degoutee",
    "pire",
    "plus jamais",
    "scandale",
    "foutage de gueule",
    "arnaque",
    "escroc",
    "escrocs",
    "escroquerie",
    "inadmissible",
];

/// A list of phrases searched in one pass: one alternation, longest first, so at any position the
/// longest phrase wins; each match is traced back to its tag. Searching phrase by phrase cost a
/// pass over the text per phrase (≈ 350 of them).
struct PhraseSet<T: Copy + 'static> {
    regex: Regex,
    tags: HashMap<&'static str, T>,
    /// Whether a phrase may take an `e`/`s` ending (see [`find_words`]).
    endings: bool,
}

impl<T: Copy + 'static> PhraseSet<T> {
    fn new(entries: impl IntoIterator<Item = (&'static str, T)>, endings: bool) -> Self {
        let mut tags = HashMap::new();
        for (phrase, tag) in entries {
            tags.entry(phrase).or_insert(tag);
        }
        let mut phrases: Vec<&str> = tags.keys().copied().collect();
        phrases.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
        let alternation = phrases
            .iter()
            .map(|p| crate::re::escape(p))
            .collect::<Vec<_>>()
            .join("|");
        let ending = if endings { "[es]{0,2}" } else { "" };
        let regex =
            Regex::new(&format!(r"(?-u:\b)(?:{alternation}){ending}(?-u:\b)")).expect("phrase set");
        PhraseSet {
            regex,
            tags,
            endings,
        }
    }

    /// Every match in `folded`, as (byte position, tag), in text order.
    fn find_all(&self, folded: &str) -> Vec<(usize, T)> {
        self.regex
            .find_iter(folded)
            .filter_map(|m| {
                let found = m.as_str();
                let cut = if self.endings { 2 } else { 0 };
                (0..=cut)
                    .filter_map(|n| found.get(..found.len().checked_sub(n)?))
                    .find_map(|p| self.tags.get(p))
                    .map(|tag| (m.start(), *tag))
            })
            .collect()
    }
}

fn issue_phrases() -> &'static PhraseSet<IssueKind> {
    static SET: OnceLock<PhraseSet<IssueKind>> = OnceLock::new();
    SET.get_or_init(|| {
        PhraseSet::new(
            IssueKind::ALL
                .iter()
                .flat_map(|k| k.phrases().iter().map(move |p| (*p, *k))),
            true,
        )
    })
}

fn object_words() -> &'static PhraseSet<&'static str> {
    static SET: OnceLock<PhraseSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| PhraseSet::new(OBJECTS.iter().map(|o| (*o, *o)), false))
}

fn intensity_words() -> &'static PhraseSet<&'static str> {
    static SET: OnceLock<PhraseSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| PhraseSet::new(INTENSITY.iter().map(|w| (*w, *w)), true))
}

struct Patterns {
    reference: Regex,
    hash_number: Regex,
    duration: Regex,
    /// « ça fait 3 semaines »: kept apart because « ç » is no ASCII word character, so the
    /// boundary the main pattern starts with cannot precede it.
    duration_ca_fait: Regex,
    amount: Regex,
    person: Regex,
    mention: Regex,
}

/// Word boundaries are ASCII (`(?-u:\b)`): a Unicode boundary makes the regex engine leave its
/// fast automaton on any non-ASCII text (measured over the shared data: p99 6.4 ms → 1.7 ms).
/// Accented letters then count as non-word characters, which none of the patterns relies on.
fn patterns() -> &'static Patterns {
    static PATTERNS: OnceLock<Patterns> = OnceLock::new();
    PATTERNS.get_or_init(|| Patterns {
        reference: Regex::new(
            r"(?i)(?-u:\b)(order|commande|cmd|booking|r[éÉe]servation|confirmation|suivi|tracking|ticket|case|dossier|r[éÉe]f[éÉe]rence|r[éÉe]f|client|customer|account|compte|contrat|contract|flight|vol)(?-u:\b)(?:\s+(?:n[°o]|num[éÉe]ro|number|no|nr|#)\.?)?\s*[:#°]?\s*([A-Za-z]{0,3}[0-9][A-Za-z0-9-]{2,24})(?-u:\b)",
        )
        .expect("reference pattern"),
        hash_number: Regex::new(r"(?:#|(?-u:\b)n°\s?)([0-9][0-9A-Za-z-]{3,24})(?-u:\b)").expect("hash pattern"),
        duration: Regex::new(concat!(
            r"(?i)(?-u:\b)(?:",
            r"since\s+(?:(?:last\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|week|month|night|year)|yesterday|this morning|\d{1,2}(?:st|nd|rd|th)?(?:\s+of)?\s+[A-Za-zÀ-ÖØ-öø-ÿ]+|\d{1,2}(?::\d{2})?\s?(?:am|pm)|\d{1,2}/\d{1,2}(?:/\d{2,4})?|(?:january|february|march|april|may|june|july|august|september|october|november|december))",
            r"|for\s+(?:over\s+|more than\s+|almost\s+|nearly\s+)?(?:\d+|a|an|one|two|three|four|five|six|seven|ten|several|many)\s+(?:minutes?|hours?|hrs?|days?|weeks?|months?|years?)",
            r"|(?:\d+|two|three|four|five|six|several)\s+(?:minutes?|hours?|days?|weeks?|months?)\s+(?:now|ago|late|later)",
            r"|yesterday|last\s+(?:week|month|night)",
            r"|depuis\s+(?:(?:plus d[e']\s*|presque\s+|bient[oôÔ]t\s+)?(?:\d+|un|une|deux|trois|quatre|cinq|six|dix|quinze|plusieurs)\s+(?:minutes?|heures?|h|jours?|semaines?|mois|ans?)|\d{1,2}h(?:\d{2})?|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|hier|ce matin|la semaine derni[eèÈ]re|le mois dernier|le\s+\d{1,2}(?:/\d{1,2})?(?:\s+(?:janvier|f[éÉe]vrier|mars|avril|mai|juin|juillet|ao[uû]t|septembre|octobre|novembre|d[éÉe]cembre))?|des\s+(?:heures|jours|semaines|mois)|\d{1,2}/\d{1,2})",
            r"|(?:it's|it has|it\s+has)\s+been\s+(?:over\s+|more than\s+|almost\s+)?(?:\d+|a|an|one|two|three|four|five|six|ten|several)\s+(?:minutes?|hours?|days?|weeks?|months?|years?)",
            r"|il y a\s+(?:\d+|un|une|deux|trois|quatre|plusieurs)\s+(?:minutes?|heures?|jours?|semaines?|mois)",
            r"|hier|(?:\d+|deux|trois|quatre)\s+(?:jours|semaines|heures|mois)\s+(?:de retard|d'attente|d’attente)",
            r"|\d+\s?(?:h|hrs?|jours|days)",
            r")(?-u:\b)"
        ))
        .expect("duration pattern"),
        duration_ca_fait: Regex::new(
            r"(?i)(?:[çÇ]a|ca|cela)\s+fait\s+(?:plus d[e']\s*|presque\s+)?(?:\d+|un|une|deux|trois|quatre|cinq|six|dix|quinze|plusieurs)\s+(?:minutes?|heures?|jours?|semaines?|mois|ans?)(?-u:\b)",
        )
        .expect("ça fait pattern"),
        // A number may group its thousands ("1 200 €", "1\u{a0}200 €", "£1,200.50", "1.200,50 €"):
        // without the groups, "1 200 €" read as "200 €".
        amount: Regex::new(&format!(
            r"(?i)(?:[€$£]\s?{NUMBER}|(?-u:\b){NUMBER}\s?(?:€|\$|£|euros?(?-u:\b)|eur(?-u:\b)|dollars?(?-u:\b)|usd(?-u:\b)|pounds?(?-u:\b)|gbp(?-u:\b)))",
            NUMBER = "(?:\\d{1,3}(?:[ \u{a0}\u{202f}.,]\\d{3})+|\\d+)(?:[.,]\\d{1,2})?"
        ))
        .expect("amount pattern"),
        person: Regex::new(
            r"(?i:(?-u:\b)(?:agent|advisor|adviser|rep|representative|employee|manager|driver|courier|technician|conseill[eèÈ]re?|vendeur|vendeuse|livreur|livreuse|technicien(?:ne)?|employ[éÉe]e?|h[oôÔ]tesse|steward|pilote?|nomm[éÉe]e?|appel[éÉe]e?|named|called)\s+)([A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ÿ]+)",
        )
        .expect("person pattern"),
        mention: Regex::new(r"@([A-Za-z0-9_]{2,30})").expect("mention pattern"),
    })
}

/// The start of `text`, at most [`ANALYSED_BYTES`], cut on a character boundary.
fn analysed(text: &str) -> &str {
    if text.len() <= ANALYSED_BYTES {
        return text;
    }
    let mut end = ANALYSED_BYTES;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

fn push_unique(list: &mut Vec<String>, item: &str) {
    let item = item.trim();
    if !item.is_empty() && !list.iter().any(|x| x.eq_ignore_ascii_case(item)) {
        list.push(item.to_string());
    }
}

/// Reads the specifics of `text`, recognising the products of `profile`.
pub fn extract(text: &str, profile: &Profile) -> Specifics {
    let text = analysed(text);
    let folded = fold(text);
    let p = patterns();
    let mut s = Specifics::default();

    let mut found: Vec<(usize, IssueKind)> = Vec::new();
    for (at, kind) in issue_phrases().find_all(&folded) {
        if !found.iter().any(|(_, k)| *k == kind) {
            found.push((at, kind));
        }
    }
    // A late delivery is also "a delay"; keep the more precise one.
    if found.iter().any(|(_, k)| *k == IssueKind::LateDelivery) {
        found.retain(|(_, k)| *k != IssueKind::Delay);
    }
    found.sort_by_key(|(at, _)| *at);
    s.issues = found.into_iter().map(|(_, k)| k).collect();

    for product in &profile.products {
        if find_words(&folded, &fold(product)).is_some() {
            push_unique(&mut s.products, product);
        }
    }
    let mut objects: Vec<&str> = Vec::new();
    for (_, object) in object_words().find_all(&folded) {
        if !objects.contains(&object) {
            objects.push(object);
        }
    }
    for object in objects.into_iter().take(3) {
        // Quote the comment's own spelling ("écran", "Colis"), found word by word.
        let own = text
            .split(|c: char| !c.is_alphanumeric())
            .find(|w| fold(w) == object)
            .unwrap_or(object)
            .to_lowercase();
        let named_as_product = s.products.iter().any(|p| fold(p).contains(object));
        if !named_as_product {
            push_unique(&mut s.objects, &own);
        }
    }

    for c in p.reference.captures_iter(text) {
        let word = fold(&c[1]);
        let kind = match word.as_str() {
            "order" | "commande" | "cmd" | "booking" | "reservation" | "confirmation" | "suivi"
            | "tracking" => ReferenceKind::Order,
            "ticket" | "case" | "dossier" => ReferenceKind::Ticket,
            "client" | "customer" | "account" | "compte" | "contrat" | "contract" => {
                ReferenceKind::Customer
            }
            "flight" | "vol" => ReferenceKind::Flight,
            _ => ReferenceKind::Unspecified,
        };
        let value = c[2].to_string();
        if !s.references.iter().any(|r| r.value == value) {
            s.references.push(Reference { kind, value });
        }
    }
    for c in p.hash_number.captures_iter(text) {
        let value = c[1].to_string();
        if !s.references.iter().any(|r| r.value == value) {
            s.references.push(Reference {
                kind: ReferenceKind::Unspecified,
                value,
            });
        }
    }

    for m in p
        .duration
        .find_iter(text)
        .chain(p.duration_ca_fait.find_iter(text))
    {
        push_unique(&mut s.durations, m.as_str());
    }
    for m in p.amount.find_iter(text) {
        push_unique(&mut s.amounts, m.as_str());
    }
    for c in p.person.captures_iter(text) {
        push_unique(&mut s.people, &c[1]);
    }
    let leading = text.trim_start().starts_with('@');
    for (n, c) in p.mention.captures_iter(text).enumerate() {
        let handle = &c[1];
        let placeholder = matches!(handle.to_lowercase().as_str(), "user" | "url");
        let addressed = leading && n == 0;
        let brand = profile
            .handles
            .facebook
            .iter()
            .chain(&profile.handles.x)
            .chain(&profile.handles.linkedin)
            .any(|h| h.trim_start_matches('@').eq_ignore_ascii_case(handle));
        if !placeholder && !addressed && !brand {
            push_unique(&mut s.people, &format!("@{handle}"));
        }
    }

    s.emotion = emotion(text, &folded);
    s.asks = text.contains('?');
    s
}

fn emotion(text: &str, folded: &str) -> Emotion {
    let long_words: Vec<&str> = text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| w.chars().count() >= 3)
        .collect();
    let caps = long_words
        .iter()
        .filter(|w| w.chars().all(char::is_uppercase))
        .count();
    let shouting = caps >= 2 && caps * 3 >= long_words.len();
    let exclamations = text.chars().filter(|c| *c == '!').count();
    let intensity: Vec<String> = intensity_words()
        .find_all(folded)
        .into_iter()
        .map(|(_, w)| w.to_string())
        .fold(Vec::new(), |mut acc, w| {
            if !acc.contains(&w) {
                acc.push(w);
            }
            acc
        });
    let score = 3 * usize::from(shouting)
        + usize::from(text.contains("!!"))
        + usize::from(exclamations >= 3)
        + intensity.len().min(2);
    let level = match score {
        0 => EmotionLevel::Calm,
        1 | 2 => EmotionLevel::Upset,
        _ => EmotionLevel::Angry,
    };
    Emotion {
        level,
        shouting,
        exclamations,
        intensity,
    }
}

#[cfg(test)]
mod tests;
