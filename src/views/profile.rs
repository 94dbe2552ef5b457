//! A clinician's public profile, and the printable first-visit question sheet.

use maud::{html, Markup};

use super::layout::{field_error, page, Footer};
use super::map;
use super::search::approach_name;
use super::words;
use crate::app::listings::PublicListing;
use crate::domain::vocabulary::{
    self, CRITERIA, PAYMENT_OPTIONS, QUESTIONS, RED_FLAGS, REPORT_REASONS, TAPER_APPROACHES,
};
use crate::error::FieldError;

fn or_none(value: Option<&str>) -> &str {
    value.unwrap_or("Not given")
}

/// What a report form shows after sending: nothing yet, errors, or thanks.
pub enum ReportState<'a> {
    Blank,
    Invalid { reason: &'a str, details: &'a str, errors: &'a [FieldError] },
    Sent,
}

pub fn profile(listing: &PublicListing, report: ReportState) -> Markup {
    let profession = vocabulary::profession(&listing.profession);
    let name = match &listing.credentials {
        Some(credentials) => format!("{}, {credentials}", listing.full_name),
        None => listing.full_name.clone(),
    };
    let place = words::place(&listing.city, listing.region.as_deref(), &listing.country);
    let address = match &listing.address_line {
        Some(line) => format!("{line}, {place}"),
        None => place.clone(),
    };
    let directions = format!(
        "https://www.openstreetmap.org/directions?to={:.5}%2C{:.5}#map=14/{:.5}/{:.5}",
        listing.latitude, listing.longitude, listing.latitude, listing.longitude
    );
    let body = html! {
        article {
            h1 { (name) }
            p {
                @if listing.demo { span.badge.demo { "Demo: fictional person" } }
                @if listing.prescriber { span.badge.strong { "Prescriber" } } @else { span.badge { "Supports a taper; does not prescribe" } }
                (profession.map_or("", |p| p.label)) " · " (vocabulary::find(vocabulary::SPECIALTIES, &listing.specialty).map_or("", |s| s.label))
            }
            @if !listing.prescriber {
                p.notice { "A taper needs a prescriber. This clinician can support you through one alongside the clinician who prescribes." }
            }
            dl.facts {
                @if let Some(practice) = &listing.practice_name { dt { "Practice" } dd { (practice) } }
                dt { "Where" } dd {
                    @if let Some(address) = &listing.address_line { (address) br; }
                    (place) @if let Some(postal) = &listing.postal_code { " " (postal) }
                    br; a.no-print href=(directions) { "Directions on OpenStreetMap" }
                }
                dt { "Telehealth" } dd {
                    @if listing.telehealth {
                        "Yes" @if !listing.licensed_regions.is_empty() { ", licensed in " (words::regions(listing.licensed_regions.iter().map(String::as_str))) }
                    } @else { "No, in person only" }
                }
                dt { "New patients" } dd { (if listing.accepting_new_patients { "Accepting new patients" } else { "Not accepting new patients now" }) }
                dt { "Languages" } dd { (words::languages(listing.languages.iter().map(String::as_str))) }
                (payment(listing))
                @if let Some(phone) = &listing.phone { dt { "Phone" } dd { a href=(format!("tel:{phone}")) { (phone) } } }
                @if let Some(email) = &listing.public_email { dt { "Email" } dd { a href=(format!("mailto:{email}")) { (email) } } }
                @if let Some(website) = &listing.website { dt { "Website" } dd { a href=(website) rel="nofollow noopener" { (website) } } }
                @if let Some(npi) = &listing.npi { dt { "NPI" } dd { (npi) } }
                @if let Some(pct) = listing.max_monthly_reduction_pct {
                    dt { "Fastest usual pace" } dd { "About " (pct) "% of the current dose a month, or slower" }
                }
                @if let Some(reviewed) = listing.last_reviewed_at { dt { "Last reviewed" } dd { (reviewed.format("%-d %B %Y")) } }
            }
            (map::location_map(listing.latitude, listing.longitude, &address))
            h2 { "How they taper" }
            @if listing.taper_approaches.is_empty() { p { "Not given." } }
            ul {
                @for code in &listing.taper_approaches {
                    li { strong { (approach_name(code)) } ": " (vocabulary::find(TAPER_APPROACHES, code).map_or("", |t| t.label)) }
                }
            }
            h2 { "Benzo-wise practices they attest to" }
            @if listing.criteria.is_empty() { p { "None given." } }
            ul { @for code in &listing.criteria { li { (vocabulary::find(CRITERIA, code).map_or("", |t| t.label)) } } }
            h2 { "In their own words" }
            @for question in QUESTIONS {
                h3 { (question.label) }
                p { (or_none(listing.answers.iter().find(|(q, _)| *q == question.code).map(|(_, a)| a))) }
            }
            @if let Some(statement) = &listing.statement {
                h3 { "Statement" }
                p.statement { (statement) }
            }
        }
        section.no-print aria-labelledby="report-heading" {
            h2 #report-heading { "Report a problem with this listing" }
            (report_form(listing.id, report))
        }
    };
    page(&name, Footer { shows_demo: listing.demo }, body)
}

/// How a patient can pay: the accepted ways, the insurers and the self-pay
/// prices, or a prompt to ask when the listing does not say.
fn payment(listing: &PublicListing) -> Markup {
    let ways: Vec<&str> = listing
        .payment_options
        .iter()
        .map(|code| vocabulary::find(PAYMENT_OPTIONS, code).map_or(code.as_str(), |term| term.label))
        .collect();
    let prices: Vec<String> =
        [("First visit", listing.self_pay_first_visit), ("Follow-up visits", listing.self_pay_follow_up)]
            .into_iter()
            .filter_map(|(visit, range)| Some(format!("{visit}: {}", range?.display(&listing.country))))
            .collect();
    html! {
        dt { "Payment" }
        dd { @if ways.is_empty() { "Ask the practice" } @else { (ways.join(", ")) } }
        @if !listing.insurers.is_empty() { dt { "Insurers" } dd { (listing.insurers.join(", ")) } }
        @if !prices.is_empty() {
            dt { "Self-pay prices" }
            dd { @for (index, price) in prices.iter().enumerate() { @if index > 0 { br; } (price) } }
        }
    }
}

fn report_form(id: i64, state: ReportState) -> Markup {
    let (reason, details, errors): (&str, &str, &[FieldError]) = match state {
        ReportState::Sent => {
            return html! { p.notice role="status" { "Thank you. A moderator will look at your report." } };
        }
        ReportState::Blank => ("", "", &[]),
        ReportState::Invalid { reason, details, errors } => (reason, details, errors),
    };
    let error = |field: &str| errors.iter().find(|e| e.field == field).map(|e| e.message.as_str());
    html! {
        form.stack method="post" action=(format!("/clinicians/{id}/reports")) {
            div {
                label for="reason" { "What is wrong?" }
                select id="reason" name="reason" aria-invalid=[error("reason").map(|_| "true")] aria-describedby=[error("reason").map(|_| "reason-error")] {
                    option value="" { "Choose one" }
                    @for report_reason in REPORT_REASONS { option value=(report_reason.code) selected[reason == report_reason.code] { (report_reason.label) } }
                }
                (field_error("reason", error("reason")))
            }
            div {
                label for="details" { "Details " span.hint { "Optional. Please do not include your own health details." } }
                textarea id="details" name="details" maxlength="2000" aria-invalid=[error("details").map(|_| "true")] { (details) }
                (field_error("details", error("details")))
            }
            div { button type="submit" { "Send report" } }
        }
    }
}

pub fn questions() -> Markup {
    page(
        "Questions for a first visit",
        Footer::default(),
        html! {
            h1 { "Questions for a first visit" }
            p.lead { "Print this page and take it with you. Ask each question, write down the answers, and notice how the clinician responds." }
            @for (index, question) in QUESTIONS.iter().enumerate() {
                h2 { (index + 1) ". " (question.label) }
                p.notes-label { "Notes:" }
                // Blank lines for handwriting on the printed page; nothing to announce.
                div.notes aria-hidden="true" {}
            }
            h2 { "Also worth asking" }
            ul {
                li { "Will you let me set the pace, and pause when symptoms are hard?" }
                li { "Will you help with non-drug support such as therapy, CBT-I or sleep hygiene?" }
                li { "How will you handle my other medicines, especially opioids or other sedatives?" }
            }
            h2 { "Red flags to listen for" }
            p { "Be cautious if you hear any of these. Abrupt stops can cause seizures." }
            ul { @for flag in RED_FLAGS { li { "“" (flag) "”" } } }
            p.no-print { "Use your browser's Print command to print this sheet." }
        },
    )
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    /// A public listing as the API writes one, with `payment` merged in.
    fn listing(payment: serde_json::Value) -> PublicListing {
        let mut listing = json!({
            "id": 7, "demo": false, "full_name": "Dr. Rowan Whitfield", "credentials": "MD",
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
        let page = profile(&listing, ReportState::Blank).into_string();
        assert!(page.contains("<dt>Payment</dt><dd>Medicare, Private insurance, Paying yourself</dd>"), "{page}");
        assert!(page.contains("<dt>Insurers</dt><dd>Aetna, Moda &amp; Partners</dd>"));
        assert!(page.contains("<dd>First visit: $150–$250<br>Follow-up visits: $90</dd>"));
    }

    #[test]
    fn a_profile_without_ways_to_pay_says_to_ask_the_practice() {
        let page = profile(&listing(json!({})), ReportState::Blank).into_string();
        assert!(page.contains("<dt>Payment</dt><dd>Ask the practice</dd>"), "{page}");
        assert!(!page.contains("Insurers") && !page.contains("Self-pay prices"));
    }
}
