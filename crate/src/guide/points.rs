//! The guidance points: 3 to 6 pieces of advice written for this comment, each carrying the id of
//! the practice rule it applies (shared/PRACTICE.md) and the reason in full, for a trainee (P18).
//! Points are gathered most important first, then cut to six.

use super::specifics::EmotionLevel;
use super::words::{channel_name, details, issue_name, platform_name, problem_summary, thing};
use super::{Action, Facts, Point};
use crate::classify::{Category, Flag};
use crate::profile::{Address, EmojiPolicy, Formality, HumourPolicy};
use crate::thread::Platform;

/// The most points a card shows; more would not be read.
const MAX_POINTS: usize = 6;
/// X counts a reply's length with the @mention it starts with.
const X_LIMIT: usize = 280;

fn point(rule: &'static str, text: String, why: String) -> Point {
    Point { rule, text, why }
}

/// "Avoid: …" in the reader's language.
fn quoted_list(items: &[String], fr: bool) -> String {
    let (open, close) = if fr { ("« ", " »") } else { ("“", "”") };
    items
        .iter()
        .map(|i| format!("{open}{i}{close}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// P4: name what the person actually said.
fn acknowledge(f: &Facts) -> Point {
    let fr = f.fr();
    let why = if fr {
        "Reprendre ce que la personne a réellement écrit prouve qu'un humain l'a lue. Une réponse générale lui dit, ainsi qu'à tous ceux qui lisent le fil, que personne ne l'a fait.".to_string()
    } else {
        "Repeating what the person actually wrote proves a human read it. A general answer tells them, and everyone reading the thread, that nobody did.".to_string()
    };
    let named = !f.specifics.issues.is_empty();
    let text = match (problem_summary(&f.specifics, fr), fr) {
        (Some(p), false) if named => format!("Name the problem in your first sentence: {p}."),
        (Some(p), true) if named => format!("Nommez le problème dès la première phrase : {p}."),
        (Some(p), false) => format!("Pick up what they mention in your first sentence ({p}) and ask what exactly went wrong."),
        (Some(p), true) => format!("Reprenez dès la première phrase ce que la personne cite ({p}) et demandez ce qui ne va pas exactement."),
        (None, false) => "The comment names no precise detail: ask one short question (which order, since when) rather than answering in general terms.".into(),
        (None, true) => "Le commentaire ne donne aucun détail précis : posez une seule question courte (quelle commande, depuis quand) plutôt que de répondre en termes généraux.".into(),
    };
    point("P4", text, why)
}

/// P3: where the conversation goes on.
fn public_or_private(f: &Facts) -> Point {
    let fr = f.fr();
    let case = thing(f, true).unwrap_or_else(|| {
        if fr {
            "son dossier".into()
        } else {
            "their case".into()
        }
    });
    match (f.action, f.private_channel()) {
        (Action::MoveToPrivate | Action::Escalate, Some(channel)) => {
            let channel = channel_name(channel, f.platform, fr);
            let personal = f.has(Flag::PersonalData);
            let (text, why) = if fr {
                (
                    format!(
                        "Répondez d'abord en public, puis proposez de continuer par {channel} pour regarder {case}{}. Ne renvoyez ni vers un e-mail ni vers le téléphone.",
                        if personal { " ; ne répétez pas en public les données personnelles du commentaire" } else { "" }
                    ),
                    "Le public voit que la plainte a reçu une réponse ; les détails personnels se règlent en privé. Rester sur la même plateforme évite d'ajouter un obstacle ; demander un e-mail à quelqu'un qui s'est plaint en public l'agace davantage.".to_string(),
                )
            } else {
                (
                    format!(
                        "Answer in public first, then offer to continue in {channel} to look at {case}{}. Don't send them to e-mail or the phone.",
                        if personal { "; don't repeat the comment's personal details in public" } else { "" }
                    ),
                    "Onlookers see the complaint was answered; personal details are settled in private. Staying on the same platform adds no hurdle; asking someone who complained in public to write an e-mail makes them angrier.".to_string(),
                )
            };
            point("P3", text, why)
        }
        (Action::MoveToPrivate | Action::Escalate | Action::AnswerPublicly, None)
            if f.platform.is_some()
                && (f.has(Flag::PersonalData) || super::personal_case(&f.specifics)) =>
        {
            let platform = f.platform.map(platform_name).unwrap_or("");
            let (text, why) = if fr {
                (
                    format!("La marque ne prend pas de messages privés sur {platform} : répondez en public, sans demander de données personnelles."),
                    "Le profil de la marque ferme le canal privé ici ; envoyer la personne ailleurs (e-mail, téléphone) ajouterait un obstacle.".to_string(),
                )
            } else {
                (
                    format!("The brand takes no private messages on {platform}: answer in public, without asking for personal details."),
                    "The brand profile closes the private channel here; sending the person elsewhere (e-mail, phone) would add a hurdle.".to_string(),
                )
            };
            point("P3", text, why)
        }
        _ => {
            let topic = f
                .specifics
                .issues
                .first()
                .map(|k| issue_name(*k, fr).to_string())
                .or_else(|| thing(f, false))
                .unwrap_or_else(|| if fr { "ce sujet".into() } else { "this".into() });
            let complaint = f.verdict.category == Category::Complaint;
            if fr && complaint {
                point(
                    "P3",
                    format!("Répondez en public : {topic} touche sans doute d'autres personnes, une réponse visible les renseigne toutes."),
                    "Une préoccupation commune traitée en public répond à tous ceux qui la partagent et montre que la marque ne cache rien.".into(),
                )
            } else if complaint {
                point(
                    "P3",
                    format!("Answer in public: {topic} likely affects others too, and one visible answer informs them all."),
                    "A common concern answered in public serves everyone who shares it, and shows the brand hides nothing.".into(),
                )
            } else if fr {
                point(
                    "P3",
                    format!("Répondez en public : d'autres se posent sans doute la même question sur {topic}, une réponse visible les aide tous."),
                    "Une préoccupation commune traitée en public répond à tous ceux qui la partagent et évite de répéter la même réponse dix fois.".into(),
                )
            } else {
                point(
                    "P3",
                    format!("Answer in public: others likely wonder the same about {topic}, and one visible answer helps them all."),
                    "A common concern answered in public serves everyone who shares it, and saves giving the same answer ten times.".into(),
                )
            }
        }
    }
}

/// P9: no defence, no argument; stronger when the comment is heated.
fn stay_calm(f: &Facts) -> Point {
    let fr = f.fr();
    let e = &f.specifics.emotion;
    let mut signs: Vec<String> = Vec::new();
    if e.shouting {
        signs.push(if fr { "majuscules" } else { "capitals" }.into());
    }
    if e.exclamations >= 2 {
        signs.push(format!("{}×!", e.exclamations));
    }
    signs.extend(e.intensity.iter().take(2).map(|w| format!("“{w}”")));
    let why = if fr {
        "Se défendre, contester la version de la personne ou ironiser transforme une plainte en dispute publique. La façon de répondre compte plus que le problème lui-même.".to_string()
    } else {
        "Defending the brand, disputing their account or being sarcastic turns a complaint into a public quarrel. How you respond matters more than the problem itself.".to_string()
    };
    let text = match (e.level, fr) {
        (EmotionLevel::Calm, false) => {
            "Don't defend the brand or question their account; accept the problem as they describe it.".into()
        }
        (EmotionLevel::Calm, true) => {
            "Ne défendez pas la marque et ne contestez pas sa version : prenez le problème tel qu'il est décrit.".into()
        }
        (_, false) => format!(
            "The person is {} ({}): keep a calm, even tone, don't match theirs, and don't argue about who is at fault.",
            if e.level == EmotionLevel::Angry { "angry" } else { "upset" },
            signs.join(", ")
        ),
        (_, true) => format!(
            "La personne est {} ({}) : gardez un ton calme et posé, sans suivre le sien ni discuter des torts.",
            if e.level == EmotionLevel::Angry { "en colère" } else { "agacée" },
            signs.join(", ")
        ),
    };
    point("P9", text, why)
}

/// P11: the brand's voice, and the words it avoids.
fn voice(f: &Facts) -> Point {
    let fr = f.fr();
    let p = f.profile;
    let mut parts: Vec<String> = Vec::new();
    if fr {
        parts.push(match p.address {
            Address::Tu => "tutoyez".into(),
            Address::Vous => "vouvoyez".into(),
        });
    } else {
        parts.push(match p.formality {
            Formality::Casual => "write casually".into(),
            Formality::Neutral => "keep a friendly, plain tone".into(),
            Formality::Formal => "keep a formal tone".into(),
        });
    }
    let serious = matches!(f.verdict.category, Category::Complaint) || f.action == Action::Escalate;
    parts.push(match (p.emoji, fr, serious) {
        (EmojiPolicy::Never, false, _) => "no emoji".into(),
        (EmojiPolicy::Never, true, _) => "aucun emoji".into(),
        (_, false, true) => "no emoji on a complaint".into(),
        (_, true, true) => "pas d'emoji sur une plainte".into(),
        (EmojiPolicy::Sparingly, false, false) => "one emoji at most".into(),
        (EmojiPolicy::Sparingly, true, false) => "un emoji au plus".into(),
        (EmojiPolicy::Freely, false, false) => "an emoji fits".into(),
        (EmojiPolicy::Freely, true, false) => "un emoji a sa place".into(),
    });
    parts.push(match (p.humour, fr, serious) {
        (HumourPolicy::Never, false, _) => "no humour".into(),
        (HumourPolicy::Never, true, _) => "pas d'humour".into(),
        (_, false, true) => "no joke about a problem".into(),
        (_, true, true) => "pas de plaisanterie sur un problème".into(),
        (HumourPolicy::Light, false, false) => "a light touch of humour is fine".into(),
        (HumourPolicy::Light, true, false) => "une touche d'humour légère est possible".into(),
        (HumourPolicy::Welcome, false, false) => "humour is welcome".into(),
        (HumourPolicy::Welcome, true, false) => "l'humour est bienvenu".into(),
    });
    if let Some(persona) = &p.persona {
        parts.push(if fr {
            format!("parlez en tant que « {persona} »")
        } else {
            format!("speak as “{persona}”")
        });
    }
    if let Some(sig) = &p.signature {
        parts.push(match (fr, sig.required) {
            (false, true) => format!("sign “{}”", sig.text),
            (false, false) => format!("you may sign “{}”", sig.text),
            (true, true) => format!("signez « {} »", sig.text),
            (true, false) => format!("vous pouvez signer « {} »", sig.text),
        });
    }
    if fr && p.address == Address::Tu && p.formality == Formality::Formal {
        parts.push("sur un ton soutenu".into());
    }
    let mut text = parts.join(", ");
    if !p.avoid.is_empty() {
        let avoid: Vec<String> = p.avoid.iter().take(4).cloned().collect();
        text.push_str(&if fr {
            format!(" ; évitez {}", quoted_list(&avoid, true))
        } else {
            format!("; avoid {}", quoted_list(&avoid, false))
        });
    }
    for term in p.preferred_terms.iter().take(2) {
        text.push_str(&if fr {
            format!(
                " ; dites « {} » plutôt que « {} »",
                term.instead, term.avoid
            )
        } else {
            format!("; say “{}” rather than “{}”", term.instead, term.avoid)
        });
    }
    let mut chars = text.chars();
    let text: String = chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default();
    let text = format!("{text}.");
    let why = if fr {
        "La marque garde la même personnalité partout (tutoiement ou vouvoiement, humour, emoji, signature) : c'est ce qui la rend reconnaissable et digne de confiance, quelle que soit la personne qui répond.".to_string()
    } else {
        "The brand keeps one personality everywhere (how it addresses people, humour, emoji, signature): that is what makes it recognisable and trusted, whoever is replying.".to_string()
    };
    point("P11", text, why)
}

/// P11 again: the platform's own limits.
fn platform_limits(f: &Facts) -> Option<Point> {
    let fr = f.fr();
    let platform = f.platform?;
    let sig = f
        .profile
        .signature
        .as_ref()
        .filter(|s| s.required)
        .map(|s| s.text.chars().count() + 1)
        .unwrap_or(0);
    let (text, why) = match platform {
        Platform::X => {
            let handle = f
                .author
                .filter(|a| !a.contains(char::is_whitespace))
                .map(|a| a.trim_start_matches('@'));
            let room = match handle {
                Some(h) => {
                    let used = h.chars().count() + 2 + sig;
                    let left = X_LIMIT.saturating_sub(used);
                    if fr {
                        format!(
                            " : avec @{h}{} il reste {left} caractères",
                            if sig > 0 { " et la signature" } else { "" }
                        )
                    } else {
                        format!(
                            ": with @{h}{} you have {left} characters left",
                            if sig > 0 { " and the signature" } else { "" }
                        )
                    }
                }
                None => String::new(),
            };
            if fr {
                (
                    format!("Sur X, la réponse tient en 280 caractères, @mention comprise{room}. Une idée, une phrase d'action."),
                    "X coupe au-delà de 280 caractères et compte la @mention : un message trop long est tronqué ou oblige à un fil que personne ne lit.".to_string(),
                )
            } else {
                (
                    format!("On X the reply must fit in 280 characters, the @mention included{room}. One idea, one next step."),
                    "X stops at 280 characters and counts the @mention: a longer message gets cut or needs a thread nobody reads.".to_string(),
                )
            }
        }
        Platform::Linkedin => {
            if fr {
                (
                    "Sur LinkedIn, gardez un registre professionnel : phrases complètes, pas d'abréviations.".to_string(),
                    "LinkedIn est lu par des clients, des partenaires et de futurs collègues : la même voix, dans un registre plus soutenu.".to_string(),
                )
            } else {
                (
                    "On LinkedIn keep a professional register: full sentences, no shorthand.".to_string(),
                    "LinkedIn is read by customers, partners and future colleagues: the same voice, in a more formal register.".to_string(),
                )
            }
        }
        Platform::Facebook => return None,
    };
    Some(point("P11", text, why))
}

/// P15: the gestures the person replying may offer.
fn gestures(f: &Facts) -> Point {
    let fr = f.fr();
    let issues = &f.specifics.issues;
    let fitting: Vec<String> = f
        .profile
        .gestures
        .iter()
        .filter(|g| g.issues.is_empty() || g.issues.iter().any(|k| issues.contains(k)))
        .take(2)
        .map(|g| match &g.limit {
            Some(l) => format!("{} ({l})", g.name),
            None => g.name.clone(),
        })
        .collect();
    let why = if fr {
        "La personne qui répond représente la marque : elle peut régler un litige sur-le-champ, dans les limites fixées par la marque. Promettre au-delà engage la marque sans son accord.".to_string()
    } else {
        "Whoever replies represents the brand and may settle a dispute on the spot, within the limits the brand set. Promising more commits the brand without its consent.".to_string()
    };
    let text = match (fitting.is_empty(), fr) {
        (false, false) => format!(
            "You may offer {} without asking anyone, within that limit.",
            fitting.join(" or ")
        ),
        (false, true) => format!(
            "Vous pouvez proposer {} sans demander d'accord, dans cette limite.",
            fitting.join(" ou ")
        ),
        (true, false) => "No gesture fits this case in the brand profile: promise none before asking the brand.".into(),
        (true, true) => "Aucun geste commercial du profil ne couvre ce cas : n'en promettez pas sans l'accord de la marque.".into(),
    };
    point("P15", text, why)
}

/// P5: log it and tell the brand.
fn follow_up(f: &Facts) -> Point {
    let fr = f.fr();
    let what = problem_summary(&f.specifics, fr).unwrap_or_else(|| {
        if fr {
            "cette plainte".into()
        } else {
            "this complaint".into()
        }
    });
    if fr {
        point(
            "P5",
            format!("Notez {what} et transmettez-le à la marque ; revenez vers la personne quand c'est réglé."),
            "Une plainte transmise peut être corrigée à la source, et quand la personne revient, on sait où en est son cas au lieu de tout reprendre.".into(),
        )
    } else {
        point(
            "P5",
            format!("Log {what} and pass it on to the brand; come back to the person once it is settled."),
            "A complaint passed on can be fixed at its source, and when the person comes back you know where their case stands instead of starting over.".into(),
        )
    }
}

/// Points for an urgent comment: who to alert.
fn escalate(f: &Facts) -> Point {
    let fr = f.fr();
    let what = problem_summary(&f.specifics, fr);
    let contact = f
        .profile
        .escalation
        .iter()
        .find(|c| {
            c.topics.is_empty()
                || f.specifics
                    .issues
                    .iter()
                    .any(|k| c.topics.iter().any(|t| t == k.name()))
        })
        .or_else(|| f.profile.escalation.first());
    let who = match (contact, fr) {
        (Some(c), _) => format!("{} ({})", c.name, c.reach),
        (None, false) => "your manager or the brand's on-call contact".into(),
        (None, true) => "votre responsable ou l'astreinte de la marque".into(),
    };
    let (text, why) = if fr {
        (
            format!(
                "Urgent{} : alertez maintenant {who}, et ne traitez pas ce cas seul.",
                what.map(|w| format!(" ({w})")).unwrap_or_default()
            ),
            "Sécurité, santé, menace juridique ou service essentiel coupé : la réponse engage la marque au-delà de ce qu'une personne seule peut décider. La prévenir tôt évite qu'une urgence devienne une crise.".to_string(),
        )
    } else {
        (
            format!(
                "Urgent{}: alert {who} now, and don't handle this case alone.",
                what.map(|w| format!(" ({w})")).unwrap_or_default()
            ),
            "Safety, health, a legal threat or an essential service down: the answer commits the brand beyond what one person can decide. Telling the right people early keeps an emergency from becoming a crisis.".to_string(),
        )
    };
    point("P5", text, why)
}

/// P16: one message to everyone.
fn surge(f: &Facts) -> Point {
    let fr = f.fr();
    let n = f.thread.complaints;
    let what = f
        .specifics
        .issues
        .first()
        .map(|k| issue_name(*k, fr))
        .unwrap_or(if fr {
            "le même sujet"
        } else {
            "the same matter"
        });
    if fr {
        point(
            "P16",
            format!("Vague de plaintes ({n} dans ce fil) : publiez un seul message adressé à tous sur {what} — ce qui s'est passé, ce qui change pour que cela ne se reproduise pas — puis renvoyez-y chaque réponse."),
            "Quand les critiques affluent, des réponses une à une se contredisent et arrivent trop tard. Un message clair, visible de tous, donne la position de la marque et les mesures prises.".into(),
        )
    } else {
        point(
            "P16",
            format!("Complaints are surging ({n} in this thread): post one message addressed to everyone about {what} — what happened, what changes so it doesn't happen again — then point each reply to it."),
            "When criticism floods in, one-by-one replies contradict each other and come too late. One clear message everyone can see gives the brand's position and the measures taken.".into(),
        )
    }
}

/// P7 inside a complaint: rude words don't make it illegitimate.
fn rude_but_legitimate(f: &Facts) -> Point {
    if f.fr() {
        point(
            "P7",
            "Le ton est grossier mais la plainte est réelle : répondez-y, ne la masquez pas.".into(),
            "Masquer un commentaire protège la communauté des insultes et du spam, pas la marque des critiques. Une vraie plainte reste légitime même mal formulée.".into(),
        )
    } else {
        point(
            "P7",
            "The wording is rude but the complaint is real: answer it, don't hide it.".into(),
            "Hiding protects the community from insults and spam, not the brand from criticism. A real complaint stays legitimate even when it is badly worded.".into(),
        )
    }
}

/// P2 outside support hours: say when the team comes back.
fn off_hours(f: &Facts) -> Option<Point> {
    let now = f.thread.now?;
    if f.profile.support.is_open(now) {
        return None;
    }
    Some(if f.fr() {
        point(
            "P2",
            "Hors des heures du service : si vous ne pouvez pas régler le cas maintenant, dites quand l'équipe reviendra vers la personne.".into(),
            "Ignorer une plainte est la pire réponse ; même sans solution immédiate, montrer qu'elle a été entendue et dire quand viendra la suite rassure.".into(),
        )
    } else {
        point(
            "P2",
            "Outside support hours: if you can't settle it now, say when the team will get back to them.".into(),
            "Ignoring a complaint is the worst answer; even without a fix yet, showing it was heard and saying when the next step comes reassures.".into(),
        )
    })
}

fn complaint(f: &Facts, out: &mut Vec<Point>) {
    if f.surge {
        out.push(surge(f));
    }
    out.push(acknowledge(f));
    out.push(public_or_private(f));
    out.push(voice(f));
    if f.has(Flag::Abusive) || f.has(Flag::Profanity) {
        out.push(rude_but_legitimate(f));
    }
    out.push(stay_calm(f));
    if let Some(p) = off_hours(f) {
        out.push(p);
    }
    if let Some(p) = platform_limits(f) {
        out.push(p);
    }
    out.push(gestures(f));
    out.push(follow_up(f));
}

fn question(f: &Facts, out: &mut Vec<Point>) {
    let fr = f.fr();
    out.push(public_or_private(f));
    let topic: Vec<String> = match thing(f, false) {
        Some(t) => vec![t],
        None => details(&f.specifics, fr),
    };
    out.push(if fr {
        point(
            "P12",
            if topic.is_empty() {
                "Répondez exactement à la question posée ; si vous ne savez pas encore, dites-le et dites quand vous reviendrez.".into()
            } else {
                format!("Répondez précisément sur {} ; si vous ne savez pas encore, dites-le et dites quand vous reviendrez.", topic.join(", "))
            },
            "Une réponse honnête, même « je vérifie », inspire confiance ; une réponse approximative ou commerciale se voit et se retourne contre la marque.".into(),
        )
    } else {
        point(
            "P12",
            if topic.is_empty() {
                "Answer exactly what was asked; if you don't know yet, say so and say when you'll come back.".into()
            } else {
                format!("Answer precisely about {}; if you don't know yet, say so and say when you'll come back.", topic.join(", "))
            },
            "An honest answer, even \"I'm checking\", builds trust; a vague or salesy one shows, and turns against the brand.".into(),
        )
    });
    out.push(voice(f));
    if let Some(p) = platform_limits(f) {
        out.push(p);
    }
    out.push(if fr {
        point(
            "P13",
            "N'en faites pas une publicité : répondez à la question, sans argument de vente.".into(),
            "Les gens viennent pour une réponse, pas pour une réclame ; la promotion n'est qu'une petite part de ce que dit la marque.".into(),
        )
    } else {
        point(
            "P13",
            "Don't turn it into an ad: answer the question, no sales pitch.".into(),
            "People came for an answer, not a commercial; promotion is only a small share of what a brand says.".into(),
        )
    });
}

fn praise(f: &Facts, out: &mut Vec<Point>) {
    let fr = f.fr();
    let liked = thing(f, false);
    out.push(match (liked, fr) {
        (Some(t), false) => point(
            "P14",
            format!("Thank them and name what they liked ({t})."),
            "Thanking people, even for a small kind word, shows the brand listens to the good as well as the bad, and makes others want to speak up.".into(),
        ),
        (Some(t), true) => point(
            "P14",
            format!("Remerciez en nommant ce qui a plu ({t})."),
            "Remercier, même pour un petit mot gentil, montre que la marque écoute le positif autant que le négatif, et donne envie aux autres de s'exprimer.".into(),
        ),
        (None, false) => point(
            "P14",
            "Thank them, picking up a word of their own message.".into(),
            "Thanking people, even for a small kind word, shows the brand listens to the good as well as the bad, and makes others want to speak up.".into(),
        ),
        (None, true) => point(
            "P14",
            "Remerciez en reprenant un mot de son message.".into(),
            "Remercier, même pour un petit mot gentil, montre que la marque écoute le positif autant que le négatif, et donne envie aux autres de s'exprimer.".into(),
        ),
    });
    out.push(if fr {
        point(
            "P13",
            "Pas d'offre ni de vente additionnelle en retour d'un compliment.".into(),
            "Répondre à un compliment par une promotion transforme un moment sincère en démarchage.".into(),
        )
    } else {
        point(
            "P13",
            "No offer or upsell in return for a compliment.".into(),
            "Answering praise with a promotion turns a sincere moment into a sales pitch.".into(),
        )
    });
    out.push(voice(f));
    out.push(canned(f));
}

/// P10: write for this person.
fn canned(f: &Facts) -> Point {
    if f.fr() {
        point(
            "P10",
            "Écrivez pour cette personne : le même « merci ! » collé sous chaque commentaire sonne comme un robot.".into(),
            "Les messages copiés-collés se repèrent vite dans un fil et font passer la marque pour un automate.".into(),
        )
    } else {
        point(
            "P10",
            "Write it for this person: the same “thanks!” pasted under every comment sounds like a bot.".into(),
            "Copy-pasted messages are easy to spot in a thread and make the brand look like a machine.".into(),
        )
    }
}

fn troll(f: &Facts, out: &mut Vec<Point>) {
    let fr = f.fr();
    if f.action == Action::Hide {
        out.push(if fr {
            point(
                "P7",
                "Vous pouvez masquer ce commentaire : il insulte ou menace, il nuit à la communauté.".into(),
                "On masque ce qui fait du tort à la communauté (insultes, haine, menaces, spam), pas ce qui dérange la marque.".into(),
            )
        } else {
            point(
                "P7",
                "You may hide this comment: it insults or threatens, and harms the community.".into(),
                "What harms the community (insults, hate, threats, spam) may be hidden; what merely bothers the brand may not.".into(),
            )
        });
    }
    out.push(if fr {
        point(
            "P8",
            "Ne répondez pas à la provocation : une conversation qu'on ne peut pas finir ne se commence pas.".into(),
            "La provocation de mauvaise foi se nourrit des réponses ; chaque réponse lui donne de la visibilité.".into(),
        )
    } else {
        point(
            "P8",
            "Don't answer the provocation: don't start a conversation you can't finish.".into(),
            "Bad-faith provocation feeds on replies; each one gives it more visibility.".into(),
        )
    });
    match problem_summary(&f.specifics, fr) {
        Some(p) if !f.specifics.issues.is_empty() => out.push(if fr {
            point(
                "P8",
                format!("Il cite pourtant {p} : si ce point est fondé, répondez à ce point seul, une fois, avec des faits."),
                "Toute critique n'est pas justifiée, mais la part justifiée mérite une réponse, même quand elle arrive enrobée de provocation.".into(),
            )
        } else {
            point(
                "P8",
                format!("It does mention {p}: if that part is justified, answer that part only, once, with facts."),
                "Not all criticism is justified, but the justified part deserves an answer, even wrapped in provocation.".into(),
            )
        }),
        _ => {}
    }
    out.push(if fr {
        point(
            "P6",
            if f.action == Action::Hide {
                "Masquez seulement ce commentaire, pas les critiques légitimes autour.".into()
            } else {
                "Ne le masquez pas pour autant s'il ne contient ni insulte ni menace.".into()
            },
            "Masquer ou supprimer une critique légitime passe pour de la censure et amplifie souvent le problème.".into(),
        )
    } else {
        point(
            "P6",
            if f.action == Action::Hide {
                "Hide this comment only, not the legitimate criticism around it.".into()
            } else {
                "Don't hide it either unless it insults or threatens.".into()
            },
            "Hiding or deleting legitimate criticism reads as censorship and often amplifies the problem.".into(),
        )
    });
    out.push(listen(f));
}

/// P1: read the thread first.
fn listen(f: &Facts) -> Point {
    if f.fr() {
        point(
            "P1",
            "Lisez le reste du fil avant d'agir : si d'autres reprennent le sujet, c'est à eux qu'il faut répondre.".into(),
            "On rejoint une conversation qui existe déjà : sa température dit s'il faut intervenir, et comment.".into(),
        )
    } else {
        point(
            "P1",
            "Read the rest of the thread before acting: if others pick the topic up, answer them.".into(),
            "You are joining a conversation that already exists; its temperature tells you whether and how to step in.".into(),
        )
    }
}

fn spam(f: &Facts, out: &mut Vec<Point>) {
    let fr = f.fr();
    out.push(if fr {
        point(
            "P7",
            "Vous pouvez masquer ce commentaire : c'est du spam ou de la promotion sans rapport."
                .into(),
            "Le spam noie les vraies questions et nuit à la communauté ; le masquer la protège."
                .into(),
        )
    } else {
        point(
            "P7",
            "You may hide this comment: it is spam or unrelated promotion.".into(),
            "Spam drowns real questions and harms the community; hiding it protects the community."
                .into(),
        )
    });
    out.push(if fr {
        point(
            "P6",
            "Vérifiez d'abord qu'il ne s'agit pas d'une vraie plainte maladroite : celle-là ne se masque pas.".into(),
            "Masquer une critique légitime passe pour de la censure ; le doute profite au commentaire.".into(),
        )
    } else {
        point(
            "P6",
            "Check first that it isn't a real complaint clumsily written: that one is not hidden.".into(),
            "Hiding legitimate criticism reads as censorship; when in doubt, the comment stays.".into(),
        )
    });
    out.push(if fr {
        point(
            "P17",
            "Pas de réponse ; si le spam revient en nombre, signalez-le à la marque.".into(),
            "Compter ce qui arrive (spam compris) montre à la marque où sont les problèmes de la page.".into(),
        )
    } else {
        point(
            "P17",
            "No reply; if spam keeps coming, report the volume to the brand.".into(),
            "Counting what comes in, spam included, shows the brand where the page's problems are.".into(),
        )
    });
}

fn neutral(f: &Facts, out: &mut Vec<Point>) {
    let fr = f.fr();
    out.push(listen(f));
    if f.action == Action::AnswerQuestion {
        out.push(public_or_private(f));
    }
    out.push(if fr {
        point(
            "P12",
            "Si vous intervenez, restez sur le sujet de la marque et dites qui vous êtes ; pas d'avis personnel hors sujet.".into(),
            "Une marque honnête et transparente inspire confiance ; une opinion personnelle hors de son sujet l'expose sans raison.".into(),
        )
    } else {
        point(
            "P12",
            "If you join in, stay on the brand's subject and say who you are; no personal opinions off topic.".into(),
            "An honest, transparent brand earns trust; a personal opinion off its subject exposes it for nothing.".into(),
        )
    });
    out.push(voice(f));
}

/// The points for the comment, most important first, 3 to 6 of them.
pub fn compose(f: &Facts) -> Vec<Point> {
    let mut out = Vec::with_capacity(8);
    if f.action == Action::Escalate {
        out.push(escalate(f));
        out.push(acknowledge(f));
        out.push(public_or_private(f));
        out.push(stay_calm(f));
        out.push(voice(f));
    } else {
        match f.verdict.category {
            Category::Complaint => complaint(f, &mut out),
            Category::Question => question(f, &mut out),
            Category::Praise => praise(f, &mut out),
            Category::Troll => troll(f, &mut out),
            Category::Spam => spam(f, &mut out),
            Category::Neutral => neutral(f, &mut out),
        }
    }
    out.truncate(MAX_POINTS);
    out
}
