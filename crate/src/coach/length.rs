//! P11, too long for the platform: X's 280 weighted characters (counting the "@handle " X puts
//! in front of a reply), LinkedIn's 1,250 characters per comment, Facebook's 8,000.
//!
//! X weighs characters as its own counter does: a link counts 23 whatever its length, an emoji 2,
//! characters of the Latin, Greek, Cyrillic, Hebrew, Arabic… ranges 1, others (CJK) 2.
//! The warning points at the part that does not fit.

use super::analysis::EntityKind;
use super::{Check, Input, Warning};
use crate::thread::Platform;

pub(crate) const X_LIMIT: usize = 280;
pub(crate) const LINKEDIN_LIMIT: usize = 1_250;
pub(crate) const FACEBOOK_LIMIT: usize = 8_000;
/// What X counts for any link.
const X_LINK_WEIGHT: usize = 23;

/// X's weight of one character that is neither in a link nor an emoji.
fn x_weight(c: char) -> usize {
    match c as u32 {
        0x0000..=0x10FF | 0x2000..=0x200D | 0x2010..=0x201F | 0x2032..=0x2037 => 1,
        _ => 2,
    }
}

/// The weighted length of the draft on X, and the character offset where it passes `limit`
/// (if it does). `prefix` is what X adds before the draft.
fn x_length(input: &Input, prefix: usize, limit: usize) -> (usize, Option<usize>) {
    let draft = &input.draft;
    // (start, end, weight) of the pieces X weighs as a whole: links and emoji.
    let mut pieces: Vec<(usize, usize, usize)> = draft
        .entities
        .iter()
        .filter(|e| e.kind == EntityKind::Link)
        .map(|e| (e.start, e.end, X_LINK_WEIGHT))
        .collect();
    pieces.extend(draft.emoji().into_iter().map(|(s, e)| (s, e, 2)));
    pieces.sort_unstable();
    let mut total = prefix;
    let mut over = None;
    let mut at = 0;
    let mut chars = draft.original.chars();
    let mut next = pieces.iter().peekable();
    while at < draft.char_count() {
        let weight;
        let step;
        match next.peek() {
            Some(&&(start, end, piece_weight)) if start == at => {
                weight = piece_weight;
                step = end - start;
                next.next();
            }
            _ => {
                weight = x_weight(chars.clone().next().unwrap_or(' '));
                step = 1;
            }
        }
        for _ in 0..step {
            chars.next();
        }
        total += weight;
        if total > limit && over.is_none() {
            over = Some(at);
        }
        at += step;
        while next.peek().is_some_and(|&&(s, _, _)| s < at) {
            next.next();
        }
    }
    (total, over)
}

pub(super) fn check(input: &Input) -> Vec<Warning> {
    let Some(platform) = input.ctx.platform else {
        return Vec::new();
    };
    let count = input.draft.char_count();
    let (length, over, limit, name) = match platform {
        Platform::X => {
            let handle = input
                .ctx
                .author_handle
                .as_deref()
                .map(|h| h.trim().trim_start_matches('@'))
                .filter(|h| !h.is_empty());
            let prefix = handle.map_or(0, |h| h.chars().count() + 2);
            let (length, over) = x_length(input, prefix, X_LIMIT);
            (length, over, X_LIMIT, "X")
        }
        Platform::Linkedin => (
            count,
            (count > LINKEDIN_LIMIT).then_some(LINKEDIN_LIMIT),
            LINKEDIN_LIMIT,
            "LinkedIn",
        ),
        Platform::Facebook => (
            count,
            (count > FACEBOOK_LIMIT).then_some(FACEBOOK_LIMIT),
            FACEBOOK_LIMIT,
            "Facebook",
        ),
    };
    let Some(from) = over else {
        return Vec::new();
    };
    let mention = if platform == Platform::X && input.ctx.author_handle.is_some() {
        (" (mention @ comprise)", " (with the @mention)")
    } else {
        ("", "")
    };
    vec![Warning::new(
        Check::TooLong,
        (from, count),
        input.say(
            format!("{length} caractères{} pour une limite de {limit} sur {name} : la fin ne passera pas, raccourcissez.", mention.0),
            format!("{length} characters{} for a limit of {limit} on {name}: the end will not fit, shorten it.", mention.1),
        ),
    )]
}

#[cfg(test)]
mod tests {
    use super::super::testing::{ctx, messages};
    use super::*;
    use crate::classify::Category;

    fn over(
        draft: &str,
        platform: Option<Platform>,
        handle: Option<&str>,
    ) -> Option<(usize, usize)> {
        let mut context = ctx("Où est mon colis ?", Category::Complaint);
        context.platform = platform;
        context.author_handle = handle.map(str::to_string);
        let input = Input::new(draft, &context);
        let warnings = check(&input);
        assert!(warnings.len() <= 1);
        warnings.first().map(|w| (w.start, w.end))
    }

    #[test]
    fn limits_per_platform() {
        let x = Some(Platform::X);
        let a270 = "a".repeat(270);
        let a280 = "a".repeat(280);
        let e140 = "😊".repeat(140);
        let e141 = "😊".repeat(141);
        let link = format!(
            "{} https://example.com/{}",
            "a".repeat(250),
            "p".repeat(200)
        );
        let cjk = "漢".repeat(141);
        let linkedin = "é".repeat(1_251);
        let facebook = "b".repeat(8_001);
        // (draft, platform, author handle, the span that does not fit)
        type Case<'a> = (
            &'a str,
            Option<Platform>,
            Option<&'a str>,
            Option<(usize, usize)>,
        );
        let cases: Vec<Case> = vec![
            (&a280, x, None, None),
            (&a280, x, Some("julie"), Some((273, 280))),
            (&a270, x, Some("@julie"), None),
            (&a270, x, Some("@a_very_long_handle"), Some((260, 270))),
            (&e140, x, None, None),
            (&e141, x, None, Some((140, 141))),
            (&link, x, None, None),
            (&cjk, x, None, Some((140, 141))),
            (
                &linkedin,
                Some(Platform::Linkedin),
                None,
                Some((1_250, 1_251)),
            ),
            (&a280, Some(Platform::Linkedin), None, None),
            (
                &facebook,
                Some(Platform::Facebook),
                None,
                Some((8_000, 8_001)),
            ),
            (&linkedin, Some(Platform::Facebook), None, None),
            (&facebook, None, None, None),
        ];
        for (draft, platform, handle, expected) in cases {
            assert_eq!(
                over(draft, platform, handle),
                expected,
                "{platform:?} {handle:?} {}",
                draft.chars().count()
            );
        }
    }

    #[test]
    fn says_the_count_and_limit() {
        let mut context = ctx("Où est mon colis ?", Category::Complaint);
        context.platform = Some(Platform::X);
        context.author_handle = Some("julie".into());
        let fr = format!("Bonjour Julie, votre colis {}", "a".repeat(280));
        let message = &messages(check, &fr, &context)[0];
        assert!(
            message.contains("314 caractères (mention @ comprise) pour une limite de 280 sur X"),
            "{message}"
        );
        let en = format!("Hi Julie, your parcel {}", "a".repeat(280));
        let message = &messages(check, &en, &context)[0];
        assert!(message.contains("for a limit of 280 on X"), "{message}");
    }
}
