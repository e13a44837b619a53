//! `chibo info`: the data directory, schema version, branches and record counts.

use chibo_store::{Result, Store};

use crate::output::print_json;

pub fn run(store: &Store, json: bool) -> Result<()> {
    let info = store.info(chibo_store::clock::today())?;
    if json {
        return print_json(&info);
    }
    say!("Thư mục dữ liệu: {}", info.data_dir);
    say!("Phiên bản lược đồ: {}", info.schema_version);
    if info.branches.is_empty() {
        say!("Chưa có chi bộ nào. Tạo bằng `chibo init` hoặc `chibo demo`.");
    }
    for summary in &info.branches {
        let m = summary.members;
        say!(
            "{:>4}  {} — {}: {} đảng viên (chính thức {}, dự bị {}, miễn sinh hoạt {}); \
             thiết lập: {} phiên bản",
            summary.branch.id,
            summary.branch.name,
            summary.branch.parent_name,
            m.total,
            m.official,
            m.probationary,
            m.exempted,
            summary.settings_versions
        );
    }
    Ok(())
}
