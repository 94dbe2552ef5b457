//! The fixed code lists of the directory. Codes are stable API values;
//! labels are for people, in the message catalogue as `vocab-<list>-<code>`.

use serde::Serialize;
use utoipa::ToSchema;

use crate::i18n::{Lang, Text};

/// One entry of a code list.
#[derive(Debug, Clone, Copy)]
pub struct Term {
    /// The list's part of the label's message id, such as `report-reason`.
    list: &'static str,
    pub code: &'static str,
}

impl Term {
    /// The label in `lang`.
    pub fn label(&self, lang: Lang) -> String {
        lang.text(&self.text())
    }

    fn text(&self) -> Text {
        Text::new(format!("vocab-{}-{}", self.list, self.code))
    }
}

const fn term(list: &'static str, code: &'static str) -> Term {
    Term { list, code }
}

/// A profession and whether it can prescribe (and so run a taper).
#[derive(Debug, Clone, Copy)]
pub struct ProfessionTerm {
    pub code: &'static str,
    pub prescriber: bool,
}

impl ProfessionTerm {
    /// The label in `lang`.
    pub fn label(&self, lang: Lang) -> String {
        lang.text(&Text::new(format!("vocab-profession-{}", self.code)))
    }
}

const fn profession_term(code: &'static str, prescriber: bool) -> ProfessionTerm {
    ProfessionTerm { code, prescriber }
}

pub const PROFESSIONS: &[ProfessionTerm] = &[
    profession_term("physician", true),
    profession_term("nurse_practitioner", true),
    profession_term("physician_assistant", true),
    profession_term("pharmacist", true),
    profession_term("psychologist", false),
    profession_term("therapist", false),
];

const fn specialty(code: &'static str) -> Term {
    term("specialty", code)
}

pub const SPECIALTIES: &[Term] = &[
    specialty("psychiatry"),
    specialty("primary_care"),
    specialty("geriatrics"),
    specialty("addiction_medicine"),
    specialty("neurology"),
    specialty("pharmacotherapy"),
    specialty("psychotherapy"),
    specialty("other"),
];

const fn approach(code: &'static str) -> Term {
    term("approach", code)
}

/// Each approach also has a short name, `vocab-approach-name-<code>`.
pub const TAPER_APPROACHES: &[Term] = &[
    approach("symptom_guided"),
    approach("micro_taper"),
    approach("liquid_titration"),
    approach("dry_cut_weighed"),
    approach("hyperbolic"),
    approach("diazepam_crossover"),
    approach("direct_taper"),
    approach("cut_and_hold"),
    approach("tapering_strips"),
    approach("reduce_and_maintain"),
];

const fn criterion(code: &'static str) -> Term {
    term("criterion", code)
}

pub const CRITERIA: &[Term] = &[
    criterion("slow_taper_supported"),
    criterion("patient_sets_pace"),
    criterion("no_abrupt_stops"),
    criterion("plans_exit_at_start"),
    criterion("non_drug_support"),
    criterion("combination_caution"),
    criterion("withdrawal_history_respected"),
    criterion("accepts_transfers"),
    criterion("ashton_manual"),
];

const fn payment(code: &'static str) -> Term {
    term("payment", code)
}

/// How a patient can pay; a search for several matches a listing that takes any.
/// The payment option that insurers' names go with.
pub const PRIVATE_INSURANCE: &str = "private_insurance";
/// The payment options that prices go with.
pub const SELF_PAY: [&str; 2] = ["self_pay", "sliding_scale"];

pub const PAYMENT_OPTIONS: &[Term] = &[
    payment("medicare"),
    payment("medicaid"),
    payment("private_insurance"),
    payment("tricare"),
    payment("self_pay"),
    payment("sliding_scale"),
    payment("free_care"),
];

const fn question(code: &'static str) -> Term {
    term("question", code)
}

/// The first-visit questions; the code is the key under `answers`.
pub const QUESTIONS: &[Term] = &[question("typical_duration"), question("dependence_plan"), question("slow_taper")];

const fn report_reason(code: &'static str) -> Term {
    term("report-reason", code)
}

/// Why a member of the public reports a listing.
pub const REPORT_REASONS: &[Term] = &[
    report_reason("inaccurate"),
    report_reason("not_benzo_wise"),
    report_reason("closed"),
    report_reason("impersonation"),
    report_reason("other"),
];

/// Why the directory itself reports a listing to its moderators; never
/// offered to the public.
pub const SYSTEM_REPORT_REASONS: &[Term] = &[report_reason("npi_deactivated")];

/// A report's reason, the public's or the directory's own.
pub fn any_report_reason(code: &str) -> Option<&'static Term> {
    find(REPORT_REASONS, code).or_else(|| find(SYSTEM_REPORT_REASONS, code))
}

/// Phrases a moderator must be shown when they appear in an answer or
/// statement, in English then in Spanish.
pub const RED_FLAGS: &[&str] = &[
    "just stop",
    "cold turkey",
    "two-week taper",
    "2 week taper",
    "withdrawal isn't",
    "withdrawal is not a big",
    "not addictive",
    "simplemente dej",
    "de golpe",
    "de un día para otro",
    "reducción de dos semanas",
    "reducción de 2 semanas",
    "la abstinencia no es",
    "no es adictiv",
    "no son adictiv",
];

pub fn profession(code: &str) -> Option<&'static ProfessionTerm> {
    PROFESSIONS.iter().find(|p| p.code == code)
}

pub fn find(list: &'static [Term], code: &str) -> Option<&'static Term> {
    list.iter().find(|t| t.code == code)
}

/// Every red-flag phrase found in `text`, compared case-insensitively.
/// Typographic apostrophes count as plain ones so "isn’t" is caught too, and
/// accents do not count, since many people type Spanish without them.
pub fn red_flags_in(text: &str) -> Vec<&'static str> {
    let folded = fold(text);
    RED_FLAGS.iter().copied().filter(|flag| folded.contains(&fold(flag))).collect()
}

fn fold(text: &str) -> String {
    text.chars().flat_map(fold_char).collect()
}

/// One character as red flags are compared: lower case, plain apostrophe, no accent.
fn fold_char(character: char) -> impl Iterator<Item = char> {
    character.to_lowercase().map(|letter| match letter {
        '\u{2019}' => '\'',
        'á' => 'a',
        'é' => 'e',
        'í' => 'i',
        'ó' => 'o',
        'ú' | 'ü' => 'u',
        other => other,
    })
}

/// Where red-flag phrases stand in `text`, as sorted, non-overlapping byte
/// ranges of it, compared as `red_flags_in` compares them, for highlighting.
pub fn red_flag_spans(text: &str) -> Vec<std::ops::Range<usize>> {
    // Each folded character with the byte range of the character it came from.
    let folded: Vec<(char, std::ops::Range<usize>)> = text
        .char_indices()
        .flat_map(|(start, character)| {
            fold_char(character).map(move |folded| (folded, start..start + character.len_utf8()))
        })
        .collect();
    let mut spans: Vec<std::ops::Range<usize>> = Vec::new();
    for flag in RED_FLAGS {
        let flag: Vec<char> = fold(flag).chars().collect();
        for start in 0..folded.len().saturating_sub(flag.len() - 1) {
            if folded[start..start + flag.len()].iter().map(|(c, _)| *c).eq(flag.iter().copied()) {
                spans.push(folded[start].1.start..folded[start + flag.len() - 1].1.end);
            }
        }
    }
    spans.sort_by_key(|span| span.start);
    spans.into_iter().fold(Vec::new(), |mut merged: Vec<std::ops::Range<usize>>, span| {
        match merged.last_mut() {
            Some(last) if span.start <= last.end => last.end = last.end.max(span.end),
            _ => merged.push(span),
        }
        merged
    })
}

/// A code with its label in the language asked for.
#[derive(Debug, Serialize, ToSchema)]
pub struct LabelledTerm {
    pub code: &'static str,
    pub label: String,
}

/// A profession with its label in the language asked for.
#[derive(Debug, Serialize, ToSchema)]
pub struct LabelledProfession {
    pub code: &'static str,
    pub label: String,
    pub prescriber: bool,
}

/// The whole vocabulary in one language, as served by `GET /api/v1/vocabulary`.
#[derive(Debug, Serialize, ToSchema)]
pub struct Vocabulary {
    pub professions: Vec<LabelledProfession>,
    pub specialties: Vec<LabelledTerm>,
    pub taper_approaches: Vec<LabelledTerm>,
    pub criteria: Vec<LabelledTerm>,
    pub payment_options: Vec<LabelledTerm>,
    pub questions: Vec<LabelledTerm>,
    pub report_reasons: Vec<LabelledTerm>,
    /// In every language the site has, whichever is asked for.
    pub red_flags: &'static [&'static str],
}

impl Vocabulary {
    pub fn in_language(lang: Lang) -> Vocabulary {
        let labelled =
            |list: &[Term]| list.iter().map(|term| LabelledTerm { code: term.code, label: term.label(lang) }).collect();
        Vocabulary {
            professions: PROFESSIONS
                .iter()
                .map(|p| LabelledProfession { code: p.code, label: p.label(lang), prescriber: p.prescriber })
                .collect(),
            specialties: labelled(SPECIALTIES),
            taper_approaches: labelled(TAPER_APPROACHES),
            criteria: labelled(CRITERIA),
            payment_options: labelled(PAYMENT_OPTIONS),
            questions: labelled(QUESTIONS),
            report_reasons: labelled(REPORT_REASONS),
            red_flags: RED_FLAGS,
        }
    }
}

#[cfg(test)]
mod tests {

    #[test]
    fn red_flag_spans_cover_each_phrase_as_written() {
        let text = "You can JUST stop — or go cold turkey; Just stop.";
        let spans = red_flag_spans(text);
        let marked: Vec<&str> = spans.iter().map(|span| &text[span.clone()]).collect();
        assert_eq!(marked, ["JUST stop", "cold turkey", "Just stop"]);
        let accented = "La abstinencia no es para tanto; los fármacos NO SON ADICTIVOS.";
        let spans = red_flag_spans(accented);
        assert!(spans.iter().all(|span| accented.is_char_boundary(span.start) && accented.is_char_boundary(span.end)));
        assert!(red_flag_spans("Slow tapers, at your pace.").is_empty());
    }

    use super::*;

    #[test]
    fn red_flags_are_found_whatever_the_case() {
        assert_eq!(red_flags_in("You can JUST STOP, it's fine"), vec!["just stop"]);
        assert_eq!(red_flags_in("Withdrawal isn’t real"), vec!["withdrawal isn't"]);
        assert!(red_flags_in("We taper slowly over a year").is_empty());
    }

    #[test]
    fn red_flags_are_found_in_spanish_too() {
        assert_eq!(red_flags_in("Puede dejarla DE GOLPE sin problema"), vec!["de golpe"]);
        assert_eq!(red_flags_in("Las benzodiacepinas no son adictivas."), vec!["no son adictiv"]);
        assert_eq!(red_flags_in("Hacemos una reduccion de 2 semanas"), vec!["reducción de 2 semanas"]);
        assert!(red_flags_in("Reducimos poco a poco, a su ritmo, durante un año o más").is_empty());
        // What the first-visit sheet tells patients to listen for, as they would hear it.
        let heard = [
            "simplemente déjelo",
            "déjelo de golpe, de un día para otro",
            "basta con una reducción de dos semanas",
            "la abstinencia no es real",
            "la abstinencia no es para tanto",
            "no es adictiva",
        ];
        for phrase in heard {
            assert!(!red_flags_in(phrase).is_empty(), "{phrase}");
        }
    }

    /// Every term of every list.
    fn all_terms() -> impl Iterator<Item = &'static Term> {
        [SPECIALTIES, TAPER_APPROACHES, CRITERIA, PAYMENT_OPTIONS, QUESTIONS, REPORT_REASONS].into_iter().flatten()
    }

    #[test]
    fn every_term_has_a_label_in_every_language() {
        for lang in Lang::ALL {
            let ids = crate::i18n::message_ids(lang);
            let has = |id: String| ids.contains(&id);
            for term in all_terms() {
                assert!(has(term.text().id().to_string()), "{} {}", lang.code(), term.text().id());
            }
            for profession in PROFESSIONS {
                assert!(has(format!("vocab-profession-{}", profession.code)), "{} {}", lang.code(), profession.code);
            }
        }
    }

    #[test]
    fn labels_are_in_the_language_asked_for() {
        let physician = profession("physician").map(|p| p.label(Lang::En));
        assert_eq!(physician.as_deref(), Some("Physician (MD, DO, MBBS)"));
        let other = find(SPECIALTIES, "other").map(|term| (term.label(Lang::En), term.label(Lang::Es)));
        assert_eq!(other, Some(("Other".to_string(), "Otra".to_string())));
        let reason = find(REPORT_REASONS, "other").map(|term| term.label(Lang::Es));
        assert_eq!(reason.as_deref(), Some("Otro motivo"));
        assert_eq!(
            find(PAYMENT_OPTIONS, "self_pay").map(|term| term.label(Lang::Es)).as_deref(),
            Some("Pago por cuenta propia")
        );
    }

    #[test]
    fn the_served_vocabulary_keeps_codes_and_order_in_every_language() {
        let english = Vocabulary::in_language(Lang::En);
        let spanish = Vocabulary::in_language(Lang::Es);
        let codes = |terms: &[LabelledTerm]| terms.iter().map(|term| term.code).collect::<Vec<_>>();
        assert_eq!(codes(&english.taper_approaches), codes(&spanish.taper_approaches));
        assert_eq!(codes(&spanish.report_reasons), REPORT_REASONS.iter().map(|term| term.code).collect::<Vec<_>>());
        assert_eq!(spanish.professions[5].code, "therapist");
        assert!(!spanish.professions[5].prescriber);
        assert_eq!(english.criteria[8].label, "Familiar with the Ashton Manual");
        assert_eq!(spanish.criteria[8].label, "Conoce el Manual Ashton");
    }
}
