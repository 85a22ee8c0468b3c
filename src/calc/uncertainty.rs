//! Uncertainty (MODELS.md §3.10).
