//! Ready-made rejection reasons, in English and Spanish, that admins keep.

use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::schema::rejection_reasons;
use super::{AnyConnection, MultiBackend};
use crate::i18n::Lang;

#[derive(Debug, Clone, Queryable, Selectable, Serialize, Deserialize, ToSchema)]
#[diesel(table_name = rejection_reasons, check_for_backend(MultiBackend))]
pub struct ReadyReason {
    pub id: i64,
    pub text_en: String,
    pub text_es: String,
}

impl ReadyReason {
    /// The reason in `lang`.
    pub fn text(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.text_en,
            Lang::Es => &self.text_es,
        }
    }

    /// Every reason, oldest first.
    pub fn all(conn: &mut AnyConnection) -> QueryResult<Vec<ReadyReason>> {
        rejection_reasons::table.order(rejection_reasons::id).select(ReadyReason::as_select()).load(conn)
    }

    pub fn find(conn: &mut AnyConnection, id: i64) -> QueryResult<ReadyReason> {
        rejection_reasons::table.find(id).select(ReadyReason::as_select()).first(conn)
    }

    pub fn add(conn: &mut AnyConnection, text_en: &str, text_es: &str) -> QueryResult<i64> {
        diesel::insert_into(rejection_reasons::table)
            .values((rejection_reasons::text_en.eq(text_en), rejection_reasons::text_es.eq(text_es)))
            .returning(rejection_reasons::id)
            .get_result(conn)
    }

    /// Changes a reason's words; `NotFound` when there is no such reason.
    pub fn change(conn: &mut AnyConnection, id: i64, text_en: &str, text_es: &str) -> QueryResult<()> {
        let changed = diesel::update(rejection_reasons::table.find(id))
            .set((rejection_reasons::text_en.eq(text_en), rejection_reasons::text_es.eq(text_es)))
            .execute(conn)?;
        if changed == 0 {
            return Err(diesel::result::Error::NotFound);
        }
        Ok(())
    }

    pub fn remove(conn: &mut AnyConnection, id: i64) -> QueryResult<()> {
        if diesel::delete(rejection_reasons::table.find(id)).execute(conn)? == 0 {
            return Err(diesel::result::Error::NotFound);
        }
        Ok(())
    }
}
