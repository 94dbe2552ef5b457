//! Claiming an unclaimed listing: the form on its profile's behalf, the
//! answer to it, and the pages a confirmation link opens.

use maud::{html, Markup};

use super::layout::{error_summary, field_error, page, Footer, Problem};
use super::locale::Locale;
use crate::app::recovery::Unusable;
use crate::domain::limits::{MAX_EMAIL, MAX_MESSAGE};
use crate::error::FieldError;
use crate::t;

/// The claim form's path for listing `id`.
pub fn path(id: i64) -> String {
    format!("/clinicians/{id}/claim")
}

/// What the claimer typed, to show again beside its errors.
#[derive(Debug, Default)]
pub struct ClaimForm<'a> {
    pub email: &'a str,
    pub npi: &'a str,
    pub message: &'a str,
}

/// The link on an unclaimed listing's profile.
pub fn link(locale: &Locale, id: i64) -> Markup {
    html! { p #claim { a href=(locale.href(&path(id))) { (t!(locale, "profile-claim-link")) } } }
}

/// The form, naming the listing by its public name only.
pub fn form(locale: &Locale, id: i64, name: &str, typed: &ClaimForm, errors: &[FieldError]) -> Markup {
    let title = t!(locale, "claim-title");
    let error =
        |field: &str| errors.iter().find(|error| error.field == field).map(|error| error.message_in(locale.lang));
    let labels = [("email", "claim-email"), ("npi", "claim-npi"), ("message", "claim-message")];
    let problems: Vec<Problem> = labels
        .iter()
        .filter_map(|(field, label)| {
            error(field).map(|message| Problem { id: (*field).into(), label: locale.lang.t(*label), message })
        })
        .collect();
    let (email_error, npi_error, message_error) = (error("email"), error("npi"), error("message"));
    let body = html! {
        h1 { (title) }
        (error_summary(locale, &problems))
        p.lead { (t!(locale, "claim-lead", name = name)) }
        form.stack method="post" action=(locale.href(&path(id))) novalidate {
            div {
                label for="email" { (t!(locale, "claim-email")) " " (t!(locale, "form-required")) }
                input type="email" id="email" name="email" value=(typed.email) autocomplete="email" required maxlength=(MAX_EMAIL)
                    aria-invalid=[email_error.as_ref().map(|_| "true")] aria-describedby=[email_error.as_ref().map(|_| "email-error")];
                (field_error("email", email_error.as_deref()))
            }
            div {
                label for="npi" { (t!(locale, "claim-npi")) }
                span.hint id="npi-hint" { (t!(locale, "claim-npi-hint")) }
                input type="text" id="npi" name="npi" value=(typed.npi) inputmode="numeric" maxlength="10"
                    aria-invalid=[npi_error.as_ref().map(|_| "true")]
                    aria-describedby=(if npi_error.is_some() { "npi-hint npi-error" } else { "npi-hint" });
                (field_error("npi", npi_error.as_deref()))
            }
            div {
                label for="message" { (t!(locale, "claim-message")) }
                textarea id="message" name="message" rows="4" maxlength=(MAX_MESSAGE)
                    aria-invalid=[message_error.as_ref().map(|_| "true")] aria-describedby=[message_error.as_ref().map(|_| "message-error")] { (typed.message) }
                (field_error("message", message_error.as_deref()))
            }
            div hidden {
                label for="website_url_confirm" { (t!(locale, "form-honeypot")) }
                input type="text" id="website_url_confirm" name="website_url_confirm" tabindex="-1" autocomplete="off";
            }
            div { button type="submit" { (t!(locale, "claim-button")) } }
        }
    };
    page(locale, &title, Footer::default(), body)
}

/// The answer to a claim, the same whatever follows from it.
pub fn sent(locale: &Locale, id: i64) -> Markup {
    let title = t!(locale, "claim-sent-title");
    let body = html! {
        h1 { (title) }
        p role="status" { (t!(locale, "claim-sent")) }
        p { a href=(locale.href(&format!("/clinicians/{id}"))) { (t!(locale, "claim-back-profile")) } }
    };
    page(locale, &title, Footer::default(), body)
}

/// What a usable confirmation link opens: a button, since opening a link changes nothing.
pub fn confirm(locale: &Locale, secret: &str) -> Markup {
    let title = t!(locale, "claim-confirm-title");
    let body = html! {
        h1 { (title) }
        p { (t!(locale, "claim-confirm-lead")) }
        form.stack method="post" action=(locale.href(&format!("/claim/{secret}"))) {
            div { button type="submit" { (t!(locale, "claim-confirm-button")) } }
        }
    };
    page(locale, &title, Footer::default(), body)
}

/// The claim is confirmed.
pub fn done(locale: &Locale, listing_id: i64) -> Markup {
    let title = t!(locale, "claim-done-title");
    let body = html! {
        h1 { (title) }
        p role="status" { (t!(locale, "claim-done")) }
        p { a href=(locale.href(&format!("/clinicians/{listing_id}"))) { (t!(locale, "claim-back-profile")) } }
    };
    page(locale, &title, Footer::default(), body)
}

/// A confirmation link that cannot be used, saying why.
pub fn unusable(locale: &Locale, why: Unusable) -> Markup {
    let title = t!(locale, "claim-unusable-title");
    let reason = match why {
        Unusable::Unknown => t!(locale, "claim-unknown"),
        Unusable::Used => t!(locale, "claim-used"),
        Unusable::Expired => t!(locale, "claim-expired"),
    };
    let body = html! {
        h1 { (title) }
        p { (reason) }
        p { a href=(locale.href("/")) { (t!(locale, "message-page-home")) } }
    };
    page(locale, &title, Footer::default(), body)
}
