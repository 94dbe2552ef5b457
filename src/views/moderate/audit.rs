//! The audit trail, a page at a time, filtered by moderator, action, listing and days.

use maud::{html, Markup};

use super::{action_words, audit_table, error_summary, query, workbench, Bench};
use crate::db::events::Event;
use crate::db::moderators::ModeratorAccount;
use crate::domain::moderation::AuditAction;
use crate::error::FieldError;
use crate::t;
use crate::views::locale::Locale;

/// The audit filter as typed, to keep in the form and in the next page's link.
#[derive(Debug, Default, Clone)]
pub struct AuditForm {
    pub moderator: String,
    pub action: String,
    pub listing: String,
    pub from: String,
    pub to: String,
}

impl AuditForm {
    fn query(&self, before: Option<i64>) -> String {
        let set = |value: &String| Some(value.clone()).filter(|value| !value.is_empty());
        query(&[
            ("moderator", set(&self.moderator)),
            ("action", set(&self.action)),
            ("listing", set(&self.listing)),
            ("from", set(&self.from)),
            ("to", set(&self.to)),
            ("before", before.map(|id| id.to_string())),
        ])
    }
}

pub struct AuditPage<'a> {
    pub form: &'a AuditForm,
    pub moderators: &'a [ModeratorAccount],
    pub events: &'a [Event],
    /// The `before` of the next (older) page, if there is one.
    pub older: Option<i64>,
    pub errors: &'a [FieldError],
}

pub fn trail(locale: &Locale, bench: &Bench, page: &AuditPage) -> Markup {
    let form = page.form;
    let error = |field: &str| page.errors.iter().any(|error| error.field == field).then_some("true");
    let body = html! {
        (error_summary(locale, page.errors))
        form.filters method="get" action=(locale.href("/moderate/audit")) {
            div {
                label for="moderator" { (t!(locale, "moderate-audit-who")) }
                select #moderator name="moderator" {
                    option value="" { (t!(locale, "moderate-filter-kind-any")) }
                    @for account in page.moderators {
                        option value=(account.id) selected[form.moderator == account.id.to_string()] { (account.username) }
                    }
                }
            }
            div {
                label for="action" { (t!(locale, "moderate-audit-what")) }
                select #action name="action" {
                    option value="" { (t!(locale, "moderate-filter-kind-any")) }
                    @for action in AuditAction::ALL {
                        option value=(action.as_str()) selected[form.action == action.as_str()] { (action_words(locale.lang, action.as_str())) }
                    }
                }
            }
            div {
                label for="listing" { (t!(locale, "moderate-audit-listing")) }
                input type="text" #listing name="listing" inputmode="numeric" value=(form.listing) aria-invalid=[error("listing")];
            }
            div { label for="from" { (t!(locale, "moderate-audit-from")) } input type="date" #from name="from" value=(form.from) aria-invalid=[error("from")]; }
            div { label for="to" { (t!(locale, "moderate-audit-to")) } input type="date" #to name="to" value=(form.to) aria-invalid=[error("to")]; }
            div { button.secondary type="submit" { (t!(locale, "moderate-filter-button")) } }
        }
        @if page.events.is_empty() {
            p role="status" { (t!(locale, "moderate-audit-none")) }
        } @else {
            (audit_table(locale, page.events))
        }
        nav.pages aria-label=(t!(locale, "moderate-pages-label")) {
            @if let Some(before) = page.older { a href=(locale.href(&format!("/moderate/audit{}", form.query(Some(before))))) rel="next" { (t!(locale, "moderate-pages-older")) } }
        }
    };
    workbench(locale, bench, &t!(locale, "moderate-audit-title"), None, body)
}
