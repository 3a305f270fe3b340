//! Benchmark of the reply coach: the time `candor::coach::check` takes on a 2,000-character draft
//! (several realistic drafts, French and English, good and bad), p50 and p99 over many runs, and
//! the first call apart (it compiles the patterns). Goal: well under 1 ms natively.

use std::time::Instant;

use anyhow::Result;
use candor::classify::{Category, Verdict};
use candor::coach::{check, Address, DraftContext, EmojiUse, Voice};
use candor::text::Lang;
use candor::thread::Platform;

/// The length of each draft, in characters.
const DRAFT_CHARS: usize = 2_000;
/// Timed runs per draft, after the warm-up.
const RUNS: usize = 2_000;

/// One benchmark case: what is answered, and the draft (repeated up to [`DRAFT_CHARS`]).
struct Case {
    name: &'static str,
    comment: &'static str,
    category: Category,
    lang: Lang,
    platform: Platform,
    key_terms: &'static [&'static str],
    draft: &'static str,
}

const CASES: &[Case] = &[
    Case {
        name: "EN complaint, careful reply",
        comment: "My order 48213377 arrived with a cracked screen and nobody answers my ticket.",
        category: Category::Complaint,
        lang: Lang::En,
        platform: Platform::Facebook,
        key_terms: &["order", "cracked screen", "ticket"],
        draft: "Hi Sam, a cracked screen straight out of the box is not what you paid for, and waiting on a ticket with no answer makes it worse. I have looked at what happened on our side: the parcel left the warehouse intact, so the damage most likely happened in transit, and that is still ours to fix. Could you send us a direct message with the order number and a photo of the screen? As soon as we have them, a replacement leaves the same day and the courier collects the broken one from your door. I will also chase the ticket you opened so it gets a proper answer. — Léa ",
    },
    Case {
        name: "FR complaint, reply with faults",
        comment: "Ma commande CMD-552190 a deux semaines de retard, c'est la troisième fois, j'en ai marre !",
        category: Category::Complaint,
        lang: Lang::Fr,
        platform: Platform::Facebook,
        key_terms: &["commande", "retard"],
        draft: "Bonjour, nous sommes désolés pour la gêne occasionnée. Comme nous l'avons déjà dit, ce n'est pas notre faute si le transporteur est en retard. Envoyez-nous un mail à sav@marque.fr ou appelez-nous au 01 23 45 67 89, et n'hésitez pas à nous contacter. Ta commande CMD-552190 partira VRAIMENT bientôt !!! Découvrez notre nouvelle collection sur https://marque.fr/nouveautes en attendant. ",
    },
    Case {
        name: "EN troll, long defensive answer",
        comment: "lol this brand is a scam, everyone knows it",
        category: Category::Troll,
        lang: Lang::En,
        platform: Platform::X,
        key_terms: &[],
        draft: "That's not true. As we already said, our prices are fair and you should have read the terms before posting. Personally I think the government should look at people who spread lies online. Nice try 🙄 Follow us for the facts. ",
    },
    Case {
        name: "FR question, good reply",
        comment: "Vous livrez en Belgique ? Et en combien de temps ?",
        category: Category::Question,
        lang: Lang::Fr,
        platform: Platform::Linkedin,
        key_terms: &["Belgique", "livraison"],
        draft: "Bonjour Julie, oui, nous livrons en Belgique : comptez trois à cinq jours ouvrés après l'expédition, et le suivi du colis arrive par SMS dès que le transporteur le prend en charge. Pour les commandes passées avant midi, l'expédition part le jour même. Si un délai vous semble long, écrivez-nous en message privé et nous regardons avec vous où en est l'envoi. — Léa ",
    },
];

fn context(case: &Case) -> DraftContext {
    let verdict = Verdict {
        category: case.category,
        flags: Vec::new(),
        confidence: 0.9,
        lang: case.lang,
        cues: Vec::new(),
    };
    let mut ctx = DraftContext::new(case.comment, verdict);
    ctx.platform = Some(case.platform);
    ctx.author_handle = Some("@someone_here".into());
    ctx.key_terms = case.key_terms.iter().map(|t| t.to_string()).collect();
    ctx.voice = Voice {
        address: Some(Address::Vous),
        avoid: vec!["problème".into(), "cheap".into(), "malheureusement".into()],
        signature: Some("— Léa".into()),
        signature_required: true,
        emoji: EmojiUse::Sparingly,
    };
    ctx.brand_replies = vec![
        "Bonjour Paul, votre vélo part demain matin, le suivi arrive par SMS. — Léa".into(),
        "Hi Ana, glad the refund came through, and thanks for your patience with us. — Léa".into(),
        "Merci Chloé pour la photo, elle fera plaisir à l'atelier ! — Léa".into(),
    ];
    ctx
}

/// The draft repeated, then cut, to exactly `chars` characters.
fn draft_of(seed: &str, chars: usize) -> String {
    seed.chars().cycle().take(chars).collect()
}

/// Time this thread spent on a CPU, in nanoseconds (Linux `CLOCK_THREAD_CPUTIME_ID`): unlike the
/// wall clock, it does not grow while other work on the machine holds the CPU.
#[cfg(all(target_os = "linux", target_pointer_width = "64"))]
fn thread_cpu_nanos() -> Option<u128> {
    #[repr(C)]
    struct Timespec {
        seconds: i64,
        nanos: i64,
    }
    extern "C" {
        fn clock_gettime(clock: i32, time: *mut Timespec) -> i32;
    }
    const CLOCK_THREAD_CPUTIME_ID: i32 = 3;
    let mut time = Timespec {
        seconds: 0,
        nanos: 0,
    };
    // SAFETY: `time` is a valid, writable timespec (two 64-bit fields on 64-bit Linux), and the
    // C library std already links provides clock_gettime.
    let status = unsafe { clock_gettime(CLOCK_THREAD_CPUTIME_ID, &mut time) };
    (status == 0).then(|| time.seconds as u128 * 1_000_000_000 + time.nanos as u128)
}

#[cfg(not(all(target_os = "linux", target_pointer_width = "64")))]
fn thread_cpu_nanos() -> Option<u128> {
    None
}

fn percentile(sorted: &[u128], p: f64) -> u128 {
    let at = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[at]
}

fn micros(nanos: u128) -> String {
    format!("{:.1}", nanos as f64 / 1_000.0)
}

/// Measures, and returns the figures as Markdown.
pub fn run() -> Result<String> {
    let profile = if cfg!(debug_assertions) {
        "debug build (unoptimised): the figures that count come from `cargo run --release -p xtask -- bench coach`"
    } else {
        "release build"
    };
    // Other work on the machine shows in the tail (p99, max) first: say how busy it was.
    let load = std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|l| l.split_whitespace().next().map(str::to_string))
        .unwrap_or_else(|| "unknown".into());
    let mut out = String::new();
    out.push_str(&format!(
        "`candor::coach::check` on {DRAFT_CHARS}-character drafts, {RUNS} timed runs each after one warm-up call (wall-clock time); {profile}; load average at start {load}. Goal: p99 < 1 ms.\n\n"
    ));
    out.push_str("| draft | platform | warnings (checks) | first call µs | p50 µs | p90 µs | p99 µs | max µs | CPU p50 µs | CPU p99 µs |\n|---|---|---|---:|---:|---:|---:|---:|---:|---:|\n");
    let mut worst_p99 = 0u128;
    let mut worst_cpu_p99: Option<u128> = None;
    for case in CASES {
        let ctx = context(case);
        let draft = draft_of(case.draft, DRAFT_CHARS);
        let started = Instant::now();
        let warnings = check(&draft, &ctx);
        let first = started.elapsed().as_nanos();
        let mut times = Vec::with_capacity(RUNS);
        let mut cpu_times = Vec::with_capacity(RUNS);
        for _ in 0..RUNS {
            let cpu_started = thread_cpu_nanos();
            let started = Instant::now();
            let result = check(std::hint::black_box(&draft), &ctx);
            times.push(started.elapsed().as_nanos());
            if let (Some(a), Some(b)) = (cpu_started, thread_cpu_nanos()) {
                cpu_times.push(b.saturating_sub(a));
            }
            std::hint::black_box(result);
        }
        times.sort_unstable();
        cpu_times.sort_unstable();
        let cpu = |p: f64| {
            if cpu_times.is_empty() {
                "n/a".to_string()
            } else {
                micros(percentile(&cpu_times, p))
            }
        };
        let p99 = percentile(&times, 0.99);
        worst_p99 = worst_p99.max(p99);
        if !cpu_times.is_empty() {
            let p99 = percentile(&cpu_times, 0.99);
            worst_cpu_p99 = Some(worst_cpu_p99.map_or(p99, |w| w.max(p99)));
        }
        let mut fired: Vec<String> = warnings
            .iter()
            .map(|w| serde_json::to_value(w.check).map(|v| v.as_str().unwrap_or("").to_string()))
            .collect::<Result<_, _>>()?;
        fired.sort();
        fired.dedup();
        out.push_str(&format!(
            "| {} | {:?} | {} ({}) | {} | {} | {} | {} | {} | {} | {} |\n",
            case.name,
            case.platform,
            warnings.len(),
            fired.join(", "),
            micros(first),
            micros(percentile(&times, 0.5)),
            micros(percentile(&times, 0.9)),
            micros(p99),
            micros(*times.last().unwrap_or(&0)),
            cpu(0.5),
            cpu(0.99),
        ));
    }
    // Scale: one call on a draft of about 1 MB (what the protocol lets through), not a goal.
    let big = draft_of(CASES[1].draft, 1 << 20);
    let ctx = context(&CASES[1]);
    let started = Instant::now();
    let warnings = check(&big, &ctx);
    let big_ms = started.elapsed().as_secs_f64() * 1_000.0;
    if let Some(worst) = worst_cpu_p99 {
        out.push_str(&format!(
            "\nWorst p99 on CPU (this thread's own time, without waits for the CPU): {} µs ({}).\n",
            micros(worst),
            if worst < 1_000_000 {
                "under the 1 ms goal"
            } else {
                "over the 1 ms goal"
            },
        ));
    }
    out.push_str(&format!(
        "\nWorst wall-clock p99: {} µs ({}). One call on a {}-character draft: {big_ms:.1} ms, {} warnings.\n",
        micros(worst_p99),
        if worst_p99 < 1_000_000 {
            "under the 1 ms goal"
        } else {
            "over the 1 ms goal"
        },
        big.chars().count(),
        warnings.len()
    ));
    Ok(out)
}
