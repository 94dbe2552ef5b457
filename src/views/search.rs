//! The search form and its results.

use maud::{html, Markup};

use super::layout::{field_error, page, Footer, LINK};
use super::locale::Locale;
use super::map::{self, DistanceUnit};
use super::words;
use crate::assets::Asset;
use crate::domain::vocabulary::{self, CRITERIA, PAYMENT_OPTIONS, PROFESSIONS, SPECIALTIES, TAPER_APPROACHES};
use crate::error::FieldError;
use crate::i18n::Text;
use crate::places::iso;
use crate::search::index::{SearchPage, SearchResult};
use crate::search::query::{SearchParams, SearchQuery};
use crate::t;

const RADII_MILES: &[u32] = &[5, 10, 25, 50, 100, 200, 300];
/// The languages the form offers, the most spoken in US homes first.
const COMMON_LANGUAGES: &[&str] = &["en", "es", "fr", "zh", "vi", "ko", "ar", "ru", "pt", "de", "hi", "tl"];

fn error_for(locale: &Locale, errors: &[FieldError], field: &str) -> Option<String> {
    errors.iter().find(|e| e.field == field).map(|e| e.message_in(locale.lang))
}

fn checkbox(name: &str, value: &str, label: &str, params: &SearchParams) -> Markup {
    let id = format!("{name}-{value}");
    html! {
        label.choice for=(id) {
            input type="checkbox" id=(id) name=(name) value=(value) checked[params.all(name).contains(&value)];
            span { (label) }
        }
    }
}

/// A select whose empty first option means "any".
fn any_of(locale: &Locale, name: &str, label: &str, options: &[(&str, String)], params: &SearchParams) -> Markup {
    html! {
        div {
            label for=(name) { (label) }
            select id=(name) name=(name) {
                option value="" { (t!(locale, "search-form-any")) }
                @for (code, text) in options {
                    option value=(code) selected[params.get(name) == Some(*code)] { (text) }
                }
            }
        }
    }
}

/// The search form, keeping what was sent and showing errors beside fields.
/// It works without JavaScript; `static/locate.js` takes the words of its
/// optional "use my location" button from the form's `data-` attributes.
pub fn form(locale: &Locale, params: &SearchParams, errors: &[FieldError]) -> Markup {
    let lang = locale.lang;
    let professions: Vec<(&str, String)> = PROFESSIONS.iter().map(|p| (p.code, p.label(lang))).collect();
    let specialties: Vec<(&str, String)> = SPECIALTIES.iter().map(|s| (s.code, s.label(lang))).collect();
    let languages: Vec<(&str, String)> =
        COMMON_LANGUAGES.iter().map(|code| (*code, words::language(lang, code))).collect();
    let licensed_in = params.get("licensed_in").map(str::to_ascii_uppercase);
    let near_error =
        error_for(locale, errors, "near").or(error_for(locale, errors, "lat")).or(error_for(locale, errors, "lon"));
    let radius_error = error_for(locale, errors, "radius_mi").or(error_for(locale, errors, "radius_km"));
    let licensed_in_error = error_for(locale, errors, "licensed_in");
    let radius = params.get("radius").unwrap_or("25");
    let unit = params.get("unit").unwrap_or("mi");
    html! {
        form.stack method="get" action=(locale.href("/search")) role="search" aria-label=(t!(locale, "search-form-label"))
            data-locate=(t!(locale, "search-form-locate")) data-locating=(t!(locale, "search-form-locating"))
            data-locate-failed=(t!(locale, "search-form-locate-failed")) {
            div {
                label for="near" { (t!(locale, "search-form-near")) span.hint { (t!(locale, "search-form-near-hint")) } }
                input type="text" id="near" name="near" value=[params.get("near")] autocomplete="postal-code"
                    aria-invalid=[near_error.as_ref().map(|_| "true")] aria-describedby=[near_error.as_ref().map(|_| "near-error")];
                (field_error("near", near_error.as_deref()))
            }
            div.row {
                div {
                    label for="radius" { (t!(locale, "search-form-within")) }
                    select id="radius" name="radius" {
                        @for miles in RADII_MILES {
                            option value=(miles) selected[radius == miles.to_string()] { (lang.count(*miles as usize)) }
                        }
                    }
                    (field_error("radius_mi", radius_error.as_deref()))
                }
                div {
                    label for="unit" { (t!(locale, "search-form-unit")) }
                    select id="unit" name="unit" {
                        option value="mi" selected[unit == "mi"] { (t!(locale, "search-form-unit-miles")) }
                        option value="km" selected[unit == "km"] { (t!(locale, "search-form-unit-kilometres")) }
                    }
                }
            }
            details open[params.pairs.len() > 3] {
                summary { (t!(locale, "search-form-more")) }
                div.row {
                    (any_of(locale, "profession", &t!(locale, "search-form-profession"), &professions, params))
                    (any_of(locale, "specialty", &t!(locale, "search-form-specialty"), &specialties, params))
                    (any_of(locale, "language", &t!(locale, "search-form-language"), &languages, params))
                }
                fieldset {
                    legend { (t!(locale, "search-form-must-offer")) }
                    div.choices {
                        (checkbox("prescriber", "true", &t!(locale, "search-form-prescriber"), params))
                        (checkbox("telehealth", "true", &t!(locale, "search-form-telehealth"), params))
                        (checkbox("accepting", "true", &t!(locale, "search-form-accepting"), params))
                    }
                    div {
                        label for="licensed_in" { (t!(locale, "search-form-licensed-in")) span.hint { (t!(locale, "search-form-licensed-in-hint")) } }
                        select id="licensed_in" name="licensed_in" aria-invalid=[licensed_in_error.as_ref().map(|_| "true")] {
                            option value="" { (t!(locale, "search-form-anywhere")) }
                            @for country in iso::REGION_COUNTRIES {
                                optgroup label=(words::country(lang, country)) {
                                    @for (code, name) in words::regions_of(lang, country) {
                                        option value=(code) selected[licensed_in.as_deref() == Some(code)] { (name) }
                                    }
                                }
                            }
                        }
                        (field_error("licensed_in", licensed_in_error.as_deref()))
                    }
                }
                fieldset {
                    legend { (t!(locale, "search-form-payment")) }
                    div.choices { @for option in PAYMENT_OPTIONS { (checkbox("payment", option.code, &option.label(lang), params)) } }
                }
                fieldset {
                    legend { (t!(locale, "search-form-approaches")) }
                    div.choices { @for approach in TAPER_APPROACHES { (checkbox("approach", approach.code, &words::approach_name(lang, approach.code), params)) } }
                }
                fieldset {
                    legend { (t!(locale, "search-form-criteria")) }
                    div.choices { @for criterion in CRITERIA { (checkbox("criteria", criterion.code, &criterion.label(lang), params)) } }
                }
            }
            div { button type="submit" { (t!(locale, "search-form-submit")) } }
        }
        script src=(Asset::LocateScript.path()) defer {}
    }
}

pub fn home(locale: &Locale, params: &SearchParams) -> Markup {
    let title = t!(locale, "search-home-title");
    page(
        locale,
        &title,
        Footer::default(),
        html! {
            h1 { (title) }
            p.lead { (t!(locale, "search-home-lead")) }
            (form(locale, params, &[]))
        },
    )
}

fn page_link(locale: &Locale, params: &SearchParams, offset: usize) -> String {
    let mut query = url::form_urlencoded::Serializer::new(String::new());
    for (name, value) in params.pairs.iter().filter(|(name, _)| name != "offset") {
        query.append_pair(name, value);
    }
    query.append_pair("offset", &offset.to_string());
    locale.href(&format!("/search?{}", query.finish()))
}

/// The unit the searcher chose: the form's `unit`, or `radius_km` as the API
/// takes it; miles otherwise, as the form's default.
fn chosen_unit(params: &SearchParams) -> DistanceUnit {
    if params.get("unit") == Some("km") || params.get("radius_km").is_some() {
        DistanceUnit::Kilometres
    } else {
        DistanceUnit::Miles
    }
}

/// What a search from a place that found few adds, so the patient need not
/// search again: the nearest matches beyond the radius, and the telehealth
/// clinicians licensed in the place's region (`None` when it is unknown).
#[derive(Default)]
pub struct Nearby<'a> {
    pub beyond: Option<&'a SearchPage<'a>>,
    pub licensed_here: Option<(&'a str, &'a SearchPage<'a>)>,
}

/// A sentence with one phrase in bold: the message takes `LINK` where the phrase goes.
fn sentence_with_strong(sentence: &str, phrase: &str) -> Markup {
    let (before, after) = sentence.split_once(LINK).unwrap_or((sentence, ""));
    html! { (before) strong { (phrase) } (after) }
}

pub fn results(
    locale: &Locale,
    params: &SearchParams,
    query: &SearchQuery,
    page_of_results: &SearchPage,
    nearby: &Nearby,
) -> Markup {
    let lang = locale.lang;
    let shows_demo = [Some(page_of_results), nearby.beyond, nearby.licensed_here.map(|(_, page)| page)]
        .into_iter()
        .flatten()
        .any(|page| page.results.iter().any(|result| result.demo));
    let place = query.center.as_ref().map(|center| center.label.clone());
    let heading = match &place {
        Some(label) => t!(locale, "search-results-near", place = label.clone()),
        None => t!(
            locale,
            "search-results-licensed",
            region = words::region(lang, query.licensed_in.as_deref().unwrap_or(""))
        ),
    };
    let first = query.offset + 1;
    let last = query.offset + page_of_results.results.len();
    let total = page_of_results.total;
    let showing = Text::new(if place.is_some() { "search-results-showing-nearest" } else { "search-results-showing" })
        .arg("first", lang.count(first))
        .arg("last", lang.count(last))
        .arg("count", total)
        .arg("total", lang.count(total));
    let showing = locale.text(&showing);
    let body = html! {
        h1 { (heading) }
        p aria-live="polite" {
            @if total == 0 { (t!(locale, "search-results-none")) } @else { (showing) }
        }
        @if total == 0 {
            div.notice {
                p { (t!(locale, "search-results-empty-intro")) }
                ul {
                    li { (t!(locale, "search-results-empty-larger")) }
                    li { (t!(locale, "search-results-empty-fewer")) }
                    @if nearby.licensed_here.is_none() {
                        li {
                            (sentence_with_strong(
                                &t!(locale, "search-results-empty-telehealth", telehealth = LINK),
                                &t!(locale, "search-results-empty-telehealth-word"),
                            ))
                        }
                    }
                }
            }
        }
        div.results.with-map[query.center.is_some()] {
            (map::results_map(locale, query, page_of_results, chosen_unit(params)))
            ol.cards start=(first) {
                @for result in &page_of_results.results { li.card { (card(locale, result)) } }
            }
        }
        nav.pager aria-label=(t!(locale, "search-pager-label")) {
            @if query.offset > 0 {
                a href=(page_link(locale, params, query.offset.saturating_sub(query.limit))) { "← " (t!(locale, "search-pager-nearer")) }
            } @else { span {} }
            @if last < total {
                a href=(page_link(locale, params, last)) { (t!(locale, "search-pager-more")) " →" }
            }
        }
        (nearby_sections(locale, params, nearby))
        h2 { (t!(locale, "search-again")) }
        (form(locale, params, &[]))
    };
    page(locale, &heading, Footer { shows_demo }, body)
}

/// The sections a search that found few adds below its results.
fn nearby_sections(locale: &Locale, params: &SearchParams, nearby: &Nearby) -> Markup {
    html! {
        @if let Some(beyond) = nearby.beyond {
            section aria-labelledby="beyond" {
                h2 #beyond { (t!(locale, "search-beyond-heading")) }
                @if beyond.results.is_empty() {
                    p { (t!(locale, "search-beyond-none")) }
                } @else {
                    p { (t!(locale, "search-beyond-intro")) }
                    ul.cards { @for result in &beyond.results { li.card { (card(locale, result)) } } }
                }
            }
        }
        @if let Some((region, licensed)) = nearby.licensed_here {
            @let region_name = words::region(locale.lang, region);
            section aria-labelledby="licensed-here" {
                h2 #licensed-here { (t!(locale, "search-licensed-heading", region = region_name.clone())) }
                @if licensed.results.is_empty() {
                    p { (t!(locale, "search-licensed-none", region = region_name.clone())) }
                } @else {
                    p { (t!(locale, "search-licensed-intro")) }
                    ul.cards { @for result in &licensed.results { li.card { (card(locale, result)) } } }
                    p {
                        a href=(licensed_link(locale, params, region)) {
                            (t!(locale, "search-licensed-all", count = licensed.total, total = locale.lang.count(licensed.total), region = region_name.clone()))
                        }
                    }
                }
            }
        }
    }
}

/// The search for every telehealth clinician licensed in `region`, keeping the patient's other choices.
fn licensed_link(locale: &Locale, params: &SearchParams, region: &str) -> String {
    const PLACE_PARAMETERS: [&str; 10] =
        ["near", "lat", "lon", "radius", "unit", "radius_km", "radius_mi", "offset", "licensed_in", "telehealth"];
    let mut query = url::form_urlencoded::Serializer::new(String::new());
    for (name, value) in params.pairs.iter().filter(|(name, _)| !PLACE_PARAMETERS.contains(&name.as_str())) {
        query.append_pair(name, value);
    }
    query.append_pair("telehealth", "true").append_pair("licensed_in", region);
    locale.href(&format!("/search?{}", query.finish()))
}

/// One result as a card: name, kind of clinician, distance and place, how they see patients, how they taper.
fn card(locale: &Locale, result: &SearchResult) -> Markup {
    let lang = locale.lang;
    let payment = if result.payment_options.iter().next().is_none() {
        t!(locale, "search-card-payment-ask")
    } else {
        result
            .payment_options
            .iter()
            .map(|code| {
                vocabulary::find(PAYMENT_OPTIONS, code).map_or_else(|| code.to_string(), |term| term.label(lang))
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    html! {
        h2 { a href=(locale.href(&format!("/clinicians/{}", result.id))) { (result.full_name) @if let Some(credentials) = result.credentials { ", " (credentials) } } }
        p {
            @if result.demo { span.badge.demo { (t!(locale, "search-card-demo")) } }
            @if result.prescriber {
                span.badge.strong { (t!(locale, "search-card-prescriber")) }
            } @else {
                span.badge { (t!(locale, "search-card-not-prescriber")) }
            }
            (vocabulary::profession(result.profession).map(|p| p.label(lang)).unwrap_or_default())
        }
        p.meta {
            @if let (Some(km), Some(mi)) = (result.distance_km, result.distance_mi) {
                (t!(locale, "search-card-distance", miles = lang.number(mi, 1), km = lang.number(km, 1))) " · "
            }
            (words::place(lang, result.city, result.region, result.country))
        }
        p {
            (if result.telehealth { t!(locale, "search-card-telehealth") } else { t!(locale, "search-card-in-person") }) " · "
            (if result.accepting_new_patients { t!(locale, "search-card-accepting") } else { t!(locale, "search-card-not-accepting") })
        }
        p { (t!(locale, "search-card-payment", options = payment)) }
        @if let Some(day) = result.confirmed_on { p.meta { (t!(locale, "search-card-confirmed", month = lang.month_year(day))) } }
        @if result.taper_approaches.iter().next().is_some() {
            h3 { (t!(locale, "search-card-approaches")) }
            ul.tags { @for code in result.taper_approaches.iter() { li { (words::approach_name(lang, code)) } } }
        }
        @if result.criteria.iter().next().is_some() {
            h3 { (t!(locale, "search-card-practices")) }
            ul.tags { @for code in result.criteria.iter() { li { (vocabulary::find(CRITERIA, code).map_or_else(|| code.to_string(), |t| t.label(lang))) } } }
        }
    }
}

pub fn with_errors(locale: &Locale, params: &SearchParams, errors: &[FieldError]) -> Markup {
    let title = t!(locale, "search-check-title");
    page(
        locale,
        &title,
        Footer::default(),
        html! {
            h1 { (title) }
            div.errors role="alert" {
                h2 { (t!(locale, "search-check-heading")) }
                ul {
                    @for error in errors {
                        li { a href=(format!("#{}", anchor(&error.field))) { (label(locale, &error.field)) ": " (error.message_in(locale.lang)) } }
                    }
                }
            }
            (form(locale, params, errors))
        },
    )
}

/// A field's name in an error list; a parameter without a control of its own
/// (one typed into the address) is named as it was typed.
fn label(locale: &Locale, field: &str) -> String {
    match field {
        "near" | "lat" | "lon" => t!(locale, "search-field-place"),
        "radius_km" | "radius_mi" => t!(locale, "search-field-distance"),
        "licensed_in" => t!(locale, "search-field-licensed-in"),
        "approach" => t!(locale, "search-field-approaches"),
        "criteria" => t!(locale, "search-field-practices"),
        "payment" => t!(locale, "search-field-payment"),
        other => other.to_string(),
    }
}

/// The form control a parameter's error should link to.
fn anchor(field: &str) -> &str {
    match field {
        "lat" | "lon" => "near",
        "radius_km" | "radius_mi" => "radius",
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn the_ways_to_pay_chosen_stay_ticked() {
        let params = SearchParams::from_query_string("near=97201&payment=medicaid&payment=sliding_scale");
        let form = form(&Locale::english(), &params, &[]).into_string();
        for option in PAYMENT_OPTIONS {
            let ticked = ["medicaid", "sliding_scale"].contains(&option.code);
            let checkbox =
                format!(r#"name="payment" value="{}"{}>"#, option.code, if ticked { " checked" } else { "" });
            assert!(form.contains(&checkbox), "{checkbox}");
            assert!(form.contains(&option.label(Lang::En)));
        }
    }

    #[test]
    fn the_script_takes_its_words_from_the_form() {
        let spanish = form(&Locale::new(Lang::Es, true, "/"), &SearchParams::from_query_string(""), &[]).into_string();
        assert!(spanish.contains(r#"action="/es/search""#), "{spanish}");
        assert!(spanish.contains(&format!(r#"data-locate="{}""#, Lang::Es.t("search-form-locate"))));
        assert!(spanish.contains(&format!(r#"data-locate-failed="{}""#, Lang::Es.t("search-form-locate-failed"))));
    }

    #[test]
    fn spanish_results_keep_the_language_and_its_decimal_comma() {
        use crate::domain::listing::ListingSummary;
        use crate::places::Gazetteer;
        use crate::search::index::SearchIndex;

        let locale = Locale::new(Lang::Es, true, "/search?near=97201");
        let params = SearchParams::from_query_string("near=97201");
        let Ok(query) = SearchQuery::parse(&params, Gazetteer::shared()) else { panic!("97201 is a ZIP code") };
        let center = query.center.as_ref().map_or((0.0, 0.0), |center| (center.lat, center.lon));
        let index = SearchIndex::new();
        let confirmed_on = chrono::NaiveDate::from_ymd_opt(2026, 11, 28);
        index.upsert(
            7,
            &ListingSummary { confirmed_on, ..ListingSummary::example("Dr. Ana Ruiz", center.0 + 0.05, center.1) },
        );
        let (page, distance) = index.search_with(&query, |found| {
            let result = &found.results[0];
            let (miles, km) = (result.distance_mi.unwrap_or_default(), result.distance_km.unwrap_or_default());
            let distance = format!("a {} millas ({} km)", Lang::Es.number(miles, 1), Lang::Es.number(km, 1));
            (results(&locale, &params, &query, &found, &Nearby::default()).into_string(), distance)
        });
        assert!(page.contains(&Lang::Es.t("search-again")), "a Spanish sentence");
        assert!(page.contains("Resultados 1–1 de 1 profesional, primero los más cercanos."), "{page}");
        assert!(distance.contains(',') && page.contains(&distance), "a decimal comma: {distance}");
        assert!(page.contains("noviembre de 2026"), "the month the clinician confirmed, in Spanish");
        assert!(
            page.contains(r#"href="/es/clinicians/7""#) && page.contains(r#"action="/es/search""#),
            "links keep /es/"
        );
        assert!(!page.contains(r#"href="/clinicians/"#), "no link drops the language");
    }
}
