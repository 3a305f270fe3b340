//! Reports for the brand (P5, P17): one thread's analysis as CSV, as JSON, and as a one-page plain
//! text to paste in an e-mail or a ticket.
//!
//! Owns: the three formats, the CSV escaping (quotes, separators, line breaks, and cells a
//! spreadsheet would run as formulas), and the FR/EN wording of the text report and of the category
//! names and waits it shares with the side panel.

use std::borrow::Cow;
use std::collections::HashSet;

use serde_json::{json, Value};

use crate::classify::{Category, Flag};
use crate::protocol::{ExportFormat, ThreadReport};
use crate::text::Lang;
use crate::thread::summary::{format_iso8601, SurgeBasis};
use crate::thread::Platform;

/// Unanswered items listed by name in the text report; the rest are counted.
const TEXT_REPORT_ITEMS: usize = 10;
/// Characters of a comment quoted in the text report.
const TEXT_REPORT_QUOTE: usize = 90;

/// A category as people read it, in French or English (anything else: English).
pub fn category_name(category: Category, lang: Lang) -> &'static str {
    let fr = lang == Lang::Fr;
    match category {
        Category::Complaint if fr => "Réclamation",
        Category::Complaint => "Complaint",
        Category::Question => "Question",
        Category::Praise if fr => "Compliment",
        Category::Praise => "Praise",
        Category::Troll => "Troll",
        Category::Spam => "Spam",
        Category::Neutral if fr => "Neutre",
        Category::Neutral => "Neutral",
    }
}

/// A wait in minutes as people say it: "45 min", "3 h 05", "2 d 4 h" / "2 j 4 h".
pub fn format_wait(minutes: i64, lang: Lang) -> String {
    let day = if lang == Lang::Fr { "j" } else { "d" };
    match minutes.max(0) {
        m if m < 60 => format!("{m} min"),
        m if m < 24 * 60 => format!("{} h {:02}", m / 60, m % 60),
        m => format!("{} {day} {} h", m / (24 * 60), m / 60 % 24),
    }
}

/// One CSV cell: a cell a spreadsheet would run as a formula (`= + - @`, or a tab or carriage
/// return first) is made text with a leading apostrophe; a cell holding a comma, a quote or a line
/// break is quoted, its quotes doubled (RFC 4180).
pub fn csv_cell(value: &str) -> Cow<'_, str> {
    let formula = value.starts_with(['=', '+', '-', '@', '\t', '\r']);
    let needs_quotes = value.contains([',', '"', '\n', '\r']);
    if !formula && !needs_quotes {
        return Cow::Borrowed(value);
    }
    let mut cell = String::with_capacity(value.len() + 4);
    if needs_quotes {
        cell.push('"');
    }
    if formula {
        cell.push('\'');
    }
    for ch in value.chars() {
        if ch == '"' {
            cell.push('"');
        }
        cell.push(ch);
    }
    if needs_quotes {
        cell.push('"');
    }
    Cow::Owned(cell)
}

const CSV_COLUMNS: [&str; 16] = [
    "id",
    "parent_id",
    "depth",
    "author",
    "time",
    "by_brand",
    "category",
    "corrected_from",
    "confidence",
    "flags",
    "lang",
    "needs_answer",
    "answered_by_brand",
    "waited_minutes",
    "truncated",
    "text",
];

/// Every comment of the thread, one row each, with its verdict, correction and answer state.
/// A UTF-8 byte-order mark starts the file so spreadsheets read accents right; rows end in CRLF.
pub fn to_csv(report: &ThreadReport) -> String {
    let answered: HashSet<&str> = report.summary.answered.iter().map(String::as_str).collect();
    let mut out = String::from("\u{feff}");
    out.push_str(&CSV_COLUMNS.join(","));
    out.push_str("\r\n");
    for c in &report.comments {
        let id = c.comment.id.as_str();
        let waited = report
            .summary
            .waiting
            .iter()
            .find(|w| w.id == id)
            .and_then(|w| w.waited_minutes)
            .map(|m| m.to_string())
            .unwrap_or_default();
        let row: [Cow<'_, str>; 16] = [
            id.into(),
            c.comment.parent_id.as_deref().unwrap_or("").into(),
            c.comment.depth.to_string().into(),
            c.comment.author.as_str().into(),
            c.comment.time.as_deref().unwrap_or("").into(),
            yes_no(c.comment.by_brand).into(),
            c.verdict.category.as_str().into(),
            c.corrected_from.map_or("", Category::as_str).into(),
            format!("{:.2}", c.verdict.confidence).into(),
            c.verdict
                .flags
                .iter()
                .map(|&f| flag_name(f))
                .collect::<Vec<_>>()
                .join(" ")
                .into(),
            lang_code(c.verdict.lang).into(),
            yes_no(!c.comment.by_brand && needs_answer(c.verdict.category)).into(),
            yes_no(answered.contains(id)).into(),
            waited.into(),
            yes_no(c.comment.truncated).into(),
            c.comment.text.as_str().into(),
        ];
        let cells: Vec<Cow<'_, str>> = row.iter().map(|v| csv_cell(v)).collect();
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    }
    out
}

/// The whole analysis as JSON: summary, comments with verdicts and whether the brand answered them,
/// and the corrections made by hand.
pub fn to_json(report: &ThreadReport, now_ms: Option<i64>) -> String {
    let answered: HashSet<&str> = report.summary.answered.iter().map(String::as_str).collect();
    let comments: Vec<Value> = report
        .comments
        .iter()
        .map(|c| {
            let mut value = serde_json::to_value(c).unwrap_or(Value::Null);
            if let Value::Object(fields) = &mut value {
                fields.insert(
                    "answered_by_brand".into(),
                    Value::Bool(answered.contains(c.comment.id.as_str())),
                );
            }
            value
        })
        .collect();
    let corrections: Vec<Value> = report
        .comments
        .iter()
        .filter_map(|c| {
            c.corrected_from.map(|from| {
                json!({"id": c.comment.id, "category": c.verdict.category, "corrected_from": from})
            })
        })
        .collect();
    let document = json!({
        "format": "candor-thread-report",
        "version": 1,
        "exported_at": now_ms.map(format_iso8601),
        "url": report.url,
        "platform": report.platform,
        "status": report.status,
        "reason": report.reason,
        "summary": report.summary,
        "comments": comments,
        "corrections": corrections,
    });
    // One line: smaller code than a pretty printer, and any JSON viewer indents it.
    serde_json::to_string(&document).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
}

/// One page of plain text for the brand: what was said, what waits, who keeps complaining, and
/// whether a crisis message is due. Every line that applies a practice rule names it.
pub fn to_text(report: &ThreadReport, lang: Lang, now_ms: Option<i64>) -> String {
    let fr = lang == Lang::Fr;
    let s = &report.summary;
    let mut out = String::new();
    let mut line = |text: String| {
        out.push_str(&text);
        out.push('\n');
    };
    line(if fr {
        "Candor — synthèse du fil de commentaires".into()
    } else {
        "Candor — comment thread summary".into()
    });
    let platform = report.platform.map_or("?", platform_name);
    let url = one_line(&report.url);
    line(if fr {
        format!("Page : {url} ({platform})")
    } else {
        format!("Page: {url} ({platform})")
    });
    if let Some(now) = now_ms {
        line(format!(
            "{} {}",
            if fr { "Établie le" } else { "Written" },
            format_iso8601(now)
        ));
    }
    line(String::new());
    line(if fr {
        format!(
            "Commentaires du public : {} (réponses de la marque : {})",
            s.total, s.brand_comments
        )
    } else {
        format!(
            "Comments from the audience: {} (brand replies: {})",
            s.total, s.brand_comments
        )
    });
    let counts: Vec<String> = Category::ALL
        .iter()
        .map(|&c| {
            format!(
                "{} {}",
                category_name(c, lang),
                s.counts.get(&c).unwrap_or(&0)
            )
        })
        .collect();
    line(format!("  {}", counts.join(" · ")));
    line(match s.praise_complaint_ratio {
        Some(r) if fr => format!("Compliments par réclamation : {r:.1} (P17)"),
        Some(r) => format!("Praise per complaint: {r:.1} (P17)"),
        None if fr => "Aucune réclamation dans ce fil (P17)".into(),
        None => "No complaint in this thread (P17)".into(),
    });
    if s.crisis {
        let window = match s.surge.basis {
            SurgeBasis::Window if fr => {
                format!("dans les {} dernières minutes", s.surge.window_minutes)
            }
            SurgeBasis::Window => format!("in the last {} minutes", s.surge.window_minutes),
            SurgeBasis::WholeThread if fr => "dans tout le fil".into(),
            SurgeBasis::WholeThread => "in the whole thread".into(),
        };
        let share = (s.surge.share * 100.0).round();
        line(String::new());
        line(if fr {
            format!("ALERTE : {} réclamations {window} ({share} % des commentaires). Publiez un seul message adressé à tous : la position de la marque et ce qui est fait pour que cela ne se reproduise pas (P16).", s.surge.complaints)
        } else {
            format!("ALERT: {} complaints {window} ({share}% of comments). Post one message addressed to everyone: the brand's position and what is being done so it does not happen again (P16).", s.surge.complaints)
        });
    }
    line(String::new());
    line(if fr {
        format!(
            "Encore sans réponse de la marque : {} (P2)",
            s.unanswered.len()
        )
    } else {
        format!("Still unanswered by the brand: {} (P2)", s.unanswered.len())
    });
    for w in s.waiting.iter().take(TEXT_REPORT_ITEMS) {
        let quote = report
            .comments
            .iter()
            .find(|c| c.comment.id == w.id)
            .map(|c| quote(&c.comment.text))
            .unwrap_or_default();
        let waited = w.waited_minutes.map_or_else(String::new, |m| {
            if fr {
                format!(", attend depuis {}", format_wait(m, lang))
            } else {
                format!(", waiting {}", format_wait(m, lang))
            }
        });
        let author = one_line(&w.author);
        let category = category_name(w.category, lang).to_lowercase();
        line(if fr {
            format!("  - {author} ({category}{waited}) : « {quote} »")
        } else {
            format!("  - {author} ({category}{waited}): “{quote}”")
        });
    }
    if s.waiting.len() > TEXT_REPORT_ITEMS {
        let more = s.waiting.len() - TEXT_REPORT_ITEMS;
        line(if fr {
            format!("  … et {more} autres")
        } else {
            format!("  … and {more} more")
        });
    }
    if !s.repeat_complaints.is_empty() {
        let people: Vec<String> = s
            .repeat_complaints
            .iter()
            .map(|r| format!("{} ({})", one_line(&r.author), r.ids.len()))
            .collect();
        line(String::new());
        line(if fr {
            format!(
                "Ont réclamé plusieurs fois : {} — suivez leur dossier (P5)",
                people.join(", ")
            )
        } else {
            format!(
                "Complained more than once: {} — follow up on their case (P5)",
                people.join(", ")
            )
        });
    }
    let corrected = report
        .comments
        .iter()
        .filter(|c| c.corrected_from.is_some())
        .count();
    if corrected > 0 {
        line(String::new());
        line(if fr {
            format!("Catégories corrigées à la main : {corrected}")
        } else {
            format!("Categories corrected by hand: {corrected}")
        });
    }
    line(String::new());
    line(if fr {
        "Rédigé par Candor dans votre navigateur ; aucun commentaire n'a été envoyé ailleurs."
            .into()
    } else {
        "Written by Candor in your browser; no comment was sent anywhere.".into()
    });
    out
}

/// `report` in `format`: its file name, media type and content.
pub fn export(
    report: &ThreadReport,
    format: ExportFormat,
    lang: Lang,
    now_ms: Option<i64>,
) -> (String, &'static str, String) {
    match format {
        ExportFormat::Csv => (
            file_name(report, "csv"),
            "text/csv;charset=utf-8",
            to_csv(report),
        ),
        ExportFormat::Json => (
            file_name(report, "json"),
            "application/json",
            to_json(report, now_ms),
        ),
        ExportFormat::Text => (
            file_name(report, "txt"),
            "text/plain;charset=utf-8",
            to_text(report, lang, now_ms),
        ),
    }
}

/// A file name for an export of `report`: the platform and the last part of the URL's path.
pub fn file_name(report: &ThreadReport, extension: &str) -> String {
    let path = report.url.split(['?', '#']).next().unwrap_or("");
    let last = path
        .trim_end_matches('/')
        .rsplit('/')
        .next()
        .unwrap_or("")
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_'))
        .take(40)
        .collect::<String>();
    let platform = report.platform.map_or("thread", |p| match p {
        Platform::Facebook => "facebook",
        Platform::X => "x",
        Platform::Linkedin => "linkedin",
    });
    if last.is_empty() {
        format!("candor-{platform}.{extension}")
    } else {
        format!("candor-{platform}-{last}.{extension}")
    }
}

fn needs_answer(category: Category) -> bool {
    matches!(category, Category::Complaint | Category::Question)
}

fn yes_no(value: bool) -> &'static str {
    if value {
        "yes"
    } else {
        "no"
    }
}

fn flag_name(flag: Flag) -> &'static str {
    match flag {
        Flag::Abusive => "abusive",
        Flag::Profanity => "profanity",
        Flag::PersonalData => "personal_data",
        Flag::Urgent => "urgent",
    }
}

fn lang_code(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => "fr",
        Lang::En => "en",
        Lang::Other => "other",
    }
}

fn platform_name(platform: Platform) -> &'static str {
    match platform {
        Platform::Facebook => "Facebook",
        Platform::X => "X",
        Platform::Linkedin => "LinkedIn",
    }
}

/// Text on one line, without control characters or bidirectional overrides that would reorder the
/// rest of the report.
fn one_line(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .filter(|c| !matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'))
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn quote(text: &str) -> String {
    let flat = one_line(text);
    if flat.chars().count() <= TEXT_REPORT_QUOTE {
        flat
    } else {
        let cut: String = flat.chars().take(TEXT_REPORT_QUOTE).collect();
        format!("{}…", cut.trim_end())
    }
}

/// Reads CSV text back into records of cells the way a spreadsheet does (RFC 4180: quoted cells,
/// doubled quotes, line ends inside quotes; a leading byte-order mark is skipped). The tests of
/// this module and the end-to-end check of the panel's export read what [`to_csv`] writes with it.
pub fn read_csv(text: &str) -> Vec<Vec<String>> {
    let mut records = Vec::new();
    let mut record = Vec::new();
    let mut cell = String::new();
    let mut quoted = false;
    let mut chars = text.trim_start_matches('\u{feff}').chars().peekable();
    while let Some(ch) = chars.next() {
        match (quoted, ch) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                cell.push('"');
            }
            (true, '"') => quoted = false,
            (true, _) => cell.push(ch),
            (false, '"') => quoted = true,
            (false, ',') => record.push(std::mem::take(&mut cell)),
            (false, '\r') => {}
            (false, '\n') => {
                record.push(std::mem::take(&mut cell));
                records.push(std::mem::take(&mut record));
            }
            (false, _) => cell.push(ch),
        }
    }
    if !cell.is_empty() || !record.is_empty() {
        record.push(cell);
        records.push(record);
    }
    records
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::protocol::{PageStatus, ReportedComment};
    use crate::thread::summary::{summarize, CrisisThresholds};
    use serde_json::json;

    #[test]
    fn csv_cells_are_escaped() {
        let cases = [
            ("plain", "plain"),
            ("", ""),
            ("a,b", "\"a,b\""),
            ("say \"hi\"", "\"say \"\"hi\"\"\""),
            ("line\nbreak", "\"line\nbreak\""),
            ("cr\r\nlf", "\"cr\r\nlf\""),
            (
                "=HYPERLINK(\"http://evil\")",
                "\"'=HYPERLINK(\"\"http://evil\"\")\"",
            ),
            ("=1+1", "'=1+1"),
            ("+33 6 12", "'+33 6 12"),
            ("-5", "'-5"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\tTAB", "'\tTAB"),
            ("\rCR", "\"'\rCR\""),
            ("a=b", "a=b"),
            (" =not first", " =not first"),
            ("élan — ok", "élan — ok"),
            ("مرحبا,world", "\"مرحبا,world\""),
        ];
        for (value, expected) in cases {
            assert_eq!(csv_cell(value), expected, "{value:?}");
        }
    }

    const NOW: i64 = 1_773_144_000_000;

    /// A report of `comments` (each: comment fields, `category`, maybe `corrected_from`), as the
    /// engine would send it, without depending on what the classifier says.
    fn report(comments: Value) -> ThreadReport {
        let comments: Vec<ReportedComment> = comments
            .as_array()
            .unwrap()
            .iter()
            .map(|c| {
                let mut c = c.clone();
                for (field, value) in [
                    ("flags", json!([])),
                    ("confidence", json!(0.8)),
                    ("lang", json!("en")),
                    ("cues", json!([])),
                ] {
                    c.as_object_mut().unwrap().entry(field).or_insert(value);
                }
                serde_json::from_value(c).unwrap()
            })
            .collect();
        let judged: Vec<_> = comments.iter().map(ReportedComment::judged).collect();
        ThreadReport {
            tab_id: 1,
            url: "https://x.com/acme/status/1790000000000000001".into(),
            platform: Some(Platform::X),
            status: PageStatus::Reading,
            reason: None,
            summary: summarize(&judged, Some(NOW), &CrisisThresholds::default()),
            comments,
        }
    }

    fn thread() -> Value {
        json!([
            {"id": "2", "author": "Jane, \"JD\"", "text": "=cmd|' /C calc'!A0\nsecond line", "time": "2026-03-10T11:00:00Z", "category": "complaint", "corrected_from": "neutral"},
            {"id": "3", "author": "Bo", "text": "Where is it?", "time": "2026-03-10T11:30:00Z", "category": "question", "corrected_from": "spam"},
            {"id": "4", "author": "Acme", "text": "Sorry Bo, on its way", "parent_id": "3", "depth": 1, "by_brand": true, "category": "neutral"},
            {"id": "5", "author": "Jane, \"JD\"", "text": "still broken", "time": "2026-03-10T11:50:00Z", "category": "complaint", "corrected_from": "praise"}
        ])
    }

    #[test]
    fn csv_has_one_row_per_comment_that_reads_back() {
        let r = report(thread());
        let csv = to_csv(&r);
        assert!(csv.starts_with('\u{feff}'));
        let rows = read_csv(&csv);
        assert_eq!(rows.len(), 5, "{csv}");
        assert!(
            rows.iter().all(|row| row.len() == CSV_COLUMNS.len()),
            "{rows:?}"
        );
        let col = |name: &str| CSV_COLUMNS.iter().position(|c| *c == name).unwrap();
        let jane = &rows[1];
        assert_eq!(jane[col("author")], "Jane, \"JD\"");
        assert_eq!(jane[col("text")], "'=cmd|' /C calc'!A0\nsecond line");
        assert_eq!(jane[col("category")], "complaint");
        assert_eq!(jane[col("corrected_from")], "neutral");
        assert_eq!(jane[col("needs_answer")], "yes");
        assert_eq!(jane[col("answered_by_brand")], "no");
        assert_eq!(jane[col("waited_minutes")], "60");
        let bo = &rows[2];
        assert_eq!(bo[col("corrected_from")], "spam");
        assert_eq!(rows[3][col("corrected_from")], "");
        assert_eq!(bo[col("answered_by_brand")], "yes");
        assert_eq!(rows[3][col("by_brand")], "yes");
        assert_eq!(rows[3][col("parent_id")], "3");
    }

    #[test]
    fn json_carries_comments_corrections_and_answers() {
        let r = report(thread());
        let doc: Value = serde_json::from_str(&to_json(&r, Some(NOW))).unwrap();
        assert_eq!(doc["exported_at"], json!("2026-03-10T12:00:00Z"));
        assert_eq!(doc["comments"].as_array().unwrap().len(), 4);
        assert_eq!(doc["comments"][1]["answered_by_brand"], json!(true));
        assert_eq!(doc["comments"][0]["answered_by_brand"], json!(false));
        assert_eq!(
            doc["corrections"],
            json!([
                {"id": "2", "category": "complaint", "corrected_from": "neutral"},
                {"id": "3", "category": "question", "corrected_from": "spam"},
                {"id": "5", "category": "complaint", "corrected_from": "praise"}
            ])
        );
        assert_eq!(doc["summary"]["unanswered"], json!(["2", "5"]));
    }

    #[test]
    fn text_report_in_both_languages() {
        let r = report(thread());
        let cases = [
            (
                Lang::En,
                &[
                    "Comments from the audience: 3 (brand replies: 1)",
                    "Complaint 2 · Question 1 · Praise 0",
                    "Praise per complaint: 0.0 (P17)",
                    "Still unanswered by the brand: 2 (P2)",
                    "  - Jane, \"JD\" (complaint, waiting 1 h 00): “=cmd|' /C calc'!A0 second line”",
                    "Complained more than once: Jane, \"JD\" (2) — follow up on their case (P5)",
                    "Categories corrected by hand: 3",
                ][..],
            ),
            (
                Lang::Fr,
                &[
                    "Commentaires du public : 3 (réponses de la marque : 1)",
                    "Réclamation 2 · Question 1 · Compliment 0",
                    "Encore sans réponse de la marque : 2 (P2)",
                    "  - Jane, \"JD\" (réclamation, attend depuis 1 h 00) : « =cmd|' /C calc'!A0 second line »",
                    "Ont réclamé plusieurs fois : Jane, \"JD\" (2)",
                    "Catégories corrigées à la main : 3",
                ][..],
            ),
        ];
        for (lang, expected) in cases {
            let text = to_text(&r, lang, Some(NOW));
            for line in expected {
                assert!(text.contains(line), "{lang:?}: {line:?} not in\n{text}");
            }
            assert!(!text.contains("ALERT"), "{text}");
        }
    }

    #[test]
    fn text_report_raises_the_crisis_alert() {
        let complaints: Vec<Value> = (0..6)
            .map(|i| json!({"id": format!("{i}"), "author": format!("P{i}"), "text": "bad", "time": format!("2026-03-10T11:5{i}:00Z"), "category": "complaint"}))
            .collect();
        let r = report(Value::Array(complaints));
        assert!(r.summary.crisis);
        let en = to_text(&r, Lang::En, None);
        assert!(
            en.contains("ALERT: 6 complaints in the last 60 minutes (100% of comments)"),
            "{en}"
        );
        assert!(en.contains("(P16)"));
        let fr = to_text(&r, Lang::Fr, None);
        assert!(
            fr.contains("ALERTE : 6 réclamations dans les 60 dernières minutes"),
            "{fr}"
        );
    }

    #[test]
    fn waits_and_file_names() {
        let waits = [
            (0, Lang::En, "0 min"),
            (59, Lang::En, "59 min"),
            (65, Lang::En, "1 h 05"),
            (60 * 24 * 2 + 60 * 4 + 3, Lang::En, "2 d 4 h"),
            (60 * 24 * 2, Lang::Fr, "2 j 0 h"),
            (-5, Lang::Fr, "0 min"),
        ];
        for (minutes, lang, expected) in waits {
            assert_eq!(format_wait(minutes, lang), expected);
        }
        let mut r = report(json!([]));
        assert_eq!(file_name(&r, "csv"), "candor-x-1790000000000000001.csv");
        r.url = "https://www.linkedin.com/feed/update/urn:li:activity:7/?x=1".into();
        r.platform = Some(Platform::Linkedin);
        assert_eq!(file_name(&r, "json"), "candor-linkedin-urnliactivity7.json");
        r.url = "https://x.com/../../".into();
        assert_eq!(file_name(&r, "txt"), "candor-linkedin.txt");
    }

    #[test]
    fn csv_records_are_read_with_quotes_commas_and_line_ends() {
        let cases: [(&str, Vec<Vec<&str>>); 5] = [
            ("a,b\r\n1,2\r\n", vec![vec!["a", "b"], vec!["1", "2"]]),
            (
                "a\r\n\"x, \"\"y\"\"\"\r\n",
                vec![vec!["a"], vec!["x, \"y\""]],
            ),
            (
                "a,b\r\n\"two\r\nlines\",\r\n",
                vec![vec!["a", "b"], vec!["two\r\nlines", ""]],
            ),
            ("a,b", vec![vec!["a", "b"]]),
            ("\u{feff}a,b\r\n", vec![vec!["a", "b"]]),
        ];
        for (text, want) in cases {
            assert_eq!(read_csv(text), want, "{text:?}");
        }
    }
}
