//! `chibo warnings`: the open warnings of one branch (`--branch`) or of every branch.

use chibo_core::warnings::Warning;
use chibo_store::clock::today;
use chibo_store::{Result, Store};
use serde::Serialize;

use crate::output::print_json;

#[derive(Serialize)]
struct BranchWarnings {
    branch_id: i64,
    branch_name: String,
    warnings: Vec<Warning>,
}

pub fn run(store: &Store, branch: Option<&str>, json: bool) -> Result<()> {
    let branches = match branch {
        Some(selector) => vec![store.resolve_branch(Some(selector))?],
        None => store.list_branches()?,
    };
    let report = branches
        .into_iter()
        .map(|b| {
            Ok(BranchWarnings {
                warnings: store.warnings(b.id, today())?,
                branch_id: b.id,
                branch_name: b.name,
            })
        })
        .collect::<Result<Vec<_>>>()?;
    if json {
        return print_json(&report);
    }
    let total: usize = report.iter().map(|b| b.warnings.len()).sum();
    for group in &report {
        for warning in &group.warnings {
            say!("[{}] {}", group.branch_name, warning.message);
        }
    }
    eprintln!("{total} cảnh báo.");
    Ok(())
}
