//! The listing finder, and one listing's record: status, versions, reports
//! and audit history, with suspend and reinstate.

use maud::{html, Markup};

use super::{
    audit_table, csrf, date_field, error_summary, npi_link, pager, query, submission_status_words, text_field, when,
    workbench, Bench, Pages,
};
use crate::app::moderation::{Found, ListingRecord};
use crate::domain::moderation::ListingStatus;
use crate::domain::vocabulary;
use crate::error::FieldError;
use crate::i18n::Text;
use crate::t;
use crate::views::locale::Locale;
use crate::views::words;

fn status_words(locale: &Locale, status: ListingStatus) -> String {
    locale.text(&Text::new(format!("moderate-status-{}", status.as_str())))
}

pub fn finder(
    locale: &Locale,
    bench: &Bench,
    term: &str,
    found: Option<(&Found, &Pages)>,
    errors: &[FieldError],
) -> Markup {
    let headings =
        ["moderate-find-number", "moderate-queue-name", "moderate-queue-city", "form-npi", "moderate-listing-status"]
            .map(|id| locale.text(&Text::new(id)));
    let body = html! {
        form.filters method="get" action=(locale.href("/moderate/listings")) role="search" {
            (text_field(locale, "q", &t!(locale, "moderate-find-label"), term, errors, true))
            div { button type="submit" { (t!(locale, "moderate-find-button")) } }
        }
        @if let Some((found, pages)) = found {
            @if found.listings.is_empty() {
                p role="status" { (t!(locale, "moderate-find-none")) }
            } @else {
                p role="status" { (t!(locale, "moderate-find-count", count = found.total)) }
                table.stack {
                    caption { (t!(locale, "moderate-find-caption")) }
                    thead { tr { @for heading in &headings { th scope="col" { (heading) } } } }
                    tbody {
                        @for listing in &found.listings {
                            tr {
                                td data-label=(headings[0]) { (listing.listing_id) }
                                td data-label=(headings[1]) { a href=(locale.href(&format!("/moderate/listings/{}", listing.listing_id))) { (listing.full_name) } }
                                td data-label=(headings[2]) { (listing.city) }
                                td data-label=(headings[3]) { @if let Some(npi) = &listing.npi { (npi) } }
                                td data-label=(headings[4]) { (status_words(locale, listing.status)) }
                            }
                        }
                    }
                }
                (pager(locale, *pages, |page| locale.href(&format!("/moderate/listings{}", query(&[("q", Some(term.to_string())), ("page", (page > 1).then(|| page.to_string()))])))))
            }
        }
    };
    workbench(locale, bench, &t!(locale, "moderate-find-title"), None, body)
}

pub fn record(
    locale: &Locale,
    bench: &Bench,
    record: &ListingRecord,
    errors: &[FieldError],
    notice: Option<&Text>,
) -> Markup {
    let lang = locale.lang;
    let listing = &record.listing;
    let status = listing.status();
    let title =
        t!(locale, "moderate-listing-title", name = record.latest.full_name.as_str(), id = listing.id.to_string());
    let action = locale.href(&format!("/moderate/listings/{}/status", listing.id));
    let versions = [
        "moderate-versions-number",
        "moderate-queue-kind",
        "moderate-listing-status",
        "moderate-queue-sent",
        "moderate-versions-decided",
    ]
    .map(|id| locale.text(&Text::new(id)));
    let body = html! {
        p {
            strong { (t!(locale, "moderate-listing-status")) ": " } (status_words(locale, status))
            @if let Some(reason) = &listing.status_reason { " · " (reason) }
            @if status == ListingStatus::Approved { " · " a href=(locale.href(&format!("/clinicians/{}", listing.id))) { (t!(locale, "moderate-listing-public-page")) } }
        }
        p.meta {
            (words::place(lang, &record.latest.city, record.latest.region.as_deref(), &record.latest.country))
            @if let Some(npi) = &record.latest.npi { " · NPI " (npi_link(npi)) }
            " · " @if record.latest.contact_email.is_empty() { (t!(locale, "moderate-review-unclaimed")) } @else { (record.latest.contact_email) }
        }
        @if matches!(status, ListingStatus::Approved | ListingStatus::Suspended) {
            (error_summary(locale, errors))
            form.stack method="post" action=(action) {
                (csrf(bench.csrf_token))
                @if status == ListingStatus::Approved {
                    (text_field(locale, "reason", &t!(locale, "moderate-suspend-reason"), "", errors, true))
                    button.danger type="submit" name="action" value="suspend" { (t!(locale, "moderate-suspend")) }
                } @else {
                    (text_field(locale, "reason", &t!(locale, "moderate-note-optional"), "", errors, false))
                    button type="submit" name="action" value="reinstate" { (t!(locale, "moderate-reinstate")) }
                }
            }
        }
        @if !listing.claimed && matches!(status, ListingStatus::Approved | ListingStatus::Lapsed) {
            form.stack method="post" action=(action) #reverify {
                (csrf(bench.csrf_token))
                p { (t!(locale, "moderate-reverify-hint")) }
                (date_field(locale, "verified_on", &t!(locale, "moderate-reverify-day"), &chrono::Utc::now().date_naive().to_string(), errors))
                button type="submit" name="action" value="reverify" { (t!(locale, "moderate-reverify")) }
            }
        }
        h2 { (t!(locale, "moderate-versions-heading")) }
        table.stack {
            thead { tr { @for heading in &versions { th scope="col" { (heading) } } } }
            tbody {
                @for version in &record.versions {
                    tr {
                        td data-label=(versions[0]) { a href=(locale.href(&format!("/moderate/submissions/{}", version.id))) { (version.id) } }
                        td data-label=(versions[1]) { (super::queue::kind_words(locale, version.kind())) }
                        td data-label=(versions[2]) { (submission_status_words(locale, version.status())) }
                        td data-label=(versions[3]) { (when(lang, version.submitted_at)) }
                        td data-label=(versions[4]) { @if let Some(decided) = version.decided_at { (when(lang, decided)) } @if let Some(note) = &version.decision_note { " · " (note) } }
                    }
                }
            }
        }
        @if !record.reports.is_empty() {
            h2 { (t!(locale, "moderate-listing-reports")) }
            ul {
                @for report in &record.reports {
                    li {
                        (when(lang, report.created_at)) " · "
                        (vocabulary::any_report_reason(&report.reason).map_or_else(|| report.reason.clone(), |r| r.label(lang)))
                        " · " (locale.text(&Text::new(format!("moderate-report-status-{}", report.status.as_str()))))
                        @if let Some(details) = &report.details { " · " (details) }
                    }
                }
            }
        }
        h2 { (t!(locale, "moderate-listing-history")) }
        (audit_table(locale, &record.events))
        p { a href=(locale.href(&format!("/moderate/audit{}", query(&[("listing", Some(listing.id.to_string()))])))) { (t!(locale, "moderate-listing-all-events")) } }
    };
    workbench(locale, bench, &title, notice, body)
}
