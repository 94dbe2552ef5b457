//! A report from the public about an approved listing.

use super::{vocabulary, FieldErrors};
use crate::error::AppError;
use crate::i18n::Text;

/// The longest `details` a report may carry, in characters.
pub const MAX_DETAILS: usize = 2000;

/// A report that names a known reason; the only way in is `parse`.
#[derive(Debug, Clone, PartialEq)]
pub struct NewReport {
    pub reason: &'static str,
    pub details: Option<String>,
}

impl NewReport {
    pub fn parse(reason: Option<String>, details: Option<String>) -> Result<NewReport, AppError> {
        let mut errors = FieldErrors::new();
        let reason = reason.map(|reason| reason.trim().to_string()).unwrap_or_default();
        let reason = vocabulary::find(vocabulary::REPORT_REASONS, &reason).map(|term| term.code);
        if reason.is_none() {
            let page = Text::new("field-error-report-reason-in-words");
            errors.add_worded("reason", Text::new("field-error-report-reason"), page);
        }
        let details = errors.text("details", details, MAX_DETAILS);
        let reason = errors.finish(reason)?;
        Ok(NewReport { reason, details })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_known_reason_with_blank_details_parses() {
        let report = NewReport::parse(Some(" closed ".into()), Some("  ".into()));
        assert!(matches!(report, Ok(NewReport { reason: "closed", details: None })), "{report:?}");
    }

    #[test]
    fn an_unknown_reason_and_long_details_are_both_named() {
        let Err(AppError::Validation(errors)) = NewReport::parse(Some("spam".into()), Some("x".repeat(2001))) else {
            panic!("expected field errors");
        };
        let fields: Vec<&str> = errors.iter().map(|error| error.field.as_str()).collect();
        assert_eq!(fields, ["reason", "details"]);
    }
}
