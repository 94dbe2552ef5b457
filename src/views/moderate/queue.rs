//! The queue, a page at a time, and one submission on its own page.

use maud::{html, Markup};

use super::{
    choice_field, csrf, error_summary, fields, npi_link, pager, payment_summary, query, submission_status_words,
    text_field, when, with_red_flags, workbench, Bench, Pages,
};
use crate::app::freshness::LapsedListing;
use crate::app::moderation::{QueueItem, QueuePage, QueueQuery, Review, WAITING_DAYS};
use crate::db::claims::{Claim, CLAIM_MINUTES};
use crate::db::outbox::OutboxMessage;
use crate::db::reasons::ReadyReason;
use crate::db::submissions::QueuePosition;
use crate::domain::listing::{ListingContent, TO_BE_CHOSEN_PROFESSION};
use crate::domain::moderation::{SubmissionKind, SubmissionStatus};
use crate::domain::vocabulary;
use crate::error::FieldError;
use crate::i18n::Text;
use crate::t;
use crate::views::layout::field_error;
use crate::views::locale::Locale;
use crate::views::words;

/// The filter of the queue as a query string, to keep it from page to page
/// and from one submission to the next.
pub fn filter_query(filter: &QueueQuery, page: Option<i64>) -> String {
    query(&[
        ("q", filter.search.clone()),
        ("kind", filter.kind.map(|kind| kind.as_str().to_string())),
        ("region", filter.region.clone()),
        ("flagged", filter.flagged_only.then(|| "1".to_string())),
        ("waiting_days", filter.waiting_days.map(|days| days.to_string())),
        ("hide_claimed", filter.hide_claimed.then(|| "1".to_string())),
        ("page", page.filter(|page| *page > 1).map(|page| page.to_string())),
    ])
}

/// "Alice is reviewing (since 10:02)", or that the reader is.
fn claim_words(locale: &Locale, bench: &Bench, claim: &Claim) -> String {
    let since = claim.since.format("%H:%M").to_string();
    if claim.username == bench.username {
        t!(locale, "moderate-claim-yours", since = since)
    } else {
        t!(locale, "moderate-claim", username = claim.username.as_str(), since = since)
    }
}

pub fn kind_words(locale: &Locale, kind: SubmissionKind) -> String {
    match kind {
        SubmissionKind::Edit => t!(locale, "moderate-kind-edit"),
        SubmissionKind::New => t!(locale, "moderate-kind-new"),
    }
}

/// What else needs a moderator, under the queue.
pub struct Elsewhere<'a> {
    /// How many listings are lapsed, and those that lapsed longest ago.
    pub lapsed: (usize, &'a [LapsedListing]),
    /// Mail that failed every try.
    pub undelivered: &'a [OutboxMessage],
}

pub fn queue(
    locale: &Locale,
    bench: &Bench,
    filter: &QueueQuery,
    page: &QueuePage,
    elsewhere: &Elsewhere,
    notice: Option<&Text>,
) -> Markup {
    let lang = locale.lang;
    let counts = &page.counts;
    let days = filter.waiting_days.unwrap_or(WAITING_DAYS);
    let pages = Pages::of(page_number(filter), page.total, filter.limit);
    let headings = [
        "moderate-queue-sent",
        "moderate-queue-name",
        "moderate-queue-city",
        "moderate-queue-kind",
        "moderate-queue-flags",
        "moderate-queue-claim",
    ]
    .map(|id| locale.text(&Text::new(id)));
    let body = html! {
        p {
            (t!(locale, "moderate-queue-counts", pending = lang.count(counts.pending as usize), new = lang.count(counts.new as usize),
                edits = lang.count(counts.edits as usize), flagged = lang.count(counts.flagged as usize),
                waiting = lang.count(counts.waiting as usize), days = days))
        }
        (queue_filters(locale, filter, &page.regions))
        @if page.items.is_empty() {
            p role="status" { (t!(locale, "moderate-queue-empty")) }
        } @else {
            p role="status" { (t!(locale, "moderate-queue-matching", count = page.total)) }
            table.stack {
                caption { (t!(locale, "moderate-queue-caption")) }
                thead { tr { @for heading in &headings { th scope="col" { (heading) } } } }
                tbody {
                    @for item in &page.items {
                        tr {
                            td data-label=(headings[0]) { (when(lang, item.submitted_at.naive_utc())) }
                            td data-label=(headings[1]) { a href=(locale.href(&format!("/moderate/submissions/{}{}", item.submission_id, filter_query(filter, None)))) { (item.listing.full_name) } }
                            td data-label=(headings[2]) { (words::place(lang, &item.listing.city, item.listing.region.as_deref(), &item.listing.country)) }
                            td data-label=(headings[3]) { (kind_words(locale, item.kind)) }
                            td data-label=(headings[4]) { @if !item.red_flags.is_empty() { span.flag { (lang.count(item.red_flags.len())) } } }
                            td data-label=(headings[5]) { @if let Some(claim) = &item.claim { (claim_words(locale, bench, claim)) } }
                        }
                    }
                }
            }
            (pager(locale, pages, |number| locale.href(&format!("/moderate{}", filter_query(filter, Some(number))))))
        }
        (lapsed(locale, elsewhere.lapsed))
        (undelivered(locale, elsewhere.undelivered))
    };
    workbench(locale, bench, &t!(locale, "moderate-queue-title"), notice, body)
}

/// The page of the queue a filter shows, from 1.
fn page_number(filter: &QueueQuery) -> i64 {
    match filter.position {
        QueuePosition::Skip(skipped) => skipped / filter.limit.max(1) + 1,
        QueuePosition::After(_) => 1,
    }
}

/// The queue's search and filters, keeping what was chosen.
fn queue_filters(locale: &Locale, filter: &QueueQuery, regions: &[String]) -> Markup {
    let lang = locale.lang;
    let mut named: Vec<(&str, String)> =
        regions.iter().map(|code| (code.as_str(), words::region(lang, code))).collect();
    named.sort_by(|a, b| a.1.cmp(&b.1));
    html! {
        form.filters method="get" action=(locale.href("/moderate")) role="search" {
            div {
                label for="q" { (t!(locale, "moderate-queue-search")) }
                input type="search" #q name="q" value=[filter.search.as_deref()] maxlength="200";
            }
            div {
                label for="kind" { (t!(locale, "moderate-filter-kind")) }
                select #kind name="kind" {
                    option value="" selected[filter.kind.is_none()] { (t!(locale, "moderate-filter-kind-any")) }
                    option value="new" selected[filter.kind == Some(SubmissionKind::New)] { (t!(locale, "moderate-kind-new")) }
                    option value="edit" selected[filter.kind == Some(SubmissionKind::Edit)] { (t!(locale, "moderate-kind-edit")) }
                }
            }
            div {
                label for="region" { (t!(locale, "moderate-filter-region")) }
                select #region name="region" {
                    option value="" selected[filter.region.is_none()] { (t!(locale, "moderate-filter-kind-any")) }
                    @for (code, name) in &named {
                        option value=(code) selected[filter.region.as_deref() == Some(*code)] { (name) }
                    }
                }
            }
            div {
                label for="waiting_days" { (t!(locale, "moderate-filter-waiting")) }
                input type="number" #waiting_days name="waiting_days" min="1" max="3650" value=[filter.waiting_days];
            }
            div.check { input type="checkbox" #flagged name="flagged" value="1" checked[filter.flagged_only]; label for="flagged" { (t!(locale, "moderate-filter-flagged")) } }
            div.check { input type="checkbox" #hide_claimed name="hide_claimed" value="1" checked[filter.hide_claimed]; label for="hide_claimed" { (t!(locale, "moderate-filter-hide-claimed")) } }
            div { button.secondary type="submit" { (t!(locale, "moderate-filter-button")) } }
        }
    }
}

fn lapsed(locale: &Locale, (count, listings): (usize, &[LapsedListing])) -> Markup {
    let lang = locale.lang;
    html! {
        h2 #lapsed { (t!(locale, "moderate-lapsed-heading", count = lang.count(count))) }
        @if listings.is_empty() {
            p { (t!(locale, "moderate-lapsed-empty")) }
        } @else {
            p { (t!(locale, "moderate-lapsed-lead")) }
            ul {
                @for listing in listings {
                    li {
                        (t!(locale, "moderate-lapsed-item", name = listing.full_name.as_str(), id = listing.listing_id.to_string(),
                            email = listing.contact_email.as_str()))
                        @if let Some(confirmed) = listing.confirmed_at {
                            " · " (t!(locale, "moderate-lapsed-confirmed", date = lang.date(confirmed.date_naive())))
                        }
                    }
                }
            }
            @if count > listings.len() {
                p { (t!(locale, "moderate-lapsed-more", count = lang.count(listings.len()))) }
            }
        }
    }
}

fn undelivered(locale: &Locale, messages: &[OutboxMessage]) -> Markup {
    let lang = locale.lang;
    html! {
        @if !messages.is_empty() {
            h2 #undelivered { (t!(locale, "moderate-undelivered-heading")) }
            p { (t!(locale, "moderate-undelivered-lead")) }
            ul {
                @for mail in messages {
                    li {
                        (t!(locale, "moderate-undelivered-item", recipient = mail.recipient.as_str(), subject = mail.subject.as_str(),
                            date = lang.date(mail.created_at.date()), attempts = mail.attempts))
                        @if let Some(error) = &mail.last_error { br; small { (error) } }
                    }
                }
            }
        }
    }
}

/// What a reviewer typed before a decision failed, to show it again with its errors.
#[derive(Default)]
pub struct DecisionForm<'a> {
    pub note: &'a str,
    pub reason: &'a str,
    /// The ready-made reasons to choose from, and the one chosen.
    pub ready: &'a [ReadyReason],
    pub chosen: Option<i64>,
    pub errors: &'a [FieldError],
}

/// The family and given names, and whether they were derived from the display name.
fn names_words(locale: &Locale, listing: &ListingContent) -> String {
    let names =
        t!(locale, "moderate-names", family = listing.family_name.as_str(), given = listing.given_names.as_str());
    if listing.names_derived {
        format!("{names} {}", t!(locale, "moderate-names-derived"))
    } else {
        names
    }
}

pub fn review(
    locale: &Locale,
    bench: &Bench,
    filter: &QueueQuery,
    review: &Review,
    form: &DecisionForm,
    notice: Option<&Text>,
) -> Markup {
    let lang = locale.lang;
    let item = &review.item;
    let keep_filter = filter_query(filter, None);
    let title = t!(
        locale,
        "moderate-review-title",
        name = item.listing.full_name.as_str(),
        kind = kind_words(locale, item.kind),
        listing = item.listing_id.to_string()
    );
    let body = html! {
        p.meta {
            a href=(locale.href(&format!("/moderate/listings/{}", item.listing_id))) { (t!(locale, "moderate-report-listing", id = item.listing_id.to_string())) }
            " · " (t!(locale, "moderate-review-sent", when = when(lang, item.submitted_at.naive_utc())))
            " · " @if item.listing.contact_email.is_empty() { (t!(locale, "moderate-review-unclaimed")) } @else { (t!(locale, "moderate-review-email", email = item.listing.contact_email.as_str())) }
        }
        @if !item.listing.to_be_chosen().is_empty() {
            p.notice.warn #to-be-chosen { (t!(locale, "moderate-to-be-chosen")) }
        }
        @if let Some(claim) = item.claim.as_ref().filter(|claim| claim.username != bench.username) {
            p.notice.warn #claim { (claim_words(locale, bench, claim)) ". " (t!(locale, "moderate-claim-decide-anyway")) }
        } @else if let Some(claim) = &item.claim {
            p.meta #claim { (claim_words(locale, bench, claim)) ". " (t!(locale, "moderate-claim-others-see", minutes = CLAIM_MINUTES)) }
        }
        @if review.status != SubmissionStatus::Pending {
            p.notice { (t!(locale, "moderate-review-decided", status = submission_status_words(locale, review.status))) @if let Some(note) = &review.decision_note { " " (note) } }
        }
        @if !review.duplicates.is_empty() {
            div.notice.warn #duplicates {
                h2 { (t!(locale, "moderate-duplicates-heading")) }
                ul {
                    @for duplicate in &review.duplicates {
                        li {
                            a href=(locale.href(&format!("/moderate/listings/{}", duplicate.listing_id))) { (duplicate.full_name) ", " (duplicate.city) }
                            " · " (t!(locale, "moderate-report-listing", id = duplicate.listing_id.to_string()))
                            " · " @if duplicate.matched_on == "npi" { (t!(locale, "moderate-duplicate-npi")) } @else { (t!(locale, "moderate-duplicate-name")) }
                            " · " (submission_status_words(locale, duplicate.submission_status))
                        }
                    }
                }
            }
        }
        @if !item.red_flags.is_empty() {
            div.notice.warn #red-flags {
                strong { (t!(locale, "moderate-red-flags")) " " }
                @for flag in &item.red_flags {
                    q.flag { (flag.phrase) } " " (red_flag_place(locale, &flag.field)) " "
                }
            }
        }
        (super::registry::npi_registry(locale, item.npi_registry.as_ref()))
        @if item.kind == SubmissionKind::Edit { (changes_table(locale, item)) }
        (submission_details(locale, item))
        @if !review.kept_from_import.is_empty() {
            section #kept-from-import {
                h2 { (t!(locale, "moderate-kept-from-import")) }
                ul { @for kept in &review.kept_from_import { li { (kept) } } }
            }
        }
        @if review.status == SubmissionStatus::Pending {
            (error_summary(locale, form.errors))
            div.row {
                form.stack method="post" action=(locale.href(&format!("/moderate/submissions/{}/approve{keep_filter}", item.submission_id))) {
                    (csrf(bench.csrf_token))
                    @for field in item.listing.to_be_chosen() {
                        (to_be_chosen_field(locale, field, form.errors))
                    }
                    (text_field(locale, "note", &t!(locale, "moderate-note-optional"), form.note, form.errors, false))
                    button type="submit" { (t!(locale, "moderate-approve")) }
                }
                form.stack method="post" action=(locale.href(&format!("/moderate/submissions/{}/reject{keep_filter}", item.submission_id))) {
                    (csrf(bench.csrf_token))
                    (ready_reasons(locale, form))
                    (text_field(locale, "reason", &t!(locale, "moderate-reject-reason"), form.reason, form.errors, false))
                    button.danger type="submit" { (t!(locale, "moderate-reject")) }
                }
            }
        }
        p {
            @if let Some(next) = review.next { a href=(locale.href(&format!("/moderate/submissions/{next}{keep_filter}"))) rel="next" { (t!(locale, "moderate-review-skip")) } " · " }
            a href=(locale.href(&format!("/moderate{keep_filter}"))) { (t!(locale, "moderate-review-back")) }
        }
    };
    workbench(locale, bench, &title, notice, body)
}

/// The list a moderator chooses an imported listing's profession or specialty from.
fn to_be_chosen_field(locale: &Locale, field: &str, errors: &[FieldError]) -> Markup {
    let options: Vec<(&str, String)> = if field == TO_BE_CHOSEN_PROFESSION {
        vocabulary::PROFESSIONS.iter().map(|term| (term.code, term.label(locale.lang))).collect()
    } else {
        vocabulary::SPECIALTIES.iter().map(|term| (term.code, term.label(locale.lang))).collect()
    };
    choice_field(locale, field, &fields::label(locale.lang, field), &options, errors)
}

/// Where a red flag is: "in the answer to “…?”" or "in the statement".
fn red_flag_place(locale: &Locale, field: &str) -> String {
    let label = fields::label(locale.lang, field);
    if field.starts_with("answers.") {
        t!(locale, "moderate-red-flag-in-answer", question = label)
    } else {
        t!(locale, "moderate-red-flag-in", field = label)
    }
}

/// Each changed field of an edit beside what is public now, in words.
fn changes_table(locale: &Locale, item: &QueueItem) -> Markup {
    let lang = locale.lang;
    let country = &item.listing.country;
    let headings = ["moderate-changes-field", "moderate-changes-public", "moderate-changes-proposed"]
        .map(|id| locale.text(&Text::new(id)));
    html! {
        table.stack {
            caption { (t!(locale, "moderate-changes-caption")) }
            thead { tr { @for heading in &headings { th scope="col" { (heading) } } } }
            tbody {
                @for change in &item.changed_fields {
                    tr {
                        th scope="row" { (fields::label(lang, &change.field)) }
                        td data-label=(headings[1]) { (fields::value(lang, &change.field, &change.from, country)) }
                        td data-label=(headings[2]) { (with_red_flags(&fields::value(lang, &change.field, &change.to, country))) }
                    }
                }
            }
        }
    }
}

/// The ready-made reasons: the one chosen comes first in the reason the
/// clinician reads, in their language, before any words typed below it.
fn ready_reasons(locale: &Locale, form: &DecisionForm) -> Markup {
    let error =
        form.errors.iter().find(|error| error.field == "ready_reason").map(|error| error.message_in(locale.lang));
    html! {
        @if !form.ready.is_empty() {
            div {
                label for="ready_reason" { (t!(locale, "moderate-ready-reason")) }
                span.hint #ready_reason-hint { (t!(locale, "moderate-ready-reason-hint")) }
                select #ready_reason name="ready_reason" aria-describedby="ready_reason-hint" aria-invalid=[error.as_ref().map(|_| "true")] {
                    option value="" { (t!(locale, "moderate-ready-reason-none")) }
                    @for reason in form.ready {
                        option value=(reason.id) selected[form.chosen == Some(reason.id)] { (fields::shorten(reason.text(locale.lang), 90)) }
                    }
                }
                (field_error("ready_reason", error.as_deref()))
            }
        }
    }
}

/// Every field of a submitted version, red flags marked in what the clinician wrote.
fn submission_details(locale: &Locale, item: &QueueItem) -> Markup {
    let lang = locale.lang;
    let listing = &item.listing;
    let yes_no = |value: bool| if value { t!(locale, "moderate-yes") } else { t!(locale, "moderate-no") };
    let words = |field: &str, codes: &[String]| fields::value(lang, field, &serde_json::json!(codes), &listing.country);
    let chosen = |field: &str, code: &String| {
        if code.is_empty() {
            t!(locale, "moderate-field-to-be-chosen")
        } else {
            words(field, std::slice::from_ref(code))
        }
    };
    let telehealth = if listing.telehealth && !listing.licensed_regions.is_empty() {
        format!("{}: {}", yes_no(true), words::regions(lang, listing.licensed_regions.iter().map(String::as_str)))
    } else {
        yes_no(listing.telehealth)
    };
    let address = [
        listing.address_line.clone(),
        Some(words::place(lang, &listing.city, listing.region.as_deref(), &listing.country)),
        listing.postal_code.clone(),
    ];
    let numbers = Some(words::phones_in_words(lang, &listing.phones)).filter(|words| !words.is_empty());
    let contact = [numbers, listing.website.clone(), listing.public_email.clone()];
    let rows: Vec<(String, String)> = vec![
        (t!(locale, "form-full-name"), listing.full_name.clone()),
        (t!(locale, "moderate-field-names"), names_words(locale, listing)),
        (t!(locale, "form-credentials"), listing.credentials.clone().unwrap_or_default()),
        (t!(locale, "form-profession"), chosen("profession", &listing.profession)),
        (t!(locale, "form-specialty"), chosen("specialty", &listing.specialty)),
        (t!(locale, "moderate-field-practice"), listing.practice_name.clone().unwrap_or_default()),
        (t!(locale, "moderate-field-address"), address.into_iter().flatten().collect::<Vec<_>>().join(", ")),
        (t!(locale, "moderate-field-contact"), contact.into_iter().flatten().collect::<Vec<_>>().join(" · ")),
        (t!(locale, "form-hours"), words::opening_hours_list(lang, &listing.opening_hours)),
        (t!(locale, "moderate-field-telehealth"), telehealth),
        (t!(locale, "moderate-field-accepting"), yes_no(listing.accepting_new_patients)),
        (t!(locale, "moderate-field-languages"), words("languages", &listing.languages)),
        (t!(locale, "moderate-field-approaches"), words("taper_approaches", &listing.taper_approaches)),
        (t!(locale, "moderate-field-criteria"), words("criteria", &listing.criteria)),
        (t!(locale, "form-payment"), payment_summary(lang, listing)),
    ];
    html! {
        h2 { (t!(locale, "moderate-review-details")) }
        dl.details {
            @if let Some(npi) = &listing.npi {
                dt { (t!(locale, "form-npi")) } dd { (npi_link(npi)) " " small { (t!(locale, "moderate-npi-registry")) } }
            }
            @for (label, value) in &rows { @if !value.is_empty() { dt { (label) } dd { (value) } } }
        }
        h2 { (t!(locale, "moderate-review-answers")) }
        @for (question, answer) in listing.answers.iter() {
            p { strong { (fields::label(lang, &format!("answers.{question}"))) " " } (with_red_flags(answer)) }
        }
        @if let Some(statement) = &listing.statement { p { strong { (t!(locale, "moderate-statement")) " " } (with_red_flags(statement)) } }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_queue_filter_is_kept_in_links() {
        let filter = QueueQuery {
            kind: Some(SubmissionKind::Edit),
            flagged_only: true,
            waiting_days: Some(3),
            search: Some("Dr. Ana".into()),
            hide_claimed: true,
            ..QueueQuery::default()
        };
        assert_eq!(
            filter_query(&filter, Some(4)),
            "?q=Dr.+Ana&kind=edit&flagged=1&waiting_days=3&hide_claimed=1&page=4"
        );
        assert_eq!(filter_query(&filter, Some(1)), "?q=Dr.+Ana&kind=edit&flagged=1&waiting_days=3&hide_claimed=1");
        assert_eq!(filter_query(&QueueQuery::default(), None), "");
    }
}
