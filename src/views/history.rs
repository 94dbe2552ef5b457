//! The history sheet for a first visit: a short form, and the one-page sheet
//! it makes. Nothing typed is kept; the page only shows it back.

use maud::{html, Markup};

use super::layout::{page, Footer};
use super::locale::Locale;
use super::profile::print_button;
use crate::t;

/// The sheet's fields: name, label, hint, and whether it takes several lines.
pub const FIELDS: [(&str, &str, Option<&str>, bool); 6] = [
    ("medicines", "history-medicines", Some("history-medicines-hint"), true),
    ("since", "history-since", Some("history-since-hint"), false),
    ("reductions", "history-reductions", Some("history-reductions-hint"), true),
    ("symptoms", "history-symptoms", None, true),
    ("want", "history-want", None, true),
    ("questions", "history-questions", None, true),
];

/// The longest answer the form takes, in characters.
pub const MOST_CHARACTERS: usize = 4_000;

/// What was typed, by field name.
pub type Answers<'a> = &'a [(String, String)];

fn answer<'a>(answers: Answers<'a>, name: &str) -> &'a str {
    answers.iter().find(|(field, _)| field == name).map_or("", |(_, value)| value.as_str())
}

/// The form, empty or with what was typed. It posts, so nothing typed goes in an address.
fn form(locale: &Locale, answers: Answers) -> Markup {
    html! {
        form.stack.no-print method="post" action=(locale.href("/history")) autocomplete="off" {
            @for (name, label, hint, long) in FIELDS {
                div {
                    label for=(name) {
                        (locale.text(&crate::i18n::Text::new(label)))
                        @if let Some(hint) = hint { span.hint { (locale.text(&crate::i18n::Text::new(hint))) } }
                    }
                    @if long {
                        textarea id=(name) name=(name) rows="4" maxlength=(MOST_CHARACTERS) { (answer(answers, name)) }
                    } @else {
                        input type="text" id=(name) name=(name) maxlength=(MOST_CHARACTERS) value=(answer(answers, name));
                    }
                }
            }
            div { button type="submit" { (t!(locale, "history-make")) } }
        }
    }
}

/// `GET /history`: the form.
pub fn blank(locale: &Locale) -> Markup {
    let title = t!(locale, "history-title");
    page(
        locale,
        &title,
        Footer::default(),
        html! {
            h1 { (title) }
            p.lead { (t!(locale, "history-lead")) }
            p.notice { (t!(locale, "history-private")) }
            (form(locale, &[]))
        },
    )
}

/// `POST /history`: the sheet to print, and below it the form again to change it.
pub fn sheet(locale: &Locale, answers: Answers) -> Markup {
    let title = t!(locale, "history-sheet-title");
    page(
        locale,
        &title,
        Footer::default(),
        html! {
            h1 { (title) }
            p.notice.no-print { (t!(locale, "history-private")) " " (print_button(locale)) }
            dl.sheet {
                @for (name, label, _, _) in FIELDS {
                    dt { (locale.text(&crate::i18n::Text::new(label))) }
                    dd.statement {
                        @match answer(answers, name) {
                            "" => span.meta { (t!(locale, "history-sheet-not-given")) },
                            given => (given),
                        }
                    }
                }
            }
            h2.no-print { (t!(locale, "history-sheet-change")) }
            (form(locale, answers))
        },
    )
}
