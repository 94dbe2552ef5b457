//! Bad fields, collected so that one answer names every one of them.

use crate::error::{AppError, FieldError};
use crate::i18n::Text;

/// Collects bad fields while a request is parsed. Every helper that gives back
/// `None` for a field has recorded why, so `finish` can turn a missing value
/// into the errors that explain it.
#[derive(Debug, Default)]
pub struct FieldErrors(Vec<FieldError>);

impl FieldErrors {
    pub fn new() -> Self {
        Self::default()
    }

    /// Notes a bad field; `message` comes from the catalogue, in English
    /// for the API and in the reader's language on pages.
    pub fn add(&mut self, field: &str, message: Text) {
        self.0.push(FieldError::new(field, message));
    }

    /// Notes a bad field with the API's message and the words a page says instead.
    pub fn add_worded(&mut self, field: &str, api: Text, page: Text) {
        self.0.push(FieldError::worded(field, api, page));
    }

    /// Notes a bad field and the places it could have meant.
    pub fn add_with_candidates(&mut self, field: &str, message: Text, candidates: Vec<crate::places::Place>) {
        self.0.push(FieldError::with_candidates(field, message, candidates));
    }

    /// Notes a value outside `min..=max`; the message `id` names both ends,
    /// written without thousands separators as the API always has (1000000).
    pub fn add_range(&mut self, field: &str, id: &'static str, min: impl ToString, max: impl ToString) {
        self.add(field, Text::new(id).arg("min", min.to_string()).arg("max", max.to_string()));
    }

    pub fn extend(&mut self, errors: impl IntoIterator<Item = FieldError>) {
        self.0.extend(errors);
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The value, or "is required".
    pub fn require<T>(&mut self, field: &str, value: Option<T>) -> Option<T> {
        if value.is_none() {
            self.add(field, Text::new("field-error-required"));
        }
        value
    }

    /// A trimmed text, absent when blank, of at most `max` characters.
    pub fn text(&mut self, field: &str, value: Option<String>, max: usize) -> Option<String> {
        let value = value.map(|text| text.trim().to_string()).filter(|text| !text.is_empty());
        // PostgreSQL cannot store it, and no one types it.
        if value.as_ref().is_some_and(|text| text.contains('\0')) {
            self.add(field, Text::new("field-error-nul"));
            return None;
        }
        if value.as_ref().is_some_and(|text| text.chars().count() > max) {
            self.add(field, Text::new("field-error-too-long").arg("max", max.to_string()));
            return None;
        }
        value
    }

    /// Like `text`, and required.
    pub fn required_text(&mut self, field: &str, value: Option<String>, max: usize) -> Option<String> {
        let value = value.filter(|text| !text.trim().is_empty());
        let value = self.require(field, value)?;
        self.text(field, Some(value), max)
    }

    /// A code that `known` recognises, as `known` gives it back.
    pub fn code<T>(&mut self, field: &str, value: &str, known: impl Fn(&str) -> Option<T>) -> Option<T> {
        let found = known(value);
        if found.is_none() {
            self.add_worded(field, unknown_code(value), not_a_choice(value));
        }
        found
    }

    /// Every code of a list that `known` recognises; one error names all the others.
    pub fn codes<'a, T>(
        &mut self,
        field: &str,
        values: impl IntoIterator<Item = &'a str>,
        known: impl Fn(&str) -> Option<T>,
    ) -> Vec<T> {
        let mut found = Vec::new();
        let mut unknown = Vec::new();
        for value in values {
            match known(value) {
                Some(code) => found.push(code),
                None => unknown.push(value),
            }
        }
        match unknown.as_slice() {
            [] => {}
            [one] => self.add_worded(field, unknown_code(one), not_a_choice(one)),
            many => self.add_worded(
                field,
                Text::new("field-error-unknown-codes").arg("codes", many.join(", ")),
                not_a_choice(&many.join(", ")),
            ),
        }
        found
    }

    /// Names the bad fields alphabetically rather than in the order they were found.
    pub fn sort_by_field(&mut self) {
        self.0.sort_by(|a, b| a.field.cmp(&b.field));
    }

    /// `value` when no field was bad; otherwise every bad field, each with
    /// the first message found for it.
    pub fn finish<T>(self, value: Option<T>) -> Result<T, AppError> {
        match value {
            Some(value) if self.0.is_empty() => Ok(value),
            _ => Err(AppError::Validation(self.into_errors())),
        }
    }

    /// `Ok` when no field was bad.
    pub fn check(self) -> Result<(), AppError> {
        self.finish(Some(()))
    }

    /// The bad fields' names, as an answer would give them.
    #[cfg(test)]
    pub fn field_names(self) -> Vec<String> {
        self.into_errors().into_iter().map(|error| error.field).collect()
    }

    fn into_errors(self) -> Vec<FieldError> {
        let mut named = Vec::new();
        let mut errors = self.0;
        errors.retain(|error| {
            let first = !named.contains(&error.field);
            named.push(error.field.clone());
            first
        });
        errors
    }
}

fn unknown_code(value: &str) -> Text {
    Text::new("field-error-unknown-code").arg("code", value.to_string())
}

/// What a page says of an unknown code: it was not among the choices offered.
fn not_a_choice(value: &str) -> Text {
    Text::new("field-error-not-a-choice").arg("value", value.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    fn fields(result: Result<(), AppError>) -> Vec<(String, String)> {
        match result {
            Err(AppError::Validation(errors)) => errors.into_iter().map(|e| (e.field, e.message)).collect(),
            other => panic!("expected field errors, got {other:?}"),
        }
    }

    #[test]
    fn finish_names_each_field_once_with_its_first_message_in_the_order_found() {
        let mut errors = FieldErrors::new();
        errors.add("b", Text::new("field-error-required"));
        errors.add("a", Text::new("field-error-not-a-number"));
        errors.add("b", Text::new("field-error-true-or-false"));
        assert_eq!(
            fields(errors.check()),
            [("b".to_string(), "is required".to_string()), ("a".to_string(), "must be a number".to_string())]
        );
    }

    #[test]
    fn a_missing_value_without_a_named_field_is_still_an_error_not_a_panic() {
        let errors = FieldErrors::new();
        assert!(matches!(errors.finish::<u8>(None), Err(AppError::Validation(list)) if list.is_empty()));
    }

    #[test]
    fn texts_are_trimmed_blank_is_absent_and_length_counts_characters() {
        let mut errors = FieldErrors::new();
        assert_eq!(errors.text("note", Some("  ".into()), 3), None);
        assert_eq!(errors.text("note", Some(" ñññ ".into()), 3), Some("ñññ".to_string()));
        assert_eq!(errors.required_text("reason", Some(" ".into()), 3), None);
        assert_eq!(fields(errors.check()), [("reason".to_string(), "is required".to_string())]);
    }

    #[test]
    fn unknown_codes_are_named_together() {
        let mut errors = FieldErrors::new();
        let known = |code: &str| (code == "a").then_some(code.len());
        assert_eq!(errors.codes("criteria", ["a", "x", "y"], known), vec![1]);
        assert_eq!(
            fields(errors.check()),
            [("criteria".to_string(), "unknown codes: x, y; see /api/v1/vocabulary".to_string())]
        );
    }

    #[test]
    fn messages_are_english_in_the_api_and_translated_on_pages() {
        let mut errors = FieldErrors::new();
        errors.text("note", Some("abcd".into()), 3);
        errors.code("profession", "wizard", |_| None::<()>);
        let Err(AppError::Validation(found)) = errors.check() else { panic!("expected field errors") };
        let messages: Vec<(String, String)> =
            found.iter().map(|error| (error.message.clone(), error.message_in(Lang::Es))).collect();
        assert_eq!(
            messages,
            [
                ("must be at most 3 characters".to_string(), "debe tener como máximo 3 caracteres".to_string()),
                (
                    "'wizard' is not a known code; see /api/v1/vocabulary".to_string(),
                    "“wizard” no es una de las opciones".to_string()
                ),
            ]
        );
    }
}
