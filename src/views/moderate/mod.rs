//! The moderators' workbench: log-in and its second step, the queue and one
//! submission at a time, reports, the listing finder and a listing's record,
//! the audit trail, and accounts (moderators, invitations, two factors).
//! Every form that changes something carries the session's CSRF token.

pub mod accounts;
pub mod audit;
pub mod claims;
pub mod fields;
pub mod listings;
pub mod queue;
pub mod reasons;
pub mod registry;
pub mod reports;

use maud::{html, Markup};

use super::layout::{self, field_error, page, Footer, Problem, LINK};
use super::locale::Locale;
use crate::db::events::Event;
use crate::domain::listing::ListingContent;
use crate::domain::moderation::{Role, SubmissionStatus};
use crate::domain::vocabulary;
use crate::error::FieldError;
use crate::i18n::{Lang, Text};
use crate::t;

/// The log-in; `back` is the workbench page to go back to after it.
pub fn login(locale: &Locale, error: Option<&str>, back: Option<&str>) -> Markup {
    let form = html! {
        form.stack method="post" action=(locale.href("/moderate/login")) {
            @if let Some(back) = back { input type="hidden" name="back" value=(back); }
            div { label for="username" { (t!(locale, "moderate-login-username")) } input type="text" id="username" name="username" autocomplete="username" required; }
            div { label for="password" { (t!(locale, "moderate-login-password")) } input type="password" id="password" name="password" autocomplete="current-password" required; }
            div { button type="submit" { (t!(locale, "moderate-login-button")) } }
        }
    };
    door(locale, &t!(locale, "moderate-login-title"), error, form)
}

/// The log-in's second step: the code from the authenticator app, or a recovery code.
pub fn code(locale: &Locale, csrf_token: &str, error: Option<&str>) -> Markup {
    let form = html! {
        form.stack method="post" action=(locale.href("/moderate/login/code")) {
            (csrf(csrf_token))
            div {
                label for="code" { (t!(locale, "moderate-code-label")) }
                span.hint #code-hint { (t!(locale, "moderate-code-hint")) }
                input type="text" id="code" name="code" autocomplete="one-time-code" spellcheck="false"
                    aria-describedby="code-hint" required autofocus;
            }
            div { button type="submit" { (t!(locale, "moderate-code-button")) } }
        }
        form method="post" action=(locale.href("/moderate/logout")) {
            (csrf(csrf_token)) button.secondary type="submit" { (t!(locale, "moderate-log-out")) }
        }
    };
    door(locale, &t!(locale, "moderate-code-title"), error, form)
}

/// A page on the way in: its title, what went wrong last time, and its form.
fn door(locale: &Locale, title: &str, error: Option<&str>, form: Markup) -> Markup {
    let body = html! {
        h1 { (title) }
        @if let Some(error) = error { div.errors role="alert" { p { (error) } } }
        (form)
    };
    page(locale, title, Footer::default(), body)
}

/// Who is working, as every workbench page needs it.
pub struct Bench<'a> {
    pub username: &'a str,
    pub csrf_token: &'a str,
    pub role: Role,
}

/// A workbench page: its navigation, who is logged in, and what the last action did.
pub fn workbench(locale: &Locale, bench: &Bench, title: &str, notice: Option<&Text>, body: Markup) -> Markup {
    let links = [
        ("/moderate", "moderate-nav-queue"),
        ("/moderate/reports", "moderate-nav-reports"),
        ("/moderate/claims", "moderate-nav-claims"),
        ("/moderate/listings", "moderate-nav-listings"),
        ("/moderate/audit", "moderate-nav-audit"),
        ("/moderate/two-factor", "moderate-nav-two-factor"),
    ];
    let here = locale.this_page().split('?').next().unwrap_or("");
    let body = html! {
        nav.workbench aria-label=(t!(locale, "moderate-nav-label")) {
            @for (path, id) in links { a href=(locale.href(path)) aria-current=[(here == path).then_some("page")] { (locale.text(&Text::new(id))) } }
            @if bench.role == Role::Admin {
                a href=(locale.href("/moderate/moderators")) aria-current=[(here == "/moderate/moderators").then_some("page")] { (t!(locale, "moderate-nav-moderators")) }
                a href=(locale.href("/moderate/reasons")) aria-current=[(here == "/moderate/reasons").then_some("page")] { (t!(locale, "moderate-nav-reasons")) }
            }
        }
        div.row {
            p { (sentence_with_strong(&t!(locale, "moderate-logged-in-as", username = LINK), bench.username)) }
            form method="post" action=(locale.href("/moderate/logout")) { (csrf(bench.csrf_token)) button.secondary type="submit" { (t!(locale, "moderate-log-out")) } }
        }
        @if let Some(notice) = notice { p.notice role="status" { (locale.text(notice)) } }
        h1 { (title) }
        (body)
    };
    page(locale, title, Footer::default(), body)
}

fn csrf(token: &str) -> Markup {
    html! { input type="hidden" name="csrf_token" value=(token); }
}

/// A labelled one-line field keeping what was typed, with its error beside it.
fn text_field(locale: &Locale, name: &str, label: &str, value: &str, errors: &[FieldError], required: bool) -> Markup {
    let error = errors.iter().find(|error| error.field == name).map(|error| error.message_in(locale.lang));
    html! {
        div {
            label for=(name) { (label) @if required { " " (t!(locale, "form-required")) } }
            input type="text" id=(name) name=(name) value=(value) required[required]
                aria-invalid=[error.as_ref().map(|_| "true")] aria-describedby=[error.as_ref().map(|_| format!("{name}-error"))];
            (field_error(name, error.as_deref()))
        }
    }
}

/// A day, typed or picked, with the field's error beside it.
fn date_field(locale: &Locale, name: &str, label: &str, value: &str, errors: &[FieldError]) -> Markup {
    let error = errors.iter().find(|error| error.field == name).map(|error| error.message_in(locale.lang));
    html! {
        div {
            label for=(name) { (label) " " (t!(locale, "form-required")) }
            input type="date" id=(name) name=(name) value=(value) required
                aria-invalid=[error.as_ref().map(|_| "true")] aria-describedby=[error.as_ref().map(|_| format!("{name}-error"))];
            (field_error(name, error.as_deref()))
        }
    }
}

/// A list to choose one code from, with a first empty choice and the
/// field's error beside it.
fn choice_field(locale: &Locale, name: &str, label: &str, options: &[(&str, String)], errors: &[FieldError]) -> Markup {
    let error = errors.iter().find(|error| error.field == name).map(|error| error.message_in(locale.lang));
    html! {
        div {
            label for=(name) { (label) " " (t!(locale, "form-required")) }
            select id=(name) name=(name) required
                aria-invalid=[error.as_ref().map(|_| "true")] aria-describedby=[error.as_ref().map(|_| format!("{name}-error"))] {
                option value="" { (t!(locale, "moderate-choose")) }
                @for (code, words) in options { option value=(code) { (words) } }
            }
            (field_error(name, error.as_deref()))
        }
    }
}

/// Each field's error summed up at the top of a form, named by its label and
/// linking to it, as the listing form's summary does.
fn error_summary(locale: &Locale, errors: &[FieldError]) -> Markup {
    let problems: Vec<Problem> = errors
        .iter()
        .map(|error| Problem {
            id: error.field.clone(),
            label: locale.lang.t(field_label(&error.field)),
            message: error.message_in(locale.lang),
        })
        .collect();
    layout::error_summary(locale, &problems)
}

/// The label's message id of a workbench form's field.
fn field_label(field: &str) -> &'static str {
    match field {
        "note" => "moderate-field-note",
        "reason" => "moderate-field-reason",
        "ready_reason" => "moderate-ready-reason",
        "text_en" => "moderate-reasons-english",
        "text_es" => "moderate-reasons-spanish",
        "username" => "moderate-login-username",
        "password" => "moderate-login-password",
        "password_again" => "moderate-join-password-again",
        "email" => "moderate-invite-email",
        "code" => "moderate-code-label",
        "q" => "moderate-find-label",
        "from" => "moderate-audit-from",
        "to" => "moderate-audit-to",
        "moderator" => "moderate-audit-who",
        "listing" => "moderate-audit-listing",
        "action" => "moderate-audit-what",
        "verified_on" => "moderate-reverify-day",
        "profession" => "form-profession",
        "specialty" => "form-specialty",
        _ => "form-whole",
    }
}

/// Text a clinician wrote, with every red-flag phrase in it marked.
fn with_red_flags(text: &str) -> Markup {
    let mut segments = Vec::new();
    let mut at = 0;
    for span in vocabulary::red_flag_spans(text) {
        segments.push((false, &text[at..span.start]));
        segments.push((true, &text[span.clone()]));
        at = span.end;
    }
    segments.push((false, &text[at..]));
    html! { @for (flagged, part) in segments { @if flagged { mark.flag { (part) } } @else { (part) } } }
}

/// A sentence with one word in bold wherever the language puts it: the
/// message takes `LINK` for the bold word.
fn sentence_with_strong(sentence: &str, strong: &str) -> Markup {
    let (before, after) = sentence.split_once(LINK).unwrap_or((sentence, ""));
    html! { (before) strong { (strong) } (after) }
}

/// Where a submitted version stands, in words.
fn submission_status_words(locale: &Locale, status: SubmissionStatus) -> String {
    locale.text(&Text::new(format!("moderate-submission-status-{}", status.as_str())))
}

/// The public NPPES registry page of an NPI.
fn npi_link(npi: &str) -> Markup {
    html! { a href=(format!("https://npiregistry.cms.hhs.gov/provider-view/{npi}")) rel="noopener noreferrer" target="_blank" { (npi) } }
}

/// Day and time in UTC, as the workbench shows every moment.
fn when(lang: Lang, moment: chrono::NaiveDateTime) -> String {
    format!("{} {}", lang.date(moment.date()), moment.format("%H:%M"))
}

/// A query string from the pairs whose value is set.
fn query(pairs: &[(&str, Option<String>)]) -> String {
    let mut serializer = url::form_urlencoded::Serializer::new(String::new());
    for (key, value) in pairs {
        if let Some(value) = value {
            serializer.append_pair(key, value);
        }
    }
    let query = serializer.finish();
    if query.is_empty() {
        query
    } else {
        format!("?{query}")
    }
}

/// How many of an event's changes the trail spells out; a new listing's
/// first approval changes every field, and its submission's page has them all.
const CHANGES_SHOWN: usize = 8;
/// How much of each value before and after the trail shows.
const VALUE_SHOWN: usize = 80;

/// Rows of the audit trail, as the trail and a listing's page show them; on a
/// phone each row is a block with its labels.
fn audit_table(locale: &Locale, events: &[Event]) -> Markup {
    let lang = locale.lang;
    let headings = [
        "moderate-audit-when",
        "moderate-audit-who",
        "moderate-audit-what",
        "moderate-audit-listing",
        "moderate-audit-reason",
        "moderate-audit-changes",
    ]
    .map(|id| locale.text(&Text::new(id)));
    html! {
        table.stack {
            thead { tr { @for heading in &headings { th scope="col" { (heading) } } } }
            tbody {
                @for event in events {
                    tr {
                        td data-label=(headings[0]) { (when(lang, event.occurred_at)) }
                        td data-label=(headings[1]) { (actor_words(lang, &event.actor)) }
                        td data-label=(headings[2]) { (action_words(lang, &event.action)) }
                        td data-label=(headings[3]) { @if let Some(id) = event.listing_id { a href=(locale.href(&format!("/moderate/listings/{id}"))) { (id) } } }
                        td data-label=(headings[4]) { @if let Some(reason) = &event.reason { (reason) } }
                        td data-label=(headings[5]) { (event_changes(locale, event)) }
                    }
                }
            }
        }
    }
}

/// Each field an event changed, by its label, with its value before and after in words.
fn event_changes(locale: &Locale, event: &Event) -> Markup {
    let lang = locale.lang;
    let country = fields::country_of(event.changes.iter().map(|change| (change.field.as_str(), &change.to)), None);
    let words = |field: &str, value: &serde_json::Value| {
        fields::shorten(&fields::value(lang, field, value, &country), VALUE_SHOWN)
    };
    let hidden = event.changes.len().saturating_sub(CHANGES_SHOWN);
    html! {
        @if !event.changes.is_empty() {
            ul.changes {
                @for change in event.changes.iter().take(CHANGES_SHOWN) {
                    li {
                        strong { (fields::label(lang, &change.field)) ": " }
                        @if !change.from.is_null() { (words(&change.field, &change.from)) " → " }
                        (words(&change.field, &change.to))
                    }
                }
                @if hidden > 0 {
                    li {
                        @if let Some(id) = event.submission_id {
                            a href=(locale.href(&format!("/moderate/submissions/{id}"))) { (t!(locale, "moderate-audit-more-changes", count = hidden)) }
                        } @else { (t!(locale, "moderate-audit-more-changes", count = hidden)) }
                    }
                }
            }
        }
    }
}

/// Where a paged list is: this page, of how many.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pages {
    pub current: i64,
    pub count: i64,
}

impl Pages {
    /// Page `current` (from 1) of a list of `total` items, `per_page` to a page.
    pub fn of(current: i64, total: i64, per_page: i64) -> Pages {
        Pages { current: current.max(1), count: ((total + per_page - 1) / per_page).max(1) }
    }

    /// The page numbers to link: the first, the last, and two either side of
    /// this one; `None` stands for the pages left out between.
    fn shown(&self) -> Vec<Option<i64>> {
        let mut shown = Vec::new();
        for page in 1..=self.count {
            if page == 1 || page == self.count || (page - self.current).abs() <= 2 {
                shown.push(Some(page));
            } else if shown.last() != Some(&None) {
                shown.push(None);
            }
        }
        shown
    }
}

/// "Page 3 of 120", the numbered pages around it, and the previous and next pages.
fn pager(locale: &Locale, pages: Pages, link: impl Fn(i64) -> String) -> Markup {
    html! {
        @if pages.count > 1 {
            nav.pages aria-label=(t!(locale, "moderate-pages-label")) {
                p { (t!(locale, "moderate-pages-where", page = pages.current, count = pages.count)) }
                ul {
                    @if pages.current > 1 { li { a href=(link(pages.current - 1)) rel="prev" { (t!(locale, "moderate-pages-previous")) } } }
                    @for page in pages.shown() {
                        li {
                            @match page {
                                Some(page) => a href=(link(page)) aria-current=[(page == pages.current).then_some("page")]
                                    aria-label=(t!(locale, "moderate-pages-number", page = page)) { (page) },
                                None => span aria-hidden="true" { "…" },
                            }
                        }
                    }
                    @if pages.current < pages.count { li { a href=(link(pages.current + 1)) rel="next" { (t!(locale, "moderate-pages-next")) } } }
                }
            }
        }
    }
}

/// Who did something, from the audit trail's `actor` ("moderator:ines", "clinician").
fn actor_words(lang: Lang, actor: &str) -> String {
    match actor.split_once(':') {
        Some(("moderator", username)) => t!(lang, "moderate-actor-moderator", username = username.to_string()),
        Some(("operator", operation)) => {
            // The command an operator ran; its words are the same in every language.
            let command = match operation {
                "reset-two-factor" => "benzowise moderator reset-two-factor".to_string(),
                other => format!("benzowise {other}"),
            };
            t!(lang, "moderate-actor-operator", command = command)
        }
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
        "availability" => "moderate-action-availability",
        "reminder_soon" => "moderate-action-reminder-soon",
        "reminder_due" => "moderate-action-reminder-due",
        "lapse" => "moderate-action-lapse",
        "recover_link" => "moderate-action-recover-link",
        "invite_moderator" => "moderate-action-invite-moderator",
        "revoke_invitation" => "moderate-action-revoke-invitation",
        "disable_moderator" => "moderate-action-disable-moderator",
        "enable_moderator" => "moderate-action-enable-moderator",
        "reset_two_factor" => "moderate-action-reset-two-factor",
        "import" => "moderate-action-import",
        "claim" => "moderate-action-claim",
        "reject_claim" => "moderate-action-reject-claim",
        other => return other.to_string(),
    };
    lang.t(id)
}

/// The payment fields of a submission in one line, or what patients will be told without them.
fn payment_summary(lang: Lang, listing: &ListingContent) -> String {
    if listing.payment_options.is_empty() {
        return lang.t("moderate-payment-none");
    }
    let country = &listing.country;
    let mut parts = vec![fields::value(lang, "payment_options", &serde_json::json!(listing.payment_options), country)];
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_login_page_reads_in_spanish_and_keeps_the_language() {
        let locale = Locale::new(Lang::Es, true, "/moderate");
        let page = login(&locale, None, None).into_string();
        assert!(page.contains("Nombre de usuario"), "{page}");
        assert!(page.contains("Iniciar sesión"), "{page}");
        assert!(page.contains(r#"action="/es/moderate/login""#), "{page}");
    }

    #[test]
    fn the_audit_trail_names_who_and_what_in_the_language() {
        assert_eq!(actor_words(Lang::En, "moderator:ines"), "ines (moderator)");
        assert_eq!(actor_words(Lang::Es, "moderator:ines"), "ines (moderación)");
        assert_eq!(actor_words(Lang::Es, "clinician"), "el profesional");
        assert_eq!(action_words(Lang::En, "resolve_report"), "Resolved a report");
        assert_eq!(action_words(Lang::Es, "suspend"), "Suspendió la ficha");
        assert_eq!(action_words(Lang::Es, "something_new"), "something_new");
    }

    #[test]
    fn the_pages_shown_are_the_ends_and_those_near_this_one() {
        assert_eq!(Pages::of(3, 3000, 25), Pages { current: 3, count: 120 });
        let shown = Pages::of(60, 3000, 25).shown();
        assert_eq!(shown, [Some(1), None, Some(58), Some(59), Some(60), Some(61), Some(62), None, Some(120)]);
        assert_eq!(Pages::of(1, 0, 25).count, 1);
        assert_eq!(Pages::of(1, 50, 25).shown(), [Some(1), Some(2)]);
    }
}
