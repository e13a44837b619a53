//! The demo branch offered on first start and by `chibo demo`: realistic data, only into an
//! empty data directory. Each capability adds its own part here.

use chibo_core::branch::{Branch, BranchInput};
use chrono::NaiveDate;

use crate::error::{Error, Result};
use crate::store::Store;

fn demo_branch() -> BranchInput {
    BranchInput {
        name: "Chi bộ thôn Bản Chắt".into(),
        parent_name: "Đảng bộ xã Tân Thành".into(),
        place: "Tân Thành".into(),
        term_start: NaiveDate::from_ymd_opt(2025, 8, 1),
        term_end: NaiveDate::from_ymd_opt(2030, 7, 31),
    }
}

impl Store {
    /// Fills an empty data directory with the demo branch and selects it.
    pub fn create_demo(&mut self) -> Result<Branch> {
        if !self.list_branches()?.is_empty() {
            return Err(Error::Conflict(
                "Dữ liệu mẫu chỉ tạo được khi chưa có chi bộ nào. Dữ liệu hiện có được giữ \
                 nguyên."
                    .into(),
            ));
        }
        let branch = self.create_branch(&demo_branch())?;
        self.select_branch(branch.id)?;
        Ok(branch)
    }
}
