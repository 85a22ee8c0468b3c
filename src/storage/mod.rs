//! Saving scenarios: the versioned file format ([`schema`]), the one pure path every
//! loaded file goes through ([`migrate`]), all storage keys ([`keys`]) and the adapter to
//! the browser's localStorage ([`browser`], wasm only).
//!
//! Architecture invariant: storage failures are values, never panics; bytes that cannot
//! be read are moved aside under a backup key, never deleted.

pub mod keys;
pub mod migrate;
pub mod prefs;
pub mod schema;
pub mod share;
pub mod sync;
pub mod transfer;

#[cfg(target_arch = "wasm32")]
pub mod browser;
#[cfg(target_arch = "wasm32")]
pub mod compress;
#[cfg(target_arch = "wasm32")]
pub mod files;

pub use keys::{Area, Keys};
pub use migrate::{migrate, serialize, to_store, LoadError, Loaded};
pub use prefs::Prefs;
pub use schema::CURRENT_VERSION;
