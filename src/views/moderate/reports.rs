//! Open reports from the public, a page at a time.

use maud::{html, Markup};

use super::{csrf, query, when, workbench, Bench};
use crate::db::reports::Report;
use crate::domain::vocabulary;
use crate::i18n::Text;
use crate::t;
use crate::views::layout::{sentence_with_link, LINK};
use crate::views::locale::Locale;

pub fn open_reports(
    locale: &Locale,
    bench: &Bench,
    reports: &[Report],
    next_after: Option<i64>,
    notice: Option<&Text>,
) -> Markup {
    let lang = locale.lang;
    let body = html! {
        @if reports.is_empty() { p { (t!(locale, "moderate-reports-empty")) } }
        @for report in reports {
            section.card aria-labelledby=(format!("report-{}", report.id)) {
                h2 #(format!("report-{}", report.id)) {
                    (sentence_with_link(
                        &t!(locale, "moderate-report-heading", id = report.id.to_string(), listing = LINK),
                        &locale.href(&format!("/moderate/listings/{}", report.listing_id)),
                        &t!(locale, "moderate-report-listing", id = report.listing_id.to_string()),
                    ))
                }
                p.meta { (when(lang, report.created_at)) }
                p { (vocabulary::find(vocabulary::REPORT_REASONS, &report.reason).map_or_else(|| report.reason.clone(), |r| r.label(lang))) }
                @if let Some(details) = &report.details { p { (details) } }
                form.stack method="post" action=(locale.href(&format!("/moderate/reports/{}/resolve", report.id))) {
                    (csrf(bench.csrf_token))
                    label for=(format!("resolve-{}", report.id)) { (t!(locale, "moderate-report-done")) }
                    input type="text" id=(format!("resolve-{}", report.id)) name="note" required;
                    button type="submit" { (t!(locale, "moderate-report-resolve")) }
                }
            }
        }
        nav.pages aria-label=(t!(locale, "moderate-pages-label")) {
            @if let Some(after) = next_after { a href=(locale.href(&format!("/moderate/reports{}", query(&[("after", Some(after.to_string()))])))) rel="next" { (t!(locale, "moderate-pages-next")) } }
        }
    };
    workbench(locale, bench, &t!(locale, "moderate-reports-title"), notice, body)
}
