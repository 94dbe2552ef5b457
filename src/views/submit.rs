//! The clinician's submission form and the page that hands over the manage link.

use maud::{html, Markup};

use super::layout::{field_error, page, Footer};
use super::locale::Locale;
use super::recovery::lost_link;
use super::words::approach_name;
use crate::domain::vocabulary::{CRITERIA, PAYMENT_OPTIONS, PROFESSIONS, QUESTIONS, SPECIALTIES, TAPER_APPROACHES};
use crate::error::FieldError;
use crate::t;

/// The form's values as sent (repeated names repeat).
pub struct FormValues<'a>(pub &'a [(String, String)]);

impl FormValues<'_> {
    fn get(&self, name: &str) -> &str {
        self.0.iter().find(|(k, _)| k == name).map_or("", |(_, v)| v.as_str())
    }

    fn has(&self, name: &str, value: &str) -> bool {
        self.0.iter().any(|(k, v)| k == name && v == value)
    }
}

struct Form<'a> {
    locale: &'a Locale,
    values: FormValues<'a>,
    errors: &'a [FieldError],
}

/// Whether a text field must be filled in.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Need {
    Required,
    Optional,
}

use Need::{Optional, Required};

impl Form<'_> {
    fn error(&self, field: &str) -> Option<String> {
        self.errors
            .iter()
            .find(|e| e.field == field || e.field.starts_with(&format!("{field}[")))
            .map(|e| e.message_in(self.locale.lang))
    }

    fn text(&self, name: &str, label: &str, hint: &str, kind: &str, need: Need) -> Markup {
        let error = self.error(name);
        let required = need == Required;
        html! {
            div {
                label for=(name) {
                    (label) @if required { " " (t!(self.locale, "form-required")) }
                    @if !hint.is_empty() { span.hint { (hint) } }
                }
                input type=(kind) id=(name) name=(name) value=(self.values.get(name)) required[required]
                    aria-invalid=[error.as_ref().map(|_| "true")] aria-describedby=[error.as_ref().map(|_| format!("{name}-error"))];
                (field_error(name, error.as_deref()))
            }
        }
    }

    fn area(&self, name: &str, label: &str, hint: &str, max: usize) -> Markup {
        let error = self.error(name);
        html! {
            div {
                label for=(name) { (label) @if !hint.is_empty() { span.hint { (hint) } } }
                textarea id=(name) name=(name) maxlength=(max) aria-invalid=[error.as_ref().map(|_| "true")]
                    aria-describedby=[error.as_ref().map(|_| format!("{name}-error"))] { (self.values.get(name)) }
                (field_error(name, error.as_deref()))
            }
        }
    }

    fn choice(&self, name: &str, value: &str, label: &str) -> Markup {
        let id = format!("{name}-{value}");
        html! {
            label.choice for=(id) {
                input type="checkbox" id=(id) name=(name) value=(value) checked[self.values.has(name, value)];
                span { (label) }
            }
        }
    }

    fn select(&self, name: &str, label: &str, options: &[(&str, String)]) -> Markup {
        let error = self.error(name);
        html! {
            div {
                label for=(name) { (label) " " (t!(self.locale, "form-required")) }
                select id=(name) name=(name) required aria-invalid=[error.as_ref().map(|_| "true")]
                    aria-describedby=[error.as_ref().map(|_| format!("{name}-error"))] {
                    option value="" { (t!(self.locale, "form-choose-one")) }
                    @for (code, text) in options { option value=(code) selected[self.values.get(name) == *code] { (text) } }
                }
                (field_error(name, error.as_deref()))
            }
        }
    }
}

/// The submission page, with what was sent and every error beside its field
/// and listed at the top.
pub fn form(locale: &Locale, values: &[(String, String)], errors: &[FieldError]) -> Markup {
    let title = t!(locale, "submit-title");
    let body = html! {
        h1 { (title) }
        p.lead { (t!(locale, "submit-lead")) }
        p { (t!(locale, "recovery-already-listed")) " " (lost_link(locale)) }
        (listing_form(locale, values, errors, &locale.href("/submit"), &t!(locale, "submit-button")))
    };
    page(locale, &title, Footer::default(), body)
}

/// Where a clinician practises: each field's name, label and hint message ids, and need.
const PLACE_FIELDS: [(&str, &str, Option<&str>, Need); 8] = [
    ("practice_name", "form-practice-name", None, Optional),
    ("address_line", "form-address-line", None, Optional),
    ("city", "form-city", None, Required),
    ("region", "form-region", Some("form-region-hint"), Optional),
    ("postal_code", "form-postal-code", Some("form-postal-code-hint"), Optional),
    ("country", "form-country", Some("form-country-hint"), Optional),
    ("latitude", "form-latitude", Some("form-latitude-hint"), Optional),
    ("longitude", "form-longitude", Some("form-longitude-hint"), Optional),
];

/// The self-pay price fields of each visit, with their label message ids.
const PRICE_FIELDS: [(&str, &str, &str); 2] = [
    ("self_pay_first_visit", "form-self-pay-first-visit-min", "form-self-pay-first-visit-max"),
    ("self_pay_follow_up", "form-self-pay-follow-up-min", "form-self-pay-follow-up-max"),
];

/// Every field of a listing, posted to `action` (an address from `locale.href`).
pub fn listing_form(
    locale: &Locale,
    values: &[(String, String)],
    errors: &[FieldError],
    action: &str,
    button: &str,
) -> Markup {
    let lang = locale.lang;
    let fields = Form { locale, values: FormValues(values), errors };
    let professions: Vec<(&str, String)> = PROFESSIONS.iter().map(|p| (p.code, p.label(lang))).collect();
    let specialties: Vec<(&str, String)> = SPECIALTIES.iter().map(|s| (s.code, s.label(lang))).collect();
    html! {
        @if !errors.is_empty() {
            div.errors role="alert" tabindex="-1" id="errors" {
                h2 { (t!(locale, "form-errors-title", count = errors.len())) }
                ul { @for error in errors { li { a href=(format!("#{}", anchor(&error.field))) { (error.field) ": " (error.message_in(lang)) } } } }
            }
        }
        form.stack method="post" action=(action) novalidate {
            fieldset {
                legend { (t!(locale, "form-about-you")) }
                (fields.text("full_name", &t!(locale, "form-full-name"), &t!(locale, "form-full-name-hint"), "text", Required))
                (fields.text("family_name", &t!(locale, "form-family-name"), &t!(locale, "form-family-name-hint"), "text", Optional))
                (fields.text("given_names", &t!(locale, "form-given-names"), &t!(locale, "form-given-names-hint"), "text", Optional))
                (fields.text("credentials", &t!(locale, "form-credentials"), &t!(locale, "form-credentials-hint"), "text", Optional))
                (fields.select("profession", &t!(locale, "form-profession"), &professions))
                (fields.select("specialty", &t!(locale, "form-specialty"), &specialties))
                (fields.text("taxonomy_code", &t!(locale, "form-taxonomy-code"), &t!(locale, "form-taxonomy-code-hint"), "text", Optional))
                (fields.text("npi", &t!(locale, "form-npi"), &t!(locale, "form-npi-hint"), "text", Optional))
            }
            fieldset {
                legend { (t!(locale, "form-where")) }
                @for (name, label, hint, need) in PLACE_FIELDS {
                    (fields.text(name, &lang.t(label), &hint.map(|hint| lang.t(hint)).unwrap_or_default(), "text", need))
                }
            }
            fieldset {
                legend { (t!(locale, "form-reach")) }
                (fields.text("phone", &t!(locale, "form-phone"), "", "tel", Optional))
                (fields.text("website", &t!(locale, "form-website"), &t!(locale, "form-website-hint"), "url", Optional))
                (fields.text("public_email", &t!(locale, "form-public-email"), &t!(locale, "form-public-email-hint"), "email", Optional))
                (fields.text("contact_email", &t!(locale, "form-contact-email"), &t!(locale, "form-contact-email-hint"), "email", Required))
                div.choices {
                    (fields.choice("telehealth", "true", &t!(locale, "form-telehealth")))
                    (fields.choice("accepting_new_patients", "true", &t!(locale, "form-accepting-new-patients")))
                }
                (fields.text("licensed_regions", &t!(locale, "form-licensed-regions"), &t!(locale, "form-licensed-regions-hint"), "text", Optional))
                (fields.text("languages", &t!(locale, "form-languages"), &t!(locale, "form-languages-hint"), "text", Optional))
            }
            fieldset {
                legend { (t!(locale, "form-taper")) }
                div.choices { @for approach in TAPER_APPROACHES { (fields.choice("taper_approaches", approach.code, &approach_name(lang, approach.code))) } }
                (fields.text("max_monthly_reduction_pct", &t!(locale, "form-max-reduction"), &t!(locale, "form-max-reduction-hint"), "text", Optional))
            }
            fieldset {
                legend { (t!(locale, "form-payment")) }
                p.hint { (t!(locale, "form-payment-hint")) }
                div.choices { @for option in PAYMENT_OPTIONS { (fields.choice("payment_options", option.code, &option.label(lang))) } }
                (fields.area("insurers", &t!(locale, "form-insurers"), &t!(locale, "form-insurers-hint"), 1700))
                @for (visit, from, up_to) in PRICE_FIELDS {
                    (fields.text(&format!("{visit}.min"), &lang.t(from), &t!(locale, "form-self-pay-hint"), "number", Optional))
                    (fields.text(&format!("{visit}.max"), &lang.t(up_to), "", "number", Optional))
                }
            }
            fieldset {
                legend { (t!(locale, "form-criteria")) }
                div.choices { @for criterion in CRITERIA { (fields.choice("criteria", criterion.code, &criterion.label(lang))) } }
            }
            fieldset {
                legend { (t!(locale, "form-questions")) }
                @for question in QUESTIONS { (fields.area(&format!("answers.{}", question.code), &question.label(lang), &t!(locale, "form-answer-hint"), 2000)) }
                (fields.area("statement", &t!(locale, "form-statement"), &t!(locale, "form-statement-hint"), 4000))
            }
            div hidden {
                label for="website_url_confirm" { (t!(locale, "form-honeypot")) }
                input type="text" id="website_url_confirm" name="website_url_confirm" tabindex="-1" autocomplete="off";
            }
            div { button type="submit" { (button) } }
        }
    }
}

fn anchor(field: &str) -> &str {
    field.split('[').next().unwrap_or(field)
}

/// Shown once after a submission: the private manage link.
pub fn received(locale: &Locale, listing_id: i64, manage_url: &str) -> Markup {
    page(
        locale,
        &t!(locale, "submit-received-title"),
        Footer::default(),
        html! {
            h1 { (t!(locale, "submit-received-heading")) }
            div.notice.warn role="status" {
                h2 { (t!(locale, "submit-save-link")) }
                p { (t!(locale, "submit-save-link-why")) }
                p.token { a href=(manage_url) { (manage_url) } }
            }
            p { (t!(locale, "submit-listing-number", id = listing_id.to_string())) }
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Lang, Text};

    #[test]
    fn the_form_reads_in_spanish_with_its_errors_and_keeps_the_language_in_its_action() {
        let locale = Locale::new(Lang::Es, true, "/submit");
        let values = [("npi".to_string(), "12ab".to_string())];
        let errors = [FieldError::new("latitude", Text::new("form-error-number"))];

        let html = form(&locale, &values, &errors).into_string();

        assert!(html.contains("Nombre completo"), "the label is in Spanish");
        assert!(html.contains(r#"action="/es/submit""#));
        assert!(html.contains(r#"<span class="field-error" id="latitude-error">debe ser un número</span>"#));
        assert!(html.contains("Corrija 1 campo"));
        assert!(!html.contains("must be a number"));
    }
}
