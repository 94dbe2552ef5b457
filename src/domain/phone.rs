//! A listing's phone numbers, each with what it is for (as HSDS's `phone.type`
//! and FHIR's `ContactPoint.system` tell them apart) and an optional extension.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::{schema, FieldErrors};
use crate::i18n::Text;

/// The most numbers a listing's `phones` may hold.
pub const MAX_PHONES: usize = 10;

/// What a number is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum PhoneKind {
    /// Spoken calls.
    Voice,
    Fax,
    /// Text messages (SMS).
    Text,
    /// A text telephone for deaf, hard-of-hearing or speech-impaired callers.
    Tty,
}

impl PhoneKind {
    pub const ALL: [PhoneKind; 4] = [PhoneKind::Voice, PhoneKind::Fax, PhoneKind::Text, PhoneKind::Tty];

    pub fn code(self) -> &'static str {
        match self {
            PhoneKind::Voice => "voice",
            PhoneKind::Fax => "fax",
            PhoneKind::Text => "text",
            PhoneKind::Tty => "tty",
        }
    }

    /// A kind by its code, in any case.
    pub fn from_code(code: &str) -> Option<PhoneKind> {
        PhoneKind::ALL.into_iter().find(|kind| kind.code().eq_ignore_ascii_case(code))
    }
}

/// A number as a clinician sends it; a missing kind is `voice`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PhoneInput {
    #[schema(schema_with = schema::phone_number, required = true)]
    pub number: Option<String>,
    #[schema(schema_with = kind_schema)]
    pub kind: Option<String>,
    #[schema(schema_with = schema::phone_extension)]
    pub extension: Option<String>,
}

fn kind_schema() -> utoipa::openapi::Object {
    schema::or_null(schema::codes(PhoneKind::ALL.map(PhoneKind::code)))
        .description(Some("`voice` (the default), `fax`, `text` (SMS) or `tty`."))
        .build()
}

/// A checked number.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct Phone {
    pub number: String,
    pub kind: PhoneKind,
    /// Digits dialled after the call is answered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extension: Option<String>,
}

impl Phone {
    pub fn voice(number: &str) -> Phone {
        Phone { number: number.to_string(), kind: PhoneKind::Voice, extension: None }
    }
}

/// 7 to 25 characters of digits, spaces and `+ ( ) - .`, at least 7 of them digits.
pub fn is_phone_number(number: &str) -> bool {
    let allowed = number.chars().all(|c| c.is_ascii_digit() || " +()-.".contains(c));
    let digits = number.chars().filter(char::is_ascii_digit).count();
    allowed && (7..=25).contains(&number.chars().count()) && digits >= 7
}

/// 1 to 10 digits, dialled after the call is answered.
pub fn is_extension(text: &str) -> bool {
    (1..=10).contains(&text.len()) && text.bytes().all(|b| b.is_ascii_digit())
}

/// The main number (`phone`) and every number, checked: `phone`, when sent,
/// is the main voice number, and replaces the first voice number of `phones`
/// (or comes first when it has none); each bad number is named
/// (`phones[2].extension`); a number given twice is kept once.
pub fn parse(phone: Option<&str>, phones: Option<&[PhoneInput]>, errors: &mut FieldErrors) -> Vec<Phone> {
    if phone.is_some_and(|number| !is_phone_number(number)) {
        errors.add("phone", Text::new("field-error-phone"));
    }
    let sent = phones.unwrap_or_default();
    if sent.len() > MAX_PHONES {
        errors.add("phones", Text::new("field-error-too-many-phones").arg("max", MAX_PHONES.to_string()));
    }
    let mut numbers: Vec<Phone> = Vec::new();
    for (index, input) in sent.iter().enumerate() {
        if let Some(checked) = parse_one(index, input, errors) {
            if !numbers.contains(&checked) {
                numbers.push(checked);
            }
        }
    }
    if let Some(main) = phone.filter(|number| is_phone_number(number)) {
        match numbers.iter().position(|number| number.kind == PhoneKind::Voice) {
            Some(first) if numbers[first].number == main => {}
            Some(first) => numbers[first] = Phone::voice(main),
            None => numbers.insert(0, Phone::voice(main)),
        }
    }
    numbers
}

fn parse_one(index: usize, input: &PhoneInput, errors: &mut FieldErrors) -> Option<Phone> {
    let field = |part: &str| format!("phones[{index}].{part}");
    fn trimmed(value: &Option<String>) -> Option<&str> {
        value.as_deref().map(str::trim).filter(|value| !value.is_empty())
    }
    let number = match errors.require(&field("number"), trimmed(&input.number)) {
        Some(number) if !is_phone_number(number) => {
            errors.add(&field("number"), Text::new("field-error-phone"));
            None
        }
        other => other,
    };
    let kind = match trimmed(&input.kind) {
        None => Some(PhoneKind::Voice),
        Some(code) => errors.code(&field("kind"), code, PhoneKind::from_code),
    };
    // `Err` for a bad extension, which is named; none at all is fine.
    let extension = match trimmed(&input.extension) {
        Some(extension) if !is_extension(extension) => {
            errors.add(&field("extension"), Text::new("field-error-phone-extension"));
            Err(())
        }
        other => Ok(other.map(str::to_string)),
    };
    Some(Phone { number: number?.to_string(), kind: kind?, extension: extension.ok()? })
}

/// The main number: the first voice one.
pub fn main_number(phones: &[Phone]) -> Option<String> {
    phones.iter().find(|phone| phone.kind == PhoneKind::Voice).map(|phone| phone.number.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(number: &str, kind: &str, extension: &str) -> PhoneInput {
        let some = |text: &str| (!text.is_empty()).then(|| text.to_string());
        PhoneInput { number: some(number), kind: some(kind), extension: some(extension) }
    }

    fn parsed(phone: Option<&str>, phones: &[PhoneInput]) -> (Vec<Phone>, Vec<String>) {
        let mut errors = FieldErrors::new();
        let numbers = parse(phone, Some(phones), &mut errors);
        let fields = errors.field_names();
        (numbers, fields)
    }

    #[test]
    fn the_main_phone_replaces_the_first_voice_number_or_comes_first() {
        let sent = [input("503 555 0101", "fax", ""), input("503 555 0102", "", "12")];
        let (numbers, _) = parsed(Some("503 555 0100"), &sent);
        assert_eq!(numbers[1], Phone::voice("503 555 0100"), "the voice number is the main one now");
        let (numbers, _) = parsed(Some("503 555 0102"), &sent);
        assert_eq!(numbers[1].extension.as_deref(), Some("12"), "the same main number keeps its extension");
        let (numbers, _) = parsed(Some("503 555 0100"), &sent[..1]);
        assert_eq!(main_number(&numbers).as_deref(), Some("503 555 0100"));
        assert_eq!(numbers.len(), 2);
    }

    #[test]
    fn each_bad_part_is_named_and_a_repeated_number_is_kept_once() {
        let sent = [input("12", "voice", ""), input("503 555 0101", "pager", "x9"), input("", "fax", "")];
        let (_, fields) = parsed(None, &sent);
        assert_eq!(fields, ["phones[0].number", "phones[1].kind", "phones[1].extension", "phones[2].number"]);
        let twice = [input("503 555 0101", "TTY", ""), input(" 503 555 0101 ", "tty", "")];
        let (numbers, fields) = parsed(None, &twice);
        assert!(fields.is_empty());
        assert_eq!(numbers, [Phone { number: "503 555 0101".into(), kind: PhoneKind::Tty, extension: None }]);
    }
}
