//! The TypeScript declarations of every type that crosses the IPC boundary, generated from
//! the Rust types (ts-rs). `ui/src/lib/bindings.ts` is this text; a test fails when the
//! committed file drifts, and `UPDATE_BINDINGS=1 cargo test -p chibo-store` rewrites it.

use chibo_core::branch::{Branch, BranchInput};
use chibo_core::settings::{NumberingReset, Rule, RuleSettings};
use chibo_core::validation::FieldError;
use ts_rs::{Config, TS};

use crate::branches::VersionedSettings;
use crate::info::{AppInfo, BranchSummary};
use crate::prefs::Prefs;

/// The whole generated file.
pub fn typescript() -> String {
    let cfg = Config::default();
    let decls = [
        FieldError::decl(&cfg),
        BranchInput::decl(&cfg),
        Branch::decl(&cfg),
        Rule::<u32>::decl(&cfg),
        NumberingReset::decl(&cfg),
        RuleSettings::decl(&cfg),
        VersionedSettings::decl(&cfg),
        Prefs::decl(&cfg),
        BranchSummary::decl(&cfg),
        AppInfo::decl(&cfg),
    ];
    let mut out = String::from(
        "// Generated from the Rust types by chibo-store (src/bindings.rs). Do not edit:\n\
         // run `UPDATE_BINDINGS=1 cargo test -p chibo-store` after changing a type.\n\n",
    );
    for decl in decls {
        out.push_str("export ");
        out.push_str(&decl);
        out.push_str("\n\n");
    }
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}
