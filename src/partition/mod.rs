//! Partition management for the time-partitioned log tables: the pure planner (`plan`).

pub mod plan;
