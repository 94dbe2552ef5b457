//! The directory's own vocabulary as FHIR CodeSystems: the codes of
//! `domain::vocabulary`, displayed in English with Spanish designations.

use std::sync::LazyLock;

use serde_json::{json, Value};

use super::types::{pruned, Base, PUBLISHED};
use crate::domain::vocabulary::{self, Term};
use crate::i18n::{Lang, Text};

/// A code list of ours published as a CodeSystem at `<base>/CodeSystem/<id>`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CodeList {
    Profession,
    Specialty,
    TaperApproach,
    Criterion,
    PaymentOption,
}

/// One code with what people read of it.
struct Concept {
    code: &'static str,
    display: String,
    definition: Option<String>,
    spanish: String,
}

impl CodeList {
    pub const ALL: [CodeList; 5] = [
        CodeList::Profession,
        CodeList::Specialty,
        CodeList::TaperApproach,
        CodeList::Criterion,
        CodeList::PaymentOption,
    ];

    pub fn id(self) -> &'static str {
        match self {
            CodeList::Profession => "profession",
            CodeList::Specialty => "specialty",
            CodeList::TaperApproach => "taper-approach",
            CodeList::Criterion => "benzo-wise-criterion",
            CodeList::PaymentOption => "payment-option",
        }
    }

    pub fn find(id: &str) -> Option<CodeList> {
        CodeList::ALL.into_iter().find(|list| list.id() == id)
    }

    /// The canonical URL, which is also where the CodeSystem is read.
    pub fn url(self, base: &Base) -> String {
        base.url(&format!("CodeSystem/{}", self.id()))
    }

    /// `(name, title, description)`.
    fn words(self) -> (&'static str, &'static str, &'static str) {
        match self {
            CodeList::Profession => (
                "BenzowiseProfession",
                "Professions",
                "A listed clinician's profession; physicians, nurse practitioners, physician assistants and \
                 pharmacists can prescribe, and so run a taper.",
            ),
            CodeList::Specialty => {
                ("BenzowiseSpecialty", "Specialties", "The specialty a listed clinician practises, as the directory groups them.")
            }
            CodeList::TaperApproach => (
                "BenzowiseTaperApproach",
                "Taper approaches",
                "The ways of reducing a benzodiazepine a listed clinician supports. The display is the approach's \
                 short name; the definition says what it is.",
            ),
            CodeList::Criterion => (
                "BenzowiseCriterion",
                "Benzo-wise criteria",
                "What a benzo-wise clinician practises; each listed clinician attests to them and moderators check them.",
            ),
            CodeList::PaymentOption => (
                "BenzowisePaymentOption",
                "Payment options",
                "How a patient can pay a listed clinician; a listing that names none tells patients to ask the practice.",
            ),
        }
    }

    fn concepts(self) -> Vec<Concept> {
        let labelled = |terms: &'static [Term]| {
            terms
                .iter()
                .map(|term| Concept {
                    code: term.code,
                    display: term.label(Lang::En),
                    definition: None,
                    spanish: term.label(Lang::Es),
                })
                .collect()
        };
        match self {
            CodeList::Profession => vocabulary::PROFESSIONS
                .iter()
                .map(|profession| Concept {
                    code: profession.code,
                    display: profession.label(Lang::En),
                    definition: None,
                    spanish: profession.label(Lang::Es),
                })
                .collect(),
            CodeList::Specialty => labelled(vocabulary::SPECIALTIES),
            CodeList::TaperApproach => vocabulary::TAPER_APPROACHES
                .iter()
                .map(|approach| {
                    let name = Text::new(format!("vocab-approach-name-{}", approach.code));
                    Concept {
                        code: approach.code,
                        display: Lang::En.text(&name),
                        definition: Some(approach.label(Lang::En)),
                        spanish: Lang::Es.text(&name),
                    }
                })
                .collect(),
            CodeList::Criterion => labelled(vocabulary::CRITERIA),
            CodeList::PaymentOption => labelled(vocabulary::PAYMENT_OPTIONS),
        }
    }

    /// The English display of `code`; `None` for a code not in the list.
    fn display(self, code: &str) -> Option<&'static str> {
        // Read for every code of every resource an export writes: built once.
        static DISPLAYS: LazyLock<Vec<Vec<(&'static str, String)>>> = LazyLock::new(|| {
            CodeList::ALL
                .iter()
                .map(|list| list.concepts().into_iter().map(|concept| (concept.code, concept.display)).collect())
                .collect()
        });
        DISPLAYS[self as usize].iter().find(|(known, _)| *known == code).map(|(_, display)| display.as_str())
    }

    /// A `Coding` of `code`, with its English display; `None` for a code not in the list.
    pub fn coding(self, base: &Base, code: &str) -> Option<Value> {
        let display = self.display(code)?;
        Some(json!({"system": self.url(base), "code": code, "display": display}))
    }

    /// The CodeSystem resource.
    pub fn code_system(self, base: &Base) -> Value {
        let (name, title, description) = self.words();
        let concepts = self.concepts();
        pruned(json!({
            "resourceType": "CodeSystem",
            "id": self.id(),
            "meta": {"lastUpdated": PUBLISHED},
            "url": self.url(base),
            "version": env!("CARGO_PKG_VERSION"),
            "name": name,
            "title": title,
            "status": "active",
            "experimental": false,
            "date": PUBLISHED,
            "publisher": "benzowise",
            "description": description,
            "caseSensitive": true,
            "content": "complete",
            "count": concepts.len(),
            "concept": concepts.iter().map(|concept| json!({
                "code": concept.code,
                "display": concept.display,
                "definition": concept.definition,
                "designation": [{"language": "es", "value": concept.spanish}],
            })).collect::<Vec<_>>(),
        }))
    }
}
