//! `chibo minutes export MEETING_ID --format docx|pdf --out PATH [--document …]`.

use std::path::PathBuf;

use chibo_store::meeting_documents::{DocumentFormat, MeetingDocument};
use chibo_store::{Result, Store};

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
    },
}

pub fn run(store: &Store, command: Command, json: bool) -> Result<()> {
    let Command::Export {
        meeting_id,
        format,
        out,
        document,
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
    store.export_meeting_document(meeting_id, document, format, &out)?;
    if json {
        return print_json(&out.display().to_string());
    }
    eprintln!("Đã ghi {}.", out.display());
    Ok(())
}
