//! Languages and everything language-dependent: which language to show ([`lang`]), the
//! text table ([`texts`]), reading numbers typed in the language's notation ([`parse`]),
//! and formatting numbers, money and percentages with the browser's `Intl` ([`format`]);
//! in the browser build the texts come from per-language files ([`catalog`]).

pub mod catalog;
pub mod lang;
pub mod parse;
pub mod texts;

pub mod format;
pub mod messages;

pub use lang::Lang;
pub use parse::parse_number;
pub use texts::Texts;
