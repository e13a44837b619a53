//! `chibo members list|import`.

use chibo_core::dates::format_dmy;
use chibo_store::members::RosterFilter;
use chibo_store::{today, Result, Store};

use crate::output::print_json;

#[derive(clap::Subcommand)]
pub enum Command {
    /// Danh sách đảng viên đang sinh hoạt, theo thứ tự tên tiếng Việt
    List {
        /// Tìm theo tên (không dấu cũng được) hoặc số thẻ
        #[arg(long, default_value = "")]
        search: String,
        /// Gồm cả người đã chuyển đi, từ trần, xóa tên, khai trừ
        #[arg(long)]
        all: bool,
    },
}

pub fn run(store: &mut Store, branch: Option<&str>, command: Command, json: bool) -> Result<()> {
    let branch = store.resolve_branch(branch)?;
    match command {
        Command::List { search, all } => {
            let filter = if all {
                RosterFilter::All
            } else {
                RosterFilter::OnRoll
            };
            let view = store.roster(branch.id, today(), &search, filter)?;
            if json {
                return print_json(&view);
            }
            for (index, entry) in view.entries.iter().enumerate() {
                let m = &entry.member;
                println!(
                    "{:>3}. {:<28} {:>10}  vào Đảng {}  {}",
                    index + 1,
                    m.full_name,
                    m.birth_date.map(format_dmy).unwrap_or_default(),
                    format_dmy(m.admitted_on),
                    entry.standing.label()
                );
            }
            let c = view.counts;
            eprintln!(
                "{}: tổng số {}, chính thức {}, dự bị {}, miễn sinh hoạt {} (tính đến {}).",
                branch.name,
                c.total,
                c.official,
                c.probationary,
                c.exempted,
                format_dmy(view.as_of)
            );
            Ok(())
        }
    }
}
