//! Integration tests: the built `promail` binary against a real PostgreSQL.

mod support;

mod completions;
mod connect;
mod local;
mod lock;
mod report;
mod seed;
