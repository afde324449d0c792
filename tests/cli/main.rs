//! Integration tests: the built `promail` binary against a real PostgreSQL.

mod standby_support;
mod support;

mod backup;
mod cleanup;
mod completions;
mod connect;
mod durability;
mod failover;
mod interrupt;
mod local;
mod lock;
mod majors;
mod man;
mod migrate;
mod monitor;
mod monitor_watch;
mod partitions;
mod password;
mod pg;
mod report;
mod schedule;
mod schedule_run;
mod seed;
mod standby;
mod terminal;
mod tls;
