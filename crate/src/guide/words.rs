//! The French and English words guidance is built from: names of problems, references, objects,
//! channels and platforms, with the French articles and possessives they need (gender matters:
//! « ta commande », « ton colis »).

use super::specifics::{fold, IssueKind, Reference, ReferenceKind, Specifics};
use super::Facts;
use crate::profile::{Address, PrivateChannel};
use crate::thread::Platform;

/// Picks the French or the English text.
pub fn pick(fr: bool, en: &str, fr_text: &str) -> String {
    if fr {
        fr_text.to_string()
    } else {
        en.to_string()
    }
}

/// The gender of the French objects Candor recognises (`true`: feminine).
fn feminine(folded: &str) -> bool {
    matches!(
        folded,
        "batterie"
            | "commande"
            | "livraison"
            | "appli"
            | "application"
            | "carte"
            | "valise"
            | "box"
            | "facture"
            | "tablette"
    )
}

/// Objects that only carry the real one ("the parcel" of a broken screen).
fn container(folded: &str) -> bool {
    matches!(
        folded,
        "parcel" | "package" | "order" | "delivery" | "colis" | "commande" | "livraison"
    )
}

/// "the problem" for a trainee: what this kind of problem is called.
pub fn issue_name(kind: IssueKind, fr: bool) -> &'static str {
    match (kind, fr) {
        (IssueKind::LateDelivery, false) => "a late delivery",
        (IssueKind::Delay, false) => "a delay",
        (IssueKind::Cancellation, false) => "a cancellation",
        (IssueKind::BrokenProduct, false) => "a faulty product",
        (IssueKind::WrongItem, false) => "a wrong or missing item",
        (IssueKind::LostItem, false) => "something lost",
        (IssueKind::Billing, false) => "a billing problem",
        (IssueKind::NoAnswer, false) => "an earlier message left unanswered",
        (IssueKind::Outage, false) => "a service outage",
        (IssueKind::RudeStaff, false) => "how staff treated them",
        (IssueKind::PoorQuality, false) => "disappointing quality",
        (IssueKind::LateDelivery, true) => "une livraison en retard",
        (IssueKind::Delay, true) => "un retard",
        (IssueKind::Cancellation, true) => "une annulation",
        (IssueKind::BrokenProduct, true) => "un produit défectueux",
        (IssueKind::WrongItem, true) => "un article erroné ou manquant",
        (IssueKind::LostItem, true) => "un objet perdu",
        (IssueKind::Billing, true) => "un problème de facturation",
        (IssueKind::NoAnswer, true) => "un message précédent resté sans réponse",
        (IssueKind::Outage, true) => "une panne de service",
        (IssueKind::RudeStaff, true) => "l'accueil reçu d'un membre du personnel",
        (IssueKind::PoorQuality, true) => "une qualité décevante",
    }
}

/// "order 48213" / "commande 48213".
pub fn reference_label(r: &Reference, fr: bool) -> String {
    let word = match (r.kind, fr) {
        (ReferenceKind::Order, false) => "order",
        (ReferenceKind::Ticket, false) => "ticket",
        (ReferenceKind::Customer, false) => "account",
        (ReferenceKind::Flight, false) => "flight",
        (ReferenceKind::Unspecified, false) => "reference",
        (ReferenceKind::Order, true) => "commande",
        (ReferenceKind::Ticket, true) => "dossier",
        (ReferenceKind::Customer, true) => "compte",
        (ReferenceKind::Flight, true) => "vol",
        (ReferenceKind::Unspecified, true) => "référence",
    };
    format!("{word} {}", r.value)
}

fn reference_feminine(r: &Reference) -> bool {
    matches!(r.kind, ReferenceKind::Order | ReferenceKind::Unspecified)
}

/// The details of the comment worth naming back, as a short list: products, objects, references,
/// durations and amounts quoted as written.
pub fn details(s: &Specifics, fr: bool) -> Vec<String> {
    let (open, close) = if fr { ("« ", " »") } else { ("“", "”") };
    let references: Vec<String> = s
        .references
        .iter()
        .map(|r| reference_label(r, fr))
        .collect();
    // "order" says nothing more once "order 48213" is named.
    let has_reference = !references.is_empty();
    let objects = s.objects.iter().filter(move |o| {
        let o = fold(o);
        let is_reference_word = matches!(o.as_str(), "order" | "commande" | "compte" | "account");
        !(is_reference_word && has_reference)
    });
    s.products
        .iter()
        .cloned()
        .chain(objects.cloned())
        .chain(references)
        .chain(s.durations.iter().map(|d| format!("{open}{d}{close}")))
        .chain(s.amounts.iter().cloned())
        .take(5)
        .collect()
}

/// "a late delivery (order 48213, “since Monday”)" for a guidance point, or only the details
/// ("bike, €49") when no known problem is named; `None` when the comment names nothing precise.
pub fn problem_summary(s: &Specifics, fr: bool) -> Option<String> {
    let details = details(s, fr);
    let issues: Vec<&str> = s
        .issues
        .iter()
        .take(2)
        .map(|k| issue_name(*k, fr))
        .collect();
    let head = issues.join(if fr { " et " } else { " and " });
    match (issues.is_empty(), details.is_empty()) {
        (true, true) => None,
        (true, false) => Some(details.join(", ")),
        (false, true) => Some(head),
        (false, false) => Some(format!("{head} ({})", details.join(", "))),
    }
}

/// The thing the problem is about, with a possessive: "your order 48213", « ta commande 48213 »,
/// « votre chargeur », "your Kiwi 3". `None` when nothing is named.
pub fn thing(f: &Facts, possessive: bool) -> Option<String> {
    let fr = f.fr();
    let tu = f.profile.address == Address::Tu;
    let s = &f.specifics;
    let fr_det = |fem: bool| match (possessive, tu, fem) {
        (true, false, _) => "votre",
        (true, true, true) => "ta",
        (true, true, false) => "ton",
        (false, _, true) => "la",
        (false, _, false) => "le",
    };
    let en_det = if possessive { "your" } else { "the" };
    if let Some(r) = s.references.first() {
        let label = reference_label(r, fr);
        return Some(if fr {
            format!("{} {label}", fr_det(reference_feminine(r)))
        } else {
            format!("{en_det} {label}")
        });
    }
    if let Some(p) = s.products.first() {
        return Some(if fr {
            format!("{} {p}", fr_det(false))
        } else {
            format!("{en_det} {p}")
        });
    }
    // For a faulty product, the screen matters more than the parcel it came in.
    let about_the_object = s
        .issues
        .first()
        .is_some_and(|k| matches!(k, IssueKind::BrokenProduct | IssueKind::PoorQuality));
    let o = s
        .objects
        .iter()
        .find(|o| !(about_the_object && container(&fold(o))))
        .or_else(|| s.objects.first())?;
    Some(if fr {
        let folded = fold(o);
        let det = fr_det(feminine(&folded));
        if !possessive && folded.starts_with(['a', 'e', 'i', 'o', 'u']) {
            format!("l'{o}")
        } else {
            format!("{det} {o}")
        }
    } else {
        format!("{en_det} {o}")
    })
}

/// French "de" before a noun phrase: « de + le » is « du », « de + les » is « des ».
pub fn fr_de(phrase: &str) -> String {
    if let Some(rest) = phrase.strip_prefix("le ") {
        format!("du {rest}")
    } else if let Some(rest) = phrase.strip_prefix("les ") {
        format!("des {rest}")
    } else if phrase.starts_with(['a', 'e', 'i', 'o', 'u', 'é', 'h']) {
        format!("d'{phrase}")
    } else {
        format!("de {phrase}")
    }
}

/// The private channel as a trainee would call it.
pub fn channel_name(channel: PrivateChannel, platform: Option<Platform>, fr: bool) -> String {
    match (platform, channel, fr) {
        (None, _, false) => "a private message on the same platform".into(),
        (None, _, true) => "un message privé sur la même plateforme".into(),
        (_, PrivateChannel::Messenger, _) => "Messenger".into(),
        (_, PrivateChannel::DirectMessage, false) => "an X direct message".into(),
        (_, PrivateChannel::DirectMessage, true) => "un message privé sur X".into(),
        (_, PrivateChannel::LinkedinMessage, false) => "a LinkedIn message".into(),
        (_, PrivateChannel::LinkedinMessage, true) => "un message LinkedIn".into(),
        (_, PrivateChannel::None, false) => "no private channel".into(),
        (_, PrivateChannel::None, true) => "aucun canal privé".into(),
    }
}

pub fn platform_name(platform: Platform) -> &'static str {
    match platform {
        Platform::Facebook => "Facebook",
        Platform::X => "X",
        Platform::Linkedin => "LinkedIn",
    }
}

/// `[vous form|tu form]` segments of a template, resolved for the brand's address.
pub fn address_forms(template: &str, tu: bool) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(start) = rest.find('[') {
        out.push_str(&rest[..start]);
        let after = &rest[start + 1..];
        let Some(end) = after.find(']') else {
            out.push_str(&rest[start..]);
            return out;
        };
        let inner = &after[..end];
        let (vous, tu_form) = inner.split_once('|').unwrap_or((inner, inner));
        out.push_str(if tu { tu_form } else { vous });
        rest = &after[end + 1..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolves_address_forms_and_french_contractions() {
        let cases = [
            ("[vous avez|tu as] raison", false, "vous avez raison"),
            ("[vous avez|tu as] raison", true, "tu as raison"),
            ("je [vous |t']écris", true, "je t'écris"),
            ("sans crochets", true, "sans crochets"),
            ("[ouvert", false, "[ouvert"),
        ];
        for (template, tu, expected) in cases {
            assert_eq!(address_forms(template, tu), expected, "{template}");
        }
        let de = [
            ("le retard", "du retard"),
            ("les colis", "des colis"),
            ("la panne", "de la panne"),
            ("annulation", "d'annulation"),
            ("votre commande", "de votre commande"),
        ];
        for (phrase, expected) in de {
            assert_eq!(fr_de(phrase), expected);
        }
    }
}
