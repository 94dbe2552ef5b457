use actix_web::get;
use actix_web::web::{Json, Query};
use serde::Deserialize;
use utoipa::IntoParams;

use super::problems;
use crate::domain::schema;
use crate::domain::vocabulary::Vocabulary;
use crate::error::{AppError, FieldError};
use crate::i18n::{Lang, Text};

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct VocabularyQuery {
    /// The labels' language: `en` (the default) or `es`.
    #[param(schema_with = schema::label_language)]
    pub lang: Option<String>,
}

/// Every code list with its labels, in English or in the language asked for.
#[utoipa::path(
    tag = "public",
    params(VocabularyQuery),
    responses((status = 200, body = Vocabulary), problems::Invalid)
)]
#[get("/vocabulary")]
#[tracing::instrument(skip_all)]
pub async fn show(query: Query<VocabularyQuery>) -> Result<Json<Vocabulary>, AppError> {
    let lang = match query.lang.as_deref() {
        None => Lang::En,
        Some(code) => Lang::from_code(code).ok_or_else(|| {
            let codes: Vec<&str> = Lang::ALL.iter().map(|lang| lang.code()).collect();
            AppError::Validation(vec![FieldError::new(
                "lang",
                Text::new("vocab-lang-unknown").arg("languages", codes.join(", ")),
            )])
        })?,
    };
    Ok(Json(Vocabulary::in_language(lang)))
}
