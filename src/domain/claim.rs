//! A claim on an unclaimed listing: the address the claimer gives, an
//! optional NPI and message, and whether the address shares the listing's
//! domain (which lets a mailed link confirm it without a moderator).

use validator::ValidateEmail;

use super::limits::{MAX_EMAIL, MAX_MESSAGE};
use super::listing::ListingDetails;
use super::{npi, FieldErrors};
use crate::error::AppError;
use crate::i18n::Text;

/// A well-formed claim: built only by `parse`.
#[derive(Debug, Clone)]
pub struct NewClaim {
    email: String,
    npi: Option<String>,
    message: Option<String>,
}

impl NewClaim {
    /// Checks every field and names each bad one.
    pub fn parse(email: Option<String>, npi: Option<String>, message: Option<String>) -> Result<NewClaim, AppError> {
        let mut errors = FieldErrors::new();
        let email = errors.required_text("email", email, MAX_EMAIL);
        if email.as_ref().is_some_and(|email| !email.validate_email()) {
            errors.add("email", Text::new("field-error-email"));
        }
        let npi = errors.text("npi", npi, 10);
        if npi.as_deref().is_some_and(|number| !npi::is_valid(number)) {
            errors.add("npi", Text::new("field-error-npi"));
        }
        let message = errors.text("message", message, MAX_MESSAGE);
        let email = errors.finish(email)?;
        Ok(NewClaim { email: email.to_lowercase(), npi, message })
    }

    pub fn email(&self) -> &str {
        &self.email
    }

    pub fn npi(&self) -> Option<&str> {
        self.npi.as_deref()
    }

    pub fn message(&self) -> Option<&str> {
        self.message.as_deref()
    }

    /// Whether the address is at the domain of the listing's website or of
    /// its public email: then mail to it shows the claimer speaks for the practice.
    pub fn shares_domain(&self, details: &ListingDetails) -> bool {
        let Some(mine) = email_domain(&self.email) else { return false };
        let website = details.website.as_deref().and_then(website_domain);
        let public = details.public_email.as_deref().and_then(email_domain);
        [website, public].into_iter().flatten().any(|domain| domain == mine)
    }
}

/// The part after the `@`, in lower case.
fn email_domain(email: &str) -> Option<String> {
    let (_, domain) = email.trim().rsplit_once('@')?;
    Some(domain.trim_end_matches('.').to_lowercase()).filter(|domain| !domain.is_empty())
}

/// A website's host, without a leading `www.`.
fn website_domain(website: &str) -> Option<String> {
    let parsed = url::Url::parse(website.trim()).ok()?;
    let host = parsed.host_str()?.trim_end_matches('.').to_lowercase();
    Some(host.strip_prefix("www.").map(str::to_string).unwrap_or(host)).filter(|host| !host.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn domains_are_read_from_addresses_and_websites() {
        assert_eq!(email_domain("Ana@Clinic.Example.").as_deref(), Some("clinic.example"));
        assert_eq!(website_domain("https://www.Clinic.example/about").as_deref(), Some("clinic.example"));
        assert_eq!(website_domain("not a url"), None);
    }

    #[test]
    fn a_claim_names_each_bad_field() {
        let Err(AppError::Validation(errors)) =
            NewClaim::parse(Some("nobody".into()), Some("123".into()), Some("x".repeat(MAX_MESSAGE + 1)))
        else {
            panic!("should be refused");
        };
        let fields: Vec<&str> = errors.iter().map(|error| error.field.as_str()).collect();
        assert_eq!(fields, ["email", "npi", "message"]);
        let claim = NewClaim::parse(Some(" Ana@Clinic.example ".into()), Some(" ".into()), None).unwrap();
        assert_eq!((claim.email(), claim.npi()), ("ana@clinic.example", None));
    }
}
