//! The listing finder, and one listing's record: status, versions, reports
//! and audit history, with suspend and reinstate.

use maud::{html, Markup};

use super::{
    audit_table, csrf, error_summary, npi_link, query, submission_status_words, text_field, when, workbench, Bench,
};
use crate::app::moderation::{FoundListing, ListingRecord};
use crate::domain::moderation::ListingStatus;
use crate::domain::vocabulary;
use crate::error::FieldError;
use crate::i18n::Text;
use crate::t;
use crate::views::locale::Locale;

fn status_words(locale: &Locale, status: ListingStatus) -> String {
    locale.text(&Text::new(format!("moderate-status-{}", status.as_str())))
}

pub fn finder(
    locale: &Locale,
    bench: &Bench,
    term: &str,
    found: Option<&[FoundListing]>,
    errors: &[FieldError],
) -> Markup {
    let body = html! {
        form.filters method="get" action=(locale.href("/moderate/listings")) role="search" {
            (text_field(locale, "q", &t!(locale, "moderate-find-label"), term, errors, true))
            div { button type="submit" { (t!(locale, "moderate-find-button")) } }
        }
        @if let Some(found) = found {
            @if found.is_empty() {
                p role="status" { (t!(locale, "moderate-find-none")) }
            } @else {
                table {
                    caption { (t!(locale, "moderate-find-caption", count = locale.lang.count(found.len()))) }
                    thead { tr {
                        th scope="col" { "#" } th scope="col" { (t!(locale, "moderate-queue-name")) } th scope="col" { (t!(locale, "moderate-queue-city")) }
                        th scope="col" { "NPI" } th scope="col" { (t!(locale, "moderate-listing-status")) }
                    } }
                    tbody {
                        @for listing in found {
                            tr {
                                td { (listing.listing_id) }
                                td { a href=(locale.href(&format!("/moderate/listings/{}", listing.listing_id))) { (listing.full_name) } }
                                td { (listing.city) } td { @if let Some(npi) = &listing.npi { (npi) } }
                                td { (status_words(locale, listing.status)) }
                            }
                        }
                    }
                }
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
    let body = html! {
        p {
            strong { (t!(locale, "moderate-listing-status")) ": " } (status_words(locale, status))
            @if let Some(reason) = &listing.status_reason { " · " (reason) }
            @if status == ListingStatus::Approved { " · " a href=(locale.href(&format!("/clinicians/{}", listing.id))) { (t!(locale, "moderate-listing-public-page")) } }
        }
        p.meta {
            (record.latest.city) ", " (record.latest.country)
            @if let Some(npi) = &record.latest.npi { " · NPI " (npi_link(npi)) }
            " · " (record.latest.contact_email)
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
        h2 { (t!(locale, "moderate-versions-heading")) }
        table {
            thead { tr {
                th scope="col" { "#" } th scope="col" { (t!(locale, "moderate-queue-kind")) } th scope="col" { (t!(locale, "moderate-listing-status")) }
                th scope="col" { (t!(locale, "moderate-queue-sent")) } th scope="col" { (t!(locale, "moderate-versions-decided")) }
            } }
            tbody {
                @for version in &record.versions {
                    tr {
                        td { a href=(locale.href(&format!("/moderate/submissions/{}", version.id))) { (version.id) } }
                        td { (super::queue::kind_words(locale, version.kind())) } td { (submission_status_words(locale, version.status())) }
                        td { (when(lang, version.submitted_at)) }
                        td { @if let Some(decided) = version.decided_at { (when(lang, decided)) } @if let Some(note) = &version.decision_note { " · " (note) } }
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
                        (vocabulary::find(vocabulary::REPORT_REASONS, &report.reason).map_or_else(|| report.reason.clone(), |r| r.label(lang)))
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
