//! The page shell shared by every page.

use maud::{html, Markup, DOCTYPE};

/// What the footer must add for a page.
#[derive(Debug, Clone, Copy, Default)]
pub struct Footer {
    /// The page shows fictional demo listings.
    pub shows_demo: bool,
}

pub fn page(title: &str, footer: Footer, body: Markup) -> Markup {
    html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) " · benzowise" }
                link rel="stylesheet" href="/static/style.css";
            }
            body {
                a.skip href="#main" { "Skip to the main content" }
                header.site {
                    a.brand href="/" { "benzowise" }
                    nav aria-label="Site" {
                        a href="/" { "Find a clinician" }
                        a href="/questions" { "Questions for a first visit" }
                        a href="/submit" { "For clinicians" }
                    }
                }
                main #main { (body) }
                footer.site {
                    p { strong { "Information, not medical advice." } " benzowise lists clinicians who say they support gradual, patient-led benzodiazepine tapering; moderators review every listing, but cannot vouch for anyone's care. Never stop a benzodiazepine suddenly: talk with a prescriber about a slow taper." }
                    @if footer.shows_demo {
                        p { strong { "Demo listings are fictional." } " Listings marked “demo” describe people who do not exist." }
                    }
                    p { "Place names from " a href="https://www.geonames.org/" { "GeoNames" } " (CC BY 4.0); US ZIP code centroids from the US Census Bureau." }
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

/// A page with a short message, such as an error the visitor cannot fix by changing a form.
pub fn message_page(title: &str, message: &str) -> Markup {
    page(
        title,
        Footer::default(),
        html! {
            h1 { (title) }
            p { (message) }
            p { a href="/" { "Go to the search page" } }
        },
    )
}
