//! The search form and its results.

use maud::{html, Markup};

use super::choices;
use super::layout::{field_error, page, Footer, LINK};
use super::locale::Locale;
use super::map::{self, DistanceUnit};
use super::urgent;
use super::words;
use crate::assets::Asset;
use crate::domain::vocabulary::{self, CRITERIA, PAYMENT_OPTIONS, PROFESSIONS, SPECIALTIES, TAPER_APPROACHES};
use crate::error::FieldError;
use crate::i18n::Text;
use crate::places::{iso, Gazetteer, Place};
use crate::search::index::{SearchPage, SearchResult};
use crate::search::query::{SearchParams, SearchQuery, MAX_RADIUS_KM};
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

/// How much of the search form a page shows at first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// The home and error pages: the more choices open once several are made.
    Full,
    /// Above results: place, distance and the button in one row, the other
    /// choices folded under a count of those made.
    Compact,
}

/// The search form, keeping what was sent and showing errors beside fields.
/// It works without JavaScript; `static/locate.js` takes the words of its
/// optional "use my location" button from the form's `data-` attributes, and
/// `static/suggest.js` offers places while typing from `/api/v1/places`.
pub fn form(locale: &Locale, params: &SearchParams, errors: &[FieldError], layout: Layout) -> Markup {
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
    let chosen = choices::chosen(locale, params).len();
    let more = if layout == Layout::Compact && chosen > 0 {
        t!(locale, "search-form-more-chosen", count = chosen, total = lang.count(chosen))
    } else {
        t!(locale, "search-form-more")
    };
    let submit = if layout == Layout::Compact { t!(locale, "search-again") } else { t!(locale, "search-form-submit") };
    html! {
        form.stack.compact[layout == Layout::Compact] method="get" action=(locale.href("/search")) role="search" aria-label=(t!(locale, "search-form-label"))
            data-locate=(t!(locale, "search-form-locate")) data-locating=(t!(locale, "search-form-locating"))
            data-locate-failed=(t!(locale, "search-form-locate-failed")) {
            div.place {
                label for="near" {
                    (t!(locale, "search-form-near"))
                    @if layout == Layout::Full { span.hint { (t!(locale, "search-form-near-hint")) } }
                }
                input type="text" id="near" name="near" value=[params.get("near")] autocomplete="postal-code" list="near-suggestions"
                    aria-invalid=[near_error.as_ref().map(|_| "true")] aria-describedby=[near_error.as_ref().map(|_| "near-error")];
                datalist #near-suggestions {}
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
            @if layout == Layout::Compact { div.go { button type="submit" { (submit) } } }
            details open[layout == Layout::Full && params.pairs.len() > 3] {
                summary { (more) }
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
            @if layout == Layout::Full { div { button type="submit" { (submit) } } }
        }
        script src=(Asset::LocateScript.path()) defer {}
        script src=(Asset::SuggestScript.path()) defer {}
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
            (form(locale, params, &[], Layout::Full))
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

/// What a search from a place adds below its results, so the patient need
/// not search again: the nearest matches beyond the radius (when it found
/// few), and the telehealth clinicians licensed in the place's region (when
/// it found few, or telehealth was ticked).
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

/// The place a search was centred on as the page names it: "Marfa, Texas",
/// "Marfa, Texas (79843)" for a postal code, the nearest town for a point.
pub fn place_name(locale: &Locale, params: &SearchParams, center: &Place) -> String {
    // A town's label names its region ("Portland, OR"); a postal code's does not.
    let postal_code = params.get("near").is_some() && !center.label.contains(", ");
    let town = match &center.town {
        Some(_) => Some(center.clone()),
        None => Gazetteer::shared().town_near(center.lat, center.lon, center.region.as_deref()),
    };
    let Some(town) = town else { return center.label.clone() };
    let lang = locale.lang;
    let within = match (&town.region, &town.country) {
        (Some(region), _) => words::region(lang, region),
        (None, Some(country)) => words::country(lang, country),
        (None, None) => String::new(),
    };
    let name = [town.town.clone().unwrap_or_default(), within].into_iter().filter(|part| !part.is_empty());
    let name = name.collect::<Vec<_>>().join(", ");
    if postal_code {
        t!(locale, "search-place-with-code", place = name, code = center.label.clone())
    } else {
        name
    }
}

/// The country whose urgent help a page about `center` shows.
fn country_of(center: &Place) -> Option<&str> {
    center.country.as_deref().or_else(|| center.region.as_deref().and_then(|region| region.get(..2)))
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
    let place = query.center.as_ref().map(|center| place_name(locale, params, center));
    let heading = match &place {
        Some(name) => t!(locale, "search-results-near", place = name.clone()),
        None => t!(
            locale,
            "search-results-licensed",
            region = words::region(lang, query.licensed_in.as_deref().unwrap_or(""))
        ),
    };
    let country = query.center.as_ref().and_then(country_of);
    let first = query.offset + 1;
    let last = query.offset + page_of_results.results.len();
    let total = page_of_results.total;
    let showing = Text::new(if place.is_some() { "search-results-showing-nearest" } else { "search-results-showing" })
        .arg("first", lang.count(first))
        .arg("last", lang.count(last))
        .arg("count", total)
        .arg("total", lang.count(total));
    let showing = locale.text(&showing);
    let back = back_query(params);
    let body = html! {
        h1 { (heading) }
        (urgent::help(locale, country, "urgent-help"))
        (form(locale, params, &[], Layout::Compact))
        (choices::chips(locale, params))
        p aria-live="polite" {
            @if total == 0 { (t!(locale, "search-results-none")) } @else { (showing) }
        }
        @if total == 0 {
            (none_near(locale, params, query, nearby))
            // Telehealth licensed there first: distance does not keep them away.
            (licensed_section(locale, params, nearby, &[], &back))
            @if nearby.beyond.is_some() { (beyond_section(locale, &beyond_shown(nearby, &licensed_shown(nearby, &[])), &back)) }
            // On a wide screen only, below: a phone's first screen is for what can help.
            div.map-without-results { (map::results_map(locale, query, page_of_results, chosen_unit(params), place.as_deref().unwrap_or(""))) }
        } @else {
            div.results.with-map[query.center.is_some()] {
                (map::results_map(locale, query, page_of_results, chosen_unit(params), place.as_deref().unwrap_or("")))
                ol.cards start=(first) {
                    @for result in &page_of_results.results { li.card { (card(locale, result, &back)) } }
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
            @let beyond = beyond_shown(nearby, &page_of_results.results.iter().collect::<Vec<_>>());
            @if nearby.beyond.is_some() { (beyond_section(locale, &beyond, &back)) }
            @let above: Vec<&SearchResult> = page_of_results.results.iter().chain(beyond.iter().copied()).collect();
            (licensed_section(locale, params, nearby, &above, &back))
        }
    };
    page(locale, &heading, Footer { shows_demo, country }, body)
}

/// What a patient can change when nobody matches, naming what they chose.
fn none_near(locale: &Locale, params: &SearchParams, query: &SearchQuery, nearby: &Nearby) -> Markup {
    let chosen = choices::chosen(locale, params);
    html! {
        div.notice {
            p { (t!(locale, "search-results-empty-intro")) }
            ul {
                @if query.center.is_some() && query.radius_km < MAX_RADIUS_KM {
                    li { (t!(locale, "search-results-empty-larger")) }
                }
                @if chosen.is_empty() {
                    li { (t!(locale, "search-results-empty-none-chosen")) }
                } @else {
                    li { (t!(locale, "search-results-empty-remove")) " " (chosen.iter().map(|(_, name)| name.as_str()).collect::<Vec<_>>().join("; ")) }
                }
                @if nearby.licensed_here.is_none() && query.telehealth != Some(true) {
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
}

/// The nearest matches beyond the radius that the page does not list already.
fn beyond_shown<'a>(nearby: &'a Nearby, listed: &[&SearchResult]) -> Vec<&'a SearchResult<'a>> {
    let Some(beyond) = nearby.beyond else { return Vec::new() };
    let new = beyond.results.iter().filter(|result| !listed.iter().any(|shown| shown.id == result.id));
    new.take(NEAREST_BEYOND).collect()
}

/// The telehealth clinicians licensed in the region that the page does not list already.
fn licensed_shown<'a>(nearby: &'a Nearby, listed: &[&SearchResult]) -> Vec<&'a SearchResult<'a>> {
    let Some((_, licensed)) = nearby.licensed_here else { return Vec::new() };
    let new = licensed.results.iter().filter(|result| !listed.iter().any(|shown| shown.id == result.id));
    new.take(LICENSED_SHOWN).collect()
}

/// The nearest matches beyond the radius, when the search found few within it.
fn beyond_section(locale: &Locale, beyond: &[&SearchResult], back: &str) -> Markup {
    html! {
        section aria-labelledby="beyond" {
            h2 #beyond { (t!(locale, "search-beyond-heading")) }
            @if beyond.is_empty() {
                p { (t!(locale, "search-beyond-none")) }
            } @else {
                p { (t!(locale, "search-beyond-intro")) }
                ul.cards { @for result in beyond { li.card { (card(locale, result, back)) } } }
            }
        }
    }
}

/// The telehealth clinicians licensed in the searched place's region, less
/// those the page lists above.
fn licensed_section(
    locale: &Locale,
    params: &SearchParams,
    nearby: &Nearby,
    above: &[&SearchResult],
    back: &str,
) -> Markup {
    let Some((region, licensed)) = nearby.licensed_here else { return html! {} };
    let new = licensed_shown(nearby, above);
    let licensed_there =
        |result: &&&SearchResult| result.telehealth && result.licensed_regions.iter().any(|code| code == region);
    let already = above.iter().filter(licensed_there).count();
    let region_name = words::region(locale.lang, region);
    let count = |id: &'static str, count: usize| {
        locale.text(
            &Text::new(id)
                .arg("count", count)
                .arg("total", locale.lang.count(count))
                .arg("region", region_name.clone()),
        )
    };
    html! {
        section aria-labelledby="licensed-here" {
            h2 #licensed-here { (t!(locale, "search-licensed-heading", region = region_name.clone())) }
            @if licensed.total == 0 {
                p { (t!(locale, "search-licensed-none", region = region_name.clone())) }
            } @else {
                p { (count("search-licensed-count", licensed.total)) " " (t!(locale, "search-licensed-intro")) }
                @if already > 0 { p { (count("search-licensed-above", already)) } }
                @if !new.is_empty() {
                    ul.cards { @for result in new { li.card { (card(locale, result, back)) } } }
                }
                p {
                    a href=(licensed_link(locale, params, region)) {
                        (t!(locale, "search-licensed-all", count = licensed.total, total = locale.lang.count(licensed.total), region = region_name.clone()))
                    }
                }
            }
        }
    }
}

/// How many of the nearest beyond the radius a results page lists.
pub const NEAREST_BEYOND: usize = 3;
/// How many telehealth clinicians licensed in the region a results page lists.
pub const LICENSED_SHOWN: usize = 5;

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

/// The search a profile opened from a card links back to: the profile's
/// address carries it as its query.
fn back_query(params: &SearchParams) -> String {
    let choices = params.pairs.iter().filter(|(name, _)| name != "offset" && name != "limit");
    SearchParams { pairs: choices.cloned().collect() }.to_query_string()
}

/// One result as a card: name, kind of clinician, distance and place, phone, how they see patients, how they taper.
fn card(locale: &Locale, result: &SearchResult, back: &str) -> Markup {
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
        h2 { a href=(locale.href(format!("/clinicians/{}?{back}", result.id).trim_end_matches('?'))) { (result.full_name) @if let Some(credentials) = result.credentials { ", " (credentials) } } }
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
            @if let Some(phone) = result.phone { " · " a href=(words::tel_href(phone)) { (phone) } }
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
            ul.tags { @for code in result.criteria.iter() { li { (words::criterion_name(lang, code)) } } }
        }
    }
}

/// The same search from each place `near` could mean, keeping the other choices.
fn links_to_places<'a>(
    locale: &'a Locale,
    params: &'a SearchParams,
    places: &'a [Place],
) -> impl Iterator<Item = (String, String)> + 'a {
    places.iter().map(move |candidate| {
        let mut query = url::form_urlencoded::Serializer::new(String::new());
        query.append_pair("near", &candidate.label);
        for (name, value) in
            params.pairs.iter().filter(|(name, _)| !["near", "lat", "lon", "offset"].contains(&name.as_str()))
        {
            query.append_pair(name, value);
        }
        let name = match candidate.town {
            Some(_) => words::place(
                locale.lang,
                candidate.town.as_deref().unwrap_or_default(),
                candidate.region.as_deref().and_then(|code| code.get(3..)),
                candidate.country.as_deref().unwrap_or_default(),
            ),
            None => candidate.label.clone(),
        };
        (locale.href(&format!("/search?{}", query.finish())), name)
    })
}

/// "Which Springfield?": the places a name could mean, largest first, each
/// a link to the same search from there.
pub fn which_place(locale: &Locale, params: &SearchParams, typed: &str, candidates: &[Place]) -> Markup {
    let title = t!(locale, "search-which-title", place = typed.to_string());
    let example = candidates.first().map_or_else(String::new, |place| place.label.clone());
    page(
        locale,
        &title,
        Footer::default(),
        html! {
            h1 { (title) }
            p.lead { (t!(locale, "search-which-lead", place = typed.to_string())) }
            ul.places {
                @for (href, name) in links_to_places(locale, params, candidates) { li { a href=(href) { (name) } } }
            }
            p { (t!(locale, "search-which-other", example = example)) }
            (form(locale, params, &[], Layout::Compact))
        },
    )
}

pub fn with_errors(locale: &Locale, params: &SearchParams, errors: &[FieldError]) -> Markup {
    let title = t!(locale, "search-check-title");
    let close = errors.iter().find(|error| error.field == "near").map_or(&[][..], |error| error.candidates.as_slice());
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
                @if !close.is_empty() {
                    p { (t!(locale, "search-did-you-mean")) }
                    ul.places {
                        @for (href, name) in links_to_places(locale, params, close) { li { a href=(href) { (name) } } }
                    }
                }
            }
            (form(locale, params, errors, Layout::Full))
        },
    )
}

/// A field's name in an error list; a parameter without a control of its own
/// (one typed into the address) is "the search's address".
fn label(locale: &Locale, field: &str) -> String {
    match field {
        "near" | "lat" | "lon" => t!(locale, "search-field-place"),
        "radius_km" | "radius_mi" => t!(locale, "search-field-distance"),
        "licensed_in" => t!(locale, "search-field-licensed-in"),
        "approach" => t!(locale, "search-field-approaches"),
        "criteria" => t!(locale, "search-field-practices"),
        "payment" => t!(locale, "search-field-payment"),
        "profession" => t!(locale, "search-form-profession"),
        "specialty" => t!(locale, "search-form-specialty"),
        "language" => t!(locale, "search-form-language"),
        "telehealth" => t!(locale, "search-form-telehealth"),
        "accepting" => t!(locale, "search-form-accepting"),
        "prescriber" => t!(locale, "search-form-prescriber"),
        "limit" | "offset" => t!(locale, "search-field-page"),
        // A parameter typed into the address, or one without a name.
        _ => t!(locale, "search-field-address"),
    }
}

/// The form control a parameter's error should link to; one without a
/// control of its own links to the place, where a search starts.
fn anchor(field: &str) -> &str {
    match field {
        "radius_km" | "radius_mi" => "radius",
        "licensed_in" | "profession" | "specialty" | "language" => field,
        _ => "near",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn the_ways_to_pay_chosen_stay_ticked() {
        let params = SearchParams::from_query_string("near=97201&payment=medicaid&payment=sliding_scale");
        let form = form(&Locale::english(), &params, &[], Layout::Full).into_string();
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
        let spanish = form(&Locale::new(Lang::Es, true, "/"), &SearchParams::from_query_string(""), &[], Layout::Full)
            .into_string();
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
            page.contains(r#"href="/es/clinicians/7?near=97201""#) && page.contains(r#"action="/es/search""#),
            "links keep /es/"
        );
        assert!(!page.contains(r#"href="/clinicians/"#), "no link drops the language");
    }
}
