//! Integration tests: the built `promail` binary against a real PostgreSQL.

mod support;

mod cleanup;
mod completions;
mod connect;
mod local;
mod lock;
mod partitions;
