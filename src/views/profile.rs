//! A clinician's public profile, and the printable first-visit question sheet.

use maud::{html, Markup};

use super::head::Head;
use super::layout::{
    error_summary, field_error, message_page, notice, page, page_with, Footer, Notice, Problem, WayOn,
};
use super::locale::Locale;
use super::map;
use super::urgent;
use super::words;
use crate::app::listings::PublicListing;
use crate::assets::Asset;
use crate::domain::location::PracticeLocation;
use crate::domain::vocabulary::{
    self, CRITERIA, PAYMENT_OPTIONS, QUESTIONS, REPORT_REASONS, SPECIALTIES, TAPER_APPROACHES,
};
use crate::error::FieldError;
use crate::i18n::Lang;
use crate::t;

/// What a report form shows after sending: nothing yet, errors, or thanks.
pub enum ReportState<'a> {
    Blank,
    Invalid { reason: &'a str, details: &'a str, errors: &'a [FieldError] },
    Sent,
}

/// A listing's public profile. `back` is the search it was opened from, if
/// any (its query string), for the link back to the results.
pub fn profile(locale: &Locale, listing: &PublicListing, report: ReportState, back: Option<&str>) -> Markup {
    let lang = locale.lang;
    let profession = vocabulary::profession(&listing.profession).map(|term| term.label(lang)).unwrap_or_default();
    let specialty = vocabulary::find(SPECIALTIES, &listing.specialty).map(|term| term.label(lang)).unwrap_or_default();
    let name = match &listing.credentials {
        Some(credentials) => format!("{}, {credentials}", listing.full_name),
        None => listing.full_name.clone(),
    };
    let place = words::place(lang, &listing.city, listing.region.as_deref(), &listing.country);
    let address = one_line(listing.address_line.as_deref(), &place);
    let directions = directions(listing.latitude, listing.longitude);
    let mut places = vec![(listing.latitude, listing.longitude, address.clone())];
    places.extend(
        listing.other_locations.iter().map(|other| (other.latitude, other.longitude, other_address(lang, other))),
    );
    // The map numbers its pins when there are several; the addresses carry the same numbers.
    let numbered = places.len() > 1;
    let telehealth = if !listing.telehealth {
        t!(locale, "profile-telehealth-no")
    } else if listing.licensed_regions.is_empty() {
        t!(locale, "profile-telehealth-yes")
    } else {
        let regions = words::regions(lang, listing.licensed_regions.iter().map(String::as_str));
        t!(locale, "profile-telehealth-licensed", regions = regions)
    };
    let body = html! {
        nav.profile-links.no-print aria-label=(t!(locale, "profile-links-label")) {
            @if let Some(search) = back { a href=(locale.href(&format!("/search?{search}"))) { "← " (t!(locale, "profile-back")) } }
            a href=(locale.href("/questions")) { (t!(locale, "profile-questions")) }
            a href=(locale.href("/history")) { (t!(locale, "profile-history")) }
            (print_button(locale))
        }
        (urgent::help(locale, Some(&listing.country), "urgent-help"))
        article {
            h1 { (name) }
            p {
                @if listing.demo { span.badge.demo { (t!(locale, "profile-badge-demo")) } }
                @if listing.prescriber {
                    span.badge.strong { (t!(locale, "profile-badge-prescriber")) }
                } @else {
                    span.badge { (t!(locale, "profile-badge-not-prescriber")) }
                }
                (profession) " · " (specialty)
            }
            @if !listing.claimed {
                p.notice.warn #unclaimed { (t!(locale, "profile-unclaimed")) }
                (super::claim::link(locale, listing.id))
            }
            @if !listing.prescriber {
                p.notice { (t!(locale, "profile-needs-prescriber")) }
            }
            dl.facts {
                @if let Some(practice) = &listing.practice_name { dt { (t!(locale, "profile-practice")) } dd { (practice) } }
                dt { (t!(locale, "profile-where")) } dd {
                    @if numbered { span.pin-number { "1" } " " }
                    @if let Some(address) = &listing.address_line { (address) br; }
                    (place) @if let Some(postal) = &listing.postal_code { " " (postal) }
                    br; a.no-print href=(directions) { (t!(locale, "profile-directions")) }
                }
                @if numbered {
                    dt { (t!(locale, "profile-other-locations")) }
                    // One `dd` for all, so that the list's grid keeps each term beside its description.
                    dd { @for (n, other) in listing.other_locations.iter().enumerate() { div.other-location { (other_location(locale, n + 2, other)) } } }
                }
                dt { (t!(locale, "profile-telehealth")) } dd { (telehealth) }
                dt { (t!(locale, "profile-new-patients")) }
                dd {
                    @if listing.accepting_new_patients { (t!(locale, "profile-accepting")) } @else { (t!(locale, "profile-not-accepting")) }
                }
                dt { (t!(locale, "profile-languages")) } dd { (words::languages(lang, listing.languages.iter().map(String::as_str))) }
                (payment(locale, listing))
                (phones(locale, listing))
                @if !listing.opening_hours.is_empty() {
                    dt { (t!(locale, "profile-hours")) }
                    dd { @for (n, hours) in listing.opening_hours.iter().enumerate() {
                        @if n > 0 { br; } (words::opening_hours(lang, hours))
                    } }
                }
                @if let Some(email) = &listing.public_email { dt { (t!(locale, "profile-email")) } dd { a href=(format!("mailto:{email}")) { (email) } } }
                @if let Some(website) = &listing.website { dt { (t!(locale, "profile-website")) } dd { a href=(website) rel="nofollow noopener" { (website) } } }
                @if let Some(npi) = &listing.npi { dt { (t!(locale, "profile-npi")) } dd { (npi) } }
                @if let Some(pct) = listing.max_monthly_reduction_pct {
                    dt { (t!(locale, "profile-fastest-pace")) }
                    dd { (t!(locale, "profile-fastest-pace-value", percent = lang.count(usize::from(pct)))) }
                }
                @if let Some(reviewed) = listing.last_reviewed_at {
                    dt { (t!(locale, "profile-last-reviewed")) } dd { (lang.date(reviewed.date_naive())) }
                }
            }
            // An unclaimed listing was approved, never confirmed by its clinician.
            @if let Some(confirmed) = listing.confirmed_at.filter(|_| listing.claimed) {
                p.meta { (t!(locale, "profile-confirmed", month = lang.month_year(confirmed.date_naive()))) }
            }
            @if let Some(checked) = listing.npi_verified_on.filter(|_| listing.npi.is_some()) {
                p.meta #npi-verified { (t!(locale, "profile-npi-verified", month = lang.month_year(checked))) }
            }
            (map::location_map(locale, &places))
            h2 { (t!(locale, "profile-how-they-taper")) }
            @if listing.taper_approaches.is_empty() { p { (t!(locale, "profile-approaches-not-given")) } }
            ul {
                @for code in &listing.taper_approaches {
                    li {
                        strong { (words::approach_name(lang, code)) } ": "
                        (vocabulary::find(TAPER_APPROACHES, code).map(|term| term.label(lang)).unwrap_or_default())
                    }
                }
            }
            h2 { (t!(locale, "profile-practices")) }
            @if listing.criteria.is_empty() { p { (t!(locale, "profile-practices-none")) } }
            ul {
                @for code in &listing.criteria {
                    li { (vocabulary::find(CRITERIA, code).map(|term| term.label(lang)).unwrap_or_default()) }
                }
            }
            h2 { (t!(locale, "profile-own-words")) }
            @for question in QUESTIONS {
                h3 { (question.label(lang)) }
                p {
                    @match listing.answers.iter().find(|(code, _)| *code == question.code) {
                        Some((_, answer)) => (answer),
                        None => (t!(locale, "profile-not-given")),
                    }
                }
            }
            @if let Some(statement) = &listing.statement {
                h3 { (t!(locale, "profile-statement")) }
                p.statement { (statement) }
            }
        }
        section.no-print #report aria-labelledby="report-heading" {
            h2 #report-heading { (t!(locale, "profile-report-heading")) }
            (report_form(locale, listing.id, report))
        }
    };
    let footer = Footer { shows_demo: listing.demo, country: Some(&listing.country) };
    page_with(locale, &name, Head::of_profile(locale, listing), footer, body)
}

/// A Print button, shown by `static/print.js` where JavaScript runs (hidden
/// without it, since it could do nothing).
pub fn print_button(locale: &Locale) -> Markup {
    html! {
        button.print.no-print type="button" hidden data-print { (t!(locale, "print-button")) }
        script src=(Asset::PrintScript.path()) defer {}
    }
}

/// The page at the address of a listing hidden until its clinician confirms it again.
pub fn lapsed(locale: &Locale) -> Markup {
    message_page(
        locale,
        &t!(locale, "profile-lapsed-title"),
        &t!(locale, "profile-lapsed-detail"),
        &WayOn::search(locale),
    )
}

/// Each number under what it is for, with its extension; a fax is not a link.
/// A link to directions to a point on OpenStreetMap.
fn directions(lat: f64, lon: f64) -> String {
    format!("https://www.openstreetmap.org/directions?to={lat:.5}%2C{lon:.5}#map=14/{lat:.5}/{lon:.5}")
}

/// A further place in one line: its street, town, region and country.
fn other_address(lang: Lang, other: &PracticeLocation) -> String {
    one_line(other.address_line.as_deref(), &words::place(lang, &other.city, other.region.as_deref(), &other.country))
}

/// A street, when there is one, before its place: "100 Court St NE, Salem, Oregon, United States".
fn one_line(street: Option<&str>, place: &str) -> String {
    match street {
        Some(line) => format!("{line}, {place}"),
        None => place.to_string(),
    }
}

/// A further place as the profile lists it, with the number of its pin on the map.
fn other_location(locale: &Locale, number: usize, other: &PracticeLocation) -> Markup {
    let lang = locale.lang;
    html! {
        span.pin-number { (lang.count(number)) } " "
        @if let Some(name) = &other.name { strong { (name) } br; }
        @if let Some(line) = &other.address_line { (line) br; }
        (words::place(lang, &other.city, other.region.as_deref(), &other.country))
        @if let Some(postal) = &other.postal_code { " " (postal) }
        @if let Some(phone) = &other.phone { br; a href=(words::tel_href(phone)) { (phone) } }
        br; a.no-print href=(directions(other.latitude, other.longitude)) { (t!(locale, "profile-directions")) }
    }
}

fn phones(locale: &Locale, listing: &PublicListing) -> Markup {
    let lang = locale.lang;
    html! {
        @for phone in &listing.phones {
            dt { (words::phone_kind(lang, phone.kind)) }
            dd {
                @match words::phone_href(phone) {
                    Some(href) => a href=(href) { (phone.number) },
                    None => (phone.number),
                }
                @if let Some(extension) = &phone.extension { " " (words::phone_extension(lang, extension)) }
            }
        }
    }
}

/// How a patient can pay: the accepted ways, the insurers and the self-pay
/// prices, or a prompt to ask when the listing does not say.
fn payment(locale: &Locale, listing: &PublicListing) -> Markup {
    let ways: Vec<String> = listing
        .payment_options
        .iter()
        .map(|code| {
            vocabulary::find(PAYMENT_OPTIONS, code).map_or_else(|| code.clone(), |term| term.label(locale.lang))
        })
        .collect();
    let mut prices = Vec::new();
    if let Some(range) = listing.self_pay_first_visit {
        prices.push(t!(locale, "profile-price-first-visit", price = range.display(locale.lang, &listing.country)));
    }
    if let Some(range) = listing.self_pay_follow_up {
        prices.push(t!(locale, "profile-price-follow-up", price = range.display(locale.lang, &listing.country)));
    }
    html! {
        dt { (t!(locale, "profile-payment")) }
        dd { @if ways.is_empty() { (t!(locale, "profile-payment-ask")) } @else { (ways.join(", ")) } }
        @if !listing.insurers.is_empty() { dt { (t!(locale, "profile-insurers")) } dd { (listing.insurers.join(", ")) } }
        @if !prices.is_empty() {
            dt { (t!(locale, "profile-self-pay-prices")) }
            dd { @for (index, price) in prices.iter().enumerate() { @if index > 0 { br; } (price) } }
        }
    }
}

fn report_form(locale: &Locale, id: i64, state: ReportState) -> Markup {
    let (reason, details, errors): (&str, &str, &[FieldError]) = match state {
        ReportState::Sent => {
            return notice(locale, &Notice::success("profile-report-thanks"));
        }
        ReportState::Blank => ("", "", &[]),
        ReportState::Invalid { reason, details, errors } => (reason, details, errors),
    };
    let error = |field: &str| errors.iter().find(|e| e.field == field).map(|e| e.message_in(locale.lang));
    let (reason_error, details_error) = (error("reason"), error("details"));
    let labels = [("reason", "profile-report-reason"), ("details", "profile-report-details")];
    let problems: Vec<Problem> = labels
        .iter()
        .filter_map(|(field, label)| {
            let message = error(field)?;
            Some(Problem { id: field.to_string(), label: locale.lang.t(*label), message })
        })
        .collect();
    html! {
        (error_summary(locale, &problems))
        // The answer opens where the form was: at its thanks, or at its errors.
        form.stack method="post" action=(format!("{}#report", locale.href(&format!("/clinicians/{id}/reports")))) {
            div {
                label for="reason" { (t!(locale, "profile-report-reason")) }
                select id="reason" name="reason" aria-invalid=[reason_error.as_ref().map(|_| "true")] aria-describedby=[reason_error.as_ref().map(|_| "reason-error")] {
                    option value="" { (t!(locale, "profile-report-choose")) }
                    @for report_reason in REPORT_REASONS {
                        option value=(report_reason.code) selected[reason == report_reason.code] { (report_reason.label(locale.lang)) }
                    }
                }
                (field_error("reason", reason_error.as_deref()))
            }
            div {
                label for="details" {
                    (t!(locale, "profile-report-details")) " "
                    span.hint { (t!(locale, "profile-report-details-hint")) }
                }
                textarea id="details" name="details" maxlength="2000" aria-invalid=[details_error.as_ref().map(|_| "true")] { (details) }
                (field_error("details", details_error.as_deref()))
            }
            div { button type="submit" { (t!(locale, "profile-report-send")) } }
        }
    }
}

pub fn questions(locale: &Locale) -> Markup {
    let title = t!(locale, "questions-title");
    // Several English phrases can read the same in another language; each is listed once.
    let mut red_flags: Vec<String> = Vec::new();
    for id in RED_FLAGS_HEARD {
        let heard = locale.lang.t(id);
        if !red_flags.contains(&heard) {
            red_flags.push(heard);
        }
    }
    page(
        locale,
        &title,
        Footer::default(),
        html! {
            h1 { (title) }
            p.lead { (t!(locale, "questions-intro")) }
            @for (index, question) in QUESTIONS.iter().enumerate() {
                h2 { (index + 1) ". " (question.label(locale.lang)) }
                p.notes-label { (t!(locale, "questions-notes")) }
                // Blank lines for handwriting on the printed page; nothing to announce.
                div.notes aria-hidden="true" {}
            }
            h2 { (t!(locale, "questions-also-heading")) }
            ul {
                li { (t!(locale, "questions-also-pace")) }
                li { (t!(locale, "questions-also-support")) }
                li { (t!(locale, "questions-also-medicines")) }
            }
            h2 { (t!(locale, "questions-red-flags-heading")) }
            p { (t!(locale, "questions-red-flags-intro")) }
            ul { @for phrase in &red_flags { li { (t!(locale, "questions-red-flag-quoted", phrase = phrase.clone())) } } }
            p.no-print { a href=(locale.href("/history")) { (t!(locale, "questions-history")) } }
            p.no-print { (t!(locale, "questions-print-hint")) " " (print_button(locale)) }
        },
    )
}

/// Phrases that should worry a patient, as they would hear them. The
/// English ones are among the red flags moderators look for.
const RED_FLAGS_HEARD: [&str; 7] = [
    "questions-red-flag-just-stop",
    "questions-red-flag-cold-turkey",
    "questions-red-flag-two-week-taper",
    "questions-red-flag-2-week-taper",
    "questions-red-flag-withdrawal-isnt",
    "questions-red-flag-withdrawal-not-big",
    "questions-red-flag-not-addictive",
];

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::i18n::Lang;

    /// A public listing as the API writes one, with `payment` merged in.
    fn listing(payment: serde_json::Value) -> PublicListing {
        let mut listing = json!({
            "id": 7, "demo": false, "claimed": true, "full_name": "Dr. Rowan Whitfield", "credentials": "MD",
            "profession": "physician", "profession_label": "Physician", "prescriber": true,
            "specialty": "psychiatry", "taxonomy_code": null, "npi": null, "practice_name": null,
            "address_line": null, "city": "Portland", "region": "OR", "postal_code": null, "country": "US",
            "latitude": 45.52, "longitude": -122.68, "phone": null, "website": null, "public_email": null,
            "telehealth": false, "licensed_regions": [], "accepting_new_patients": true, "languages": ["en"],
            "taper_approaches": [], "criteria": [], "payment_options": [], "insurers": [],
            "self_pay_first_visit": null, "self_pay_follow_up": null, "max_monthly_reduction_pct": null,
            "answers": {}, "statement": null, "last_reviewed_at": null,
        });
        for (field, value) in payment.as_object().into_iter().flatten() {
            listing[field] = value.clone();
        }
        serde_json::from_value(listing).unwrap()
    }

    #[test]
    fn a_profile_names_the_ways_to_pay_the_insurers_and_the_prices() {
        let listing = listing(json!({
            "payment_options": ["medicare", "private_insurance", "self_pay"],
            "insurers": ["Aetna", "Moda & Partners"],
            "self_pay_first_visit": {"min": 150, "max": 250},
            "self_pay_follow_up": {"min": 90, "max": 90},
        }));
        let page = profile(&Locale::english(), &listing, ReportState::Blank, None).into_string();
        assert!(page.contains("<dt>Payment</dt><dd>Medicare, Private insurance, Paying yourself</dd>"), "{page}");
        assert!(page.contains("<dt>Insurers</dt><dd>Aetna, Moda &amp; Partners</dd>"));
        assert!(page.contains("<dd>First visit: $150–$250<br>Follow-up visits: $90</dd>"));
    }

    #[test]
    fn a_profile_says_when_the_clinician_last_confirmed_it_in_the_page_language() {
        let listing = listing(json!({"confirmed_at": "2026-11-28T09:30:00Z"}));
        let english = profile(&Locale::english(), &listing, ReportState::Blank, None).into_string();
        assert!(english.contains("Details confirmed by the clinician in November 2026"), "{english}");
        let spanish =
            profile(&Locale::new(Lang::Es, true, "/clinicians/7"), &listing, ReportState::Blank, None).into_string();
        assert!(spanish.contains("Datos confirmados por el profesional de la salud en noviembre de 2026"));
        let lapsed = lapsed(&Locale::new(Lang::Es, true, "/clinicians/7")).into_string();
        assert!(lapsed.contains("Esta ficha no se muestra por ahora"), "{lapsed}");
    }

    #[test]
    fn a_profile_without_ways_to_pay_says_to_ask_the_practice() {
        let page = profile(&Locale::english(), &listing(json!({})), ReportState::Blank, None).into_string();
        assert!(page.contains("<dt>Payment</dt><dd>Ask the practice</dd>"), "{page}");
        assert!(!page.contains("Insurers") && !page.contains("Self-pay prices"));
    }

    #[test]
    fn a_spanish_profile_keeps_the_language_in_its_report_form() {
        let locale = Locale::new(Lang::Es, true, "/clinicians/7");
        let listing = listing(json!({"telehealth": true, "max_monthly_reduction_pct": 10}));
        let page = profile(&locale, &listing, ReportState::Blank, None).into_string();
        assert!(page.contains(r#"action="/es/clinicians/7/reports#report""#), "{page}");
        assert!(page.contains("<dt>Telesalud</dt><dd>Sí</dd>"), "{page}");
        assert!(page.contains("Cerca del 10 % de la dosis actual al mes, o menos"), "{page}");
        let sent = profile(&locale, &listing, ReportState::Sent, None).into_string();
        assert!(sent.contains("Gracias. El equipo de moderación revisará su aviso."), "{sent}");
    }

    #[test]
    fn the_questions_sheet_reads_in_spanish() {
        let page = questions(&Locale::new(Lang::Es, true, "/questions")).into_string();
        assert!(page.contains("<h1>Preguntas para la primera consulta</h1>"), "{page}");
        assert!(page.contains("Imprima esta página y llévela a su consulta."), "{page}");
        assert!(page.contains("«Puede dejarla de golpe, de un día para otro.»"), "{page}");
        assert_eq!(page.matches("«Con una reducción de dos semanas basta para todo el mundo.»").count(), 1, "{page}");
        assert!(page.contains(r#"href="/es/submit""#) && !page.contains(r#"href="/submit""#), "{page}");
    }

    #[test]
    fn the_red_flags_on_the_sheet_are_whole_sentences_holding_those_moderators_look_for() {
        let page = questions(&Locale::english()).into_string();
        let mut flagged: Vec<&&str> = Vec::new();
        for id in RED_FLAGS_HEARD {
            let sentence = Lang::En.t(id);
            let phrase = vocabulary::RED_FLAGS.iter().find(|flag| sentence.to_lowercase().contains(*flag));
            assert!(phrase.is_some(), "{sentence} holds a red flag");
            assert!(sentence.ends_with('.') && sentence.starts_with(char::is_uppercase), "{sentence} is a sentence");
            assert!(page.contains(&maud::html! { "“" (sentence) "”" }.into_string()), "{sentence}: {page}");
            flagged.extend(phrase);
        }
        flagged.sort_unstable();
        flagged.dedup();
        assert_eq!(flagged.len(), RED_FLAGS_HEARD.len(), "each sentence stands for another red flag");
    }
}
