//! `chibo info`: the data directory, schema version, branches and record counts.

use chibo_store::{Result, Store};

use crate::output::print_json;

pub fn run(store: &Store, json: bool) -> Result<()> {
    let info = store.info()?;
    if json {
        return print_json(&info);
    }
    println!("Thư mục dữ liệu: {}", info.data_dir);
    println!("Phiên bản lược đồ: {}", info.schema_version);
    if info.branches.is_empty() {
        println!("Chưa có chi bộ nào. Tạo bằng `chibo init` hoặc `chibo demo`.");
    }
    for summary in &info.branches {
        println!(
            "{:>4}  {} — {} (thiết lập: {} phiên bản)",
            summary.branch.id,
            summary.branch.name,
            summary.branch.parent_name,
            summary.settings_versions
        );
    }
    Ok(())
}
