//! `monitor check`: reading the facts the checks judge.
