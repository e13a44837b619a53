//! `chibo`: the command line of Sổ tay Chi bộ, a thin adapter over chibo-store (the same
//! operations the desktop app calls). Messages in Vietnamese on stderr; exit 0 on success,
//! 1 when the input was rejected (nothing changed), 2 on an internal failure.

#[macro_use]
mod output;
mod commands;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(name = "chibo", version, about = "Sổ tay Chi bộ — dòng lệnh")]
struct Cli {
    /// Thư mục dữ liệu (mặc định: thư mục của ứng dụng; hoặc biến CHIBO_DATA_DIR)
    #[arg(long, global = true, value_name = "DIR")]
    data_dir: Option<PathBuf>,
    /// In kết quả dạng JSON ra stdout
    #[arg(long, global = true)]
    json: bool,
    /// Chi bộ (số hoặc tên); mặc định: chi bộ mở gần nhất
    #[arg(long, global = true, value_name = "ID|TÊN")]
    branch: Option<String>,
    /// Coi ngày này là hôm nay, ví dụ 2026-12-31 để xem cảnh báo tính đến cuối năm
    /// (hoặc biến CHIBO_TODAY); mặc định: ngày của máy tính
    #[arg(long, global = true, value_name = "YYYY-MM-DD", env = "CHIBO_TODAY")]
    today: Option<String>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Tạo hoặc cập nhật thông tin chi bộ (theo tên chi bộ)
    Init(commands::init::Args),
    /// Tạo chi bộ mẫu trong thư mục dữ liệu trống
    Demo,
    /// Thư mục dữ liệu, phiên bản lược đồ, các chi bộ và số bản ghi
    Info,
    /// Danh sách đảng viên
    #[command(subcommand)]
    Members(commands::members::Command),
    /// Lịch sinh hoạt của chi bộ
    #[command(subcommand)]
    Meetings(commands::meetings::Command),
    /// Biên bản và văn bản của cuộc họp
    #[command(subcommand)]
    Minutes(commands::minutes::Command),
    /// Các cảnh báo đang mở (hết dự bị, quá hạn xét chính thức, vắng họp, cuộc họp, …)
    Warnings,
    /// Sao lưu toàn bộ dữ liệu ra một tệp (đã kiểm tra toàn vẹn)
    Backup {
        /// Tệp sao lưu cần ghi (.sqlite3)
        #[arg(long)]
        out: PathBuf,
    },
    /// Khôi phục dữ liệu từ một bản sao lưu (dữ liệu hiện tại được giữ một bản an toàn)
    Restore {
        /// Tệp sao lưu (.sqlite3)
        path: PathBuf,
    },
    /// Kiểm tra toàn vẹn dữ liệu, liên kết và mã băm của mọi tệp đính kèm
    Verify,
    /// Xuất / nhập dữ liệu trọn vẹn của chi bộ (tệp JSON có phiên bản, kèm tệp đính kèm)
    #[command(subcommand)]
    Data(commands::data::Command),
}

/// Pins the one clock to `--today`, before anything reads it.
fn pin_today(today: Option<&str>) -> Result<(), String> {
    let Some(text) = today else {
        return Ok(());
    };
    let day = chibo_store::clock::parse_day(text)?;
    chibo_store::clock::pin(day)
        .map_err(|pinned| format!("Đồng hồ đã được đặt là ngày {pinned}, không đổi được nữa."))
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        // --help and --version are answers, not errors; a wrong command line is rejected
        // input (exit 1, as every other refusal), not clap's own code 2.
        Err(err) => {
            let _ = err.print();
            return match err.kind() {
                clap::error::ErrorKind::DisplayHelp | clap::error::ErrorKind::DisplayVersion => {
                    ExitCode::SUCCESS
                }
                _ => ExitCode::from(1),
            };
        }
    };
    if let Err(message) = pin_today(cli.today.as_deref()) {
        eprintln!("Lỗi: {message}");
        return ExitCode::from(1);
    }
    let data_dir = chibo_store::DataDir::resolve(cli.data_dir);
    if let Command::Restore { path } = &cli.command {
        let result = data_dir.and_then(|dir| commands::backup::restore(dir, path, cli.json));
        return match result {
            Ok(()) => ExitCode::SUCCESS,
            Err(err) => output::report_error(&err),
        };
    }
    let result = data_dir
        .and_then(chibo_store::Store::open)
        .and_then(|mut store| match cli.command {
            Command::Init(args) => commands::init::run(&mut store, &args, cli.json),
            Command::Demo => commands::demo::run(&mut store, cli.json),
            Command::Info => commands::info::run(&store, cli.json),
            Command::Members(command) => {
                commands::members::run(&mut store, cli.branch.as_deref(), command, cli.json)
            }
            Command::Meetings(command) => {
                commands::meetings::run(&mut store, cli.branch.as_deref(), command, cli.json)
            }
            Command::Minutes(command) => commands::minutes::run(&mut store, command, cli.json),
            Command::Warnings => commands::warnings::run(&store, cli.branch.as_deref(), cli.json),
            Command::Backup { out } => commands::backup::backup(&store, &out, cli.json),
            // Handled above, before the store is opened.
            Command::Restore { .. } => Ok(()),
            Command::Verify => commands::backup::verify(&store, cli.json),
            Command::Data(command) => {
                commands::data::run(&mut store, cli.branch.as_deref(), command, cli.json)
            }
        });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => output::report_error(&err),
    }
}
