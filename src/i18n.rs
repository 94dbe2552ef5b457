//! The languages people can read the site in. Every sentence a page shows is a
//! message in `locales/<code>.ftl` (Fluent), so another language is one more
//! file and one more `Lang`. Numbers and dates follow the language's own
//! conventions, which the same file states.

use std::sync::OnceLock;

use chrono::{Datelike, NaiveDate};
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

/// A language of the site.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    #[default]
    En,
    Es,
}

/// The message files, built into the binary.
const CATALOGUES: [(Lang, &str); 2] =
    [(Lang::En, include_str!("../locales/en.ftl")), (Lang::Es, include_str!("../locales/es.ftl"))];

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Es];

    /// The BCP 47 code, as in `<html lang>` and `/es/` paths.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Es => "es",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|lang| lang.code().eq_ignore_ascii_case(code))
    }

    /// The language a browser prefers most among ours, from its
    /// `Accept-Language` header ("es-MX,es;q=0.9,en;q=0.8" → Spanish).
    pub fn preferred_by(accept_language: &str) -> Option<Lang> {
        let mut ranked: Vec<(f32, Lang)> = accept_language
            .split(',')
            .filter_map(|entry| {
                let mut parts = entry.split(';');
                let tag = parts.next()?.trim();
                let primary = tag.split('-').next()?;
                let quality = parts
                    .find_map(|param| param.trim().strip_prefix("q="))
                    .map_or(Some(1.0), |q| q.trim().parse::<f32>().ok())?;
                Some((quality, Lang::from_code(primary)?)).filter(|(quality, _)| *quality > 0.0)
            })
            .collect();
        // A stable sort keeps the browser's order among equal weights.
        ranked.sort_by(|a, b| b.0.total_cmp(&a.0));
        ranked.first().map(|(_, lang)| *lang)
    }

    /// A message without arguments.
    pub fn t(self, id: impl Into<MessageId>) -> String {
        self.text(&Text::new(id))
    }

    /// A message with its arguments, in this language; in English when this
    /// language lacks it (a test keeps the files complete), or its id.
    pub fn text(self, text: &Text) -> String {
        [self, Lang::En]
            .into_iter()
            .find_map(|lang| format(catalogue(lang), text))
            .unwrap_or_else(|| text.id.to_string())
    }

    /// `value` with `decimals` digits after the separator, grouped as the
    /// language groups thousands: 1,234.5 in English, 1234,5 and 12.345,5 in Spanish.
    pub fn number(self, value: f64, decimals: usize) -> String {
        let formatted = format!("{:.*}", decimals, value.abs());
        let (whole, fraction) = formatted.split_once('.').unwrap_or((&formatted, ""));
        let group = self.t("number-group-separator");
        let min_grouping: usize = self.t("number-min-grouping-digits").parse().unwrap_or(1);
        let mut grouped = String::new();
        let group_whole = whole.len() >= 3 + min_grouping;
        for (index, digit) in whole.chars().enumerate() {
            if group_whole && index > 0 && (whole.len() - index) % 3 == 0 {
                grouped.push_str(&group);
            }
            grouped.push(digit);
        }
        let sign =
            if value < 0.0 && formatted.chars().any(|digit| digit.is_ascii_digit() && digit != '0') { "-" } else { "" };
        if fraction.is_empty() {
            format!("{sign}{grouped}")
        } else {
            format!("{sign}{grouped}{}{fraction}", self.t("number-decimal-separator"))
        }
    }

    /// A whole number, grouped as the language groups thousands.
    pub fn count(self, value: usize) -> String {
        #[expect(clippy::cast_precision_loss, reason = "counts shown on pages are far below 2^52")]
        self.number(value as f64, 0)
    }

    /// "November 28, 2026" or "28 de noviembre de 2026".
    pub fn date(self, date: NaiveDate) -> String {
        self.text(
            &Text::new("date-long").arg("day", date.day()).arg("month", self.month(date)).arg("year", date.year()),
        )
    }

    /// "November 2026" or "noviembre de 2026".
    pub fn month_year(self, date: NaiveDate) -> String {
        self.text(&Text::new("date-month-year").arg("month", self.month(date)).arg("year", date.year()))
    }

    fn month(self, date: NaiveDate) -> String {
        self.t(format!("month-{}", date.month()))
    }
}

/// A message id and its arguments, to be put into words in whichever language
/// the reader has, for example a form's field error.
#[derive(Debug, Clone, PartialEq)]
pub struct Text {
    id: &'static str,
    args: Vec<(&'static str, Arg)>,
}

/// An argument of a message. Kept as plain data, so that a `Text` (and an
/// error holding one) can cross threads; Fluent's values are built when formatting.
#[derive(Debug, Clone, PartialEq)]
pub enum Arg {
    Text(String),
    Number(f64),
    /// A number as it is written ("1.0"), whose visible decimals choose the plural form.
    WrittenNumber(String),
}

impl From<String> for Arg {
    fn from(text: String) -> Self {
        Arg::Text(text)
    }
}

impl From<&str> for Arg {
    fn from(text: &str) -> Self {
        Arg::Text(text.to_string())
    }
}

macro_rules! number_args {
    ($($number:ty),*) => {$(
        impl From<$number> for Arg {
            #[allow(clippy::cast_precision_loss, clippy::cast_lossless, reason = "numbers in messages are small")]
            fn from(number: $number) -> Self {
                Arg::Number(number as f64)
            }
        }
    )*};
}
number_args!(i32, i64, u32, u64, usize, f64);

impl Text {
    pub fn new(id: impl Into<MessageId>) -> Self {
        Self { id: id.into().0, args: Vec::new() }
    }

    /// Adds an argument: text is shown as given, numbers also choose plural forms.
    #[must_use]
    pub fn arg(mut self, name: &'static str, value: impl Into<Arg>) -> Self {
        self.args.push((name, value.into()));
        self
    }

    pub fn id(&self) -> &str {
        self.id
    }
}

/// A message id: a literal, or one built at run time (a vocabulary term's),
/// kept for the life of the process as the catalogue's ids are.
pub struct MessageId(&'static str);

impl From<&'static str> for MessageId {
    fn from(id: &'static str) -> Self {
        MessageId(id)
    }
}

impl From<String> for MessageId {
    fn from(id: String) -> Self {
        MessageId(intern(id))
    }
}

/// One copy per distinct built id; there are a few hundred at most.
fn intern(id: String) -> &'static str {
    use std::collections::HashSet;
    use std::sync::Mutex;
    static IDS: OnceLock<Mutex<HashSet<&'static str>>> = OnceLock::new();
    let mut ids = IDS.get_or_init(Mutex::default).lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    if let Some(known) = ids.get(id.as_str()) {
        return known;
    }
    let leaked: &'static str = Box::leak(id.into_boxed_str());
    ids.insert(leaked);
    leaked
}

/// The message ids of a language's file, in file order (for tests and tools).
pub fn message_ids(lang: Lang) -> Vec<String> {
    let source = CATALOGUES.iter().find(|(of, _)| *of == lang).map_or("", |(_, source)| source);
    parse(source)
        .entries()
        .filter_map(|entry| match entry {
            fluent_syntax::ast::Entry::Message(message) => Some(message.id.name.to_string()),
            _ => None,
        })
        .collect()
}

fn format(bundle: &FluentBundle<FluentResource>, text: &Text) -> Option<String> {
    let pattern = bundle.get_message(text.id)?.value()?;
    let args: FluentArgs = text
        .args
        .iter()
        .map(|(name, value)| {
            let value = match value {
                Arg::Text(text) => FluentValue::from(text.as_str()),
                Arg::Number(number) => FluentValue::from(*number),
                Arg::WrittenNumber(written) => FluentValue::try_number(written.as_str()),
            };
            (*name, value)
        })
        .collect();
    let mut errors = Vec::new();
    let formatted = bundle.format_pattern(pattern, Some(&args), &mut errors);
    if !errors.is_empty() {
        tracing::warn!(id = text.id, ?errors, "a message did not format cleanly");
    }
    Some(formatted.into_owned())
}

fn parse(source: &str) -> FluentResource {
    FluentResource::try_new(source.to_string()).unwrap_or_else(|(resource, errors)| {
        tracing::error!(?errors, "a message file has syntax errors; the entries around them are skipped");
        resource
    })
}

fn catalogue(lang: Lang) -> &'static FluentBundle<FluentResource> {
    static BUNDLES: OnceLock<Vec<(Lang, FluentBundle<FluentResource>)>> = OnceLock::new();
    let bundles = BUNDLES.get_or_init(|| {
        CATALOGUES
            .iter()
            .map(|(lang, source)| {
                let locale = lang.code().parse().unwrap_or_default();
                let mut bundle = FluentBundle::new_concurrent(vec![locale]);
                // Unicode isolation marks around arguments would end up inside HTML attributes and mail.
                bundle.set_use_isolating(false);
                if let Err(errors) = bundle.add_resource(parse(source)) {
                    tracing::error!(?errors, lang = lang.code(), "a message file repeats message ids");
                }
                (*lang, bundle)
            })
            .collect()
    });
    let index = bundles.iter().position(|(of, _)| *of == lang).unwrap_or(0);
    &bundles[index].1
}

/// A message in a language, with named arguments: `t!(lang, "results-count", count = 3)`.
/// Anything with a `text(&Text)` method serves as the language.
#[macro_export]
macro_rules! t {
    ($lang:expr, $id:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $lang.text(&$crate::i18n::Text::new($id)$(.arg(stringify!($name), $value))*)
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each message of a language's file, by id, as its source text.
    fn messages(lang: Lang) -> std::collections::BTreeMap<String, String> {
        let source = CATALOGUES.iter().find(|(of, _)| *of == lang).map_or("", |(_, source)| source);
        let resource = fluent_syntax::parser::parse(source)
            .unwrap_or_else(|(_, errors)| panic!("locales/{}.ftl has syntax errors: {errors:?}", lang.code()));
        resource
            .body
            .iter()
            .filter_map(|entry| match entry {
                fluent_syntax::ast::Entry::Message(message) => {
                    Some((message.id.name.to_string(), format!("{:?}", message.value)))
                }
                _ => None,
            })
            .collect()
    }

    /// Names that read the same in every language; everything else must be translated.
    const SAME_IN_EVERY_LANGUAGE: &[&str] =
        &["vocab-payment-medicare", "vocab-payment-medicaid", "search-place-with-code", "phone-kind-fax"];

    /// Place and language names that many languages share ("Chile", "Texas").
    const NAMES: [&str; 3] = ["country-", "region-", "language-"];

    #[test]
    fn every_language_has_every_message_and_translates_it() {
        let english = messages(Lang::En);
        assert!(english.len() > 100, "the English catalogue has the site's messages");
        for lang in Lang::ALL {
            let translated = messages(lang);
            let missing: Vec<_> = english.keys().filter(|id| !translated.contains_key(*id)).collect();
            let extra: Vec<_> = translated.keys().filter(|id| !english.contains_key(*id)).collect();
            assert!(missing.is_empty(), "locales/{}.ftl lacks {missing:?}", lang.code());
            assert!(extra.is_empty(), "locales/{}.ftl has ids English lacks: {extra:?}", lang.code());
            if lang == Lang::En {
                continue;
            }
            let untranslated: Vec<_> = english
                .iter()
                .filter(|(id, source)| translated.get(*id) == Some(source))
                .map(|(id, _)| id.as_str())
                .filter(|id| !SAME_IN_EVERY_LANGUAGE.contains(id) && !NAMES.iter().any(|name| id.starts_with(name)))
                .collect();
            assert!(
                untranslated.is_empty(),
                "locales/{}.ftl leaves these as in English: {untranslated:?}",
                lang.code()
            );
        }
    }

    #[test]
    fn browsers_choose_by_weight_and_order() {
        assert_eq!(Lang::preferred_by("es-MX,es;q=0.9,en;q=0.8"), Some(Lang::Es));
        assert_eq!(Lang::preferred_by("fr-FR,fr;q=0.9,en;q=0.5,es;q=0.7"), Some(Lang::Es));
        assert_eq!(Lang::preferred_by("en-US,en;q=0.9"), Some(Lang::En));
        assert_eq!(Lang::preferred_by("es;q=0,de"), None);
        assert_eq!(Lang::preferred_by("*"), None);
        assert_eq!(Lang::preferred_by(""), None);
    }

    #[test]
    fn numbers_follow_the_language() {
        assert_eq!(Lang::En.number(3.24, 1), "3.2");
        assert_eq!(Lang::Es.number(3.24, 1), "3,2");
        assert_eq!(Lang::En.number(1234.5, 1), "1,234.5");
        assert_eq!(Lang::Es.number(1234.5, 1), "1234,5");
        assert_eq!(Lang::Es.number(12345.0, 0), "12.345");
        assert_eq!(Lang::En.count(1_000_000), "1,000,000");
        assert_eq!(Lang::En.number(-0.01, 1), "0.0");
    }

    #[test]
    fn dates_follow_the_language() {
        let date = NaiveDate::from_ymd_opt(2026, 11, 28).unwrap_or_default();
        assert_eq!(Lang::En.date(date), "November 28, 2026");
        assert_eq!(Lang::Es.date(date), "28 de noviembre de 2026");
        assert_eq!(Lang::Es.month_year(date), "noviembre de 2026");
    }

    #[test]
    fn arguments_choose_plural_forms() {
        assert!(t!(Lang::En, "error-too-many", minutes = 1).ends_with("in 1 minute."));
        assert!(t!(Lang::Es, "error-too-many", minutes = 3).ends_with("en 3 minutos."));
    }
}
