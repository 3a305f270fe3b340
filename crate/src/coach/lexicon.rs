//! Word knowledge the checks share: French and English function words, a light stemmer, and
//! synonym classes (the same meaning in both languages maps to one class, so "parcel", "package"
//! and "colis" compare equal, and so do "sorry", "apologize" and "désolé").
//!
//! Every entry is a folded form (lowercase, no accents), as [`super::analysis`] produces.

use std::collections::HashMap;
use std::sync::OnceLock;

const STOPWORDS: &[&str] = &[
    // English
    "a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at", "for", "with", "by", "from",
    "about", "as", "is", "are", "was", "were", "be", "been", "being", "am", "it", "its", "this",
    "that", "these", "those", "we", "us", "our", "ours", "you", "your", "yours", "i", "me", "my",
    "he", "she", "they", "them", "their", "his", "her", "any", "all", "some", "very", "so", "too",
    "just", "do", "does", "did", "have", "has", "had", "will", "would", "can", "could", "may",
    "might", "shall", "should", "not", "no", "re", "ve", "ll", "s", "t", "d", "m", "if", "then",
    "there", "here", "what", "which", "who", "please", "hi", "hello", "hey", "really", "much",
    "more", "most", "also", "again", "still", "now", "get", "got", "let", "know",
    // French
    "le", "la", "les", "l", "un", "une", "des", "de", "du", "au", "aux", "et", "ou", "mais", "en",
    "dans", "sur", "pour", "par", "avec", "sans", "ce", "cet", "cette", "ces", "c", "ca", "se",
    "sa", "son", "ses", "nous", "notre", "nos", "vous", "votre", "vos", "je", "j", "tu", "te",
    "toi", "ton", "ta", "tes", "il", "elle", "ils", "elles", "on", "me", "mon", "ma", "mes", "lui",
    "leur", "leurs", "y", "qui", "que", "qu", "quoi", "est", "sont", "etait", "etre", "suis", "es",
    "sommes", "etes", "ai", "as", "avons", "avez", "ont", "avoir", "ne", "n", "pas", "plus",
    "tres", "bien", "tout", "toute", "tous", "toutes", "si", "bonjour", "bonsoir", "salut", "deja",
    "encore", "vraiment", "beaucoup", "fait", "faire", "va", "vais", "allons", "allez",
];

/// Synonym classes: the class name, then its folded members (FR and EN, inflections listed).
const CLASSES: &[(&str, &[&str])] = &[
    // Vocabulary of stock phrases.
    (
        "~sorry",
        &[
            "sorry",
            "apologize",
            "apologise",
            "apologizes",
            "apologises",
            "apologized",
            "apologised",
            "apologizing",
            "apologising",
            "apology",
            "apologies",
            "regret",
            "regrets",
            "regretting",
            "desole",
            "desolee",
            "desoles",
            "desolees",
            "navre",
            "navree",
            "navres",
            "navrees",
            "excuse",
            "excuses",
            "excusons",
            "excuser",
            "regrettons",
            "regrette",
        ],
    ),
    (
        "~inconvenience",
        &[
            "inconvenience",
            "inconveniences",
            "inconvenient",
            "gene",
            "genes",
            "desagrement",
            "desagrements",
            "derangement",
            "derangements",
            "disruption",
            "disruptions",
            "trouble",
            "hassle",
        ],
    ),
    (
        "~caused",
        &[
            "caused",
            "occasionne",
            "occasionnee",
            "occasionnes",
            "occasionnees",
            "cause",
            "causee",
            "causes",
            "causees",
            "engendre",
            "engendree",
            "entraine",
            "entrainee",
        ],
    ),
    (
        "~thank",
        &[
            "thank",
            "thanks",
            "thanking",
            "thanked",
            "thx",
            "merci",
            "remercie",
            "remercions",
            "remercier",
            "remercions",
            "grateful",
            "reconnaissant",
            "reconnaissants",
        ],
    ),
    ("~understanding", &["understanding", "comprehension"]),
    (
        "~satisfaction",
        &[
            "satisfaction",
            "satisfied",
            "satisfait",
            "satisfaite",
            "satisfaits",
            "satisfaites",
        ],
    ),
    (
        "~priority",
        &["priority", "priorities", "priorite", "priorites"],
    ),
    (
        "~feedback",
        &[
            "feedback",
            "avis",
            "retour",
            "retours",
            "remarque",
            "remarques",
            "commentaire",
            "commentaires",
            "concern",
            "concerns",
        ],
    ),
    (
        "~important",
        &[
            "important",
            "importante",
            "precieux",
            "precieuse",
            "valuable",
            "valued",
        ],
    ),
    ("~hesitate", &["hesitate", "hesiter", "hesitez", "hesite"]),
    (
        "~seriously",
        &["seriously", "serious", "serieux", "serieusement"],
    ),
    (
        "~frustration",
        &[
            "frustration",
            "frustrations",
            "frustrating",
            "frustrated",
            "mecontentement",
            "agacement",
            "deception",
            "disappointment",
            "annoyance",
        ],
    ),
    (
        "~understand",
        &[
            "understand",
            "understood",
            "comprenons",
            "comprends",
            "comprendre",
            "comprenez",
            "comprend",
        ],
    ),
    // "don't" splits into "don" + "t": every English negation compares equal to "not".
    (
        "~not",
        &[
            "not", "don", "doesn", "didn", "isn", "aren", "wasn", "weren", "won", "cannot",
            "haven", "hasn", "hadn", "shouldn", "wouldn", "couldn",
        ],
    ),
    // Vocabulary of complaints: what a reply should name back (P4).
    (
        "~parcel",
        &[
            "parcel",
            "parcels",
            "package",
            "packages",
            "colis",
            "paquet",
            "paquets",
            "shipment",
            "shipments",
            "envoi",
            "envois",
        ],
    ),
    (
        "~delivery",
        &[
            "delivery",
            "deliveries",
            "deliver",
            "delivered",
            "delivering",
            "livraison",
            "livraisons",
            "livrer",
            "livre",
            "livree",
            "livres",
            "livrees",
            "shipping",
            "shipped",
            "expedition",
            "expedie",
            "expediee",
            "courier",
            "livreur",
            "transporteur",
            "carrier",
            "tracking",
            "suivi",
        ],
    ),
    (
        "~late",
        &[
            "late", "lateness", "delay", "delayed", "delays", "retard", "retards", "retarde",
            "retardee", "slow", "lent", "lente", "lenteur",
        ],
    ),
    (
        "~order",
        &[
            "order",
            "orders",
            "ordered",
            "commande",
            "commandes",
            "commander",
            "commandee",
            "commandees",
            "commande",
            "purchase",
            "purchased",
            "achat",
            "achats",
        ],
    ),
    (
        "~broken",
        &[
            "broken",
            "damaged",
            "damage",
            "cracked",
            "defective",
            "faulty",
            "casse",
            "cassee",
            "casses",
            "cassees",
            "abime",
            "abimee",
            "abimes",
            "endommage",
            "endommagee",
            "defectueux",
            "defectueuse",
            "panne",
            "break",
            "breaks",
            "broke",
            "marche",
            "fonctionne",
            "fonctionnent",
        ],
    ),
    (
        "~refund",
        &[
            "refund",
            "refunds",
            "refunded",
            "reimburse",
            "reimbursed",
            "reimbursement",
            "rembourse",
            "remboursee",
            "remboursement",
            "remboursements",
            "rembourser",
            "remboursez",
        ],
    ),
    (
        "~invoice",
        &[
            "invoice",
            "invoices",
            "bill",
            "bills",
            "billing",
            "billed",
            "charge",
            "charged",
            "charges",
            "facture",
            "factures",
            "facturation",
            "facturee",
            "prelevement",
            "preleve",
            "debit",
            "debite",
        ],
    ),
    (
        "~wait",
        &[
            "wait", "waiting", "waited", "attente", "attendre", "attends", "attendu", "queue",
        ],
    ),
    (
        "~app",
        &[
            "app",
            "apps",
            "application",
            "appli",
            "website",
            "site",
            "bug",
            "bugs",
            "crash",
            "crashes",
            "plante",
            "beug",
        ],
    ),
    (
        "~network",
        &[
            "internet",
            "wifi",
            "connection",
            "connexion",
            "reseau",
            "network",
            "signal",
            "fibre",
            "box",
            "coverage",
            "couverture",
        ],
    ),
    (
        "~support",
        &[
            "support",
            "assistance",
            "ticket",
            "tickets",
            "agent",
            "conseiller",
            "conseillere",
            "hotline",
            "helpdesk",
        ],
    ),
    (
        "~flight",
        &["flight", "flights", "vol", "vols", "plane", "avion"],
    ),
    (
        "~luggage",
        &[
            "luggage", "baggage", "bag", "bags", "suitcase", "bagage", "bagages", "valise",
            "valises",
        ],
    ),
    (
        "~cancel",
        &[
            "cancel",
            "cancelled",
            "canceled",
            "cancellation",
            "annule",
            "annulee",
            "annulation",
            "annuler",
        ],
    ),
    (
        "~price",
        &[
            "price",
            "prices",
            "prix",
            "tarif",
            "tarifs",
            "cost",
            "costs",
            "expensive",
            "cher",
            "chere",
            "pricing",
        ],
    ),
    (
        "~staff",
        &[
            "staff",
            "employee",
            "employees",
            "employe",
            "employes",
            "personnel",
            "vendeur",
            "vendeuse",
            "cashier",
            "caissier",
            "caissiere",
            "driver",
            "chauffeur",
            "rude",
            "impoli",
            "impolie",
            "desagreable",
        ],
    ),
    (
        "~food",
        &[
            "meal",
            "food",
            "repas",
            "nourriture",
            "plat",
            "plats",
            "dish",
        ],
    ),
    (
        "~account",
        &[
            "account",
            "accounts",
            "compte",
            "comptes",
            "password",
            "login",
            "identifiant",
            "identifiants",
        ],
    ),
    (
        "~stock",
        &[
            "stock",
            "available",
            "unavailable",
            "disponible",
            "indisponible",
            "rupture",
        ],
    ),
    (
        "~wrong",
        &[
            "wrong",
            "mistake",
            "error",
            "erreur",
            "erreurs",
            "mauvais",
            "mauvaise",
            "incorrect",
            "incorrecte",
        ],
    ),
    ("~size", &["size", "sizes", "taille", "tailles", "pointure"]),
    (
        "~missing",
        &[
            "missing",
            "manquant",
            "manquante",
            "manquants",
            "manque",
            "lost",
            "perdu",
            "perdue",
            "perdus",
            "stolen",
            "theft",
            "volee",
        ],
    ),
];

/// Suffixes the stemmer removes (once, longest listed first), keeping at least three letters.
const SUFFIXES: &[&str] = &[
    "issements",
    "issement",
    "ations",
    "ation",
    "ements",
    "ement",
    "ments",
    "ment",
    "euses",
    "euse",
    "ances",
    "ance",
    "ences",
    "ence",
    "ingly",
    "ings",
    "ing",
    "ions",
    "ion",
    "ities",
    "ity",
    "ness",
    "ives",
    "ive",
    "ies",
    "ied",
    "ees",
    "ee",
    "es",
    "ed",
    "er",
    "ez",
    "ly",
    "s",
    "e",
    "x",
];

/// Suffixes that only inflect (tense, number, gender): a derivational ending may sit before them.
const INFLECTIONS: &[&str] = &[
    "ing", "ings", "ed", "es", "s", "ies", "ied", "ees", "ee", "x",
];

/// What the lexicon knows of a folded word: (function word, synonym class).
type Entry = (bool, Option<&'static str>);

/// FNV-1a: the lexicon's keys are short words, for which the standard SipHash is the slower part
/// of a lookup; no attacker chooses these keys (the tables are fixed, only lookups vary).
#[derive(Default)]
pub(crate) struct Fnv(u64);

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut hash = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            hash ^= u64::from(b);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = hash;
    }
}

/// A map with the [`Fnv`] hasher, for lookups of short words.
pub(crate) type FastMap<K, V> = HashMap<K, V, std::hash::BuildHasherDefault<Fnv>>;

fn table() -> &'static FastMap<&'static str, Entry> {
    static TABLE: OnceLock<FastMap<&'static str, Entry>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table: FastMap<&'static str, Entry> = FastMap::default();
        for word in STOPWORDS {
            table.entry(word).or_default().0 = true;
        }
        for (class, members) in CLASSES {
            for word in *members {
                table.entry(word).or_default().1 = Some(class);
            }
        }
        table
    })
}

/// Whether a folded word is a function word, and its synonym class: one lookup for both.
pub(crate) fn lookup(word: &str) -> Entry {
    table().get(word).copied().unwrap_or_default()
}

/// A function word that says nothing about the subject.
#[cfg(test)]
pub(crate) fn is_stopword(word: &str) -> bool {
    lookup(word).0
}

/// The synonym class of a folded word, if it has one.
#[cfg(test)]
pub(crate) fn synonym_class(word: &str) -> Option<&'static str> {
    lookup(word).1
}

/// The length of a light stem of `word` (a prefix), good enough to compare inflections of the
/// same word in French and English. Words with digits or of three letters or fewer are kept whole.
pub(crate) fn stem_len(word: &str) -> usize {
    if word.len() <= 3 || word.bytes().any(|b| b.is_ascii_digit()) {
        return word.len();
    }
    let long_enough = |root: &str| root.chars().count() >= 3;
    for suffix in SUFFIXES {
        if let Some(root) = word.strip_suffix(suffix) {
            if long_enough(root) {
                // After an inflection, the verb ending may remain: delivered → deliver → deliv.
                if INFLECTIONS.contains(suffix) {
                    for again in ["er", "e"] {
                        if let Some(inner) = root.strip_suffix(again) {
                            if long_enough(inner) {
                                return inner.len();
                            }
                        }
                    }
                }
                return root.len();
            }
        }
    }
    word.len()
}

/// [`stem_len`] as a string.
#[cfg(test)]
pub(crate) fn stem(word: &str) -> &str {
    &word[..stem_len(word)]
}

/// Canonical forms of the words of a phrase (class, else stem), for comparing with a draft.
pub(crate) fn canon_words(phrase: &str) -> Vec<(String, bool)> {
    super::analysis::Analysis::new(phrase)
        .words
        .into_iter()
        .map(|w| (w.canon().to_string(), w.stop))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_join_inflections() {
        let same: &[(&str, &str)] = &[
            ("remboursement", "rembourser"),
            ("remboursement", "rembourse"),
            ("desolee", "desoles"),
            ("retardee", "retard"),
            ("deliver", "delivered"),
            ("charging", "charged"),
        ];
        for (a, b) in same {
            assert_eq!(stem(a), stem(b), "{a} / {b}");
        }
        let different: &[(&str, &str)] = &[("colis", "col"), ("patience", "patient"), ("tu", "te")];
        for (a, b) in different {
            assert_ne!(stem(a), stem(b), "{a} / {b}");
        }
    }

    #[test]
    fn synonym_classes_cross_languages() {
        let cases: &[(&str, Option<&str>)] = &[
            ("colis", Some("~parcel")),
            ("package", Some("~parcel")),
            ("desolee", Some("~sorry")),
            ("apologise", Some("~sorry")),
            ("gene", Some("~inconvenience")),
            ("bonjour", None),
        ];
        for (word, class) in cases {
            assert_eq!(synonym_class(word), *class, "{word}");
        }
    }

    #[test]
    fn stopwords_are_function_words() {
        let cases: &[(&str, bool)] = &[
            ("the", true),
            ("nous", true),
            ("colis", false),
            ("patience", false),
        ];
        for (word, stop) in cases {
            assert_eq!(is_stopword(word), *stop, "{word}");
        }
    }
}
