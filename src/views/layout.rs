//! The page shell shared by every page.

use maud::{html, Markup, DOCTYPE};

use super::head::{is_private, script_json, Head};
use crate::assets::Asset;
use crate::i18n::Lang;
use crate::t;
use crate::views::locale::Locale;
use crate::views::urgent;

/// What the footer must add for a page.
#[derive(Debug, Clone, Copy, Default)]
pub struct Footer<'a> {
    /// The page shows fictional demo listings.
    pub shows_demo: bool,
    /// The country of the place the page is about, whose urgent help it shows
    /// (else the visitor's).
    pub country: Option<&'a str>,
}

pub fn page(locale: &Locale, title: &str, footer: Footer, body: Markup) -> Markup {
    page_with(locale, title, Head::of_page(locale), footer, body)
}

/// A page that says more about itself than its kind: a profile.
pub fn page_with(locale: &Locale, title: &str, head: Head, footer: Footer, body: Markup) -> Markup {
    html! {
        (DOCTYPE)
        html lang=(locale.lang.code()) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) " · benzowise" }
                (machine_head(locale, &head))
            }
            body {
                a.skip href="#main" { (t!(locale, "site-skip-link")) }
                header.site {
                    a.brand href=(locale.href("/")) { "benzowise" }
                    nav aria-label=(t!(locale, "site-nav-label")) {
                        a href=(locale.href("/")) { (t!(locale, "site-nav-find")) }
                        a href=(locale.href("/questions")) { (t!(locale, "site-nav-questions")) }
                        a href=(locale.href("/submit")) { (t!(locale, "site-nav-clinicians")) }
                    }
                    (language_switch(locale))
                }
                main #main { (body) }
                footer.site {
                    (urgent::help(locale, footer.country, "urgent-help-footer"))
                    p { strong { (t!(locale, "footer-not-advice")) } " " (t!(locale, "footer-about")) }
                    @if footer.shows_demo {
                        p { strong { (t!(locale, "footer-demo-title")) } " " (t!(locale, "footer-demo")) }
                    }
                    p { (sources(locale)) " " (t!(locale, "footer-postcodes")) }
                }
            }
        }
    }
}

/// What search engines and link previews read: the description, the
/// canonical address and the page in each language (absolute, from
/// `PUBLIC_URL`), or `noindex` on a private page (whose address may hold a
/// secret, and is repeated nowhere), the icon (`/favicon.ico`, which browsers
/// ask for by themselves, and the SVG one), and a profile's Open Graph and
/// JSON-LD.
fn machine_head(locale: &Locale, head: &Head) -> Markup {
    html! {
        meta name="description" content=(head.description);
        @if is_private(locale.this_page()) {
            meta name="robots" content="noindex, nofollow";
        } @else {
            link rel="canonical" href=(locale.absolute(Some(locale.lang)));
            @for lang in Lang::ALL {
                link rel="alternate" hreflang=(lang.code()) href=(locale.absolute(Some(lang)));
            }
            link rel="alternate" hreflang="x-default" href=(locale.absolute(None));
        }
        link rel="stylesheet" href=(Asset::Stylesheet.path());
        @if locale.this_page().starts_with("/moderate") {
            link rel="stylesheet" href=(Asset::WorkbenchStylesheet.path());
        }
        link rel="icon" href=(Asset::Icon.path()) type="image/svg+xml";
        @if let Some(og_title) = &head.open_graph_title {
            meta property="og:type" content="profile";
            meta property="og:site_name" content="benzowise";
            meta property="og:title" content=(og_title);
            meta property="og:description" content=(head.description);
            meta property="og:url" content=(locale.absolute(Some(locale.lang)));
            meta property="og:locale" content=(if locale.lang == Lang::Es { "es_US" } else { "en_US" });
        }
        @if let Some(json_ld) = &head.json_ld {
            script type="application/ld+json" { (script_json(json_ld)) }
        }
    }
}

/// Links to this page in the other languages, each named in its own language.
fn language_switch(locale: &Locale) -> Markup {
    html! {
        nav.languages aria-label=(t!(locale, "site-language-label")) {
            @for lang in Lang::ALL.into_iter().filter(|lang| *lang != locale.lang) {
                a href=(locale.this_page_in(lang)) hreflang=(lang.code()) lang=(lang.code()) {
                    (lang.t("language-own-name"))
                }
            }
        }
    }
}

fn sources(locale: &Locale) -> Markup {
    sentence_with_link(&t!(locale, "footer-sources", geonames = LINK), "https://www.geonames.org/", "GeoNames")
}

/// Stands for the link in a sentence given to `sentence_with_link`.
pub const LINK: &str = "\u{1}";

/// A sentence with a link inside it wherever the language puts it: pass
/// `LINK` as the message's argument for the link, then the sentence here.
pub fn sentence_with_link(sentence: &str, href: &str, link_text: &str) -> Markup {
    let (before, after) = sentence.split_once(LINK).unwrap_or((sentence, ""));
    html! { (before) a href=(href) { (link_text) } (after) }
}

/// One problem in an error summary: the id of the field it links to, the
/// field's label and the message.
pub struct Problem {
    pub id: String,
    pub label: String,
    pub message: String,
}

/// GOV.UK's error summary: a heading, then each problem in the form's order,
/// named by its field's label and linking to the field (which repeats the message).
pub fn error_summary(locale: &Locale, problems: &[Problem]) -> Markup {
    html! {
        @if !problems.is_empty() {
            div.errors role="alert" tabindex="-1" id="errors" aria-labelledby="errors-title" {
                h2 #errors-title { (t!(locale, "form-errors-title", count = problems.len())) }
                ul {
                    @for problem in problems {
                        li { a href=(format!("#{}", problem.id)) { (problem.label) ": " (problem.message) } }
                    }
                }
            }
        }
    }
}

/// A form field's error, placed next to it, and its id for `aria-describedby`.
pub fn field_error(field: &str, error: Option<&str>) -> Markup {
    html! {
        @if let Some(message) = error {
            span.field-error id=(format!("{field}-error")) { (message) }
        }
    }
}

/// How a notice reads: each has its own colour, and its own word for screen readers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Success,
    Warning,
    Error,
}

/// What the last action did, or what needs care, in the tone it deserves.
#[derive(Debug, Clone)]
pub struct Notice {
    pub tone: Tone,
    pub text: crate::i18n::Text,
}

impl Notice {
    pub fn success(id: &'static str) -> Self {
        Notice { tone: Tone::Success, text: crate::i18n::Text::new(id) }
    }

    pub fn warning(id: &'static str) -> Self {
        Notice { tone: Tone::Warning, text: crate::i18n::Text::new(id) }
    }
}

/// A notice at the top of a page: "Done:", "Note:" or "Problem:" before it,
/// announced when it appears.
pub fn notice(locale: &Locale, notice: &Notice) -> Markup {
    let (class, word, role) = match notice.tone {
        Tone::Success => ("notice", "notice-success", "status"),
        Tone::Warning => ("notice warn", "notice-warning", "status"),
        Tone::Error => ("errors", "notice-error", "alert"),
    };
    html! { p class=(class) role=(role) { strong { (locale.lang.t(word)) } " " (locale.text(&notice.text)) } }
}

/// Where a message page sends its reader on: an address and its link's words.
#[derive(Debug, Clone)]
pub struct WayOn {
    pub href: String,
    pub text: String,
}

impl WayOn {
    /// The search page, where anyone can start again.
    pub fn search(locale: &Locale) -> WayOn {
        WayOn { href: locale.href("/"), text: t!(locale, "message-page-home") }
    }
}

/// A page with a short message, such as an error the visitor cannot fix by
/// changing a form, and the link that leads on from it.
pub fn message_page(locale: &Locale, title: &str, message: &str, way_on: &WayOn) -> Markup {
    page(
        locale,
        title,
        Footer::default(),
        html! {
            h1 { (title) }
            p { (message) }
            p { a href=(way_on.href) { (way_on.text) } }
        },
    )
}
