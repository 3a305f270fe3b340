//! The summary of one thread, for the side panel, the reports and the test harness.
//!
//! Owns: the counts per category, what the brand has not answered yet and for how long, the people
//! who complained more than once, the praise-to-complaint ratio (P17) and the detection of a surge
//! of complaints (P16), plus the small ISO 8601 reader and writer those need.
//!
//! Conventions, which the end-to-end harness checks: everything counts only comments NOT written by
//! the brand; the category of a comment is the one in its verdict, which the engine has already
//! replaced by the person's correction when there is one; a comment is answered when a brand comment
//! names it as its `parent_id`.

use std::collections::{BTreeMap, HashMap, HashSet};

use serde::{Deserialize, Serialize};

use crate::classify::Category;
use crate::thread::JudgedComment;

/// When complaints count as a surge (P16). The brand profile will supply its own later.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct CrisisThresholds {
    /// At least this many complaints inside the window…
    pub min_complaints: usize,
    /// …the window being this many minutes, ending now (or at the latest comment when the time of
    /// day is unknown)…
    pub window_minutes: u32,
    /// …and complaints making at least this share (0–1) of the comments inside the window.
    pub min_share: f32,
}

impl Default for CrisisThresholds {
    /// Five complaints in an hour, half of what was said in that hour: loud enough to be more than a
    /// bad day for one customer, low enough to warn before a thread is lost.
    fn default() -> Self {
        Self {
            min_complaints: 5,
            window_minutes: 60,
            min_share: 0.5,
        }
    }
}

/// How the surge test was made, so the panel can say what it looked at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SurgeBasis {
    /// The comments whose time fell inside the window.
    Window,
    /// No comment had a readable time: the whole thread stood in for the window.
    WholeThread,
}

/// The figures behind `crisis`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Surge {
    pub basis: SurgeBasis,
    pub window_minutes: u32,
    /// Complaints and comments (not by the brand) inside the window.
    pub complaints: usize,
    pub comments: usize,
    /// `complaints / comments`, 0 when there is no comment.
    pub share: f32,
    /// The end of the window, in ms since 1970 (absent for [`SurgeBasis::WholeThread`]).
    pub window_end_ms: Option<i64>,
}

/// A complaint or question the brand has not answered yet.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Waiting {
    pub id: String,
    pub author: String,
    pub category: Category,
    /// Minutes since the comment was written; absent when its time or the current time is unknown.
    pub waited_minutes: Option<i64>,
}

/// Someone who complained more than once in the thread.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RepeatAuthor {
    pub author: String,
    /// Their complaints, in thread order.
    pub ids: Vec<String>,
}

/// What a thread looks like from the brand's side.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ThreadSummary {
    /// Comments not by the brand, per category; every category is present.
    pub counts: BTreeMap<Category, usize>,
    /// Comments not by the brand.
    pub total: usize,
    /// Comments written by the brand.
    pub brand_comments: usize,
    /// Ids of the complaints and questions no brand comment replies to, in thread order.
    pub unanswered: Vec<String>,
    /// The same items with their author and wait, longest wait first (unknown waits last).
    pub waiting: Vec<Waiting>,
    /// Ids of the comments (not by the brand) a brand comment replies to, in thread order.
    pub answered: Vec<String>,
    /// Names of the people who complained more than once, in the order of their first complaint.
    pub repeat_authors: Vec<String>,
    pub repeat_complaints: Vec<RepeatAuthor>,
    /// Praise per complaint; absent when there is no complaint.
    pub praise_complaint_ratio: Option<f32>,
    /// Complaints surge: write one message to everyone (P16).
    pub crisis: bool,
    pub surge: Surge,
}

/// Summarises `comments` (in thread order). `now_ms` is the current time in ms since 1970, when the
/// caller knows it; without it waits are unknown and the surge window ends at the latest comment.
pub fn summarize(
    comments: &[JudgedComment],
    now_ms: Option<i64>,
    thresholds: &CrisisThresholds,
) -> ThreadSummary {
    let replied_to: HashSet<&str> = comments
        .iter()
        .filter(|c| c.comment.by_brand)
        .filter_map(|c| c.comment.parent_id.as_deref())
        .collect();
    let audience: Vec<&JudgedComment> = comments.iter().filter(|c| !c.comment.by_brand).collect();

    let mut counts: BTreeMap<Category, usize> = Category::ALL.iter().map(|&c| (c, 0)).collect();
    for c in &audience {
        *counts.entry(c.verdict.category).or_default() += 1;
    }

    let needs_answer =
        |c: &JudgedComment| matches!(c.verdict.category, Category::Complaint | Category::Question);
    let unanswered: Vec<&JudgedComment> = audience
        .iter()
        .copied()
        .filter(|c| needs_answer(c) && !replied_to.contains(c.comment.id.as_str()))
        .collect();
    let mut waiting: Vec<Waiting> = unanswered
        .iter()
        .map(|c| Waiting {
            id: c.comment.id.clone(),
            author: c.comment.author.clone(),
            category: c.verdict.category,
            waited_minutes: now_ms
                .zip(comment_time_ms(c))
                .map(|(now, at)| (now - at).max(0) / 60_000),
        })
        .collect();
    // Longest wait first; a stable sort keeps thread order among equals and unknowns.
    waiting.sort_by_key(|w| std::cmp::Reverse(w.waited_minutes.map_or(i64::MIN, |m| m)));

    let complaints = counts[&Category::Complaint];
    let praise = counts[&Category::Praise];
    let repeat_complaints = repeat_complainers(&audience);
    let surge = measure_surge(&audience, now_ms, thresholds);
    let crisis =
        surge.complaints >= thresholds.min_complaints.max(1) && surge.share >= thresholds.min_share;

    ThreadSummary {
        total: audience.len(),
        brand_comments: comments.len() - audience.len(),
        unanswered: unanswered.iter().map(|c| c.comment.id.clone()).collect(),
        waiting,
        answered: audience
            .iter()
            .filter(|c| replied_to.contains(c.comment.id.as_str()))
            .map(|c| c.comment.id.clone())
            .collect(),
        repeat_authors: repeat_complaints.iter().map(|r| r.author.clone()).collect(),
        repeat_complaints,
        praise_complaint_ratio: (complaints > 0).then(|| praise as f32 / complaints as f32),
        counts,
        crisis,
        surge,
    }
}

fn repeat_complainers(audience: &[&JudgedComment]) -> Vec<RepeatAuthor> {
    let mut by_author: Vec<RepeatAuthor> = Vec::new();
    let mut at: HashMap<&str, usize> = HashMap::new();
    for c in audience
        .iter()
        .filter(|c| c.verdict.category == Category::Complaint)
    {
        let name = c.comment.author.trim();
        let slot = *at.entry(name).or_insert_with(|| {
            by_author.push(RepeatAuthor {
                author: name.to_string(),
                ids: Vec::new(),
            });
            by_author.len() - 1
        });
        by_author[slot].ids.push(c.comment.id.clone());
    }
    by_author.retain(|r| r.ids.len() > 1);
    by_author
}

fn measure_surge(
    audience: &[&JudgedComment],
    now_ms: Option<i64>,
    thresholds: &CrisisThresholds,
) -> Surge {
    let timed: Vec<(i64, Category)> = audience
        .iter()
        .filter_map(|c| comment_time_ms(c).map(|t| (t, c.verdict.category)))
        .collect();
    let latest = timed.iter().map(|&(t, _)| t).max();
    let (basis, window_end, inside): (SurgeBasis, Option<i64>, Vec<Category>) =
        match now_ms.or(latest) {
            Some(end) if latest.is_some() => {
                let start = end - i64::from(thresholds.window_minutes) * 60_000;
                let inside = timed
                    .iter()
                    .filter(|&&(t, _)| t > start && t <= end)
                    .map(|&(_, c)| c)
                    .collect();
                (SurgeBasis::Window, Some(end), inside)
            }
            _ => (
                SurgeBasis::WholeThread,
                None,
                audience.iter().map(|c| c.verdict.category).collect(),
            ),
        };
    let complaints = inside.iter().filter(|&&c| c == Category::Complaint).count();
    Surge {
        basis,
        window_minutes: thresholds.window_minutes,
        complaints,
        comments: inside.len(),
        share: if inside.is_empty() {
            0.0
        } else {
            complaints as f32 / inside.len() as f32
        },
        window_end_ms: window_end,
    }
}

/// The comment's time in ms since 1970, when the page gave it in ISO 8601.
pub fn comment_time_ms(c: &JudgedComment) -> Option<i64> {
    c.comment.time.as_deref().and_then(parse_iso8601_ms)
}

/// Reads an ISO 8601 date-time: `YYYY-MM-DD`, then optionally `T` (or a space) `HH:MM[:SS[.fff]]`
/// and a zone `Z`, `±HH`, `±HHMM` or `±HH:MM`. Without a zone the time is taken as UTC. Anything
/// else (relative times such as "2 h", impossible dates) gives `None`.
pub fn parse_iso8601_ms(text: &str) -> Option<i64> {
    let s = text.trim().as_bytes();
    let mut at = 0;
    let year = digits(s, &mut at, 4)?;
    expect(s, &mut at, b'-')?;
    let month = digits(s, &mut at, 2)?;
    expect(s, &mut at, b'-')?;
    let day = digits(s, &mut at, 2)?;
    if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
        return None;
    }
    let mut ms_of_day = 0;
    let mut offset_minutes = 0;
    if at < s.len() {
        if !matches!(s[at], b'T' | b't' | b' ') {
            return None;
        }
        at += 1;
        let hour = digits(s, &mut at, 2)?;
        expect(s, &mut at, b':')?;
        let minute = digits(s, &mut at, 2)?;
        let mut second = 0;
        let mut millis = 0;
        if s.get(at) == Some(&b':') {
            at += 1;
            second = digits(s, &mut at, 2)?;
            if matches!(s.get(at), Some(b'.' | b',')) {
                at += 1;
                let start = at;
                while s.get(at).is_some_and(u8::is_ascii_digit) {
                    if at - start < 3 {
                        millis = millis * 10 + i64::from(s[at] - b'0');
                    }
                    at += 1;
                }
                match at - start {
                    0 => return None,
                    1 => millis *= 100,
                    2 => millis *= 10,
                    _ => {}
                }
            }
        }
        // A leap second (:60) is read as the last second of its minute.
        if hour > 23 || minute > 59 || second > 60 {
            return None;
        }
        ms_of_day = ((hour * 60 + minute) * 60 + second.min(59)) * 1000 + millis;
        match s.get(at) {
            None => {}
            Some(b'Z' | b'z') => at += 1,
            Some(&sign @ (b'+' | b'-')) => {
                at += 1;
                let hours = digits(s, &mut at, 2)?;
                if s.get(at) == Some(&b':') {
                    at += 1;
                }
                let minutes = if at < s.len() {
                    digits(s, &mut at, 2)?
                } else {
                    0
                };
                if hours > 23 || minutes > 59 {
                    return None;
                }
                offset_minutes = (hours * 60 + minutes) * if sign == b'-' { -1 } else { 1 };
            }
            Some(_) => return None,
        }
        if at != s.len() {
            return None;
        }
    }
    Some(days_since_epoch(year, month, day) * 86_400_000 + ms_of_day - offset_minutes * 60_000)
}

/// Writes `ms` since 1970 as `YYYY-MM-DDTHH:MM:SSZ` (UTC), for the reports.
pub fn format_iso8601(ms: i64) -> String {
    let days = ms.div_euclid(86_400_000);
    let secs = ms.rem_euclid(86_400_000) / 1000;
    let mut year = 1970;
    let mut left = days;
    loop {
        let len = if is_leap(year) { 366 } else { 365 };
        if left < 0 {
            year -= 1;
            left += if is_leap(year) { 366 } else { 365 };
        } else if left >= len {
            left -= len;
            year += 1;
        } else {
            break;
        }
    }
    let mut month = 1;
    while left >= days_in_month(year, month) {
        left -= days_in_month(year, month);
        month += 1;
    }
    format!(
        "{year:04}-{month:02}-{:02}T{:02}:{:02}:{:02}Z",
        left + 1,
        secs / 3600,
        secs / 60 % 60,
        secs % 60
    )
}

fn digits(s: &[u8], at: &mut usize, count: usize) -> Option<i64> {
    let part = s.get(*at..*at + count)?;
    if !part.iter().all(u8::is_ascii_digit) {
        return None;
    }
    *at += count;
    Some(part.iter().fold(0, |n, d| n * 10 + i64::from(d - b'0')))
}

fn expect(s: &[u8], at: &mut usize, byte: u8) -> Option<()> {
    (s.get(*at) == Some(&byte)).then(|| *at += 1)
}

fn is_leap(year: i64) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i64, month: i64) -> i64 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days from 1970-01-01 to the given date (negative before), for years 1 to 9999.
fn days_since_epoch(year: i64, month: i64, day: i64) -> i64 {
    // Leap days in the years 1..y, counted by the Gregorian rule.
    let leap_days_before = |y: i64| (y - 1) / 4 - (y - 1) / 100 + (y - 1) / 400;
    let days_before_year = (year - 1970) * 365 + leap_days_before(year) - leap_days_before(1970);
    let days_before_month: i64 = (1..month).map(|m| days_in_month(year, m)).sum();
    days_before_year + days_before_month + day - 1
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classify::Verdict;
    use crate::text::Lang;
    use crate::thread::Comment;

    const T0: &str = "2026-03-10T12:00:00Z";
    /// 2026-03-10T12:00:00Z in ms since 1970.
    const T0_MS: i64 = 1_773_144_000_000;

    struct C {
        id: String,
        author: String,
        category: Category,
        parent: Option<&'static str>,
        brand: bool,
        time: Option<String>,
    }

    fn c(id: &str, author: &str, category: Category) -> C {
        C {
            id: id.into(),
            author: author.into(),
            category,
            parent: None,
            brand: false,
            time: None,
        }
    }

    impl C {
        fn reply_to(mut self, parent: &'static str) -> Self {
            self.parent = Some(parent);
            self
        }
        fn brand(mut self) -> Self {
            self.brand = true;
            self
        }
        fn at(mut self, time: impl Into<String>) -> Self {
            self.time = Some(time.into());
            self
        }
    }

    fn judged(list: Vec<C>) -> Vec<JudgedComment> {
        list.into_iter()
            .map(|c| JudgedComment {
                comment: Comment {
                    text: format!("text of {}", c.id),
                    id: c.id,
                    author: c.author,
                    author_url: None,
                    truncated: false,
                    time: c.time,
                    depth: u8::from(c.parent.is_some()),
                    parent_id: c.parent.map(str::to_string),
                    by_brand: c.brand,
                },
                verdict: Verdict {
                    category: c.category,
                    flags: vec![],
                    confidence: 0.9,
                    lang: Lang::En,
                    cues: vec![],
                },
            })
            .collect()
    }

    use Category::*;

    #[test]
    fn counts_and_unanswered_follow_the_harness_semantics() {
        struct Case {
            name: &'static str,
            thread: Vec<C>,
            counts: [usize; 6],
            unanswered: &'static [&'static str],
            answered: &'static [&'static str],
            repeat: &'static [&'static str],
        }
        let cases = [
            Case {
                name: "empty thread",
                thread: vec![],
                counts: [0; 6],
                unanswered: &[],
                answered: &[],
                repeat: &[],
            },
            Case {
                name: "brand comments are not counted, even as complaints",
                thread: vec![c("1", "Ann", Complaint), c("2", "Acme", Complaint).brand()],
                counts: [1, 0, 0, 0, 0, 0],
                unanswered: &["1"],
                answered: &[],
                repeat: &[],
            },
            Case {
                name: "a brand reply answers its parent only",
                thread: vec![
                    c("1", "Ann", Complaint),
                    c("2", "Bo", Question),
                    c("3", "Acme", Neutral).brand().reply_to("1"),
                ],
                counts: [1, 1, 0, 0, 0, 0],
                unanswered: &["2"],
                answered: &["1"],
                repeat: &[],
            },
            Case {
                name: "a reply by someone else does not answer",
                thread: vec![c("1", "Ann", Complaint), c("2", "Bo", Praise).reply_to("1")],
                counts: [1, 0, 1, 0, 0, 0],
                unanswered: &["1"],
                answered: &[],
                repeat: &[],
            },
            Case {
                name: "a brand reply lower in an X chain answers only its own parent",
                thread: vec![
                    c("1", "Ann", Complaint),
                    c("2", "Bo", Complaint).reply_to("1"),
                    c("3", "Acme", Neutral).brand().reply_to("2"),
                ],
                counts: [2, 0, 0, 0, 0, 0],
                unanswered: &["1"],
                answered: &["2"],
                repeat: &[],
            },
            Case {
                name: "praise, trolls, spam and neutral never wait for an answer",
                thread: vec![
                    c("1", "Ann", Praise),
                    c("2", "Bo", Troll),
                    c("3", "Cy", Spam),
                    c("4", "Di", Neutral),
                ],
                counts: [0, 0, 1, 1, 1, 1],
                unanswered: &[],
                answered: &[],
                repeat: &[],
            },
            Case {
                name: "repeat complainers: twice or more, complaints only, names trimmed",
                thread: vec![
                    c("1", "Ann", Complaint),
                    c("2", "Bo", Complaint),
                    c("3", "Bo", Question),
                    c("4", "Ann ", Complaint),
                    c("5", "Cy", Complaint),
                    c("6", "Cy", Complaint),
                    c("7", "Acme", Complaint).brand(),
                    c("8", "Acme", Complaint).brand(),
                ],
                counts: [5, 1, 0, 0, 0, 0],
                unanswered: &["1", "2", "3", "4", "5", "6"],
                answered: &[],
                repeat: &["Ann", "Cy"],
            },
        ];
        for case in cases {
            let summary = summarize(&judged(case.thread), None, &CrisisThresholds::default());
            let counts: Vec<usize> = Category::ALL.iter().map(|c| summary.counts[c]).collect();
            assert_eq!(counts, case.counts, "{}", case.name);
            assert_eq!(summary.unanswered, case.unanswered, "{}", case.name);
            assert_eq!(summary.answered, case.answered, "{}", case.name);
            assert_eq!(summary.repeat_authors, case.repeat, "{}", case.name);
            assert_eq!(summary.total, counts.iter().sum::<usize>(), "{}", case.name);
        }
    }

    #[test]
    fn ratio_of_praise_to_complaints() {
        let cases: [(Vec<C>, Option<f32>); 3] = [
            (vec![c("1", "A", Praise)], None),
            (
                vec![
                    c("1", "A", Praise),
                    c("2", "B", Praise),
                    c("3", "C", Praise),
                    c("4", "D", Complaint),
                    c("5", "E", Complaint),
                ],
                Some(1.5),
            ),
            (vec![c("1", "A", Complaint)], Some(0.0)),
        ];
        for (thread, expected) in cases {
            let summary = summarize(&judged(thread), None, &CrisisThresholds::default());
            assert_eq!(summary.praise_complaint_ratio, expected);
        }
    }

    #[test]
    fn waits_are_measured_from_the_comment_time() {
        let thread = judged(vec![
            c("1", "Ann", Complaint).at("2026-03-10T11:00:00Z"),
            c("2", "Bo", Question).at("2026-03-10T12:30:00+02:00"),
            c("3", "Cy", Complaint).at("2 h"),
            c("4", "Di", Question).at("2026-03-10T11:59:59.999Z"),
        ]);
        let waits = |now: Option<i64>| -> Vec<(String, Option<i64>)> {
            summarize(&thread, now, &CrisisThresholds::default())
                .waiting
                .into_iter()
                .map(|w| (w.id, w.waited_minutes))
                .collect()
        };
        let owned = |v: &[(&str, Option<i64>)]| -> Vec<(String, Option<i64>)> {
            v.iter().map(|&(id, m)| (id.to_string(), m)).collect()
        };
        assert_eq!(
            waits(Some(T0_MS)),
            owned(&[
                ("2", Some(90)),
                ("1", Some(60)),
                ("4", Some(0)),
                ("3", None)
            ])
        );
        // Without the current time no wait is known; the thread order stays.
        assert_eq!(
            waits(None),
            owned(&[("1", None), ("2", None), ("3", None), ("4", None)])
        );
        // A clock behind the comment (another machine's time) never gives a negative wait.
        assert_eq!(waits(Some(T0_MS - 3_600_000 * 3))[0].1, Some(0));
    }

    #[test]
    fn surges_of_complaints_raise_a_crisis() {
        let at = |minutes_before: i64| format_iso8601(T0_MS - minutes_before * 60_000);
        let complaints = |n: usize, spread_minutes: i64| -> Vec<C> {
            (0..n)
                .map(|i| c(&format!("c{i}"), "X", Complaint).at(at(i as i64 * spread_minutes)))
                .collect()
        };
        struct Case {
            name: &'static str,
            thread: Vec<C>,
            now: Option<i64>,
            crisis: bool,
            basis: SurgeBasis,
            in_window: usize,
        }
        let mut with_praise = complaints(5, 5);
        with_praise.extend((0..6).map(|i| c(&format!("p{i}"), "Y", Praise).at(at(2))));
        let untimed: Vec<C> = (0..6)
            .map(|i| c(&format!("u{i}"), "Z", Complaint))
            .collect();
        let cases = [
            Case {
                name: "five complaints in twenty minutes",
                thread: complaints(5, 5),
                now: Some(T0_MS),
                crisis: true,
                basis: SurgeBasis::Window,
                in_window: 5,
            },
            Case {
                name: "four are not enough",
                thread: complaints(4, 5),
                now: Some(T0_MS),
                crisis: false,
                basis: SurgeBasis::Window,
                in_window: 4,
            },
            Case {
                name: "five spread over five hours",
                thread: complaints(5, 75),
                now: Some(T0_MS),
                crisis: false,
                basis: SurgeBasis::Window,
                in_window: 1,
            },
            Case {
                name: "an old surge is over when the clock is known",
                thread: complaints(5, 5),
                now: Some(T0_MS + 3 * 3_600_000),
                crisis: false,
                basis: SurgeBasis::Window,
                in_window: 0,
            },
            Case {
                name: "without a clock the window ends at the latest comment",
                thread: complaints(5, 5),
                now: None,
                crisis: true,
                basis: SurgeBasis::Window,
                in_window: 5,
            },
            Case {
                name: "drowned in praise: share under a half",
                thread: with_praise,
                now: Some(T0_MS),
                crisis: false,
                basis: SurgeBasis::Window,
                in_window: 11,
            },
            Case {
                name: "no time at all: the whole thread counts",
                thread: untimed,
                now: Some(T0_MS),
                crisis: true,
                basis: SurgeBasis::WholeThread,
                in_window: 6,
            },
            Case {
                name: "empty thread",
                thread: vec![],
                now: Some(T0_MS),
                crisis: false,
                basis: SurgeBasis::WholeThread,
                in_window: 0,
            },
        ];
        for case in cases {
            let s = summarize(&judged(case.thread), case.now, &CrisisThresholds::default());
            assert_eq!(s.crisis, case.crisis, "{}", case.name);
            assert_eq!(s.surge.basis, case.basis, "{}", case.name);
            assert_eq!(s.surge.comments, case.in_window, "{}", case.name);
        }
        // Thresholds come from the caller (the brand profile, later).
        let strict = CrisisThresholds {
            min_complaints: 6,
            ..CrisisThresholds::default()
        };
        assert!(!summarize(&judged(complaints(5, 1)), Some(T0_MS), &strict).crisis);
    }

    #[test]
    fn reads_iso_8601_and_refuses_the_rest() {
        let cases: &[(&str, Option<i64>)] = &[
            (T0, Some(T0_MS)),
            ("1970-01-01T00:00:00Z", Some(0)),
            ("1970-01-01", Some(0)),
            ("2026-03-10t12:00:00z", Some(T0_MS)),
            ("2026-03-10 12:00:00", Some(T0_MS)),
            ("2026-03-10T12:00", Some(T0_MS)),
            ("  2026-03-10T12:00:00.000Z ", Some(T0_MS)),
            ("2026-03-10T12:00:00.5Z", Some(T0_MS + 500)),
            ("2026-03-10T12:00:00.123456Z", Some(T0_MS + 123)),
            ("2026-03-10T14:00:00+02:00", Some(T0_MS)),
            ("2026-03-10T14:00:00+0200", Some(T0_MS)),
            ("2026-03-10T07:00:00-05", Some(T0_MS)),
            ("2026-03-10T11:59:60Z", Some(T0_MS - 1000)),
            ("2024-02-29T00:00:00Z", Some(1_709_164_800_000)),
            ("2000-03-01T00:00:00Z", Some(951_868_800_000)),
            ("1969-12-31T23:59:59Z", Some(-1000)),
            ("2023-02-29T00:00:00Z", None),
            ("1900-02-29", None),
            ("2026-13-01", None),
            ("2026-04-31", None),
            ("2026-03-10T24:00:00Z", None),
            ("2026-03-10T12:00:00.Z", None),
            ("2026-03-10T12:00:00ZZ", None),
            ("2026-03-10T12:00:00+2", None),
            ("2026-03-10X12:00", None),
            ("2026-3-10", None),
            ("2 h", None),
            ("il y a 3 min", None),
            ("", None),
            ("２０２６-03-10", None),
            ("2026-03-10T12:00:00Z\u{202e}", None),
        ];
        for &(text, expected) in cases {
            assert_eq!(parse_iso8601_ms(text), expected, "{text:?}");
        }
    }

    #[test]
    fn writes_iso_8601_that_reads_back() {
        for ms in [
            0,
            T0_MS,
            -1000,
            951_868_800_000,
            1_709_164_800_000 + 86_399_000,
            4_102_444_800_000,
        ] {
            let text = format_iso8601(ms);
            assert_eq!(parse_iso8601_ms(&text), Some(ms), "{text}");
        }
        assert_eq!(format_iso8601(T0_MS), T0);
    }

    #[test]
    fn serialises_counts_as_an_object_of_every_category() {
        let s = summarize(
            &judged(vec![c("1", "A", Complaint)]),
            None,
            &CrisisThresholds::default(),
        );
        let json = serde_json::to_value(&s).unwrap();
        assert_eq!(
            json["counts"],
            serde_json::json!({"complaint": 1, "question": 0, "praise": 0, "troll": 0, "spam": 0, "neutral": 0})
        );
        assert_eq!(json["unanswered"], serde_json::json!(["1"]));
        assert_eq!(json["crisis"], serde_json::json!(false));
        let back: ThreadSummary = serde_json::from_value(json).unwrap();
        assert_eq!(back, s);
    }
}
