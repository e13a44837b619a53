//! `chibo meetings plan|list|show`.

use chibo_core::dates::format_dmy;
use chibo_core::minutes::{outcome_words, passes, Resolution};
use chibo_core::planning::DayRule;
use chibo_store::clock::today;
use chibo_store::meeting_record::MeetingDetail;
use chibo_store::minutes::MinutesStatus;
use chibo_store::roll_call::{RollCall, RollCallLine};
use chibo_store::{Result, Store};
use chrono::Datelike;
use serde::Serialize;

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
    /// Một cuộc sinh hoạt: điểm danh, số liệu, biểu quyết (đã thông qua: như lúc thông qua)
    Show {
        /// Mã cuộc sinh hoạt (cột đầu của `meetings list`)
        id: i64,
    },
}

/// A resolution with the outcome the minutes state, against the roll call's denominator.
#[derive(Serialize)]
struct Outcome<'a> {
    #[serde(flatten)]
    resolution: &'a Resolution,
    vote_denominator: u32,
    passed: bool,
}

/// What `meetings show --json` prints: the roll call as frozen for approved minutes.
#[derive(Serialize)]
struct MeetingReport<'a> {
    meeting: &'a MeetingDetail,
    roll_call: &'a RollCall,
    minutes_status: MinutesStatus,
    minutes_number: Option<&'a str>,
    content_hash: Option<&'a str>,
    resolutions: Vec<Outcome<'a>>,
}

fn show(store: &Store, id: i64, json: bool) -> Result<()> {
    let meeting = store.meeting_detail(id)?;
    let roll_call = store.roll_call(id)?;
    let minutes = store.minutes(id)?;
    let denominator = roll_call.counts.vote_denominator;
    let report = MeetingReport {
        meeting: &meeting,
        roll_call: &roll_call,
        minutes_status: minutes.status,
        minutes_number: minutes.number.as_deref(),
        content_hash: minutes.content_hash.as_deref(),
        resolutions: minutes
            .content
            .resolutions
            .iter()
            .map(|resolution| Outcome {
                resolution,
                vote_denominator: denominator,
                passed: passes(resolution, denominator),
            })
            .collect(),
    };
    if json {
        return print_json(&report);
    }
    let input = &meeting.meeting;
    say!("{} — {}", format_dmy(input.date), input.title);
    say!(
        "{}{}",
        input.kind.label(),
        if roll_call.locked {
            " · biên bản đã thông qua: điểm danh và số liệu như lúc thông qua"
        } else {
            ""
        }
    );
    let print_lines = |heading: &str, lines: &[RollCallLine]| {
        if lines.is_empty() {
            return;
        }
        say!("\n{heading}");
        for (n, line) in lines.iter().enumerate() {
            let mark = line.mark.as_ref().map_or("Chưa điểm danh".to_owned(), |m| {
                if m.reason.is_empty() {
                    m.presence.label().to_owned()
                } else {
                    format!("{} ({})", m.presence.label(), m.reason)
                }
            });
            say!(
                "{:>3}. {:<30} {:<28} {mark}",
                n + 1,
                line.member.full_name,
                line.standing.label()
            );
        }
    };
    print_lines("Phải dự họp", &roll_call.summoned);
    print_lines("Miễn sinh hoạt", &roll_call.exempted);
    print_lines("Sinh hoạt tạm thời nơi khác", &roll_call.sent_away);
    let c = &roll_call.counts;
    say!(
        "\nPhải dự {}; có mặt: chính thức {}, dự bị {}, miễn sinh hoạt {}, nơi khác {}; vắng có lý do {}, \
         vắng không lý do {}; chưa điểm danh {}. Tỷ lệ dự họp {}. Tính biểu quyết {}, có mặt được \
         biểu quyết {}.",
        c.summoned,
        c.present_official,
        c.present_probationary,
        c.present_exempted,
        c.present_sent_away,
        c.absent_excused,
        c.absent_unexcused,
        c.unmarked,
        c.attendance_rate.as_deref().unwrap_or("—"),
        c.vote_denominator,
        c.voters_present
    );
    for outcome in &report.resolutions {
        say!(
            "Biểu quyết: {}: tán thành {}/{}; {}.",
            outcome.resolution.text,
            outcome.resolution.votes_for,
            denominator,
            outcome_words(outcome.passed)
        );
    }
    Ok(())
}

pub fn run(store: &mut Store, branch: Option<&str>, command: Command, json: bool) -> Result<()> {
    let (branch, meetings, verb) = match command {
        Command::Show { id } => return show(store, id, json),
        Command::Plan {
            year,
            day,
            keep_sundays,
        } => {
            let branch = store.resolve_branch(branch)?;
            let rule = DayRule {
                day,
                avoid_sunday: !keep_sundays,
                avoid_holidays: true,
            };
            let planned = store.plan_year(branch.id, year, rule)?;
            (branch, planned, Some(year))
        }
        Command::List { year } => {
            let branch = store.resolve_branch(branch)?;
            let year = year.unwrap_or_else(|| today().year());
            let meetings = store.meetings_of_year(branch.id, year)?;
            (branch, meetings, None)
        }
    };
    if json {
        return print_json(&meetings);
    }
    for meeting in &meetings {
        say!(
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
