//! A clinician managing their own listing with the token they were given.

use actix_web::web::Json;
use actix_web::{delete, get, post, put, HttpRequest, HttpResponse};
use serde::{Deserialize, Serialize};
use utoipa::openapi::schema::Object;
use utoipa::ToSchema;

use super::problems;
use crate::app::manage::{self, EditReceived, Edited, ManageStatus};
use crate::app::recovery::{self, RecoveryAddress};
use crate::domain::limits::MAX_EMAIL;
use crate::domain::listing::{ListingInput, NewListing, Parsed};
use crate::domain::schema;
use crate::error::AppError;
use crate::error::FieldError;
use crate::i18n::Text;
use crate::web::extract::{client_key, ApiJson, ManageToken};
use crate::web::State;

/// The listing's status, its latest submission and any rejection reason.
#[utoipa::path(responses((status = 200, body = ManageStatus)))]
#[get("/manage")]
#[tracing::instrument(skip_all)]
pub async fn show(state: State, token: ManageToken) -> Result<Json<ManageStatus>, AppError> {
    Ok(Json(manage::status(&state, token.0).await?))
}

/// Sends a full new version, such as the `listing` that `GET` gave (its
/// read-only fields are ignored). Whether the clinician accepts new patients
/// is public at once; any other change waits for review (`202`) while the
/// approved version stays public. A change of that alone is `200` with the
/// listing's status.
#[utoipa::path(
    request_body = ListingInput,
    responses((status = 202, body = EditReceived), (status = 200, body = ManageStatus), problems::Invalid, problems::RateLimited)
)]
#[put("/manage")]
#[tracing::instrument(skip_all)]
pub async fn update(
    state: State,
    req: HttpRequest,
    token: ManageToken,
    body: ApiJson<ListingInput>,
) -> Result<HttpResponse, AppError> {
    let listing = match NewListing::parse(body.0, state.gazetteer)? {
        Parsed::Listing(listing) => listing,
        // Bots without a token are refused as such; a person never fills the hidden field.
        Parsed::Honeypot => {
            manage::status(&state, token.0).await?;
            return Err(AppError::Validation(vec![FieldError::new(
                "website_url_confirm",
                Text::new("field-error-must-be-empty"),
            )]));
        }
    };
    Ok(match manage::edit(&state, &client_key(&req), token.0, listing).await? {
        Edited::Review(received) => HttpResponse::Accepted().json(received),
        Edited::Published(status) => HttpResponse::Ok().json(status),
    })
}

/// Withdraws the listing: it leaves every public view at once.
#[utoipa::path(responses((status = 200, body = ManageStatus), problems::Conflict))]
#[delete("/manage")]
#[tracing::instrument(skip_all)]
pub async fn withdraw(state: State, token: ManageToken) -> Result<Json<ManageStatus>, AppError> {
    Ok(Json(manage::withdraw(&state, token.0).await?))
}

/// Says the listing's details are still correct, as the yearly reminder asks:
/// `confirmed_at` becomes now, and a lapsed listing is public again at once,
/// without a new review. A listing that is not public or lapsed is a `409`.
#[utoipa::path(responses((status = 200, body = ManageStatus), problems::Conflict))]
#[post("/manage/confirm")]
#[tracing::instrument(skip_all)]
pub async fn confirm(state: State, token: ManageToken) -> Result<Json<ManageStatus>, AppError> {
    Ok(Json(manage::confirm(&state, token.0).await?))
}

#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct TokenRotated {
    /// The new secret, shown once; the old one no longer works.
    pub manage_token: String,
    pub manage_url: String,
}

/// Replaces the manage token, for example after the link was shared by mistake.
#[utoipa::path(responses((status = 200, body = TokenRotated)))]
#[post("/manage/token")]
#[tracing::instrument(skip_all)]
pub async fn rotate_token(state: State, token: ManageToken) -> Result<Json<TokenRotated>, AppError> {
    let manage_token = manage::replace_token(&state, token.0).await?;
    Ok(Json(TokenRotated { manage_url: state.manage_url(&manage_token), manage_token }))
}

/// A lost manage link: the contact email given with the listing.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RecoveryInput {
    /// The contact email given with the listing; case does not matter.
    #[schema(schema_with = recovery_address, required = true)]
    pub email: Option<String>,
}

fn recovery_address() -> Object {
    schema::email()
        .max_length(Some(MAX_EMAIL))
        .description(Some("The contact email given with the listing; case does not matter."))
        .build()
}

#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct RecoveryAccepted {
    /// The same whether or not a listing uses the address.
    pub detail: String,
}

/// Mails a one-time recovery link (valid 24 hours) to the contact email of
/// every listing that uses this address. The answer is the same whether or
/// not one does. Limited per client and per address.
#[utoipa::path(request_body = RecoveryInput,
    responses((status = 202, body = RecoveryAccepted), problems::Invalid, problems::RateLimited))]
#[post("/manage/recovery")]
#[tracing::instrument(skip_all)]
pub async fn recover(state: State, req: HttpRequest, body: ApiJson<RecoveryInput>) -> Result<HttpResponse, AppError> {
    let address = RecoveryAddress::parse(body.0.email)?;
    recovery::request(&state, &client_key(&req), address).await?;
    let detail = "If a listing uses this address, a link that replaces its manage token has been mailed there; \
                  it works once, within 24 hours."
        .to_string();
    Ok(HttpResponse::Accepted().json(RecoveryAccepted { detail }))
}
