use super::*;

fn profile() -> Profile {
    Profile {
        products: vec!["Urbain 3".into(), "SmartMeter Go".into()],
        handles: crate::profile::PerPlatform {
            facebook: vec![],
            x: vec!["@velocite_lyon".into()],
            linkedin: vec![],
        },
        ..Profile::default()
    }
}

#[test]
fn finds_the_problem_named() {
    use IssueKind::*;
    let cases: [(&str, &[IssueKind]); 18] = [
        ("Ma commande n'est toujours pas arrivée", &[LateDelivery]),
        (
            "Still waiting for my parcel, where is my order??",
            &[LateDelivery],
        ),
        (
            "Mon chargeur est cassé dès le premier jour",
            &[BrokenProduct],
        ),
        ("The charger stopped working after a week", &[BrokenProduct]),
        ("J'ai été prélevé deux fois ce mois-ci", &[Billing]),
        ("You charged twice and I want a refund", &[Billing]),
        ("Ticket ouvert lundi, toujours sans réponse", &[NoAnswer]),
        (
            "Nobody answers the phone, I've been ignored for days",
            &[NoAnswer],
        ),
        ("Encore une panne de réseau à Lyon", &[Outage]),
        ("The app is down again", &[Outage]),
        ("Le vendeur a été très désagréable avec moi", &[RudeStaff]),
        ("Your agent was rude and hung up on me", &[RudeStaff]),
        (
            "Flight Cancelled Flightled and they lost my luggage",
            &[Cancellation, LostItem],
        ),
        (
            "Wrong size delivered, and it arrived broken",
            &[WrongItem, BrokenProduct],
        ),
        ("Vol retardé de 3 heures", &[Delay]),
        ("Merci pour ce super service !", &[]),
        ("Waste of money, bad quality of pant", &[PoorQuality]),
        (
            "Franchement de la camelote, qualité médiocre",
            &[PoorQuality],
        ),
    ];
    for (text, expected) in cases {
        assert_eq!(extract(text, &profile()).issues, expected, "{text}");
    }
}

#[test]
fn finds_references_durations_amounts_people_products() {
    struct Case {
        text: &'static str,
        references: &'static [(&'static str, ReferenceKind)],
        durations: &'static [&'static str],
        amounts: &'static [&'static str],
        people: &'static [&'static str],
        products: &'static [&'static str],
        objects: &'static [&'static str],
    }
    let cases = [
        Case {
            text: "Commande n°48213 toujours pas reçue depuis lundi, 49 euros payés",
            references: &[("48213", ReferenceKind::Order)],
            durations: &["depuis lundi"],
            amounts: &["49 euros"],
            people: &[],
            products: &[],
            objects: &["commande"],
        },
        Case {
            text: "@velocite_lyon order #A77120 charged €49.90 twice, waiting for 3 days now",
            references: &[("A77120", ReferenceKind::Order)],
            durations: &["for 3 days"],
            amounts: &["€49.90"],
            people: &[],
            products: &[],
            objects: &["order"],
        },
        Case {
            text: "Ticket 5521 unanswered since Monday, your agent Kevin said 48h",
            references: &[("5521", ReferenceKind::Ticket)],
            durations: &["since Monday", "48h"],
            amounts: &[],
            people: &["Kevin"],
            products: &[],
            objects: &[],
        },
        Case {
            text: "Mon Urbain 3 ne s'allume plus depuis 3 jours, le technicien Marc n'a rien fait. Écran noir. cc @julie_b",
            references: &[],
            durations: &["depuis 3 jours"],
            amounts: &[],
            people: &["Marc", "@julie_b"],
            products: &["Urbain 3"],
            objects: &["écran"],
        },
        Case {
            text: "Dossier : 2024-889 ouvert il y a deux semaines, client 99812",
            references: &[
                ("2024-889", ReferenceKind::Ticket),
                ("99812", ReferenceKind::Customer),
            ],
            durations: &["il y a deux semaines"],
            amounts: &[],
            people: &[],
            products: &[],
            objects: &[],
        },
        Case {
            text: "Ça fait 3 semaines que j'attends, it's been two weeks",
            references: &[],
            durations: &["it's been two weeks", "Ça fait 3 semaines"],
            amounts: &[],
            people: &[],
            products: &[],
            objects: &[],
        },
        Case {
            text: "J'adore la nouvelle appli, bravo l'équipe",
            references: &[],
            durations: &[],
            amounts: &[],
            people: &[],
            products: &[],
            objects: &["appli"],
        },
    ];
    for c in cases {
        let s = extract(c.text, &profile());
        let refs: Vec<(&str, ReferenceKind)> = s
            .references
            .iter()
            .map(|r| (r.value.as_str(), r.kind))
            .collect();
        assert_eq!(refs, c.references, "{}", c.text);
        assert_eq!(s.durations, c.durations, "{}", c.text);
        assert_eq!(s.amounts, c.amounts, "{}", c.text);
        assert_eq!(s.people, c.people, "{}", c.text);
        assert_eq!(s.products, c.products, "{}", c.text);
        assert_eq!(s.objects, c.objects, "{}", c.text);
    }
}

#[test]
fn measures_how_heated_a_comment_is() {
    let cases = [
        (
            "Bonjour, ma commande a un peu de retard.",
            EmotionLevel::Calm,
        ),
        ("Still no parcel!!", EmotionLevel::Upset),
        ("C'est inadmissible, vraiment.", EmotionLevel::Upset),
        ("WHERE IS MY ORDER, THIS IS A JOKE", EmotionLevel::Angry),
        (
            "Scandaleux !!! Plus jamais chez vous !",
            EmotionLevel::Angry,
        ),
        ("The SNCF app is slow", EmotionLevel::Calm),
    ];
    for (text, level) in cases {
        assert_eq!(extract(text, &profile()).emotion.level, level, "{text}");
    }
}

#[test]
fn key_terms_are_what_a_reply_must_acknowledge() {
    let cases: [(&str, &[&str]); 4] = [
        (
            "Order 48213: the charger of my Urbain 3 is broken, I paid $49",
            &["48213", "Urbain 3", "order", "charger", "$49"],
        ),
        ("Ticket 5521 sans réponse", &["5521"]),
        ("Ma facture de 30 € est fausse", &["facture", "30 €"]),
        ("Lovely day!", &[]),
    ];
    for (text, expected) in cases {
        let s = extract(text, &profile());
        assert_eq!(s.key_terms(), expected, "{text}");
        assert_eq!(key_terms(&s), expected, "{text}");
    }
}

#[test]
fn odd_text_gives_a_result_not_a_panic() {
    let long = "Ma commande 48213 est en retard. ".repeat(40_000);
    let cases: Vec<(String, &[&str], bool)> = vec![
        // (text, references found, a problem found)
        (String::new(), &[], false),
        (" ".into(), &[], false),
        (long, &["48213"], true),
        ("<b>broken</b><script>x</script>".into(), &[], true),
        (
            "طلبي لم يصل \u{202e} commande 123456".into(),
            &["123456"],
            false,
        ),
        ("Z̷̢̛a̴l̶g̸o̵ ̷b̸r̵o̶k̸e̷n̴".into(), &[], false),
        ("é".repeat(ANALYSED_BYTES + 1), &[], false),
        ("!!!!!!!!".into(), &[], false),
        ("#".into(), &[], false),
        ("€".into(), &[], false),
    ];
    for (text, references, problem) in cases {
        let shown: String = text.chars().take(40).collect();
        let s = extract(&text, &profile());
        let found: Vec<&str> = s.references.iter().map(|r| r.value.as_str()).collect();
        assert_eq!(found, references, "{shown}");
        assert_eq!(!s.issues.is_empty(), problem, "{shown}");
    }
}

#[test]
fn amounts_keep_their_thousands() {
    let cases: [(&str, &[&str]); 6] = [
        ("Virement de 1 200 € parti vendredi", &["1 200 €"]),
        ("Virement de 1\u{a0}200 € parti vendredi", &["1\u{a0}200 €"]),
        ("They kept £1,200.50 of my deposit", &["£1,200.50"]),
        ("1.200,50 € prélevés deux fois", &["1.200,50 €"]),
        ("Remboursez mes 49,90 €", &["49,90 €"]),
        ("Commande 48213 200 € payés", &["200 €"]),
    ];
    for (text, expected) in cases {
        let s = extract(text, &profile());
        assert_eq!(s.amounts, expected, "{text}");
    }
}
