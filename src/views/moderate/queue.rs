//! The queue, a page at a time, and one submission on its own page.

use maud::{html, Markup};

use super::{
    csrf, error_summary, npi_link, payment_summary, query, show, submission_status_words, text_field, when,
    with_red_flags, workbench, Bench,
};
use crate::app::freshness::LapsedListing;
use crate::app::moderation::{QueueItem, QueuePage, QueueQuery, Review, WAITING_DAYS};
use crate::db::outbox::OutboxMessage;
use crate::domain::listing::ListingContent;
use crate::domain::moderation::{SubmissionKind, SubmissionStatus};
use crate::domain::vocabulary;
use crate::error::FieldError;
use crate::i18n::Text;
use crate::t;
use crate::views::locale::Locale;

/// The filter of the queue as a query string, to keep it from page to page
/// and from one submission to the next.
pub fn filter_query(filter: &QueueQuery, after: Option<i64>) -> String {
    query(&[
        ("kind", filter.kind.map(|kind| kind.as_str().to_string())),
        ("flagged", filter.flagged_only.then(|| "1".to_string())),
        ("waiting_days", filter.waiting_days.map(|days| days.to_string())),
        ("after", after.map(|after| after.to_string())),
    ])
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
    let body = html! {
        p {
            (t!(locale, "moderate-queue-counts", pending = lang.count(counts.pending as usize), new = lang.count(counts.new as usize),
                edits = lang.count(counts.edits as usize), flagged = lang.count(counts.flagged as usize),
                waiting = lang.count(counts.waiting as usize), days = days))
        }
        form.filters method="get" action=(locale.href("/moderate")) {
            div {
                label for="kind" { (t!(locale, "moderate-filter-kind")) }
                select #kind name="kind" {
                    option value="" selected[filter.kind.is_none()] { (t!(locale, "moderate-filter-kind-any")) }
                    option value="new" selected[filter.kind == Some(SubmissionKind::New)] { (t!(locale, "moderate-kind-new")) }
                    option value="edit" selected[filter.kind == Some(SubmissionKind::Edit)] { (t!(locale, "moderate-kind-edit")) }
                }
            }
            div.check { input type="checkbox" #flagged name="flagged" value="1" checked[filter.flagged_only]; label for="flagged" { (t!(locale, "moderate-filter-flagged")) } }
            div {
                label for="waiting_days" { (t!(locale, "moderate-filter-waiting")) }
                input type="number" #waiting_days name="waiting_days" min="1" max="3650" value=[filter.waiting_days];
            }
            div { button.secondary type="submit" { (t!(locale, "moderate-filter-button")) } }
        }
        @if page.items.is_empty() {
            p { (t!(locale, "moderate-queue-empty")) }
        } @else {
            table {
                caption { (t!(locale, "moderate-queue-caption")) }
                thead { tr {
                    th scope="col" { (t!(locale, "moderate-queue-sent")) } th scope="col" { (t!(locale, "moderate-queue-name")) }
                    th scope="col" { (t!(locale, "moderate-queue-city")) } th scope="col" { (t!(locale, "moderate-queue-kind")) }
                    th scope="col" { (t!(locale, "moderate-queue-flags")) }
                } }
                tbody {
                    @for item in &page.items {
                        tr {
                            td { (when(lang, item.submitted_at.naive_utc())) }
                            td { a href=(locale.href(&format!("/moderate/submissions/{}{}", item.submission_id, filter_query(filter, None)))) { (item.listing.full_name) } }
                            td { (item.listing.city) }
                            td { (kind_words(locale, item.kind)) }
                            td { @if !item.red_flags.is_empty() { span.flag { (lang.count(item.red_flags.len())) } } }
                        }
                    }
                }
            }
            nav.pages aria-label=(t!(locale, "moderate-pages-label")) {
                @if filter.after > 0 { a href=(locale.href(&format!("/moderate{}", filter_query(filter, None)))) { (t!(locale, "moderate-pages-first")) } }
                @if let Some(next) = page.next_after { a href=(locale.href(&format!("/moderate{}", filter_query(filter, Some(next))))) rel="next" { (t!(locale, "moderate-pages-next")) } }
            }
        }
        (lapsed(locale, elsewhere.lapsed))
        (undelivered(locale, elsewhere.undelivered))
    };
    workbench(locale, bench, &t!(locale, "moderate-queue-title"), notice, body)
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
        id = item.submission_id.to_string()
    );
    let body = html! {
        p.meta {
            a href=(locale.href(&format!("/moderate/listings/{}", item.listing_id))) { (t!(locale, "moderate-report-listing", id = item.listing_id.to_string())) }
            " · " (t!(locale, "moderate-review-sent", when = when(lang, item.submitted_at.naive_utc())))
            " · " (t!(locale, "moderate-review-email", email = item.listing.contact_email.as_str()))
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
                    span.flag { "“" (flag.phrase) "”" } " " (t!(locale, "moderate-red-flag-in", field = flag.field.clone())) " "
                }
            }
        }
        @if item.kind == SubmissionKind::Edit {
            table {
                caption { (t!(locale, "moderate-changes-caption")) }
                thead { tr { th scope="col" { (t!(locale, "moderate-changes-field")) } th scope="col" { (t!(locale, "moderate-changes-public")) } th scope="col" { (t!(locale, "moderate-changes-proposed")) } } }
                tbody { @for change in &item.changed_fields { tr { th scope="row" { (change.field) } td { (show(lang, &change.from)) } td { (with_red_flags(&show(lang, &change.to))) } } } }
            }
        }
        (submission_details(locale, item))
        @if review.status == SubmissionStatus::Pending {
            (error_summary(locale, form.errors))
            div.row {
                form.stack method="post" action=(locale.href(&format!("/moderate/submissions/{}/approve{keep_filter}", item.submission_id))) {
                    (csrf(bench.csrf_token))
                    (text_field(locale, "note", &t!(locale, "moderate-note-optional"), form.note, form.errors, false))
                    button type="submit" { (t!(locale, "moderate-approve")) }
                }
                form.stack method="post" action=(locale.href(&format!("/moderate/submissions/{}/reject{keep_filter}", item.submission_id))) {
                    (csrf(bench.csrf_token))
                    (text_field(locale, "reason", &t!(locale, "moderate-reject-reason"), form.reason, form.errors, true))
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

/// Every field of a submitted version, red flags marked in what the clinician wrote.
fn submission_details(locale: &Locale, item: &QueueItem) -> Markup {
    let lang = locale.lang;
    let listing = &item.listing;
    let yes_no = |value: bool| if value { t!(locale, "moderate-yes") } else { t!(locale, "moderate-no") };
    let labels = |list: &'static [vocabulary::Term], codes: &[String]| {
        codes
            .iter()
            .map(|code| vocabulary::find(list, code).map_or_else(|| code.clone(), |term| term.label(lang)))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let rows: Vec<(String, String)> = vec![
        (t!(locale, "form-full-name"), listing.full_name.clone()),
        (t!(locale, "moderate-field-names"), names_words(locale, listing)),
        (t!(locale, "form-credentials"), listing.credentials.clone().unwrap_or_default()),
        (
            t!(locale, "form-profession"),
            vocabulary::profession(&listing.profession).map_or_else(|| listing.profession.clone(), |p| p.label(lang)),
        ),
        (t!(locale, "form-specialty"), listing.specialty.clone()),
        (t!(locale, "moderate-field-practice"), listing.practice_name.clone().unwrap_or_default()),
        (
            t!(locale, "moderate-field-address"),
            [
                listing.address_line.clone(),
                Some(listing.city.clone()),
                listing.region.clone(),
                listing.postal_code.clone(),
                Some(listing.country.clone()),
            ]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(", "),
        ),
        (
            t!(locale, "moderate-field-contact"),
            [listing.phone.clone(), listing.website.clone(), listing.public_email.clone()]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(" · "),
        ),
        (
            t!(locale, "moderate-field-telehealth"),
            format!("{} {}", yes_no(listing.telehealth), listing.licensed_regions.join(", ")),
        ),
        (t!(locale, "moderate-field-accepting"), yes_no(listing.accepting_new_patients)),
        (t!(locale, "moderate-field-approaches"), labels(vocabulary::TAPER_APPROACHES, &listing.taper_approaches)),
        (t!(locale, "moderate-field-criteria"), labels(vocabulary::CRITERIA, &listing.criteria)),
        (t!(locale, "moderate-payment"), payment_summary(lang, listing)),
    ];
    html! {
        h2 { (t!(locale, "moderate-review-details")) }
        dl.details {
            @if let Some(npi) = &listing.npi {
                dt { "NPI" } dd { (npi_link(npi)) " " small { (t!(locale, "moderate-npi-registry")) } }
            }
            @for (label, value) in &rows { @if !value.is_empty() { dt { (label) } dd { (value) } } }
        }
        h2 { (t!(locale, "moderate-review-answers")) }
        @for (question, answer) in listing.answers.iter() { p { strong { (question) ": " } (with_red_flags(answer)) } }
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
            after: 0,
            limit: 25,
        };
        assert_eq!(filter_query(&filter, Some(40)), "?kind=edit&flagged=1&waiting_days=3&after=40");
        assert_eq!(filter_query(&QueueQuery::default(), None), "");
    }
}
