//! The `promail` binary: everything is in the library.

fn main() -> std::process::ExitCode {
    std::process::ExitCode::from(promail::run())
}
