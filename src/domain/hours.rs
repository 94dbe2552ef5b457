//! When a practice sees patients: a weekly set of opening hours, each a day
//! with the time it opens and the time it closes, as HSDS's `schedule` and
//! FHIR's `availableTime` hold them.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::{schema, FieldErrors};
use crate::i18n::Text;

/// The most opening hours a listing may hold: three a day.
pub const MAX_OPENING_HOURS: usize = 21;

/// A day of the week, by FHIR's code (`mon` … `sun`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
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
    pub const ALL: [Weekday; 7] =
        [Weekday::Mon, Weekday::Tue, Weekday::Wed, Weekday::Thu, Weekday::Fri, Weekday::Sat, Weekday::Sun];

    pub fn code(self) -> &'static str {
        match self {
            Weekday::Mon => "mon",
            Weekday::Tue => "tue",
            Weekday::Wed => "wed",
            Weekday::Thu => "thu",
            Weekday::Fri => "fri",
            Weekday::Sat => "sat",
            Weekday::Sun => "sun",
        }
    }

    /// iCalendar's two letters, as HSDS's `byday` has them (`MO`).
    pub fn ical(self) -> String {
        self.code()[..2].to_ascii_uppercase()
    }

    /// A day by its code or its iCalendar letters, in any case.
    pub fn from_code(code: &str) -> Option<Weekday> {
        let letters = |day: Weekday| code.len() == 2 && day.code()[..2].eq_ignore_ascii_case(code);
        Weekday::ALL.into_iter().find(|day| day.code().eq_ignore_ascii_case(code) || letters(*day))
    }
}

/// One opening as a clinician sends it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct HoursInput {
    #[schema(schema_with = day_schema, required = true)]
    pub day: Option<String>,
    #[schema(schema_with = schema::time_of_day, required = true)]
    pub opens: Option<String>,
    /// After `opens`.
    #[schema(schema_with = schema::time_of_day, required = true)]
    pub closes: Option<String>,
}

fn day_schema() -> utoipa::openapi::Object {
    schema::codes(Weekday::ALL.map(Weekday::code)).description(Some("`mon` to `sun`.")).build()
}

/// A checked opening: `closes` is after `opens`, both `HH:MM` on a 24-hour clock.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, ToSchema)]
pub struct OpeningHours {
    pub day: Weekday,
    pub opens: String,
    pub closes: String,
}

/// `HH:MM` on a 24-hour clock, such as `08:30`.
pub fn is_time_of_day(text: &str) -> bool {
    chrono::NaiveTime::parse_from_str(text, "%H:%M").is_ok() && text.len() == 5
}

/// The opening hours, checked, in the week's order; each bad part is named
/// (`opening_hours[2].closes`) and an opening given twice is kept once.
pub fn parse(sent: Option<&[HoursInput]>, errors: &mut FieldErrors) -> Vec<OpeningHours> {
    let sent = sent.unwrap_or_default();
    if sent.len() > MAX_OPENING_HOURS {
        let text = Text::new("field-error-too-many-opening-hours").arg("max", MAX_OPENING_HOURS.to_string());
        errors.add("opening_hours", text);
    }
    let mut hours: Vec<OpeningHours> =
        sent.iter().enumerate().filter_map(|(n, input)| parse_one(n, input, errors)).collect();
    hours.sort();
    hours.dedup();
    hours
}

fn parse_one(index: usize, input: &HoursInput, errors: &mut FieldErrors) -> Option<OpeningHours> {
    let field = |part: &str| format!("opening_hours[{index}].{part}");
    let trimmed =
        |value: &Option<String>| value.as_deref().map(str::trim).filter(|value| !value.is_empty()).map(str::to_string);
    let day = errors.require(&field("day"), trimmed(&input.day));
    let day = day.and_then(|code| errors.code(&field("day"), &code, Weekday::from_code));
    let mut time = |part: &str, value: &Option<String>| {
        let value = errors.require(&field(part), trimmed(value))?;
        if !is_time_of_day(&value) {
            errors.add(&field(part), Text::new("field-error-time-of-day"));
            return None;
        }
        Some(value)
    };
    let (opens, closes) = (time("opens", &input.opens), time("closes", &input.closes));
    let (opens, closes) = (opens?, closes?);
    if closes <= opens {
        errors.add(&field("closes"), Text::new("field-error-closes-after-opens"));
        return None;
    }
    Some(OpeningHours { day: day?, opens, closes })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(day: &str, opens: &str, closes: &str) -> HoursInput {
        let some = |text: &str| (!text.is_empty()).then(|| text.to_string());
        HoursInput { day: some(day), opens: some(opens), closes: some(closes) }
    }

    fn parsed(sent: &[HoursInput]) -> (Vec<OpeningHours>, Vec<String>) {
        let mut errors = FieldErrors::new();
        let hours = parse(Some(sent), &mut errors);
        let fields = errors.field_names();
        (hours, fields)
    }

    #[test]
    fn hours_come_in_the_week_s_order_once_each() {
        let (hours, fields) = parsed(&[
            input("TU", "13:00", "17:00"),
            input("mon", "08:30", "12:00"),
            input("tue", "08:30", "12:00"),
            input("Tue", "13:00", "17:00"),
        ]);
        assert!(fields.is_empty(), "{fields:?}");
        let read: Vec<(&str, &str)> = hours.iter().map(|h| (h.day.code(), h.opens.as_str())).collect();
        assert_eq!(read, [("mon", "08:30"), ("tue", "08:30"), ("tue", "13:00")]);
    }

    #[test]
    fn each_bad_part_is_named() {
        let (_, fields) = parsed(&[
            input("someday", "08:30", "17:00"),
            input("mon", "8:30", "25:00"),
            input("fri", "17:00", "09:00"),
        ]);
        assert_eq!(
            fields,
            ["opening_hours[0].day", "opening_hours[1].opens", "opening_hours[1].closes", "opening_hours[2].closes"]
        );
    }
}
