//! `Store::export_interchange`: the chosen branches read from one consistent snapshot, every
//! attached file checked against its hash, then the files copied into the folder beside the
//! JSON file and the JSON file written last (atomically), so a JSON file never exists
//! without its attachments. Nothing is left behind on failure.

use std::path::Path;

use crate::atomic_file::write_atomic;
use crate::clock::now_text;
use crate::error::{Error, Result};
use crate::interchange::files::{
    check_stored, copy_files, folder_beside, remove_files, WantedFiles,
};
use crate::interchange::format::{InterchangeFile, FORMAT_NAME, FORMAT_VERSION};
use crate::interchange::from_db::read_branch;
use crate::interchange::{count, ExportedBranch, InterchangeExport, RecordCounts};
use crate::store::Store;

/// Refuses a target that cannot be written before any file is copied.
fn check_target(out: &Path) -> Result<()> {
    let shown = out.display();
    if out.is_dir() {
        return Err(Error::Io(format!(
            "Không ghi được tệp {shown}: đã có một thư mục cùng tên. Hãy chọn tên tệp khác."
        )));
    }
    let folder = match out.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    if !folder.is_dir() {
        return Err(Error::Io(format!(
            "Không ghi được tệp {shown}: thư mục {} không tồn tại. Hãy chọn thư mục khác.",
            folder.display()
        )));
    }
    Ok(())
}

impl Store {
    /// Writes the branches `branch_ids` to `out` in the interchange format, their attached
    /// files to the folder beside it (`<name>.attachments`). Refused, with nothing written,
    /// when an attached file is missing or altered in the data folder.
    pub fn export_interchange(&self, branch_ids: &[i64], out: &Path) -> Result<InterchangeExport> {
        if branch_ids.is_empty() {
            return Err(Error::NotFound(
                "Chưa có chi bộ nào để xuất. Tạo bằng `chibo init` hoặc `chibo demo`.".into(),
            ));
        }
        self.check_output(out)?;
        check_target(out)?;
        let mut files = WantedFiles::default();
        let branches = {
            // One read transaction: every branch from the same state of the database.
            let snapshot = self.conn.unchecked_transaction()?;
            let branches = branch_ids
                .iter()
                .map(|id| read_branch(&snapshot, *id, &mut files))
                .collect::<Result<Vec<_>>>()?;
            snapshot.finish()?;
            branches
        };
        let document = InterchangeFile {
            format: FORMAT_NAME.to_owned(),
            version: FORMAT_VERSION,
            exported_at: now_text(),
            app_version: env!("CARGO_PKG_VERSION").to_owned(),
            branches,
        };
        let mut json = serde_json::to_vec_pretty(&document)
            .map_err(|e| Error::Internal(format!("Không tạo được tệp JSON ({e}).")))?;
        json.push(b'\n');

        let folder = folder_beside(out);
        let mut created = Vec::new();
        let mut created_folder = false;
        if !files.is_empty() {
            let root = self.data_dir().map(|d| d.attachments()).ok_or_else(|| {
                Error::Internal("Dữ liệu tạm trong bộ nhớ không có thư mục đính kèm.".into())
            })?;
            check_stored(&root, &files)?;
            created_folder = !folder.exists();
            copy_files(&root, &folder, &files, &mut created).inspect_err(|_| {
                remove_files(&created);
                if created_folder {
                    let _ = std::fs::remove_dir(&folder);
                }
            })?;
        }
        if let Err(err) = write_atomic(out, &json) {
            remove_files(&created);
            if created_folder {
                let _ = std::fs::remove_dir(&folder);
            }
            return Err(err);
        }
        Ok(InterchangeExport {
            file: out.display().to_string(),
            attachments_folder: (!files.is_empty()).then(|| folder.display().to_string()),
            branches: document
                .branches
                .iter()
                .map(|branch| ExportedBranch {
                    name: branch.profile.name.clone(),
                    counts: RecordCounts::of(branch),
                })
                .collect(),
            attachment_files: count(files.len()),
        })
    }
}
