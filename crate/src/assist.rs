//! Guidance and coaching for one comment of a thread, as the extension asks for them.
//!
//! Owns: gathering what [`crate::guide`] and [`crate::coach`] need from a thread the engine has read —
//! the comment and its verdict (as the person corrected it), the brand's replies already posted, the
//! openings already suggested to other comments, the brand profile — and the bridge from the brand
//! profile to the coach's [`Voice`].

use std::collections::BTreeMap;

use crate::coach::{self, Address as CoachAddress, DraftContext, EmojiUse, Voice, Warning};
use crate::guide::{self, Guidance, GuideInput, ThreadContext};
use crate::profile::{Address, EmojiPolicy, Profile};
use crate::thread::{JudgedComment, Platform};

/// The part of the profile the coach checks.
pub fn voice(profile: &Profile) -> Voice {
    Voice {
        address: Some(match profile.address {
            Address::Tu => CoachAddress::Tu,
            Address::Vous => CoachAddress::Vous,
        }),
        avoid: profile.avoid.clone(),
        signature: profile.signature.as_ref().map(|s| s.text.clone()),
        signature_required: profile.signature.as_ref().is_some_and(|s| s.required),
        emoji: match profile.emoji {
            EmojiPolicy::Never => EmojiUse::Never,
            EmojiPolicy::Sparingly => EmojiUse::Sparingly,
            EmojiPolicy::Freely => EmojiUse::Freely,
        },
    }
}

/// The handle in an author's profile link (`https://x.com/handle` → `handle`), for X's @mention.
fn handle_of(author_url: Option<&str>) -> Option<String> {
    let url = author_url?;
    let path = url
        .split("://")
        .nth(1)
        .map_or(url, |rest| rest.split_once('/').map_or("", |(_, p)| p));
    let first = path.split(['/', '?', '#']).find(|s| !s.is_empty())?;
    Some(first.trim_start_matches('@').to_string())
}

/// Guidance for comment `id` of `comments` (already corrected). `openings` holds the openings
/// suggested so far in this thread, by comment id: the new one differs from all the others', and is
/// recorded so the same comment keeps the same suggestion.
pub fn guidance_for(
    comments: &[JudgedComment],
    id: &str,
    platform: Option<Platform>,
    profile: &Profile,
    openings: &mut BTreeMap<String, String>,
    now_seconds: Option<i64>,
) -> Option<Guidance> {
    let target = comments.iter().find(|c| c.comment.id == id)?;
    let audience = comments.iter().filter(|c| !c.comment.by_brand);
    let thread = ThreadContext {
        surging: false,
        complaints: audience
            .clone()
            .filter(|c| c.verdict.category == crate::classify::Category::Complaint)
            .count() as u32,
        comments: audience.count() as u32,
        openings: openings
            .iter()
            .filter(|(other, _)| other.as_str() != id)
            .map(|(_, o)| o.clone())
            .collect(),
        now: now_seconds,
    };
    let input = GuideInput {
        text: target.comment.text.clone(),
        platform,
        author: Some(target.comment.author.clone()),
        id: Some(target.comment.id.clone()),
    };
    let guidance = guide::guide(&input, &target.verdict, profile, &thread);
    match &guidance.opening {
        Some(o) => openings.insert(id.to_string(), o.clone()),
        None => openings.remove(id),
    };
    Some(guidance)
}

/// The coach's warnings on `draft`, a reply to comment `id` of `comments` (already corrected).
pub fn coach_for(
    comments: &[JudgedComment],
    id: &str,
    draft: &str,
    platform: Option<Platform>,
    profile: &Profile,
) -> Option<Vec<Warning>> {
    let target = comments.iter().find(|c| c.comment.id == id)?;
    let mut ctx = DraftContext::new(target.comment.text.clone(), target.verdict.clone());
    ctx.platform = platform;
    ctx.author_handle = match platform {
        Some(Platform::X) => handle_of(target.comment.author_url.as_deref()),
        _ => None,
    };
    ctx.brand_replies = comments
        .iter()
        .filter(|c| c.comment.by_brand)
        .map(|c| c.comment.text.clone())
        .collect();
    ctx.voice = voice(profile);
    ctx.key_terms = guide::extract(&target.comment.text, profile).key_terms();
    Some(coach::check(draft, &ctx))
}

/// The guidance a profile being edited gives on a sample comment (the options page's preview).
/// `{"text", "profile", "platform"?, "id"?, "author"?}` in; `{"guidance": …}` or `{"error": "…"}` out.
pub fn preview_json(request: &str) -> String {
    match preview(request) {
        Ok(guidance) => serde_json::json!({ "guidance": guidance }).to_string(),
        Err(error) => serde_json::json!({ "error": error }).to_string(),
    }
}

fn preview(request: &str) -> Result<Guidance, String> {
    let request: serde_json::Value = serde_json::from_str(request)
        .map_err(|e| format!("the preview request is not JSON: {e}"))?;
    let text = request["text"]
        .as_str()
        .ok_or("the preview request has no \"text\"")?;
    let profile = crate::profile::from_value(&request["profile"])
        .map_err(|e| e.message(crate::text::Lang::En))?;
    let platform = match &request["platform"] {
        serde_json::Value::Null => None,
        value => Some(
            serde_json::from_value::<Platform>(value.clone())
                .map_err(|e| format!("\"platform\": {e}"))?,
        ),
    };
    let input = GuideInput {
        text: text.to_string(),
        platform,
        author: request["author"].as_str().map(str::to_string),
        id: request["id"].as_str().map(str::to_string),
    };
    let verdict = crate::classify::classify(text, None);
    Ok(guide::guide(
        &input,
        &verdict,
        &profile,
        &ThreadContext::default(),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classify::classify;
    use crate::thread::Comment;

    fn judged(id: &str, text: &str, by_brand: bool) -> JudgedComment {
        JudgedComment {
            comment: Comment {
                id: id.into(),
                author: if by_brand { "Acme" } else { "Sam" }.into(),
                author_url: Some("https://x.com/sam_k".into()),
                text: text.into(),
                truncated: false,
                time: None,
                parent_id: None,
                depth: 0,
                by_brand,
            },
            verdict: classify(text, None),
        }
    }

    #[test]
    fn previews_guidance_or_says_what_is_wrong() {
        let profile = Profile::default().to_json();
        let cases = [
            (
                format!(
                    r#"{{"text": "Where is my order 48213?", "platform": "x", "profile": {profile}}}"#
                ),
                "guidance",
            ),
            (
                format!(r#"{{"text": "ok", "profile": {profile}}}"#),
                "guidance",
            ),
            (format!(r#"{{"profile": {profile}}}"#), "error"),
            (
                r#"{"text": "ok", "profile": {"schema_version": 1, "address": "toi"}}"#.to_string(),
                "error",
            ),
            (
                format!(r#"{{"text": "ok", "platform": "myspace", "profile": {profile}}}"#),
                "error",
            ),
            ("not json".to_string(), "error"),
        ];
        for (request, key) in cases {
            let answer: serde_json::Value = serde_json::from_str(&preview_json(&request)).unwrap();
            assert!(answer.get(key).is_some(), "{request}: {answer}");
        }
        let bad: serde_json::Value = serde_json::from_str(&preview_json(
            r#"{"text": "ok", "profile": {"schema_version": 1, "address": "toi"}}"#,
        ))
        .unwrap();
        assert!(bad["error"].as_str().unwrap().contains("address"), "{bad}");
    }

    #[test]
    fn handles_come_from_profile_links() {
        let cases = [
            (Some("https://x.com/sam_k"), Some("sam_k")),
            (Some("https://x.com/sam_k/status/1"), Some("sam_k")),
            (Some("/sam_k"), Some("sam_k")),
            (Some("https://x.com/"), None),
            (None, None),
        ];
        for (url, want) in cases {
            assert_eq!(handle_of(url).as_deref(), want, "{url:?}");
        }
    }

    #[test]
    fn the_voice_follows_the_profile() {
        let profile = Profile {
            address: Address::Tu,
            avoid: vec!["malheureusement".into()],
            ..Profile::default()
        };
        let v = voice(&profile);
        assert_eq!(v.address, Some(CoachAddress::Tu));
        assert_eq!(v.avoid, ["malheureusement"]);
    }

    #[test]
    fn openings_differ_between_comments_and_stay_for_one_comment() {
        let comments = vec![
            judged(
                "1",
                "My order 48213 still hasn't arrived after two weeks. Ridiculous.",
                false,
            ),
            judged(
                "2",
                "My order 48213 still hasn't arrived after two weeks. Ridiculous.",
                false,
            ),
            judged(
                "3",
                "Order 55120 never arrived either, nobody answers my emails.",
                false,
            ),
        ];
        let profile = Profile::default();
        let mut openings = BTreeMap::new();
        let mut seen = Vec::new();
        for id in ["1", "2", "3"] {
            let g = guidance_for(
                &comments,
                id,
                Some(Platform::X),
                &profile,
                &mut openings,
                None,
            )
            .expect("the comment is in the thread");
            if let Some(o) = g.opening {
                assert!(!seen.contains(&o), "opening {o:?} given twice");
                seen.push(o);
            }
        }
        let again = guidance_for(
            &comments,
            "1",
            Some(Platform::X),
            &profile,
            &mut openings,
            None,
        )
        .unwrap();
        assert_eq!(again.opening.as_ref(), openings.get("1"));
        assert!(guidance_for(&comments, "9", None, &profile, &mut openings, None).is_none());
    }

    #[test]
    fn the_coach_sees_the_thread_and_the_profile() {
        let comments = vec![
            judged(
                "1",
                "My order 48213 still hasn't arrived after two weeks.",
                false,
            ),
            judged(
                "2",
                "We are looking into order 48213 right now, sorry for the wait.",
                true,
            ),
        ];
        let profile = Profile {
            avoid: vec!["unfortunately".into()],
            ..Profile::default()
        };
        let repeated = coach_for(
            &comments,
            "1",
            "We are looking into order 48213 right now, sorry for the wait.",
            Some(Platform::X),
            &profile,
        )
        .unwrap();
        assert!(repeated.iter().any(|w| w.rule == "P10"), "{repeated:?}");
        let avoided = coach_for(
            &comments,
            "1",
            "Unfortunately order 48213 is late; we are checking with the carrier now.",
            Some(Platform::X),
            &profile,
        )
        .unwrap();
        assert!(avoided.iter().any(|w| w.rule == "P11"), "{avoided:?}");
    }
}
