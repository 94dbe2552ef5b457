//! The language a page is read in, and the addresses that keep it.

use crate::i18n::{Lang, Text};

/// A page's language and where it was asked for. A language chosen in the
/// address (`/es/search?…`) stays in every link the page gives, so a shared
/// link opens in the same language; otherwise links stay neutral and the
/// browser's preference decides.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Locale {
    pub lang: Lang,
    in_address: bool,
    /// The path and query without the language prefix.
    path: String,
    /// The visitor's country as the browser states it (`en-GB` → `GB`), if it does.
    visitor_country: Option<String>,
    /// The site's address (`PUBLIC_URL`), without a trailing slash: the
    /// start of the absolute addresses machines read. Empty outside a request.
    site: String,
}

impl Locale {
    pub fn new(lang: Lang, in_address: bool, path: impl Into<String>) -> Self {
        Self { lang, in_address, path: path.into(), visitor_country: None, site: String::new() }
    }

    /// The same, for a visitor whose browser names their country.
    #[must_use]
    pub fn with_visitor_country(self, country: Option<String>) -> Self {
        Self { visitor_country: country, ..self }
    }

    /// The visitor's country (ISO 3166-1), as the browser's languages state it.
    pub fn visitor_country(&self) -> Option<&str> {
        self.visitor_country.as_deref()
    }

    /// The same, on the site at `site` (such as `https://benzowise.org`).
    pub fn on_site(self, site: &str) -> Self {
        Self { site: site.trim_end_matches('/').to_string(), ..self }
    }

    /// An English page at `/`, for views rendered outside a request.
    pub fn english() -> Self {
        Self::new(Lang::En, false, "/")
    }

    /// The language was chosen in the address.
    pub fn is_in_address(&self) -> bool {
        self.in_address
    }

    /// A message in the page's language.
    pub fn text(&self, text: &Text) -> String {
        self.lang.text(text)
    }

    /// `path` (absolute, starting with `/`) as a link from this page.
    pub fn href(&self, path: &str) -> String {
        if self.in_address {
            in_language(self.lang, path)
        } else {
            path.to_string()
        }
    }

    /// This page's address in `lang`.
    pub fn this_page_in(&self, lang: Lang) -> String {
        in_language(lang, &self.path)
    }

    /// This page's address without a language.
    pub fn this_page(&self) -> &str {
        &self.path
    }

    /// This page's absolute address in `lang`, or without a language.
    pub fn absolute(&self, lang: Option<Lang>) -> String {
        match lang {
            Some(lang) => format!("{}{}", self.site, in_language(lang, &self.path)),
            None => format!("{}{}", self.site, self.path),
        }
    }

    /// `path` on the site, absolute, in this page's language.
    pub fn absolute_href(&self, path: &str) -> String {
        format!("{}{}", self.site, in_language(self.lang, path))
    }
}

fn in_language(lang: Lang, path: &str) -> String {
    format!("/{}{path}", lang.code())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_chosen_language_stays_in_links() {
        let chosen = Locale::new(Lang::Es, true, "/search?near=Marfa");
        assert_eq!(chosen.href("/submit"), "/es/submit");
        assert_eq!(chosen.this_page_in(Lang::En), "/en/search?near=Marfa");
        let browser = Locale::new(Lang::Es, false, "/");
        assert_eq!(browser.href("/submit"), "/submit");
        let on_site = Locale::new(Lang::Es, false, "/search?near=Marfa").on_site("https://benzowise.test/");
        assert_eq!(on_site.absolute(Some(Lang::En)), "https://benzowise.test/en/search?near=Marfa");
        assert_eq!(on_site.absolute(None), "https://benzowise.test/search?near=Marfa");
    }
}
