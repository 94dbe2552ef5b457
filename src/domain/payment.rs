//! What a patient can pay with, and what paying oneself costs.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::limits::{MAX_INSURERS, MAX_PRICE};
use super::vocabulary::{PRIVATE_INSURANCE, SELF_PAY};
use super::{schema, vocabulary, whole_number, FieldErrors};
use crate::i18n::{Lang, Text};
use crate::t;

/// A price range as a clinician sends it: `max` must not be below `min`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PriceInput {
    /// A whole amount from 0 to 100000.
    #[schema(schema_with = schema::price, required = true)]
    #[serde(default, deserialize_with = "whole_number::optional")]
    pub min: Option<i64>,
    /// A whole amount from 0 to 100000, at least `min`.
    #[schema(schema_with = schema::price, required = true)]
    #[serde(default, deserialize_with = "whole_number::optional")]
    pub max: Option<i64>,
}

/// A checked price range, in whole units of the listing's currency.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct PriceRange {
    pub min: u32,
    pub max: u32,
}

impl PriceRange {
    /// "$150–$250", or "$150" when both ends are the same; in a currency
    /// without a symbol here, "150–250 (local currency)", in `lang`.
    pub fn display(&self, lang: Lang, country: &str) -> String {
        let amounts = if self.min == self.max { vec![self.min] } else { vec![self.min, self.max] };
        let written = amounts.iter().map(|amount| lang.count(*amount as usize));
        match currency_symbol(country) {
            Some(symbol) => written.map(|amount| format!("{symbol}{amount}")).collect::<Vec<_>>().join("–"),
            None => t!(lang, "payment-local-currency", amounts = written.collect::<Vec<_>>().join("–")),
        }
    }
}

/// The currency symbol of `country`, where one is unambiguous there.
fn currency_symbol(country: &str) -> Option<&'static str> {
    Some(match country {
        "US" | "PR" | "GU" | "VI" | "AS" | "MP" => "$",
        "CA" => "CA$",
        "AU" => "A$",
        "NZ" => "NZ$",
        "GB" | "IM" | "JE" | "GG" => "£",
        "IE" | "DE" | "FR" | "ES" | "IT" | "NL" | "BE" | "AT" | "PT" | "FI" | "GR" | "LU" | "SK" | "SI" | "EE"
        | "LV" | "LT" | "MT" | "CY" | "HR" => "€",
        _ => return None,
    })
}

/// The payment part of a listing, checked.
pub struct Payment {
    pub options: Vec<String>,
    pub insurers: Vec<String>,
    pub first_visit: Option<PriceRange>,
    pub follow_up: Option<PriceRange>,
}

/// Checks payment codes (in the vocabulary's order), insurers' names and
/// self-pay prices, naming each bad field in `errors`.
pub fn parse(
    options: Option<&[String]>,
    insurers: Option<&[String]>,
    first_visit: Option<&PriceInput>,
    follow_up: Option<&PriceInput>,
    errors: &mut FieldErrors,
) -> Payment {
    let known = |code: &str| vocabulary::find(vocabulary::PAYMENT_OPTIONS, code).map(|term| term.code);
    let found = errors.codes("payment_options", options.unwrap_or_default().iter().map(String::as_str), known);
    let options: Vec<String> = vocabulary::PAYMENT_OPTIONS
        .iter()
        .filter(|term| found.contains(&term.code))
        .map(|term| term.code.to_string())
        .collect();
    let insurers = insurer_names(insurers.unwrap_or_default(), errors);
    if !insurers.is_empty() && !options.iter().any(|code| code == PRIVATE_INSURANCE) {
        let page = Text::new("field-error-insurers-without-insurance-in-words");
        errors.add_worded("insurers", Text::new("field-error-insurers-without-insurance"), page);
    }
    let self_pay = options.iter().any(|code| SELF_PAY.contains(&code.as_str()));
    let mut price = |field: &str, input: Option<&PriceInput>| {
        let range = price_range(field, input?, errors)?;
        if !self_pay {
            let page = Text::new("field-error-prices-without-self-pay-in-words");
            errors.add_worded(field, Text::new("field-error-prices-without-self-pay"), page);
        }
        Some(range)
    };
    let first_visit = price("self_pay_first_visit", first_visit);
    let follow_up = price("self_pay_follow_up", follow_up);
    Payment { options, insurers, first_visit, follow_up }
}

fn insurer_names(names: &[String], errors: &mut FieldErrors) -> Vec<String> {
    let mut kept: Vec<String> = Vec::new();
    for name in names.iter().map(|name| name.trim()).filter(|name| !name.is_empty()) {
        let length = name.chars().count();
        if !(2..=80).contains(&length) || name.chars().any(char::is_control) {
            errors.add("insurers", Text::new("field-error-insurer-name"));
        } else if !kept.iter().any(|known| known.eq_ignore_ascii_case(name)) {
            kept.push(name.to_string());
        }
    }
    if kept.len() > MAX_INSURERS {
        errors.add("insurers", Text::new("field-error-too-many-insurers").arg("max", MAX_INSURERS.to_string()));
    }
    kept
}

fn price_range(field: &str, input: &PriceInput, errors: &mut FieldErrors) -> Option<PriceRange> {
    let mut end = |name: &str, value: Option<i64>| {
        let value = errors.require(&format!("{field}.{name}"), value)?;
        let amount = u32::try_from(value).ok().filter(|amount| i64::from(*amount) <= MAX_PRICE);
        if amount.is_none() {
            errors.add(&format!("{field}.{name}"), Text::new("field-error-price").arg("max", MAX_PRICE.to_string()));
        }
        amount
    };
    let (min, max) = (end("min", input.min), end("max", input.max));
    let (min, max) = (min?, max?);
    if min > max {
        let page = Text::new("field-error-price-below-min-in-words");
        errors.add_worded(&format!("{field}.max"), Text::new("field-error-price-below-min"), page);
        return None;
    }
    Some(PriceRange { min, max })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prices_read_in_the_listings_currency() {
        let range = PriceRange { min: 150, max: 250 };
        assert_eq!(range.display(Lang::En, "US"), "$150–$250");
        assert_eq!(range.display(Lang::En, "GB"), "£150–£250");
        assert_eq!(PriceRange { min: 90, max: 90 }.display(Lang::En, "CA"), "CA$90");
        assert_eq!(range.display(Lang::En, "JP"), "150–250 (local currency)");
        assert_eq!(PriceRange { min: 1200, max: 15000 }.display(Lang::Es, "JP"), "1200–15.000 (en moneda local)");
        assert_eq!(PriceRange { min: 1200, max: 1200 }.display(Lang::En, "US"), "$1,200");
    }
}
