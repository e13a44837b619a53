//! `chibo minutes export MEETING_ID --format docx|pdf --out PATH [--document …]
//! [--issued-on YYYY-MM-DD]`. Printing the notice issues it the first time (its own number
//! and date); `--issued-on` says or corrects when it went out.

use std::path::PathBuf;

use chibo_store::meeting_documents::{DocumentFormat, MeetingDocument};
use chibo_store::{clock, Result, Store};
use chrono::NaiveDate;

use crate::output::print_json;

#[derive(Clone, Copy, clap::ValueEnum)]
pub enum Format {
    Docx,
    Pdf,
}

#[derive(Clone, Copy, clap::ValueEnum)]
pub enum Document {
    /// Biên bản
    Minutes,
    /// Danh sách đảng viên dự sinh hoạt (để ký)
    SignIn,
    /// Thông báo và chương trình cuộc họp
    Notice,
}

#[derive(clap::Subcommand)]
pub enum Command {
    /// Xuất biên bản (hoặc danh sách ký, thông báo) theo thể thức văn bản của Đảng
    Export {
        /// Số của cuộc họp (xem `chibo meetings list`)
        meeting_id: i64,
        #[arg(long, value_enum)]
        format: Format,
        /// Tệp cần ghi
        #[arg(long)]
        out: PathBuf,
        #[arg(long, value_enum, default_value = "minutes")]
        document: Document,
        /// Ngày ra thông báo (năm-tháng-ngày); mặc định hôm nay nếu cuộc họp chưa diễn ra
        #[arg(long, value_parser = clock::parse_day)]
        issued_on: Option<NaiveDate>,
    },
}

pub fn run(store: &mut Store, command: Command, json: bool) -> Result<()> {
    let Command::Export {
        meeting_id,
        format,
        out,
        document,
        issued_on,
    } = command;
    let format = match format {
        Format::Docx => DocumentFormat::Docx,
        Format::Pdf => DocumentFormat::Pdf,
    };
    let document = match document {
        Document::Minutes => MeetingDocument::Minutes,
        Document::SignIn => MeetingDocument::SignInSheet,
        Document::Notice => MeetingDocument::Notice,
    };
    if issued_on.is_some() && document != MeetingDocument::Notice {
        return Err(chibo_core::validation::FieldError::new(
            "issued_on",
            "--issued-on chỉ dùng khi in thông báo (--document notice).",
        )
        .into());
    }
    store.print_meeting_document(
        meeting_id,
        document,
        format,
        &out,
        issued_on,
        clock::today(),
    )?;
    if json {
        return print_json(&out.display().to_string());
    }
    eprintln!("Đã ghi {}.", out.display());
    Ok(())
}
