//! The clinician's submission form and the page that hands over the manage link.

use maud::{html, Markup};

use super::form_rows::{GROUPS, OPENING_HOURS, OTHER_LOCATIONS, PHONES};
use super::layout::{error_summary, field_error, page, Footer, Problem};
use super::locale::Locale;
use super::recovery::lost_link;
use super::words::{self, approach_name};
use crate::domain::vocabulary::{CRITERIA, PAYMENT_OPTIONS, PROFESSIONS, QUESTIONS, SPECIALTIES, TAPER_APPROACHES};
use crate::error::FieldError;
use crate::i18n::Lang;
use crate::places::iso;
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

    /// Every value sent under `name`.
    fn all<'b>(&'b self, name: &'b str) -> impl Iterator<Item = &'b str> {
        self.0.iter().filter(move |(k, _)| k == name).map(|(_, v)| v.as_str())
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

/// Every field of the form, in the order the form shows them, with the id of
/// the element its errors link to and its label's message id; the error
/// summary follows this order and these names.
const FIELDS: [(&str, &str, &str); 38] = [
    ("form", LISTING_FORM, "form-whole"),
    ("full_name", "full_name", "form-full-name"),
    ("family_name", "family_name", "form-family-name"),
    ("given_names", "given_names", "form-given-names"),
    ("credentials", "credentials", "form-credentials"),
    ("profession", "profession", "form-profession"),
    ("specialty", "specialty", "form-specialty"),
    ("taxonomy_code", "taxonomy_code", "form-taxonomy-code"),
    ("npi", "npi", "form-npi"),
    ("practice_name", "practice_name", "form-practice-name"),
    ("address_line", "address_line", "form-address-line"),
    ("city", "city", "form-city"),
    ("region", "region", "form-region"),
    ("postal_code", "postal_code", "form-postal-code"),
    ("country", "country", "form-country"),
    ("latitude", "latitude", "form-latitude"),
    ("longitude", "longitude", "form-longitude"),
    ("phone", "phones.0.number", "form-phone"),
    ("phones", "phones", "form-phones"),
    ("opening_hours", "opening_hours", "form-hours"),
    ("website", "website", "form-website"),
    ("public_email", "public_email", "form-public-email"),
    ("contact_email", "contact_email", "form-contact-email"),
    ("telehealth", "telehealth-true", "form-telehealth"),
    ("accepting_new_patients", "accepting_new_patients-true", "form-accepting-new-patients"),
    ("licensed_regions", "licensed_regions", "form-licensed-regions"),
    ("languages", "languages", "form-languages"),
    ("taper_approaches", "taper_approaches", "form-taper"),
    ("max_monthly_reduction_pct", "max_monthly_reduction_pct", "form-max-reduction"),
    ("payment_options", "payment_options", "form-payment"),
    ("insurers", "insurers", "form-insurers"),
    ("self_pay_first_visit", "self_pay_first_visit.min", "form-self-pay-first-visit"),
    ("self_pay_follow_up", "self_pay_follow_up.min", "form-self-pay-follow-up"),
    ("criteria", "criteria", "form-criteria"),
    ("answers.typical_duration", "answers.typical_duration", "vocab-question-typical_duration"),
    ("answers.dependence_plan", "answers.dependence_plan", "vocab-question-dependence_plan"),
    ("answers.slow_taper", "answers.slow_taper", "vocab-question-slow_taper"),
    ("statement", "statement", "form-statement"),
];

/// The form element's id, which an error about the whole form links to.
const LISTING_FORM: &str = "listing-form";

/// A field's place in `FIELDS`, the id to link to and its label: a price's
/// end (`self_pay_first_visit.max`) links to its own box, an insurer
/// (`insurers[2]`) to the list. An unknown name comes last, linking to the form.
fn field_entry(lang: Lang, field: &str) -> (usize, String, String) {
    let name = field.split('[').next().unwrap_or(field);
    let (group, end) = name.split_once('.').filter(|(group, _)| *group != "answers").unwrap_or((name, ""));
    let found = FIELDS.iter().position(|(known, _, _)| *known == group);
    let (index, (_, id, label)) = found.map_or((FIELDS.len(), FIELDS[0]), |index| (index, FIELDS[index]));
    if let Some((id, label)) = GROUPS.iter().find_map(|group| group.error_target(lang, field)) {
        return (index, id, label);
    }
    match end {
        "min" | "max" => (index, name.to_string(), lang.t(format!("form-{}-{end}", group.replace('_', "-")))),
        _ => (index, id.to_string(), lang.t(label)),
    }
}

/// The form's problems in its order, each named by its field's label.
fn problems(locale: &Locale, errors: &[FieldError]) -> Vec<Problem> {
    let mut lines: Vec<(usize, Problem)> = errors
        .iter()
        .map(|error| {
            let (index, id, label) = field_entry(locale.lang, &error.field);
            (index, Problem { id, label, message: error.message_in(locale.lang) })
        })
        .collect();
    lines.sort_by_key(|(index, _)| *index);
    lines.into_iter().map(|(_, problem)| problem).collect()
}

/// The self-pay price fields of each visit, with their label message ids.
const PRICE_FIELDS: [(&str, &str, &str); 2] = [
    ("self_pay_first_visit", "form-self-pay-first-visit-min", "form-self-pay-first-visit-max"),
    ("self_pay_follow_up", "form-self-pay-follow-up-min", "form-self-pay-follow-up-max"),
];

/// The languages most asked for, offered as checkboxes; the rest are in a list.
const COMMON_LANGUAGES: [&str; 12] = ["en", "es", "fr", "pt", "zh", "vi", "ko", "tl", "ar", "ru", "de", "it"];

/// What a clinician sees when the address could not be placed on the map.
const NOT_ON_MAP: &str = "field-error-city-not-on-map-in-words";

impl Form<'_> {
    /// A checkbox inside its label, without an id: the long lists of
    /// regions and languages stay small enough for a page.
    fn short_choice(&self, name: &str, value: &str, label: &str, ticked: bool) -> Markup {
        html! {
            label.choice { input type="checkbox" name=(name) value=(value) checked[ticked || self.values.has(name, value)]; (label) }
        }
    }

    /// Licensed regions by name, a group of checkboxes for each country whose
    /// regions have names; a code without a name (sent through the API) is
    /// kept as it was.
    fn licensed_regions(&self) -> Markup {
        let lang = self.locale.lang;
        let chosen: Vec<&str> = self.values.all("licensed_regions").collect();
        let unnamed = chosen.iter().filter(|code| !iso::is_named_region(code));
        let error = self.error("licensed_regions");
        html! {
            fieldset #licensed_regions aria-describedby=[error.as_ref().map(|_| "licensed_regions-error")] {
                legend { (t!(self.locale, "form-licensed-regions")) }
                span.hint { (t!(self.locale, "form-licensed-regions-hint")) }
                (field_error("licensed_regions", error.as_deref()))
                @for country in iso::REGION_COUNTRIES {
                    @let regions = words::regions_of(lang, country);
                    details open[country == "US" || regions.iter().any(|(code, _)| chosen.contains(code))] {
                        summary { (words::country(lang, country)) }
                        div.row {
                            @for (code, name) in &regions { (self.short_choice("licensed_regions", code, name, false)) }
                        }
                    }
                }
                @for code in unnamed { input type="hidden" name="licensed_regions" value=(code); }
            }
        }
    }

    /// Languages by name: the common ones as checkboxes, every other in a list.
    fn languages(&self) -> Markup {
        let lang = self.locale.lang;
        // A blank form starts with English, as a listing without languages has.
        let blank = self.values.0.is_empty();
        let chosen: Vec<&str> = self.values.all("languages").collect();
        let mut others: Vec<(&str, String)> = iso::language_codes()
            .iter()
            .filter(|code| !COMMON_LANGUAGES.contains(code))
            .map(|code| (*code, words::language(lang, code)))
            .collect();
        others.sort_by_cached_key(|(_, name)| words::sort_key(name));
        let error = self.error("languages");
        html! {
            fieldset #languages aria-describedby=[error.as_ref().map(|_| "languages-error")] {
                legend { (t!(self.locale, "form-languages")) }
                span.hint { (t!(self.locale, "form-languages-hint")) }
                (field_error("languages", error.as_deref()))
                div.row {
                    @for code in COMMON_LANGUAGES {
                        (self.short_choice("languages", code, &words::language(lang, code), blank && code == "en"))
                    }
                }
                label for="languages-other" { (t!(self.locale, "form-languages-other"))
                    span.hint { (t!(self.locale, "form-languages-other-hint")) } }
                select #languages-other name="languages" multiple size="6" {
                    @for (code, name) in &others { option value=(code) selected[chosen.contains(code)] { (name) } }
                }
            }
        }
    }

    /// The country as a select of names, the United States unless another is chosen.
    fn country(&self) -> Markup {
        let lang = self.locale.lang;
        let chosen = Some(self.values.get("country")).filter(|code| !code.is_empty()).unwrap_or("US");
        let mut countries: Vec<(&str, String)> =
            iso::country_codes().map(|code| (code, words::country(lang, code))).collect();
        countries.sort_by_cached_key(|(_, name)| words::sort_key(name));
        let error = self.error("country");
        html! {
            div {
                label for="country" { (t!(self.locale, "form-country")) }
                select #country name="country" aria-invalid=[error.as_ref().map(|_| "true")]
                    aria-describedby=[error.as_ref().map(|_| "country-error")] {
                    @for (code, name) in &countries { option value=(code) selected[*code == chosen] { (name) } }
                }
                (field_error("country", error.as_deref()))
            }
        }
    }

    /// The coordinates, offered only when the address could not be placed on
    /// the map, or when the clinician gave them.
    fn coordinates(&self) -> Markup {
        let wanted = self
            .errors
            .iter()
            .any(|error| error.is(NOT_ON_MAP) || ["latitude", "longitude"].contains(&error.field.as_str()))
            || !self.values.get("latitude").is_empty()
            || !self.values.get("longitude").is_empty();
        let lang = self.locale.lang;
        html! {
            @if wanted {
                details open {
                    summary { (t!(self.locale, "form-coordinates")) }
                    p.hint { (t!(self.locale, "form-coordinates-hint")) }
                    div.row {
                        (self.text("latitude", &lang.t("form-latitude"), &lang.t("form-latitude-hint"), "text", Optional))
                        (self.text("longitude", &lang.t("form-longitude"), &lang.t("form-longitude-hint"), "text", Optional))
                    }
                }
            }
        }
    }
}

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
        (error_summary(locale, &problems(locale, errors)))
        form.stack #listing-form method="post" action=(action) novalidate {
            // The first submit button is the one Enter presses: this one, not "Add a place".
            button.visually-hidden type="submit" tabindex="-1" aria-hidden="true" { (button) }
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
                (fields.text("practice_name", &t!(locale, "form-practice-name"), "", "text", Optional))
                (fields.text("address_line", &t!(locale, "form-address-line"), "", "text", Optional))
                (fields.text("city", &t!(locale, "form-city"), &t!(locale, "form-city-hint"), "text", Required))
                (fields.text("region", &t!(locale, "form-region"), &t!(locale, "form-region-hint"), "text", Optional))
                (fields.text("postal_code", &t!(locale, "form-postal-code"), &t!(locale, "form-postal-code-hint"), "text", Optional))
                (fields.country())
                (fields.coordinates())
                (OTHER_LOCATIONS.render(locale, values, errors))
            }
            fieldset {
                legend { (t!(locale, "form-reach")) }
                (PHONES.render(locale, values, errors))
                (OPENING_HOURS.render(locale, values, errors))
                (fields.text("website", &t!(locale, "form-website"), &t!(locale, "form-website-hint"), "url", Optional))
                (fields.text("public_email", &t!(locale, "form-public-email"), &t!(locale, "form-public-email-hint"), "email", Optional))
                (fields.text("contact_email", &t!(locale, "form-contact-email"), &t!(locale, "form-contact-email-hint"), "email", Required))
                div.choices {
                    (fields.choice("telehealth", "true", &t!(locale, "form-telehealth")))
                    (fields.choice("accepting_new_patients", "true", &t!(locale, "form-accepting-new-patients")))
                }
                (fields.licensed_regions())
                (fields.languages())
            }
            fieldset #taper_approaches {
                legend { (t!(locale, "form-taper")) }
                (field_error("taper_approaches", fields.error("taper_approaches").as_deref()))
                div.choices { @for approach in TAPER_APPROACHES { (fields.choice("taper_approaches", approach.code, &approach_name(lang, approach.code))) } }
                (fields.text("max_monthly_reduction_pct", &t!(locale, "form-max-reduction"), &t!(locale, "form-max-reduction-hint"), "text", Optional))
            }
            fieldset #payment_options {
                legend { (t!(locale, "form-payment")) }
                p.hint { (t!(locale, "form-payment-hint")) }
                (field_error("payment_options", fields.error("payment_options").as_deref()))
                div.choices { @for option in PAYMENT_OPTIONS { (fields.choice("payment_options", option.code, &option.label(lang))) } }
                (fields.area("insurers", &t!(locale, "form-insurers"), &t!(locale, "form-insurers-hint"), 1700))
                @for (visit, from, up_to) in PRICE_FIELDS {
                    (fields.text(&format!("{visit}.min"), &lang.t(from), &t!(locale, "form-self-pay-hint"), "number", Optional))
                    (fields.text(&format!("{visit}.max"), &lang.t(up_to), "", "number", Optional))
                }
            }
            fieldset #criteria {
                legend { (t!(locale, "form-criteria")) }
                (field_error("criteria", fields.error("criteria").as_deref()))
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
