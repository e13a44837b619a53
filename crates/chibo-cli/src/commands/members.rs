//! `chibo members list|import`.

use std::path::{Path, PathBuf};

use chibo_core::dates::format_dmy;
use chibo_store::clock::today;
use chibo_store::members::RosterFilter;
use chibo_store::roster_io::OnDuplicate;
use chibo_store::{Error, Result, Store};

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
    /// Nhập danh sách từ tệp .xlsx, .ods hoặc .csv; có lỗi ở bất kỳ dòng nào thì không ghi gì
    Import {
        /// Tệp bảng tính
        file: PathBuf,
        /// Chỉ xem trước, không ghi
        #[arg(long)]
        dry_run: bool,
        /// Cập nhật đảng viên đã có (trùng số thẻ, hoặc trùng họ tên và ngày sinh) thay vì bỏ qua
        #[arg(long)]
        update_duplicates: bool,
    },
}

pub fn run(store: &mut Store, branch: Option<&str>, command: Command, json: bool) -> Result<()> {
    let branch = store.resolve_branch(branch)?;
    match command {
        Command::Import {
            file,
            dry_run,
            update_duplicates,
        } => {
            let on_duplicate = if update_duplicates {
                OnDuplicate::Update
            } else {
                OnDuplicate::Skip
            };
            import(store, branch.id, &file, dry_run, on_duplicate, json)
        }
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
                say!(
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

fn import(
    store: &mut Store,
    branch_id: i64,
    file: &Path,
    dry_run: bool,
    on_duplicate: OnDuplicate,
    json: bool,
) -> Result<()> {
    let preview = store.preview_import(branch_id, file, today())?;
    for row in &preview.rows {
        for problem in &row.problems {
            match problem.column.as_str() {
                "" => eprintln!("Dòng {}: {}", problem.row_number, problem.message),
                column => eprintln!(
                    "Dòng {}, cột {column}: {}",
                    problem.row_number, problem.message
                ),
            }
        }
    }
    if preview.rows_with_problems > 0 {
        return Err(Error::Validation(chibo_core::validation::FieldError::new(
            "file",
            format!(
                "{} dòng có lỗi (liệt kê ở trên); chưa có gì được ghi. Hãy sửa tệp rồi nhập lại.",
                preview.rows_with_problems
            ),
        )));
    }
    if dry_run {
        if json {
            return print_json(&preview);
        }
        eprintln!(
            "Xem trước: {} dòng hợp lệ, {} trùng với danh sách hiện có. Chưa ghi gì (--dry-run).",
            preview.valid_rows, preview.duplicates
        );
        return Ok(());
    }
    let result = store.commit_import(branch_id, file, &preview.file_hash, on_duplicate, today())?;
    if json {
        return print_json(&result);
    }
    eprintln!(
        "Đã nhập {} đảng viên mới, cập nhật {}, bỏ qua {}.",
        result.created, result.updated, result.skipped
    );
    Ok(())
}
