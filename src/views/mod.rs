//! HTML views, as maud functions. maud escapes every value; nothing a person
//! typed is ever inserted as raw HTML.

pub mod choices;
pub mod claim;
pub mod form_rows;
pub mod head;
pub mod history;
pub mod layout;
pub mod locale;
pub mod manage;
pub mod map;
pub mod moderate;
pub mod profile;
pub mod recovery;
pub mod search;
pub mod sitemap;
pub mod submit;
pub mod urgent;
pub mod words;
