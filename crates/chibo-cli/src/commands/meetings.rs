//! `chibo meetings plan|list`.

use chibo_core::dates::format_dmy;
use chibo_core::planning::DayRule;
use chibo_store::clock::today;
use chibo_store::{Result, Store};
use chrono::Datelike;

use crate::output::print_json;

#[derive(clap::Subcommand)]
pub enum Command {
    /// Lập lịch sinh hoạt cả năm: thường kỳ hằng tháng, chuyên đề mỗi quý; chạy lại không tạo trùng
    Plan {
        /// Năm cần lập lịch
        #[arg(long)]
        year: i32,
        /// Ngày họp hằng tháng (1–31)
        #[arg(long, default_value_t = 5)]
        day: u32,
        /// Giữ nguyên ngày họp rơi vào Chủ nhật (mặc định: dời sang thứ Hai)
        #[arg(long)]
        keep_sundays: bool,
    },
    /// Các cuộc sinh hoạt trong năm
    List {
        /// Năm (mặc định: năm nay)
        #[arg(long)]
        year: Option<i32>,
    },
}

pub fn run(store: &mut Store, branch: Option<&str>, command: Command, json: bool) -> Result<()> {
    let branch = store.resolve_branch(branch)?;
    let (meetings, verb) = match command {
        Command::Plan {
            year,
            day,
            keep_sundays,
        } => {
            let rule = DayRule {
                day,
                avoid_sunday: !keep_sundays,
                avoid_holidays: true,
            };
            (store.plan_year(branch.id, year, rule)?, Some(year))
        }
        Command::List { year } => (
            store.meetings_of_year(branch.id, year.unwrap_or_else(|| today().year()))?,
            None,
        ),
    };
    if json {
        return print_json(&meetings);
    }
    for meeting in &meetings {
        println!(
            "{:>5}  {}  {:<8} {:<34} {}",
            meeting.id,
            format_dmy(meeting.date),
            meeting.status.label(),
            meeting.kind.label(),
            meeting.title
        );
    }
    match verb {
        Some(year) => eprintln!(
            "{}: đã thêm {} cuộc sinh hoạt vào lịch năm {year}.",
            branch.name,
            meetings.len()
        ),
        None => eprintln!("{}: {} cuộc sinh hoạt.", branch.name, meetings.len()),
    }
    Ok(())
}
