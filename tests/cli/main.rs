//! Integration tests: the built `promail` binary against a real PostgreSQL.

mod standby_support;
mod support;

mod cleanup;
mod completions;
mod connect;
mod interrupt;
mod local;
mod lock;
mod migrate;
mod partitions;
mod password;
mod pg;
mod report;
mod seed;
mod terminal;
mod tls;
