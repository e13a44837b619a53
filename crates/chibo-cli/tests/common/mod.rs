//! Running the `chibo` binary on a temporary data folder, shared by the CLI test files.

#![allow(dead_code, clippy::expect_used)]

use std::path::Path;
use std::process::{Command, Output};

/// The day every run is pinned to, unless a test passes another `--today`.
pub const TODAY: &str = "2026-11-27";

/// `chibo --data-dir DIR ARGS…` on the pinned day, to run or spawn.
pub fn chibo_command(data_dir: &Path, args: &[&str]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_chibo"));
    command
        .arg("--data-dir")
        .arg(data_dir)
        .args(args)
        .env_remove("CHIBO_DATA_DIR")
        .env("CHIBO_TODAY", TODAY);
    command
}

pub fn chibo(data_dir: &Path, args: &[&str]) -> Output {
    chibo_command(data_dir, args).output().expect("chibo runs")
}

pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Everything printed, stdout then stderr.
pub fn text(out: &Output) -> String {
    format!("{}{}", String::from_utf8_lossy(&out.stdout), stderr(out))
}

pub fn json(out: &Output) -> serde_json::Value {
    serde_json::from_slice(&out.stdout).expect("stdout is JSON")
}
