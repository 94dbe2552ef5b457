//! What the national provider registry (NPPES) says of a submission's NPI,
//! with its verdict in words, the red flags first.

use maud::{html, Markup};

use crate::app::nppes::{NpiCheck, RegistryEntry};
use crate::domain::nppes::labels;
use crate::domain::nppes::verdict::{Difference, Verdict};
use crate::t;
use crate::views::locale::Locale;
use crate::views::words;

/// The registry's entry and verdict; nothing when the submission has no NPI.
pub fn npi_registry(locale: &Locale, check: Option<&NpiCheck>) -> Markup {
    let Some(check) = check else { return html! {} };
    let lang = locale.lang;
    html! {
        section #npi-registry aria-labelledby="npi-registry-heading" {
            h2 #npi-registry-heading { (t!(locale, "moderate-nppes-heading")) }
            @match check.verdict {
                Verdict::Matches => p.notice { (t!(locale, "moderate-nppes-matches", npi = check.npi.as_str())) },
                Verdict::Differs => div.notice.warn {
                    @for difference in &check.differs {
                        p { strong { (t!(locale, "moderate-nppes-red-flag")) } " " (differs_words(locale, *difference)) }
                    }
                },
                Verdict::Deactivated => p.notice.warn {
                    strong { (t!(locale, "moderate-nppes-red-flag")) } " "
                    (t!(locale, "moderate-nppes-deactivated", npi = check.npi.as_str(),
                        date = check.registry.as_ref().and_then(|entry| entry.deactivated_on).map(|day| lang.date(day)).unwrap_or_default()))
                },
                Verdict::NotInFile if check.file_loaded => p.notice.warn { (t!(locale, "moderate-nppes-not-in-file", npi = check.npi.as_str())) },
                Verdict::NotInFile => p.notice { (t!(locale, "moderate-nppes-no-file", npi = check.npi.as_str())) },
            }
            @if let Some(day) = check.file_date { p.meta { (t!(locale, "moderate-nppes-file-date", date = lang.date(day))) } }
            @if let Some(entry) = check.registry.as_ref().filter(|_| check.verdict != Verdict::Deactivated) { (entry_details(locale, entry)) }
        }
    }
}

fn differs_words(locale: &Locale, difference: Difference) -> String {
    match difference {
        Difference::Name => t!(locale, "moderate-nppes-differs-name"),
        Difference::State => t!(locale, "moderate-nppes-differs-state"),
    }
}

fn entry_details(locale: &Locale, entry: &RegistryEntry) -> Markup {
    let lang = locale.lang;
    let state = entry.state.as_ref().map(|state| words::region(lang, &format!("US-{state}")));
    let place = [entry.city.clone(), state].into_iter().flatten().collect::<Vec<_>>().join(", ");
    let licences: Vec<String> = entry.licence_states.iter().map(|state| format!("US-{state}")).collect();
    let rows = [
        (t!(locale, "moderate-nppes-name"), entry.name.clone()),
        (t!(locale, "moderate-nppes-credential"), entry.credential.clone().unwrap_or_default()),
        (t!(locale, "moderate-nppes-practice"), place),
        (
            t!(locale, "moderate-nppes-taxonomy"),
            entry.taxonomy_code.as_deref().map(|code| labels::describe(lang, code)).unwrap_or_default(),
        ),
        (t!(locale, "moderate-nppes-licences"), words::regions(lang, licences.iter().map(String::as_str))),
        (t!(locale, "moderate-nppes-updated"), entry.last_update.map(|day| lang.date(day)).unwrap_or_default()),
        (t!(locale, "moderate-nppes-reactivated"), entry.reactivated_on.map(|day| lang.date(day)).unwrap_or_default()),
    ];
    html! {
        dl.details {
            @for (label, value) in &rows { @if !value.is_empty() { dt { (label) } dd { (value) } } }
        }
    }
}
