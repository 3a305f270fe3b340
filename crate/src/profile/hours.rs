//! Support hours: times of day, weekdays, a fixed UTC offset, and "is the team there at this
//! instant?". The few date computations needed are written here rather than pulling in a date crate
//! (the wasm must stay small).

use serde::{Serialize, Serializer};

/// A time of day, in minutes after midnight (`00:00` to `24:00`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct TimeOfDay(pub u16);

impl TimeOfDay {
    /// Reads `HH:MM` (24-hour clock); `24:00` is the end of the day.
    pub fn parse(s: &str) -> Option<TimeOfDay> {
        let (h, m) = s.split_once(':')?;
        if h.is_empty() || h.len() > 2 || m.len() != 2 {
            return None;
        }
        let h: u16 = h.parse().ok()?;
        let m: u16 = m.parse().ok()?;
        if m >= 60 || h > 24 || (h == 24 && m != 0) {
            return None;
        }
        Some(TimeOfDay(h * 60 + m))
    }
}

impl Serialize for TimeOfDay {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&format!("{:02}:{:02}", self.0 / 60, self.0 % 60))
    }
}

/// A day of the week, as the profile spells it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Weekday {
    Mon,
    Tue,
    Wed,
    Thu,
    Fri,
    Sat,
    Sun,
}

impl Weekday {
    pub const NAMES: &'static [&'static str] = &["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
    const ALL: [Weekday; 7] = [
        Weekday::Mon,
        Weekday::Tue,
        Weekday::Wed,
        Weekday::Thu,
        Weekday::Fri,
        Weekday::Sat,
        Weekday::Sun,
    ];

    pub fn from_name(name: &str) -> Option<Weekday> {
        Self::NAMES
            .iter()
            .position(|n| *n == name)
            .map(|i| Self::ALL[i])
    }

    /// The weekday of a day counted from 1970-01-01, which was a Thursday.
    pub fn of_epoch_day(day: i64) -> Weekday {
        Self::ALL[(day + 3).rem_euclid(7) as usize]
    }
}

/// A fixed offset from UTC in minutes, read from `+01:00`, `-05:30`, `Z` or `UTC`.
pub fn parse_offset(s: &str) -> Option<i32> {
    if s == "Z" || s == "UTC" {
        return Some(0);
    }
    let sign = match s.as_bytes().first()? {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    let t = TimeOfDay::parse(&s[1..])?;
    (t.0 <= 14 * 60).then_some(sign * i32::from(t.0))
}

/// Formats an offset in minutes back as `+01:00`.
pub fn format_offset(minutes: i32) -> String {
    let sign = if minutes < 0 { '-' } else { '+' };
    let m = minutes.unsigned_abs();
    format!("{sign}{:02}:{:02}", m / 60, m % 60)
}

/// One opening span, on some days.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Opening {
    pub days: Vec<Weekday>,
    pub open: TimeOfDay,
    pub close: TimeOfDay,
}

/// When the team answers, and how fast it aims to.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Support {
    /// Offset from UTC of the times below, e.g. `+01:00`.
    #[serde(serialize_with = "offset_as_text")]
    pub timezone: i32,
    /// Empty: no hours set (the team is taken to be always there).
    pub hours: Vec<Opening>,
    /// The target delay for a first answer, in minutes.
    pub response_target_minutes: u32,
}

fn offset_as_text<S: Serializer>(minutes: &i32, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&format_offset(*minutes))
}

impl Default for Support {
    fn default() -> Self {
        Support {
            timezone: 0,
            hours: Vec::new(),
            response_target_minutes: 120,
        }
    }
}

impl Support {
    /// Whether the team is there at `unix_seconds` (UTC), in the profile's time zone.
    pub fn is_open(&self, unix_seconds: i64) -> bool {
        if self.hours.is_empty() {
            return true;
        }
        let local = unix_seconds + i64::from(self.timezone) * 60;
        let day = local.div_euclid(86_400);
        let minute = (local.rem_euclid(86_400) / 60) as u16;
        let weekday = Weekday::of_epoch_day(day);
        self.hours
            .iter()
            .any(|o| o.days.contains(&weekday) && o.open.0 <= minute && minute < o.close.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_times_and_offsets() {
        let times = [
            ("09:30", Some(570)),
            ("9:30", Some(570)),
            ("00:00", Some(0)),
            ("24:00", Some(1440)),
            ("24:01", None),
            ("12:60", None),
            ("1230", None),
            ("ab:cd", None),
            ("", None),
            ("09:3", None),
        ];
        for (text, expected) in times {
            assert_eq!(TimeOfDay::parse(text).map(|t| t.0), expected, "{text}");
        }
        let offsets = [
            ("+01:00", Some(60)),
            ("-05:30", Some(-330)),
            ("Z", Some(0)),
            ("UTC", Some(0)),
            ("01:00", None),
            ("+15:00", None),
            ("+", None),
        ];
        for (text, expected) in offsets {
            assert_eq!(parse_offset(text), expected, "{text}");
        }
        assert_eq!(format_offset(-330), "-05:30");
        assert_eq!(format_offset(60), "+01:00");
    }

    #[test]
    fn knows_when_the_team_is_there() {
        // Paris in winter, weekdays 09:00–18:00.
        let support = Support {
            timezone: 60,
            hours: vec![Opening {
                days: vec![
                    Weekday::Mon,
                    Weekday::Tue,
                    Weekday::Wed,
                    Weekday::Thu,
                    Weekday::Fri,
                ],
                open: TimeOfDay(9 * 60),
                close: TimeOfDay(18 * 60),
            }],
            response_target_minutes: 60,
        };
        // 2026-11-23 is a Monday; its 00:00 UTC is 1_795_392_000.
        let monday = 1_795_392_000;
        assert_eq!(Weekday::of_epoch_day(monday / 86_400), Weekday::Mon);
        let cases = [
            (monday + 7 * 3600 + 59 * 60, false),           // 08:59 Paris
            (monday + 8 * 3600, true),                      // 09:00 Paris
            (monday + 16 * 3600 + 59 * 60, true),           // 17:59 Paris
            (monday + 17 * 3600, false),                    // 18:00 Paris
            (monday + 5 * 86_400 + 10 * 3600, false),       // Saturday 11:00
            (monday - 86_400 + 23 * 3600 + 30 * 60, false), // Monday 00:30 Paris
        ];
        for (at, open) in cases {
            assert_eq!(support.is_open(at), open, "{at}");
        }
        assert!(Support::default().is_open(0));
    }
}
