//! Partition management for the time-partitioned log tables: the pure planner (`plan`), reading
//! the catalog (`catalog`), the policies kept in the database (`policy`), the executor that
//! applies planned actions under lock timeouts (`exec`), the maintenance runs behind
//! `partitions rotate|create` and `db migrate` (`maintain`), `partitions list` (`list`) and the
//! seed's retention behind `cleanup` (`cleanup`).

pub mod catalog;
pub mod cleanup;
pub mod exec;
pub mod list;
pub mod maintain;
pub mod plan;
pub mod policy;

pub use maintain::ensure_partitions;
