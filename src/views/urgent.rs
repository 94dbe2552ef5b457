//! Urgent help: the emergency and crisis numbers of a country, each a
//! `tel:` link, beside the one piece of advice that matters most.

use maud::{html, Markup};

use super::locale::Locale;
use super::words;
use crate::domain::urgent_help::{lines_for, DEFAULT_COUNTRY};
use crate::t;

/// The numbers for `country` (the place searched, else the visitor's, else
/// the United States); for a country the table lacks, the advice to call
/// the local emergency number. `id` names the section, which a page may
/// show twice (at the top and in the footer).
pub fn help(locale: &Locale, country: Option<&str>, id: &str) -> Markup {
    let country = country.or(locale.visitor_country()).unwrap_or(DEFAULT_COUNTRY);
    html! {
        section.urgent aria-labelledby=(id) {
            h2 id=(id) { (t!(locale, "urgent-heading")) }
            p {
                @if let Some(lines) = lines_for(country) {
                    (t!(locale, "urgent-where", country = words::country(locale.lang, country))) " "
                    @for (index, line) in lines.iter().enumerate() {
                        @if index > 0 { " · " }
                        (locale.text(&crate::i18n::Text::new(line.name))) " "
                        a href=(line.tel()) { strong { (line.number) } }
                    }
                } @else {
                    (t!(locale, "urgent-elsewhere"))
                }
            }
            p { (t!(locale, "urgent-advice")) }
        }
    }
}
