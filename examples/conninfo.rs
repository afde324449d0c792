//! What promail makes of a connection string (the first argument) and the environment, in the
//! format of `tests/libpq-compare/resolve.c`: `error: ...` when refused, else one `key=value`
//! a line. Used by `tests/libpq-compare/run` to compare promail with libpq.

use promail::conninfo::{self, ProcessEnv};

fn main() {
    let arg = std::env::args().nth(1).unwrap_or_default();
    let info = match conninfo::resolve(Some(&arg), &ProcessEnv) {
        Ok(info) => info,
        Err(e) => {
            println!("error: {e:#}");
            return;
        }
    };
    let join = |v: Vec<String>| v.join(",");
    println!("host={}", info.hosts.join(","));
    println!(
        "hostaddr={}",
        join(info.hostaddrs.iter().map(ToString::to_string).collect())
    );
    // One port a host (a single port serves them all).
    let ports = (0..info.hosts.len())
        .map(|i| info.ports.get(i).unwrap_or(&info.ports[0]).to_string())
        .collect();
    println!("port={}", join(ports));
    println!("user={}", info.user);
    println!("dbname={}", info.dbname);
    println!(
        "password={}",
        info.password.as_ref().map_or("", |p| p.expose())
    );
    println!("sslmode={}", info.sslmode.as_str());
    println!(
        "target_session_attrs={}",
        info.target_session_attrs.as_deref().unwrap_or("any")
    );
    println!("application_name={}", info.application_name);
    println!("options={}", info.options.as_deref().unwrap_or(""));
}
