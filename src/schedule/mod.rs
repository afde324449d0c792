//! The maintenance timetable (`promail.schedule_job`) and its run history
//! (`promail.schedule_run`): cron expressions ([`expr`]), reading and changing the timetable
//! ([`timetable`]), recording runs ([`history`]).

pub mod emit;
pub mod expr;
pub mod history;
pub mod pgcron;
pub mod record;
pub mod runner;
pub mod timetable;

pub use expr::Expr;
