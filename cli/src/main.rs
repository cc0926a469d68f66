//! The `hindsight` binary: see the library's documentation and `hindsight --help`.

#![forbid(unsafe_code)]

use std::io::Write;
use std::process::ExitCode;

fn main() -> ExitCode {
    // Arguments that are not UTF-8 are read with replacement characters.
    let args: Vec<String> = std::env::args_os()
        .skip(1)
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    let stdout = std::io::stdout();
    let stderr = std::io::stderr();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut err = stderr.lock();
    let code = hindsight_cli::run(&args, &mut out, &mut err);
    let _ = out.flush();
    ExitCode::from(code)
}
