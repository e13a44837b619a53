//! `chibo data export --out FILE [--all]` / `chibo data import FILE [--dry-run]`: whole
//! branches in the interchange format (docs/interchange-format.md), attached files in the
//! folder `<FILE stem>.attachments` beside the file.

use std::path::PathBuf;

use chibo_store::interchange::{BranchAction, BranchChange, InterchangePreview, RecordCounts};
use chibo_store::{Result, Store};

use crate::output::print_json;

#[derive(clap::Subcommand)]
pub enum Command {
    /// Xuất chi bộ (mặc định: chi bộ đang chọn) ra tệp JSON, tệp đính kèm vào thư mục bên cạnh
    Export {
        /// Tệp cần ghi (ví dụ chi-bo.json; tệp đính kèm vào chi-bo.attachments)
        #[arg(long)]
        out: PathBuf,
        /// Xuất tất cả các chi bộ trong thư mục dữ liệu
        #[arg(long)]
        all: bool,
    },
    /// Nhập tệp trao đổi: thêm chi bộ mới, hoặc thay dữ liệu của chi bộ cùng tên
    Import {
        /// Tệp JSON đã xuất (thư mục .attachments đi kèm để cạnh nó)
        file: PathBuf,
        /// Chỉ xem trước những gì sẽ thay đổi, không ghi
        #[arg(long)]
        dry_run: bool,
    },
}

pub fn run(store: &mut Store, branch: Option<&str>, command: Command, json: bool) -> Result<()> {
    match command {
        Command::Export { out, all } => {
            let ids: Vec<i64> = if all {
                store.list_branches()?.iter().map(|b| b.id).collect()
            } else {
                vec![store.resolve_branch(branch)?.id]
            };
            let done = store.export_interchange(&ids, &out)?;
            if json {
                return print_json(&done);
            }
            for branch in &done.branches {
                eprintln!("{}: {}.", branch.name, counts_text(&branch.counts));
            }
            eprintln!("Đã ghi {}.", done.file);
            if let Some(folder) = &done.attachments_folder {
                eprintln!(
                    "Tệp đính kèm ({}) trong thư mục {folder}: hãy gửi kèm cả thư mục này.",
                    done.attachment_files
                );
            }
            Ok(())
        }
        Command::Import { file, dry_run } => {
            let preview = if dry_run {
                store.preview_interchange(&file)?
            } else {
                store.import_interchange(&file)?
            };
            if json {
                return print_json(&preview);
            }
            print_preview(&preview);
            Ok(())
        }
    }
}

fn counts_text(c: &RecordCounts) -> String {
    format!(
        "{} đảng viên, {} văn bản, {} cuộc họp, {} biên bản, {} tệp đính kèm",
        c.members, c.documents, c.meetings, c.minutes, c.attachments
    )
}

fn change_text(change: &BranchChange, written: bool) -> String {
    let incoming = counts_text(&change.incoming);
    match (change.action, &change.current, written) {
        (BranchAction::Add, _, false) => format!("Sẽ thêm {}: {incoming}.", change.name),
        (BranchAction::Add, _, true) => format!("Đã thêm {}: {incoming}.", change.name),
        (BranchAction::Update, current, done) => {
            let (verb, had) = if done {
                ("Đã cập nhật", "trước đó có")
            } else {
                ("Sẽ cập nhật", "hiện có")
            };
            let before = current
                .as_ref()
                .map(|c| format!(" ({had} {})", counts_text(c)))
                .unwrap_or_default();
            format!(
                "{verb} {}: thay toàn bộ dữ liệu hiện có{before} bằng dữ liệu trong tệp: \
                 {incoming}.",
                change.name
            )
        }
    }
}

fn print_preview(preview: &InterchangePreview) {
    for change in &preview.branches {
        eprintln!("{}", change_text(change, preview.written));
    }
    if preview.attachment_files > 0 {
        let copied = if preview.written {
            "đã chép"
        } else {
            "sẽ chép"
        };
        eprintln!(
            "Tệp đính kèm: {} tệp, trong đó {} tệp mới {copied} vào thư mục dữ liệu.",
            preview.attachment_files, preview.new_attachment_files
        );
    }
    if !preview.written {
        eprintln!("Chưa ghi gì (--dry-run). Bỏ --dry-run để nhập.");
    }
}
