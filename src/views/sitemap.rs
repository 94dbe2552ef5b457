//! robots.txt and the sitemaps, as search engines read them.

use chrono::{DateTime, SecondsFormat, Utc};

use super::head::PRIVATE_PATHS;
use crate::i18n::Lang;

/// The public pages that are not profiles, each listed in every language.
const PAGES: [&str; 3] = ["/", "/questions", "/submit"];

/// Text as XML character data or an attribute value.
fn xml(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// `robots.txt`: the private pages disallowed, in every language, and the
/// sitemap named.
pub fn robots(site: &str) -> String {
    let mut text = String::from("User-agent: *\n");
    for path in PRIVATE_PATHS {
        text.push_str(&format!("Disallow: {path}\n"));
        for lang in Lang::ALL {
            text.push_str(&format!("Disallow: /{}{path}\n", lang.code()));
        }
    }
    text.push_str(&format!("\nSitemap: {site}/sitemap.xml\n"));
    text
}

/// The sitemap index: the pages' sitemap and `profile_files` of profiles.
pub fn index(site: &str, profile_files: usize) -> String {
    let mut text = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    let files = std::iter::once("pages".to_string()).chain((1..=profile_files).map(|n| format!("clinicians-{n}")));
    for file in files {
        text.push_str(&format!("<sitemap><loc>{}</loc></sitemap>\n", xml(&format!("{site}/sitemaps/{file}.xml"))));
    }
    text.push_str("</sitemapindex>\n");
    text
}

pub const URLSET_START: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n";
pub const URLSET_END: &str = "</urlset>\n";

/// The `<url>` entries of one page, one for each language, each naming the
/// others as alternates.
pub fn page_urls(site: &str, path: &str, changed: Option<DateTime<Utc>>) -> String {
    let address = |lang: Option<Lang>| match lang {
        Some(lang) => xml(&format!("{site}/{}{path}", lang.code())),
        None => xml(&format!("{site}{path}")),
    };
    let mut alternates: String = Lang::ALL
        .iter()
        .map(|lang| {
            format!("<xhtml:link rel=\"alternate\" hreflang=\"{}\" href=\"{}\"/>", lang.code(), address(Some(*lang)))
        })
        .collect();
    alternates.push_str(&format!("<xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"{}\"/>", address(None)));
    let lastmod = changed.map(|time| format!("<lastmod>{}</lastmod>", time.to_rfc3339_opts(SecondsFormat::Secs, true)));
    Lang::ALL
        .iter()
        .map(|lang| {
            format!("<url><loc>{}</loc>{}{alternates}</url>\n", address(Some(*lang)), lastmod.as_deref().unwrap_or(""))
        })
        .collect()
}

/// The sitemap of the pages that are not profiles.
pub fn pages(site: &str) -> String {
    let urls: String = PAGES.iter().map(|path| page_urls(site, path, None)).collect();
    format!("{URLSET_START}{urls}{URLSET_END}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn robots_disallows_the_private_pages_in_every_language_and_names_the_sitemap() {
        let robots = robots("https://benzowise.test");
        for line in ["Disallow: /moderate", "Disallow: /es/manage", "Disallow: /en/clinicians/*/claim"] {
            assert!(robots.lines().any(|l| l == line), "{line} in {robots}");
        }
        assert!(robots.ends_with("Sitemap: https://benzowise.test/sitemap.xml\n"));
    }

    #[test]
    fn addresses_are_escaped_as_xml() {
        let urls = page_urls("https://x.test/a&b", "/", None);
        assert!(urls.contains("https://x.test/a&amp;b/en/") && !urls.contains("a&b"), "{urls}");
    }
}
