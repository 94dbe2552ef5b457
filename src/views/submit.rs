//! The clinician's submission form and the page that hands over the manage link.

use maud::{html, Markup};

use super::layout::{field_error, page, Footer};
use super::search::approach_name;
use crate::domain::vocabulary::{CRITERIA, PAYMENT_OPTIONS, PROFESSIONS, QUESTIONS, SPECIALTIES, TAPER_APPROACHES};
use crate::error::FieldError;

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
    fn error(&self, field: &str) -> Option<&str> {
        self.errors
            .iter()
            .find(|e| e.field == field || e.field.starts_with(&format!("{field}[")))
            .map(|e| e.message.as_str())
    }

    fn text(&self, name: &str, label: &str, hint: &str, kind: &str, need: Need) -> Markup {
        let error = self.error(name);
        let required = need == Required;
        html! {
            div {
                label for=(name) { (label) @if required { " (required)" } @if !hint.is_empty() { span.hint { (hint) } } }
                input type=(kind) id=(name) name=(name) value=(self.values.get(name)) required[required]
                    aria-invalid=[error.map(|_| "true")] aria-describedby=[error.map(|_| format!("{name}-error"))];
                (field_error(name, error))
            }
        }
    }

    fn area(&self, name: &str, label: &str, hint: &str, max: usize) -> Markup {
        let error = self.error(name);
        html! {
            div {
                label for=(name) { (label) @if !hint.is_empty() { span.hint { (hint) } } }
                textarea id=(name) name=(name) maxlength=(max) aria-invalid=[error.map(|_| "true")]
                    aria-describedby=[error.map(|_| format!("{name}-error"))] { (self.values.get(name)) }
                (field_error(name, error))
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

    fn select(&self, name: &str, label: &str, options: &[(&str, &str)]) -> Markup {
        let error = self.error(name);
        html! {
            div {
                label for=(name) { (label) " (required)" }
                select id=(name) name=(name) required aria-invalid=[error.map(|_| "true")]
                    aria-describedby=[error.map(|_| format!("{name}-error"))] {
                    option value="" { "Choose one" }
                    @for (code, text) in options { option value=(code) selected[self.values.get(name) == *code] { (text) } }
                }
                (field_error(name, error))
            }
        }
    }
}

/// The submission page, with what was sent and every error beside its field
/// and listed at the top.
pub fn form(values: &[(String, String)], errors: &[FieldError]) -> Markup {
    let body = html! {
        h1 { "List your practice" }
        p.lead { "Tell patients how you taper. A moderator reads every submission before it is public; your contact email stays private." }
        (listing_form(values, errors, "/submit", "Send for review"))
    };
    page("List your practice", Footer::default(), body)
}

/// Where a clinician practises: each field's name, label, hint and need.
const PLACE_FIELDS: [(&str, &str, &str, Need); 8] = [
    ("practice_name", "Practice name", "", Optional),
    ("address_line", "Street address", "", Optional),
    ("city", "City or town", "", Required),
    ("region", "State or region", "For example OR.", Optional),
    ("postal_code", "ZIP or postal code", "US: 12345 or 12345-6789.", Optional),
    ("country", "Country", "Two letters, such as US, CA or GB. US if empty.", Optional),
    ("latitude", "Latitude", "Optional: found from your ZIP code or city if empty.", Optional),
    ("longitude", "Longitude", "Optional.", Optional),
];

/// Every field of a listing, posted to `action`.
pub fn listing_form(values: &[(String, String)], errors: &[FieldError], action: &str, button: &str) -> Markup {
    let fields = Form { values: FormValues(values), errors };
    let professions: Vec<(&str, &str)> = PROFESSIONS.iter().map(|p| (p.code, p.label)).collect();
    let specialties: Vec<(&str, &str)> = SPECIALTIES.iter().map(|s| (s.code, s.label)).collect();
    html! {
        @if !errors.is_empty() {
            div.errors role="alert" tabindex="-1" id="errors" {
                h2 { "Please correct " (errors.len()) @if errors.len() == 1 { " field" } @else { " fields" } }
                ul { @for error in errors { li { a href=(format!("#{}", anchor(&error.field))) { (error.field) ": " (error.message) } } } }
            }
        }
        form.stack method="post" action=(action) novalidate {
            fieldset {
                legend { "About you" }
                (fields.text("full_name", "Full name", "As patients will see it, 2 to 120 characters.", "text", Required))
                (fields.text("credentials", "Credentials", "For example MD, FAPA.", "text", Optional))
                (fields.select("profession", "Profession", &professions))
                (fields.select("specialty", "Specialty", &specialties))
                (fields.text("taxonomy_code", "NUCC taxonomy code", "Optional, 10 characters such as 2084P0800X.", "text", Optional))
                (fields.text("npi", "NPI", "Optional, 10 digits.", "text", Optional))
            }
            fieldset {
                legend { "Where you practise" }
                @for (name, label, hint, need) in PLACE_FIELDS { (fields.text(name, label, hint, "text", need)) }
            }
            fieldset {
                legend { "How patients reach you" }
                (fields.text("phone", "Phone", "", "tel", Optional))
                (fields.text("website", "Website", "Starting with http:// or https://.", "url", Optional))
                (fields.text("public_email", "Public email", "Shown on your listing.", "email", Optional))
                (fields.text("contact_email", "Private contact email", "Only moderators see it.", "email", Required))
                div.choices {
                    (fields.choice("telehealth", "true", "I offer telehealth"))
                    (fields.choice("accepting_new_patients", "true", "I am accepting new patients"))
                }
                (fields.text("licensed_regions", "Telehealth licences", "Region codes separated by commas, such as US-OR, US-WA.", "text", Optional))
                (fields.text("languages", "Languages", "Codes separated by commas, such as en, es. English if empty.", "text", Optional))
            }
            fieldset {
                legend { "How you taper" }
                div.choices { @for approach in TAPER_APPROACHES { (fields.choice("taper_approaches", approach.code, approach_name(approach.code))) } }
                (fields.text("max_monthly_reduction_pct", "Fastest usual pace", "Optional: the largest cut you usually make in a month, as a percentage of the current dose (1 to 50).", "text", Optional))
            }
            fieldset {
                legend { "Payment" }
                p.hint { "What patients can pay with. Leave it all empty and patients will be told to ask the practice." }
                div.choices { @for option in PAYMENT_OPTIONS { (fields.choice("payment_options", option.code, option.label)) } }
                (fields.area("insurers", "Private insurers you take", "With private insurance: one name per line, up to 20.", 1700))
                @for (visit, label) in [("self_pay_first_visit", "first visit"), ("self_pay_follow_up", "follow-up visit")] {
                    (fields.text(&format!("{visit}.min"), &format!("Paying yourself, {label}: from"), "With self-pay or a sliding scale: a whole amount in your country's currency.", "number", Optional))
                    (fields.text(&format!("{visit}.max"), &format!("Paying yourself, {label}: up to"), "", "number", Optional))
                }
            }
            fieldset {
                legend { "Benzo-wise practices you attest to" }
                div.choices { @for criterion in CRITERIA { (fields.choice("criteria", criterion.code, criterion.label)) } }
            }
            fieldset {
                legend { "The first-visit questions, in your words" }
                @for question in QUESTIONS { (fields.area(&format!("answers.{}", question.code), question.label, "Up to 2000 characters.", 2000)) }
                (fields.area("statement", "A short statement", "Plain text, up to 4000 characters.", 4000))
            }
            div hidden {
                label for="website_url_confirm" { "Leave this empty" }
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
pub fn received(listing_id: i64, manage_url: &str) -> Markup {
    page(
        "Submission received",
        Footer::default(),
        html! {
            h1 { "Thank you: your listing is waiting for review" }
            div.notice.warn role="status" {
                h2 { "Save this link now" }
                p { "It is the only way to edit or withdraw your listing, and it is shown only once. We keep no copy we could send you." }
                p.token { a href=(manage_url) { (manage_url) } }
            }
            p { "Your listing number is " (listing_id) ". A moderator will review it; until then it is not public." }
        },
    )
}
