//! The moderators' pages: log-in, and one page with the queue, reports and audit trail.

use maud::{html, Markup};

use super::layout::{page, Footer};
use crate::app::moderation::QueueItem;
use crate::db::events::Event;
use crate::db::reports::Report;
use crate::domain::listing::ListingContent;
use crate::domain::moderation::SubmissionKind;
use crate::domain::vocabulary;

pub fn login(error: Option<&str>) -> Markup {
    page(
        "Moderator log-in",
        Footer::default(),
        html! {
            h1 { "Moderator log-in" }
            @if let Some(error) = error { div.errors role="alert" { p { (error) } } }
            form.stack method="post" action="/moderate/login" {
                div { label for="username" { "Username" } input type="text" id="username" name="username" autocomplete="username" required; }
                div { label for="password" { "Password" } input type="password" id="password" name="password" autocomplete="current-password" required; }
                div { button type="submit" { "Log in" } }
            }
        },
    )
}

fn csrf(token: &str) -> Markup {
    html! { input type="hidden" name="csrf_token" value=(token); }
}

fn show(value: &serde_json::Value) -> String {
    match value {
        serde_json::Value::Null => "(empty)".to_string(),
        serde_json::Value::String(text) => text.clone(),
        other => other.to_string(),
    }
}

/// Submissions and reports shown at once, oldest first, so the page stays small
/// (well under 60 KB) however long the queue grows.
const QUEUE_SHOWN: usize = 5;
const REPORTS_SHOWN: usize = 20;

/// Everything a moderator works on, on one page.
pub struct Dashboard<'a> {
    pub username: &'a str,
    pub csrf_token: &'a str,
    pub queue: &'a [QueueItem],
    pub reports: &'a [Report],
    pub events: &'a [Event],
    pub notice: Option<&'a str>,
}

/// The payment fields of a submission in one line, or what patients will be told without them.
fn payment_summary(listing: &ListingContent) -> String {
    if listing.payment_options.is_empty() {
        return "none given (patients are told to ask the practice)".to_string();
    }
    let mut parts = vec![listing.payment_options.join(", ")];
    if !listing.insurers.is_empty() {
        parts.push(format!("insurers: {}", listing.insurers.join(", ")));
    }
    for (visit, price) in [("first visit", listing.self_pay_first_visit), ("follow-up", listing.self_pay_follow_up)] {
        if let Some(range) = price {
            parts.push(format!("{visit} {}", range.display(&listing.country)));
        }
    }
    parts.join(" · ")
}

pub fn dashboard(dashboard: &Dashboard) -> Markup {
    let body = html! {
        h1 { "Moderation" }
        p { "Logged in as " strong { (dashboard.username) } "." }
        form method="post" action="/moderate/logout" { (csrf(dashboard.csrf_token)) button.secondary type="submit" { "Log out" } }
        @if let Some(notice) = dashboard.notice { p.notice role="status" { (notice) } }
        h2 #queue { "Waiting for review (" (dashboard.queue.len()) ")" }
        @if dashboard.queue.is_empty() { p { "Nothing is waiting." } }
        @if dashboard.queue.len() > QUEUE_SHOWN {
            p { "The oldest " (QUEUE_SHOWN) " are shown; the next appear as these are decided." }
        }
        @for item in dashboard.queue.iter().take(QUEUE_SHOWN) {
            section.card aria-labelledby=(format!("submission-{}", item.submission_id)) {
                h3 #(format!("submission-{}", item.submission_id)) {
                    (item.listing.full_name) " — " (if item.kind == SubmissionKind::Edit { "edit" } else { "new listing" })
                    " #" (item.submission_id)
                }
                p.meta { "Listing " (item.listing_id) ", sent " (item.submitted_at.format("%-d %b %Y %H:%M")) " UTC · private email " (item.listing.contact_email) }
                @if !item.red_flags.is_empty() {
                    div.notice.warn {
                        strong { "Red flags: " }
                        @for flag in &item.red_flags { span.flag { "“" (flag.phrase) "”" } " in " (flag.field) ". " }
                    }
                }
                @if item.kind == SubmissionKind::Edit {
                    table {
                        caption { "Changed fields" }
                        thead { tr { th scope="col" { "Field" } th scope="col" { "Public now" } th scope="col" { "Proposed" } } }
                        tbody { @for change in &item.changed_fields { tr { th scope="row" { (change.field) } td { (show(&change.from)) } td { (show(&change.to)) } } } }
                    }
                } @else {
                    p { (vocabulary::profession(&item.listing.profession).map_or("", |p| p.label)) ", " (item.listing.city) " · approaches: " (item.listing.taper_approaches.join(", ")) " · criteria: " (item.listing.criteria.join(", ")) }
                    p { strong { "Payment: " } (payment_summary(&item.listing)) }
                    @for (question, answer) in item.listing.answers.iter() { p { strong { (question) ": " } (answer) } }
                    @if let Some(statement) = &item.listing.statement { p { strong { "Statement: " } (statement) } }
                }
                div.row {
                    form.stack method="post" action=(format!("/moderate/submissions/{}/approve", item.submission_id)) {
                        (csrf(dashboard.csrf_token))
                        label for=(format!("note-{}", item.submission_id)) { "Note (optional)" }
                        input type="text" id=(format!("note-{}", item.submission_id)) name="note";
                        button type="submit" { "Approve" }
                    }
                    form.stack method="post" action=(format!("/moderate/submissions/{}/reject", item.submission_id)) {
                        (csrf(dashboard.csrf_token))
                        label for=(format!("reason-{}", item.submission_id)) { "Reason (the clinician sees it)" }
                        input type="text" id=(format!("reason-{}", item.submission_id)) name="reason" required;
                        button.danger type="submit" { "Reject" }
                    }
                }
            }
        }
        h2 #reports { "Open reports (" (dashboard.reports.len()) ")" }
        @if dashboard.reports.is_empty() { p { "No open reports." } }
        @if dashboard.reports.len() > REPORTS_SHOWN {
            p { "The oldest " (REPORTS_SHOWN) " are shown; the next appear as these are resolved." }
        }
        @for report in dashboard.reports.iter().take(REPORTS_SHOWN) {
            section.card {
                h3 { "Report #" (report.id) " about " a href=(format!("/clinicians/{}", report.listing_id)) { "listing " (report.listing_id) } }
                p { (vocabulary::find(vocabulary::REPORT_REASONS, &report.reason).map_or(report.reason.as_str(), |r| r.label)) }
                @if let Some(details) = &report.details { p { (details) } }
                form.stack method="post" action=(format!("/moderate/reports/{}/resolve", report.id)) {
                    (csrf(dashboard.csrf_token))
                    label for=(format!("resolve-{}", report.id)) { "What was done" }
                    input type="text" id=(format!("resolve-{}", report.id)) name="note" required;
                    button type="submit" { "Resolve" }
                }
            }
        }
        h2 #listing-status { "Suspend or reinstate a listing" }
        form.stack method="post" action="/moderate/clinicians/status" {
            (csrf(dashboard.csrf_token))
            div.row {
                div { label for="listing_id" { "Listing number" } input type="text" id="listing_id" name="listing_id" inputmode="numeric" required; }
                div { label for="status-reason" { "Reason or note" } input type="text" id="status-reason" name="reason"; }
            }
            div.row {
                button.danger type="submit" name="action" value="suspend" { "Suspend" }
                button.secondary type="submit" name="action" value="reinstate" { "Reinstate" }
            }
        }
        h2 #audit { "Audit trail (latest " (dashboard.events.len()) ")" }
        table {
            thead { tr { th scope="col" { "When (UTC)" } th scope="col" { "Who" } th scope="col" { "What" } th scope="col" { "Listing" } th scope="col" { "Reason" } th scope="col" { "Changes" } } }
            tbody {
                @for event in dashboard.events {
                    tr {
                        td { (event.occurred_at.format("%Y-%m-%d %H:%M")) } td { (event.actor) } td { (event.action) }
                        td { @if let Some(id) = event.listing_id { (id) } } td { @if let Some(reason) = &event.reason { (reason) } }
                        td { (event.changes.iter().map(|c| c.field.as_str()).collect::<Vec<_>>().join(", ")) }
                    }
                }
            }
        }
    };
    page("Moderation", Footer::default(), body)
}
