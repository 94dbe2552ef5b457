//! A clinician's private page for their listing.

use maud::{html, Markup};

use super::layout::{notice, page, Footer, Notice, Tone};
use super::locale::Locale;
use super::recovery::lost_link;
use super::submit::listing_form;
use crate::app::manage::ManageStatus;
use crate::domain::listing::{ListingContent, LocationSource};
use crate::domain::moderation::{ListingStatus, SubmissionStatus};
use crate::error::FieldError;
use crate::i18n::{Lang, Text};
use crate::t;
use crate::views::words;

/// A region by its name; one without a name here reads as its code, which
/// is what the clinician gave.
fn region_name(lang: Lang, country: &str, code: &str) -> String {
    let name = words::region(lang, &format!("{country}-{code}"));
    name.strip_prefix(&format!("{country}-")).unwrap_or(&name).to_string()
}

/// A listing's content as the form's fields, so the edit form starts filled
/// in: the region by its name, the coordinates only when the clinician gave them.
pub fn form_values(lang: Lang, content: &ListingContent) -> Vec<(String, String)> {
    let mut values = Vec::new();
    let mut put = |name: &str, value: Option<String>| {
        if let Some(value) = value.filter(|v| !v.is_empty()) {
            values.push((name.to_string(), value));
        }
    };
    put("full_name", Some(content.full_name.clone()));
    // Names derived from the display name are left for the clinician to give.
    put("family_name", (!content.names_derived).then(|| content.family_name.clone()));
    put("given_names", (!content.names_derived).then(|| content.given_names.clone()));
    put("credentials", content.credentials.clone());
    put("profession", Some(content.profession.clone()));
    put("specialty", Some(content.specialty.clone()));
    put("taxonomy_code", content.taxonomy_code.clone());
    put("npi", content.npi.clone());
    put("practice_name", content.practice_name.clone());
    put("address_line", content.address_line.clone());
    put("city", Some(content.city.clone()));
    put("region", content.region.as_deref().map(|code| region_name(lang, &content.country, code)));
    put("postal_code", content.postal_code.clone());
    put("country", Some(content.country.clone()));
    if content.location_source == LocationSource::Given {
        put("latitude", Some(content.latitude.to_string()));
        put("longitude", Some(content.longitude.to_string()));
    }
    for (index, phone) in content.phones.iter().enumerate() {
        put(&format!("phones.{index}.number"), Some(phone.number.clone()));
        put(&format!("phones.{index}.kind"), Some(phone.kind.code().to_string()));
        put(&format!("phones.{index}.extension"), phone.extension.clone());
    }
    for (index, other) in content.other_locations.iter().enumerate() {
        let part = |name: &str| format!("other_locations.{index}.{name}");
        put(&part("name"), other.name.clone());
        put(&part("address_line"), other.address_line.clone());
        put(&part("city"), Some(other.city.clone()));
        put(&part("region"), other.region.as_deref().map(|code| region_name(lang, &other.country, code)));
        put(&part("postal_code"), other.postal_code.clone());
        // The row asks for a country only when it is not the United States, by its name.
        put(&part("country"), (other.country != "US").then(|| words::country(lang, &other.country)));
        put(&part("phone"), other.phone.clone());
        if other.location_source == LocationSource::Given {
            put(&part("latitude"), Some(other.latitude.to_string()));
            put(&part("longitude"), Some(other.longitude.to_string()));
        }
    }
    for (index, hours) in content.opening_hours.iter().enumerate() {
        put(&format!("opening_hours.{index}.day"), Some(hours.day.code().to_string()));
        put(&format!("opening_hours.{index}.opens"), Some(hours.opens.clone()));
        put(&format!("opening_hours.{index}.closes"), Some(hours.closes.clone()));
    }
    put("website", content.website.clone());
    put("public_email", content.public_email.clone());
    put("contact_email", Some(content.contact_email.clone()));
    put("telehealth", content.telehealth.then(|| "true".to_string()));
    put("accepting_new_patients", content.accepting_new_patients.then(|| "true".to_string()));
    for code in &content.licensed_regions {
        put("licensed_regions", Some(code.clone()));
    }
    for code in &content.languages {
        put("languages", Some(code.clone()));
    }
    for code in &content.taper_approaches {
        put("taper_approaches", Some(code.clone()));
    }
    for code in &content.criteria {
        put("criteria", Some(code.clone()));
    }
    for code in &content.payment_options {
        put("payment_options", Some(code.clone()));
    }
    put("insurers", Some(content.insurers.join("\n")));
    for (visit, price) in
        [("self_pay_first_visit", content.self_pay_first_visit), ("self_pay_follow_up", content.self_pay_follow_up)]
    {
        if let Some(range) = price {
            put(&format!("{visit}.min"), Some(range.min.to_string()));
            put(&format!("{visit}.max"), Some(range.max.to_string()));
        }
    }
    put("max_monthly_reduction_pct", content.max_monthly_reduction_pct.map(|p| p.to_string()));
    for (question, answer) in content.answers.iter() {
        put(&format!("answers.{question}"), Some(answer.to_string()));
    }
    put("statement", content.statement.clone());
    values
}

/// Whether a newer version than the public one is waiting for review.
fn edit_waiting(view: &ManageStatus) -> bool {
    view.status == ListingStatus::Approved
        && view.latest_submission.as_ref().is_some_and(|latest| latest.status == SubmissionStatus::Pending)
}

/// The listing's status in a sentence, and what sending a new version does
/// from there: the message ids of both.
fn status_words(view: &ManageStatus) -> (&'static str, &'static str) {
    match view.status {
        ListingStatus::Approved if edit_waiting(view) => {
            ("manage-status-approved-edit-waiting", "manage-change-lead-edit-waiting")
        }
        ListingStatus::Approved => ("manage-status-approved", "manage-change-lead-approved"),
        ListingStatus::Pending => ("manage-status-pending", "manage-change-lead-pending"),
        ListingStatus::Rejected => ("manage-status-rejected", "manage-change-lead-rejected"),
        ListingStatus::Suspended => ("manage-status-suspended", "manage-change-lead-suspended"),
        ListingStatus::Withdrawn => ("manage-status-withdrawn", "manage-change-lead-withdrawn"),
        ListingStatus::Lapsed => ("manage-status-lapsed", "manage-change-lead-lapsed"),
    }
}

fn version_status(locale: &Locale, status: SubmissionStatus) -> String {
    match status {
        SubmissionStatus::Pending => t!(locale, "manage-version-pending"),
        SubmissionStatus::Approved => t!(locale, "manage-version-approved"),
        SubmissionStatus::Rejected => t!(locale, "manage-version-rejected"),
        SubmissionStatus::Superseded => t!(locale, "manage-version-superseded"),
        SubmissionStatus::Withdrawn => t!(locale, "manage-version-withdrawn"),
    }
}

/// A moderator's reason for refusing the latest version or suspending the
/// listing, in the error style, with the reason as they wrote it.
fn refusal(view: &ManageStatus) -> Option<Notice> {
    let rejected = view.latest_submission.as_ref().and_then(|latest| latest.rejection_reason.clone());
    let (id, reason) = match (&view.suspension_reason, rejected) {
        (Some(reason), _) if view.status == ListingStatus::Suspended => ("manage-suspension-reason", reason.clone()),
        (_, Some(reason)) => ("manage-rejection-reason", reason),
        _ => return None,
    };
    Some(Notice { tone: Tone::Error, text: Text::new(id).arg("reason", reason) })
}

/// A sent edit that did not pass: the form's values and their errors.
pub type RejectedEdit<'a> = (&'a [(String, String)], &'a [FieldError]);

/// The manage page; `edit` holds the form's values and errors after a bad
/// edit, `done` says what the last action did.
pub fn manage(
    locale: &Locale,
    token: &str,
    view: &ManageStatus,
    edit: Option<RejectedEdit>,
    done: Option<&Notice>,
) -> Markup {
    let prefilled = view.listing.as_ref().map(|listing| form_values(locale.lang, listing)).unwrap_or_default();
    let (values, errors) = edit.unwrap_or((&prefilled, &[]));
    let title = t!(locale, "manage-title");
    let (status, change_lead) = status_words(view);
    let body = html! {
        h1 { (title) }
        @if let Some(done) = done { (notice(locale, done)) }
        @if let Some(reason) = refusal(view) { (notice(locale, &reason)) }
        p.notice.warn { (t!(locale, "manage-private-key")) " " (t!(locale, "recovery-manage-hint")) " " (lost_link(locale)) }
        dl.facts {
            dt { (t!(locale, "manage-listing-number")) } dd { (view.listing_id) }
            dt { (t!(locale, "manage-status")) } dd { (locale.lang.t(status)) }
            @if view.status == ListingStatus::Approved {
                dt { (t!(locale, "manage-public-page")) }
                dd { a href=(locale.href(&format!("/clinicians/{}", view.listing_id))) { (t!(locale, "manage-public-page-link")) } }
            }

            @if let Some(confirmed) = view.confirmed_at {
                dt { (t!(locale, "manage-confirmed-at")) } dd { (locale.lang.date(confirmed.date_naive())) }
            }
            @if let Some(latest) = &view.latest_submission {
                dt { (t!(locale, "manage-latest-version")) } dd {
                    (t!(locale, "manage-latest-sent",
                        status = version_status(locale, latest.status),
                        date = locale.lang.date(latest.submitted_at.date_naive())))
                }
            }
        }
        @if matches!(view.status, ListingStatus::Approved | ListingStatus::Lapsed) {
            h2 #still-correct { (t!(locale, "manage-confirm")) }
            p { (t!(locale, "manage-confirm-lead")) }
            form.stack method="post" action=(locale.href(&format!("/manage/{token}/confirm"))) {
                div { button type="submit" { (t!(locale, "manage-confirm-button")) } }
            }
        }
        h2 { (t!(locale, "manage-change")) }
        p { (locale.lang.t(change_lead)) }
        (listing_form(locale, values, errors, &locale.href(&format!("/manage/{token}")), &t!(locale, "manage-change-button")))
        @if view.status != ListingStatus::Withdrawn {
            h2 { (t!(locale, "manage-withdraw")) }
            form.stack method="post" action=(locale.href(&format!("/manage/{token}/withdraw"))) {
                label.choice for="confirm" {
                    input type="checkbox" id="confirm" name="confirm" value="yes" required;
                    span { (t!(locale, "manage-withdraw-confirm")) }
                }
                div { button.danger type="submit" { (t!(locale, "manage-withdraw-button")) } }
            }
        }
    };
    page(locale, &title, Footer::default(), body)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn the_page_reads_in_spanish_and_its_forms_keep_the_language() {
        let locale = Locale::new(Lang::Es, true, "/manage/abc123");
        let view = ManageStatus {
            listing_id: 7,
            status: ListingStatus::Withdrawn,
            public: false,
            suspension_reason: None,
            confirmed_at: None,
            latest_submission: None,
            listing: None,
        };

        let html =
            manage(&locale, "abc123", &view, None, Some(&Notice::success("manage-notice-withdrawn"))).into_string();

        assert!(html.contains("Su ficha se retiró y ya no es pública."));
        assert!(html.contains("Retirada por usted"));
        assert!(html.contains(r#"action="/es/manage/abc123""#));
        assert!(!html.contains("/confirm\""), "a withdrawn listing has nothing to confirm");
    }

    #[test]
    fn a_lapsed_listing_offers_the_button_that_brings_it_back() {
        let locale = Locale::new(Lang::Es, true, "/manage/abc123");
        let view = ManageStatus {
            listing_id: 7,
            status: ListingStatus::Lapsed,
            public: false,
            suspension_reason: None,
            confirmed_at: chrono::NaiveDate::from_ymd_opt(2025, 11, 28)
                .and_then(|day| day.and_hms_opt(9, 30, 0))
                .map(|time| time.and_utc()),
            latest_submission: None,
            listing: None,
        };

        let html = manage(&locale, "abc123", &view, None, None).into_string();

        assert!(html.contains("Oculta, porque no confirmó sus datos a tiempo."), "{html}");
        assert!(html.contains("28 de noviembre de 2025"));
        assert!(html.contains(r#"action="/es/manage/abc123/confirm""#));
        assert!(html.contains("Mis datos siguen siendo correctos</button>"));
    }
}
