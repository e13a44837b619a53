//! `chibo init`: create the branch profile, or update the one with the same name.

use chibo_core::branch::BranchInput;
use chibo_core::dates::parse_dmy;
use chibo_core::text::fold;
use chibo_store::{Result, Store};

use crate::output::print_json;

#[derive(clap::Args)]
pub struct Args {
    /// Tên chi bộ, ví dụ "Chi bộ thôn Bản Chắt"
    #[arg(long)]
    branch: String,
    /// Đảng bộ cấp trên, ví dụ "Đảng bộ xã Tân Thành"
    #[arg(long)]
    parent: String,
    /// Địa danh ghi trên văn bản, ví dụ "Tân Thành"
    #[arg(long)]
    place: String,
    /// Nhiệm kỳ từ ngày (dd/mm/yyyy)
    #[arg(long, value_name = "DD/MM/YYYY")]
    term_start: Option<String>,
    /// Nhiệm kỳ đến ngày (dd/mm/yyyy)
    #[arg(long, value_name = "DD/MM/YYYY")]
    term_end: Option<String>,
}

pub fn run(store: &mut Store, args: &Args, json: bool) -> Result<()> {
    let date = |field: &str, label: &str, text: &Option<String>| {
        text.as_deref()
            .map(|t| parse_dmy(field, label, t))
            .transpose()
    };
    let input = BranchInput {
        name: args.branch.clone(),
        parent_name: args.parent.clone(),
        place: args.place.clone(),
        term_start: date("term_start", "Nhiệm kỳ từ ngày", &args.term_start)?,
        term_end: date("term_end", "Nhiệm kỳ đến ngày", &args.term_end)?,
        founded_on: None,
    };
    let existing = store
        .list_branches()?
        .into_iter()
        .find(|b| fold(&b.name) == fold(&args.branch));
    let (branch, verb) = match existing {
        Some(found) => (store.update_branch(found.id, &input)?, "Đã cập nhật"),
        None => (store.create_branch(&input)?, "Đã tạo"),
    };
    if json {
        return print_json(&branch);
    }
    eprintln!(
        "{verb} {} (số {}), thuộc {}.",
        branch.name, branch.id, branch.parent_name
    );
    Ok(())
}
