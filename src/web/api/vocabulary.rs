use actix_web::{get, web};

use crate::domain::vocabulary::{Vocabulary, VOCABULARY};

/// Every code list with its labels.
#[utoipa::path(tag = "public", responses((status = 200, body = Vocabulary)))]
#[get("/vocabulary")]
#[tracing::instrument(skip_all)]
pub async fn show() -> web::Json<&'static Vocabulary> {
    web::Json(&VOCABULARY)
}
