//! Time (MODELS.md §3.7).
