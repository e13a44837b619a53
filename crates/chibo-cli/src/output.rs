//! How results and errors reach the terminal.

use std::process::ExitCode;

use chibo_store::Error;
use serde::Serialize;

/// Prints `value` as JSON on stdout.
pub fn print_json(value: &impl Serialize) -> chibo_store::Result<()> {
    let text = serde_json::to_string_pretty(value)
        .map_err(|e| Error::Internal(format!("Không tạo được JSON: {e}")))?;
    println!("{text}");
    Ok(())
}

/// Prints the Vietnamese message on stderr and picks the exit code: 2 for an internal
/// failure, 1 for everything the user can act on (nothing was changed).
pub fn report_error(err: &Error) -> ExitCode {
    // The message says in Vietnamese what is wrong; the field name is for the UI only.
    eprintln!("Lỗi: {err}");
    match err {
        Error::Internal(_) => ExitCode::from(2),
        _ => ExitCode::from(1),
    }
}
