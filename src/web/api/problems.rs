//! The problems an operation can answer with, named once for the OpenAPI
//! document and listed by name in each operation's `responses(...)`.
#![allow(dead_code)] // read only by the OpenAPI document, never built

use utoipa::IntoResponses;

use crate::error::Problem;

macro_rules! problem {
    ($name:ident, $status:literal, $description:literal) => {
        #[derive(IntoResponses)]
        #[response(status = $status, description = $description, content_type = "application/problem+json")]
        pub struct $name(#[to_schema] Problem);
    };
}

problem!(NotFound, 404, "Nothing public at this address");
problem!(Conflict, 409, "Not allowed in the current status");
problem!(Invalid, 422, "Bad fields, each named in `errors`");
problem!(RateLimited, 429, "Too many requests from this client");
problem!(Gone, 410, "Hidden until its clinician confirms the details again");
