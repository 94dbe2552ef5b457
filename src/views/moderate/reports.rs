//! Open reports from the public, grouped by the listing they are about.

use maud::{html, Markup};

use super::{csrf, pager, query, when, workbench, Bench, Pages};
use crate::app::moderation::{ReportGroup, ReportGroups};
use crate::domain::vocabulary;
use crate::i18n::Text;
use crate::t;
use crate::views::locale::Locale;

pub fn open_reports(
    locale: &Locale,
    bench: &Bench,
    groups: &ReportGroups,
    pages: &Pages,
    notice: Option<&Text>,
) -> Markup {
    let body = html! {
        @if groups.groups.is_empty() {
            p { (t!(locale, "moderate-reports-empty")) }
        } @else {
            p role="status" { (t!(locale, "moderate-reports-listings", count = groups.listings)) }
        }
        @for group in &groups.groups { (report_group(locale, bench, group)) }
        (pager(locale, *pages, |page| locale.href(&format!("/moderate/reports{}", query(&[("page", (page > 1).then(|| page.to_string()))])))))
    };
    workbench(locale, bench, &t!(locale, "moderate-reports-title"), notice, body)
}

/// One listing's open reports, oldest first, each with its own resolution.
fn report_group(locale: &Locale, bench: &Bench, group: &ReportGroup) -> Markup {
    let lang = locale.lang;
    let heading = format!("reported-{}", group.listing_id);
    let record = locale.href(&format!("/moderate/listings/{}", group.listing_id));
    html! {
        section.card aria-labelledby=(heading) {
            h2 #(heading) {
                a href=(record) { (group.full_name) }
                " · " (t!(locale, "moderate-report-listing", id = group.listing_id.to_string()))
            }
            p.meta { (t!(locale, "moderate-reports-open", count = group.open)) }
            @for report in &group.reports {
                div.report {
                    h3 { (vocabulary::any_report_reason(&report.reason).map_or_else(|| report.reason.clone(), |r| r.label(lang))) }
                    p.meta { (when(lang, report.created_at)) }
                    @if let Some(details) = &report.details { p { (details) } }
                    form.stack method="post" action=(locale.href(&format!("/moderate/reports/{}/resolve", report.id))) {
                        (csrf(bench.csrf_token))
                        label for=(format!("resolve-{}", report.id)) { (t!(locale, "moderate-report-done")) }
                        input type="text" id=(format!("resolve-{}", report.id)) name="note" required;
                        button type="submit" { (t!(locale, "moderate-report-resolve")) }
                    }
                }
            }
            @if group.open > group.reports.len() as i64 {
                p { a href=(record) { (t!(locale, "moderate-reports-more", count = group.open - group.reports.len() as i64)) } }
            }
        }
    }
}
