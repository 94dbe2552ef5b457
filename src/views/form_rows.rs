//! The groups of fields the listing form repeats a row at a time, such as a
//! listing's phone numbers (`phones.2.number`): reading the rows a form sent,
//! and showing them again with their errors and an empty row to add one more.

use std::collections::BTreeMap;

use maud::{html, Markup};

use super::layout::field_error;
use super::locale::Locale;
use super::words;
use crate::domain::hours::{Weekday, MAX_OPENING_HOURS};
use crate::domain::location::MAX_LOCATIONS;
use crate::domain::phone::{PhoneKind, MAX_PHONES};
use crate::error::FieldError;
use crate::i18n::{Lang, Text};

/// A repeated group: its name in the listing, its parts and the messages that label them.
pub struct RowGroup {
    pub name: &'static str,
    pub parts: &'static [Part],
    /// The most rows a listing may hold.
    most: usize,
    /// The label of a button that adds an empty row: a group with one shows
    /// none until it is pressed, which keeps the form short. Without one,
    /// three rows at least are shown, one of them empty.
    add_button: Option<&'static str>,
    legend: &'static str,
    hint: &'static str,
    /// "Number 2": the label of one row, given its number.
    row_label: &'static str,
}

pub struct Part {
    pub name: &'static str,
    label: &'static str,
    widget: Widget,
}

enum Widget {
    /// An input of this type.
    Input(&'static str),
    /// A list of choices, which always has one chosen.
    Choice(fn(Lang) -> Vec<(&'static str, String)>),
}

pub const PHONES: RowGroup = RowGroup {
    name: "phones",
    parts: &[
        Part { name: "number", label: "form-phone-number", widget: Widget::Input("tel") },
        Part { name: "kind", label: "form-phone-kind", widget: Widget::Choice(phone_kinds) },
        Part { name: "extension", label: "form-phone-extension", widget: Widget::Input("text") },
    ],
    most: MAX_PHONES,
    add_button: None,
    legend: "form-phones",
    hint: "form-phones-hint",
    row_label: "form-phone-row",
};

pub const OPENING_HOURS: RowGroup = RowGroup {
    name: "opening_hours",
    parts: &[
        Part { name: "day", label: "form-hours-day", widget: Widget::Choice(days) },
        Part { name: "opens", label: "form-hours-opens", widget: Widget::Input("time") },
        Part { name: "closes", label: "form-hours-closes", widget: Widget::Input("time") },
    ],
    most: MAX_OPENING_HOURS,
    add_button: None,
    legend: "form-hours",
    hint: "form-hours-hint",
    row_label: "form-hours-row",
};

pub const OTHER_LOCATIONS: RowGroup = RowGroup {
    name: "other_locations",
    parts: &[
        Part { name: "name", label: "form-location-name", widget: Widget::Input("text") },
        Part { name: "address_line", label: "form-address-line", widget: Widget::Input("text") },
        Part { name: "city", label: "form-city", widget: Widget::Input("text") },
        Part { name: "region", label: "form-region", widget: Widget::Input("text") },
        Part { name: "postal_code", label: "form-postal-code", widget: Widget::Input("text") },
        Part { name: "country", label: "form-location-country", widget: Widget::Input("text") },
        Part { name: "phone", label: "form-location-phone", widget: Widget::Input("tel") },
        Part { name: "latitude", label: "form-latitude", widget: Widget::Input("text") },
        Part { name: "longitude", label: "form-longitude", widget: Widget::Input("text") },
    ],
    most: MAX_LOCATIONS - 1,
    add_button: Some("form-add-location"),
    legend: "form-other-locations",
    hint: "form-other-locations-hint",
    row_label: "form-location-row",
};

pub const GROUPS: [&RowGroup; 3] = [&PHONES, &OPENING_HOURS, &OTHER_LOCATIONS];

/// The name of the button that adds a row to a group (its value names the
/// group): the form comes back as it was sent, with an empty row more.
pub const ADD_ROW: &str = "add_row";

/// Whether a form was sent by a button that adds a row, rather than to be kept.
pub fn adds_a_row(pairs: &[(String, String)]) -> bool {
    pairs.iter().any(|(name, _)| name == ADD_ROW)
}

fn phone_kinds(lang: Lang) -> Vec<(&'static str, String)> {
    PhoneKind::ALL.iter().map(|kind| (kind.code(), words::phone_kind(lang, *kind))).collect()
}

fn days(lang: Lang) -> Vec<(&'static str, String)> {
    Weekday::ALL.iter().map(|day| (day.code(), words::weekday(lang, *day))).collect()
}

/// One row as typed: each part's value, empty when not sent.
#[derive(Debug, Default)]
pub struct FormRow(BTreeMap<String, String>);

impl FormRow {
    pub fn get(&self, part: &str) -> &str {
        self.0.get(part).map_or("", String::as_str)
    }
}

impl RowGroup {
    /// The group's rows in a form's fields, in their order, without the
    /// ones left empty (whose inputs are all blank: a choice always has a
    /// value): what the form shows again and sends on, so that an error's
    /// row is the row shown.
    pub fn rows(&self, pairs: &[(String, String)]) -> Vec<FormRow> {
        let prefix = format!("{}.", self.name);
        let mut rows: BTreeMap<usize, FormRow> = BTreeMap::new();
        for (name, value) in pairs {
            let Some((index, part)) = name.strip_prefix(&prefix).and_then(|rest| rest.split_once('.')) else {
                continue;
            };
            let (Ok(index), true) = (index.parse::<usize>(), self.parts.iter().any(|known| known.name == part)) else {
                continue;
            };
            rows.entry(index).or_default().0.insert(part.to_string(), value.trim().to_string());
        }
        let typed = |row: &FormRow| {
            self.parts.iter().any(|part| matches!(part.widget, Widget::Input(_)) && !row.get(part.name).is_empty())
        };
        rows.into_values().filter(typed).collect()
    }

    /// Whether a form field belongs to this group.
    pub fn holds(&self, field: &str) -> bool {
        field.strip_prefix(self.name).is_some_and(|rest| rest.starts_with('.'))
    }

    /// The element an error about one part links to and the words that name
    /// it ("Number 2 – Extension"), for an error such as `phones[1].extension`.
    pub fn error_target(&self, lang: Lang, field: &str) -> Option<(String, String)> {
        let (row, part) = field.strip_prefix(self.name)?.strip_prefix('[')?.split_once("].")?;
        let (row, part) = (row.parse::<usize>().ok()?, self.parts.iter().find(|known| known.name == part)?);
        let label = format!("{} – {}", self.row_name(lang, row), lang.t(part.label));
        Some((format!("{}.{row}.{}", self.name, part.name), label))
    }

    /// "Number 2", for the row at `index` 1.
    fn row_name(&self, lang: Lang, index: usize) -> String {
        lang.text(&Text::new(self.row_label).arg("number", lang.count(index + 1)))
    }

    /// The rows sent, then empty rows to add more (three in all at least, or
    /// one when the group's button was pressed), never more than a listing
    /// may hold.
    pub fn render(&self, locale: &Locale, values: &[(String, String)], errors: &[FieldError]) -> Markup {
        let rows = self.rows(values);
        let shown = match self.add_button {
            None => (rows.len() + 1).clamp(3, self.most),
            Some(_) => {
                let adding = values.iter().any(|(name, value)| name == ADD_ROW && value == self.name);
                (rows.len() + usize::from(adding)).min(self.most)
            }
        };
        let blank = FormRow::default();
        let lang = locale.lang;
        let whole = errors.iter().find(|error| error.field == self.name).map(|e| e.message_in(lang));
        html! {
            fieldset id=(self.name) aria-describedby=[whole.as_ref().map(|_| format!("{}-error", self.name))] {
                legend { (lang.t(self.legend)) }
                span.hint { (lang.t(self.hint)) }
                (field_error(self.name, whole.as_deref()))
                @for index in 0..shown { (self.row(locale, index, rows.get(index).unwrap_or(&blank), errors)) }
                @if let Some(label) = self.add_button.filter(|_| shown < self.most) {
                    button.secondary type="submit" name=(ADD_ROW) value=(self.name) { (lang.t(label)) }
                }
            }
        }
    }

    fn row(&self, locale: &Locale, index: usize, row: &FormRow, errors: &[FieldError]) -> Markup {
        let lang = locale.lang;
        html! {
            fieldset.form-row {
                legend { (self.row_name(lang, index)) }
                div.row {
                    @for part in self.parts {
                        @let id = format!("{}.{index}.{}", self.name, part.name);
                        @let error = errors.iter().find(|e| e.field == format!("{}[{index}].{}", self.name, part.name));
                        @let error = error.map(|e| e.message_in(lang));
                        @let invalid = error.as_ref().map(|_| "true");
                        @let described = error.as_ref().map(|_| format!("{id}-error"));
                        div {
                            label for=(id) { (lang.t(part.label)) }
                            @match part.widget {
                                Widget::Input(kind) => {
                                    input type=(kind) id=(id) name=(id) value=(row.get(part.name))
                                        aria-invalid=[invalid] aria-describedby=[described];
                                }
                                Widget::Choice(choices) => {
                                    select id=(id) name=(id) aria-invalid=[invalid] aria-describedby=[described] {
                                        @for (code, name) in choices(lang) {
                                            option value=(code) selected[row.get(part.name) == code] { (name) }
                                        }
                                    }
                                }
                            }
                            (field_error(&id, error.as_deref()))
                        }
                    }
                }
            }
        }
    }
}
