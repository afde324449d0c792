//! `monitor check`: thresholds and their evaluation (pure).
