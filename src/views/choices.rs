//! The choices a search was made with, as people read them: each a chip
//! that links to the same search without it.

use maud::{html, Markup};

use super::layout::LINK;
use super::locale::Locale;
use super::words;
use crate::domain::vocabulary::{self, PAYMENT_OPTIONS, SPECIALTIES};
use crate::search::query::SearchParams;
use crate::t;

/// Parameters that say where and how far, and how the results are paged: not choices to take off.
const PLACE_AND_PAGE: [&str; 9] = ["near", "lat", "lon", "radius", "unit", "radius_km", "radius_mi", "offset", "limit"];

/// Each choice made, as `(index in params, its name in the page's language)`.
pub fn chosen(locale: &Locale, params: &SearchParams) -> Vec<(usize, String)> {
    params
        .pairs
        .iter()
        .enumerate()
        .filter(|(_, (name, _))| !PLACE_AND_PAGE.contains(&name.as_str()))
        .map(|(index, (name, value))| (index, choice_name(locale, name, value)))
        .collect()
}

/// "Micro-taper", "Can prescribe (needed to run a taper)", "Licensed in Texas"; else as typed.
fn choice_name(locale: &Locale, name: &str, value: &str) -> String {
    let lang = locale.lang;
    let term = |terms: &'static [vocabulary::Term]| vocabulary::find(terms, value).map(|term| term.label(lang));
    let named = match (name, value) {
        ("profession", _) => vocabulary::profession(value).map(|term| term.label(lang)),
        ("specialty", _) => term(SPECIALTIES),
        ("criteria", _) => Some(words::criterion_name(lang, value)).filter(|name| !name.is_empty()),
        ("payment", _) => term(PAYMENT_OPTIONS),
        ("approach", _) => Some(words::approach_name(lang, value)).filter(|name| !name.is_empty()),
        ("language", _) => Some(words::language(lang, &value.to_ascii_lowercase())),
        ("licensed_in", _) => {
            Some(t!(locale, "search-chip-licensed-in", region = words::region(lang, &value.to_ascii_uppercase())))
        }
        ("telehealth", "true") => Some(t!(locale, "search-form-telehealth")),
        ("accepting", "true") => Some(t!(locale, "search-form-accepting")),
        ("prescriber", "true") => Some(t!(locale, "search-form-prescriber")),
        _ => None,
    };
    named.unwrap_or_else(|| format!("{name}: {value}"))
}

/// The search page with the parameters `keep` accepts, from the first page.
pub fn search_link(locale: &Locale, params: &SearchParams, keep: impl Fn(usize, &str) -> bool) -> String {
    let mut query = url::form_urlencoded::Serializer::new(String::new());
    for (index, (name, value)) in params.pairs.iter().enumerate() {
        if name != "offset" && keep(index, name) {
            query.append_pair(name, value);
        }
    }
    locale.href(&format!("/search?{}", query.finish()))
}

/// The chips of the choices made, each taking its choice off, and a link that takes them all off.
pub fn chips(locale: &Locale, params: &SearchParams) -> Markup {
    let chosen = chosen(locale, params);
    let remove = t!(locale, "search-chip-remove", choice = LINK);
    let (before, after) = remove.split_once(LINK).unwrap_or((&remove, ""));
    html! {
        @if !chosen.is_empty() {
            div.chips role="group" aria-label=(t!(locale, "search-chips-label")) {
                span.chips-label { (t!(locale, "search-chips-label")) ":" }
                ul {
                    @for (index, name) in &chosen {
                        li {
                            a.chip href=(search_link(locale, params, |other, _| other != *index)) {
                                span.visually-hidden { (before) } (name) span.visually-hidden { (after) }
                                span aria-hidden="true" { " ×" }
                            }
                        }
                    }
                }
                a.clear href=(search_link(locale, params, |_, name| PLACE_AND_PAGE.contains(&name))) {
                    (t!(locale, "search-chips-clear"))
                }
            }
        }
    }
}
