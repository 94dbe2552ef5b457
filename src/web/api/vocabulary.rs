use actix_web::get;
use actix_web::web::Json;

use crate::domain::vocabulary::{Vocabulary, VOCABULARY};

/// Every code list with its labels.
#[utoipa::path(tag = "public", responses((status = 200, body = Vocabulary)))]
#[get("/vocabulary")]
#[tracing::instrument(skip_all)]
pub async fn show() -> Json<&'static Vocabulary> {
    Json(&VOCABULARY)
}
