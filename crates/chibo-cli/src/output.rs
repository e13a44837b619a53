//! How results and errors reach the terminal.

use std::io::{ErrorKind, Write};
use std::process::ExitCode;

use chibo_store::Error;
use serde::Serialize;

/// Prints a line on stdout, as `println!` does; see [`write_line`].
macro_rules! say {
    ($($arg:tt)*) => {
        $crate::output::write_line(format_args!($($arg)*))
    };
}

/// Writes one line on stdout. When stdout is closed (`chibo info | head -1`) the program
/// ends quietly with success: the reader has what it wanted and nothing is left half done
/// (every write to the data was committed before its result is printed).
pub fn write_line(line: std::fmt::Arguments<'_>) {
    let mut out = std::io::stdout().lock();
    if let Err(err) = writeln!(out, "{line}").and_then(|()| out.flush()) {
        if err.kind() == ErrorKind::BrokenPipe {
            std::process::exit(0);
        }
    }
}

/// Prints `value` as JSON on stdout.
pub fn print_json(value: &impl Serialize) -> chibo_store::Result<()> {
    let text = serde_json::to_string_pretty(value)
        .map_err(|e| Error::Internal(format!("Không tạo được JSON: {e}")))?;
    say!("{text}");
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
