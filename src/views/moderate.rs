//! The moderators' pages: log-in, and one page with the queue, reports and audit trail.

use maud::{html, Markup};

use super::layout::{page, sentence_with_link, Footer, LINK};
use super::locale::Locale;
use crate::app::freshness::LapsedListing;
use crate::app::moderation::QueueItem;
use crate::db::events::Event;
use crate::db::outbox::OutboxMessage;
use crate::db::reports::Report;
use crate::domain::listing::ListingContent;
use crate::domain::moderation::SubmissionKind;
use crate::domain::vocabulary;
use crate::i18n::{Lang, Text};
use crate::t;

pub fn login(locale: &Locale, error: Option<&str>) -> Markup {
    let title = t!(locale, "moderate-login-title");
    page(
        locale,
        &title,
        Footer::default(),
        html! {
            h1 { (title) }
            @if let Some(error) = error { div.errors role="alert" { p { (error) } } }
            form.stack method="post" action=(locale.href("/moderate/login")) {
                div { label for="username" { (t!(locale, "moderate-login-username")) } input type="text" id="username" name="username" autocomplete="username" required; }
                div { label for="password" { (t!(locale, "moderate-login-password")) } input type="password" id="password" name="password" autocomplete="current-password" required; }
                div { button type="submit" { (t!(locale, "moderate-login-button")) } }
            }
        },
    )
}

fn csrf(token: &str) -> Markup {
    html! { input type="hidden" name="csrf_token" value=(token); }
}

fn show(lang: Lang, value: &serde_json::Value) -> String {
    match value {
        serde_json::Value::Null => lang.t("moderate-value-empty"),
        serde_json::Value::String(text) => text.clone(),
        other => other.to_string(),
    }
}

/// A sentence with one word in bold wherever the language puts it: the
/// message takes `LINK` for the bold word.
fn sentence_with_strong(sentence: &str, strong: &str) -> Markup {
    let (before, after) = sentence.split_once(LINK).unwrap_or((sentence, ""));
    html! { (before) strong { (strong) } (after) }
}

/// Who did something, from the audit trail's `actor` ("moderator:ines", "clinician").
fn actor_words(lang: Lang, actor: &str) -> String {
    match actor.split_once(':') {
        Some(("moderator", username)) => t!(lang, "moderate-actor-moderator", username = username.to_string()),
        Some(("operator", operation)) => t!(lang, "moderate-actor-operator", operation = operation.to_string()),
        _ => match actor {
            "clinician" => lang.t("moderate-actor-clinician"),
            "public" => lang.t("moderate-actor-public"),
            other => other.to_string(),
        },
    }
}

/// What was done, from the audit trail's `action` code; an unknown code reads as itself.
fn action_words(lang: Lang, action: &str) -> String {
    let id = match action {
        "approve" => "moderate-action-approve",
        "reject" => "moderate-action-reject",
        "resolve_report" => "moderate-action-resolve-report",
        "withdraw" => "moderate-action-withdraw",
        "suspend" => "moderate-action-suspend",
        "reinstate" => "moderate-action-reinstate",
        "confirm" => "moderate-action-confirm",
        "reminder_soon" => "moderate-action-reminder-soon",
        "reminder_due" => "moderate-action-reminder-due",
        "lapse" => "moderate-action-lapse",
        "recover_link" => "moderate-action-recover-link",
        other => return other.to_string(),
    };
    lang.t(id)
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
    /// How many listings are lapsed, and those that lapsed longest ago.
    pub lapsed: (usize, &'a [LapsedListing]),
    /// Mail that failed every try.
    pub undelivered: &'a [OutboxMessage],
    /// What the last action did, to be said in the page's language.
    pub notice: Option<Text>,
}

/// The payment fields of a submission in one line, or what patients will be told without them.
fn payment_summary(lang: Lang, listing: &ListingContent) -> String {
    if listing.payment_options.is_empty() {
        return lang.t("moderate-payment-none");
    }
    let mut parts = vec![listing.payment_options.join(", ")];
    if !listing.insurers.is_empty() {
        parts.push(t!(lang, "moderate-payment-insurers", insurers = listing.insurers.join(", ")));
    }
    if let Some(range) = listing.self_pay_first_visit {
        parts.push(t!(lang, "moderate-payment-first-visit", price = range.display(lang, &listing.country)));
    }
    if let Some(range) = listing.self_pay_follow_up {
        parts.push(t!(lang, "moderate-payment-follow-up", price = range.display(lang, &listing.country)));
    }
    parts.join(" · ")
}

pub fn dashboard(locale: &Locale, dashboard: &Dashboard) -> Markup {
    let lang = locale.lang;
    let title = t!(locale, "moderate-title");
    let body = html! {
        h1 { (title) }
        p { (sentence_with_strong(&t!(locale, "moderate-logged-in-as", username = LINK), dashboard.username)) }
        form method="post" action=(locale.href("/moderate/logout")) { (csrf(dashboard.csrf_token)) button.secondary type="submit" { (t!(locale, "moderate-log-out")) } }
        @if let Some(notice) = &dashboard.notice { p.notice role="status" { (locale.text(notice)) } }
        h2 #queue { (t!(locale, "moderate-queue-heading", count = lang.count(dashboard.queue.len()))) }
        @if dashboard.queue.is_empty() { p { (t!(locale, "moderate-queue-empty")) } }
        @if dashboard.queue.len() > QUEUE_SHOWN {
            p { (t!(locale, "moderate-queue-more", count = lang.count(QUEUE_SHOWN))) }
        }
        @for item in dashboard.queue.iter().take(QUEUE_SHOWN) {
            section.card aria-labelledby=(format!("submission-{}", item.submission_id)) {
                h3 #(format!("submission-{}", item.submission_id)) {
                    (item.listing.full_name) " — "
                    (if item.kind == SubmissionKind::Edit { t!(locale, "moderate-kind-edit") } else { t!(locale, "moderate-kind-new") })
                    " #" (item.submission_id)
                }
                p.meta {
                    (t!(locale, "moderate-submission-meta",
                        listing = item.listing_id.to_string(),
                        date = lang.date(item.submitted_at.date_naive()),
                        time = item.submitted_at.format("%H:%M").to_string(),
                        email = item.listing.contact_email.clone()))
                }
                @if !item.red_flags.is_empty() {
                    div.notice.warn {
                        strong { (t!(locale, "moderate-red-flags")) " " }
                        @for flag in &item.red_flags {
                            span.flag { "“" (flag.phrase) "”" } " " (t!(locale, "moderate-red-flag-in", field = flag.field.clone())) " "
                        }
                    }
                }
                @if item.kind == SubmissionKind::Edit {
                    table {
                        caption { (t!(locale, "moderate-changes-caption")) }
                        thead { tr { th scope="col" { (t!(locale, "moderate-changes-field")) } th scope="col" { (t!(locale, "moderate-changes-public")) } th scope="col" { (t!(locale, "moderate-changes-proposed")) } } }
                        tbody { @for change in &item.changed_fields { tr { th scope="row" { (change.field) } td { (show(lang, &change.from)) } td { (show(lang, &change.to)) } } } }
                    }
                } @else {
                    p {
                        (t!(locale, "moderate-new-summary",
                            profession = vocabulary::profession(&item.listing.profession).map_or(String::new(), |p| p.label(lang)),
                            city = item.listing.city.clone(),
                            approaches = item.listing.taper_approaches.join(", "),
                            criteria = item.listing.criteria.join(", ")))
                    }
                    p { strong { (t!(locale, "moderate-payment")) " " } (payment_summary(lang, &item.listing)) }
                    @for (question, answer) in item.listing.answers.iter() { p { strong { (question) ": " } (answer) } }
                    @if let Some(statement) = &item.listing.statement { p { strong { (t!(locale, "moderate-statement")) " " } (statement) } }
                }
                div.row {
                    form.stack method="post" action=(locale.href(&format!("/moderate/submissions/{}/approve", item.submission_id))) {
                        (csrf(dashboard.csrf_token))
                        label for=(format!("note-{}", item.submission_id)) { (t!(locale, "moderate-note-optional")) }
                        input type="text" id=(format!("note-{}", item.submission_id)) name="note";
                        button type="submit" { (t!(locale, "moderate-approve")) }
                    }
                    form.stack method="post" action=(locale.href(&format!("/moderate/submissions/{}/reject", item.submission_id))) {
                        (csrf(dashboard.csrf_token))
                        label for=(format!("reason-{}", item.submission_id)) { (t!(locale, "moderate-reject-reason")) }
                        input type="text" id=(format!("reason-{}", item.submission_id)) name="reason" required;
                        button.danger type="submit" { (t!(locale, "moderate-reject")) }
                    }
                }
            }
        }
        h2 #reports { (t!(locale, "moderate-reports-heading", count = lang.count(dashboard.reports.len()))) }
        @if dashboard.reports.is_empty() { p { (t!(locale, "moderate-reports-empty")) } }
        @if dashboard.reports.len() > REPORTS_SHOWN {
            p { (t!(locale, "moderate-reports-more", count = lang.count(REPORTS_SHOWN))) }
        }
        @for report in dashboard.reports.iter().take(REPORTS_SHOWN) {
            section.card {
                h3 {
                    (sentence_with_link(
                        &t!(locale, "moderate-report-heading", id = report.id.to_string(), listing = LINK),
                        &locale.href(&format!("/clinicians/{}", report.listing_id)),
                        &t!(locale, "moderate-report-listing", id = report.listing_id.to_string()),
                    ))
                }
                p { (vocabulary::find(vocabulary::REPORT_REASONS, &report.reason).map_or_else(|| report.reason.clone(), |r| r.label(lang))) }
                @if let Some(details) = &report.details { p { (details) } }
                form.stack method="post" action=(locale.href(&format!("/moderate/reports/{}/resolve", report.id))) {
                    (csrf(dashboard.csrf_token))
                    label for=(format!("resolve-{}", report.id)) { (t!(locale, "moderate-report-done")) }
                    input type="text" id=(format!("resolve-{}", report.id)) name="note" required;
                    button type="submit" { (t!(locale, "moderate-report-resolve")) }
                }
            }
        }
        h2 #lapsed { (t!(locale, "moderate-lapsed-heading", count = lang.count(dashboard.lapsed.0))) }
        @if dashboard.lapsed.1.is_empty() {
            p { (t!(locale, "moderate-lapsed-empty")) }
        } @else {
            p { (t!(locale, "moderate-lapsed-lead")) }
            ul {
                @for listing in dashboard.lapsed.1 {
                    li {
                        (t!(locale, "moderate-lapsed-item", name = listing.full_name.as_str(), id = listing.listing_id.to_string(),
                            email = listing.contact_email.as_str()))
                        @if let Some(confirmed) = listing.confirmed_at {
                            " · " (t!(locale, "moderate-lapsed-confirmed", date = lang.date(confirmed.date_naive())))
                        }
                    }
                }
            }
            @if dashboard.lapsed.0 > dashboard.lapsed.1.len() {
                p { (t!(locale, "moderate-lapsed-more", count = lang.count(dashboard.lapsed.1.len()))) }
            }
        }
        @if !dashboard.undelivered.is_empty() {
            h2 #undelivered { (t!(locale, "moderate-undelivered-heading")) }
            p { (t!(locale, "moderate-undelivered-lead")) }
            ul {
                @for mail in dashboard.undelivered {
                    li {
                        (t!(locale, "moderate-undelivered-item", recipient = mail.recipient.as_str(), subject = mail.subject.as_str(),
                            date = lang.date(mail.created_at.date()), attempts = mail.attempts))
                        @if let Some(error) = &mail.last_error { br; small { (error) } }
                    }
                }
            }
        }
        h2 #listing-status { (t!(locale, "moderate-status-heading")) }
        form.stack method="post" action=(locale.href("/moderate/clinicians/status")) {
            (csrf(dashboard.csrf_token))
            div.row {
                div { label for="listing_id" { (t!(locale, "moderate-status-listing")) } input type="text" id="listing_id" name="listing_id" inputmode="numeric" required; }
                div { label for="status-reason" { (t!(locale, "moderate-status-reason")) } input type="text" id="status-reason" name="reason"; }
            }
            div.row {
                button.danger type="submit" name="action" value="suspend" { (t!(locale, "moderate-suspend")) }
                button.secondary type="submit" name="action" value="reinstate" { (t!(locale, "moderate-reinstate")) }
            }
        }
        h2 #audit { (t!(locale, "moderate-audit-heading", count = lang.count(dashboard.events.len()))) }
        table {
            thead {
                tr {
                    th scope="col" { (t!(locale, "moderate-audit-when")) } th scope="col" { (t!(locale, "moderate-audit-who")) }
                    th scope="col" { (t!(locale, "moderate-audit-what")) } th scope="col" { (t!(locale, "moderate-audit-listing")) }
                    th scope="col" { (t!(locale, "moderate-audit-reason")) } th scope="col" { (t!(locale, "moderate-audit-changes")) }
                }
            }
            tbody {
                @for event in dashboard.events {
                    tr {
                        td { (lang.date(event.occurred_at.date())) " " (event.occurred_at.format("%H:%M")) }
                        td { (actor_words(lang, &event.actor)) } td { (action_words(lang, &event.action)) }
                        td { @if let Some(id) = event.listing_id { (id) } } td { @if let Some(reason) = &event.reason { (reason) } }
                        td { (event.changes.iter().map(|c| c.field.as_str()).collect::<Vec<_>>().join(", ")) }
                    }
                }
            }
        }
    };
    page(locale, &title, Footer::default(), body)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_login_page_reads_in_spanish_and_keeps_the_language() {
        let locale = Locale::new(Lang::Es, true, "/moderate");
        let page = login(&locale, None).into_string();
        assert!(page.contains("Nombre de usuario"), "{page}");
        assert!(page.contains("Iniciar sesión"), "{page}");
        assert!(page.contains(r#"action="/es/moderate/login""#), "{page}");
    }

    #[test]
    fn the_audit_trail_names_who_and_what_in_the_language() {
        assert_eq!(actor_words(Lang::En, "moderator:ines"), "moderator:ines");
        assert_eq!(actor_words(Lang::Es, "moderator:ines"), "moderador:ines");
        assert_eq!(actor_words(Lang::Es, "clinician"), "profesional");
        assert_eq!(action_words(Lang::En, "resolve_report"), "resolve_report");
        assert_eq!(action_words(Lang::Es, "suspend"), "suspender");
        assert_eq!(action_words(Lang::Es, "something_new"), "something_new");
    }
}
