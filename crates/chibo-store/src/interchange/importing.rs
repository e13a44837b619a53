//! `Store::preview_interchange` and `Store::import_interchange`: the file read and checked
//! whole (format, version, keys, references, hashes, every attached file) before anything
//! is written; then the attached files copied in, and every branch written in ONE
//! transaction: added when no branch has its name, its records replaced when one does. On
//! any error nothing is written and the files this import copied are removed again.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use chibo_core::attachment::extension_of;
use chibo_core::text::fold;
use rusqlite::{params, Connection, OptionalExtension, TransactionBehavior};

use crate::attachment_files::stored_name;
use crate::error::{Error, Result};
use crate::interchange::files::{check_incoming, copy_files, folder_beside, WantedFiles};
use crate::interchange::format::InterchangeFile;
use crate::interchange::read::read;
use crate::interchange::to_db::write_branch;
use crate::interchange::validate::check;
use crate::interchange::{count, BranchAction, BranchChange, InterchangePreview, RecordCounts};
use crate::store::Store;

/// A file read and checked, with its attachments verified.
struct Checked {
    file: InterchangeFile,
    files: WantedFiles,
    folder: PathBuf,
}

fn load(path: &Path) -> Result<Checked> {
    let file = read(path)?;
    let files = check(&file)?;
    let folder = folder_beside(path);
    if !files.is_empty() {
        check_incoming(&folder, &files)?;
    }
    Ok(Checked {
        file,
        files,
        folder,
    })
}

fn branch_named(conn: &Connection, name: &str) -> Result<Option<i64>> {
    Ok(conn
        .query_row(
            "SELECT id FROM branch WHERE name_folded = ?1",
            [fold(name)],
            |row| row.get(0),
        )
        .optional()?)
}

fn counts_in_db(conn: &Connection, branch_id: i64) -> Result<RecordCounts> {
    Ok(conn.query_row(
        "SELECT (SELECT COUNT(*) FROM member WHERE branch_id = ?1),
                (SELECT COUNT(*) FROM document WHERE branch_id = ?1),
                (SELECT COUNT(*) FROM meeting WHERE branch_id = ?1),
                (SELECT COUNT(*) FROM minutes n JOIN meeting m ON m.id = n.meeting_id
                 WHERE m.branch_id = ?1),
                (SELECT COUNT(*) FROM attachment a JOIN meeting m ON m.id = a.meeting_id
                 WHERE m.branch_id = ?1)",
        [branch_id],
        |row| {
            Ok(RecordCounts {
                members: row.get(0)?,
                documents: row.get(1)?,
                meetings: row.get(2)?,
                minutes: row.get(3)?,
                attachments: row.get(4)?,
            })
        },
    )?)
}

/// The stored file names of a branch's attachments.
fn file_names_of(conn: &Connection, branch_id: i64) -> Result<BTreeSet<String>> {
    let mut stmt = conn.prepare(
        "SELECT a.sha256, a.original_name FROM attachment a JOIN meeting m ON m.id = a.meeting_id
         WHERE m.branch_id = ?1",
    )?;
    let rows = stmt.query_map([branch_id], |row| {
        Ok((row.get::<_, String>(0)?, row.get::<_, String>(1)?))
    })?;
    rows.map(|row| {
        let (sha256, name) = row?;
        Ok(stored_name(&sha256, extension_of(&name).as_deref()))
    })
    .collect()
}

/// Removes the files an import that failed had copied in, except those a committed row
/// refers to (a parallel import of the same file may have committed meanwhile). Checked
/// and removed under the write lock, so no import commits a reference in between; when the
/// lock cannot be had, the files stay (unused space, never a missing file).
fn remove_unused(conn: &mut Connection, created: &[PathBuf]) {
    let Ok(tx) = conn.transaction_with_behavior(TransactionBehavior::Immediate) else {
        return;
    };
    for path in created {
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        if !still_used(&tx, &name).unwrap_or(true) {
            let _ = std::fs::remove_file(path);
        }
    }
    let _ = tx.commit();
}

/// Whether any attachment still refers to the stored file `name`.
fn still_used(conn: &Connection, name: &str) -> Result<bool> {
    let sha256 = name.split('.').next().unwrap_or_default();
    let mut stmt = conn.prepare("SELECT original_name FROM attachment WHERE sha256 = ?1")?;
    let names = stmt.query_map(params![sha256], |row| row.get::<_, String>(0))?;
    for original in names {
        if stored_name(sha256, extension_of(&original?).as_deref()) == name {
            return Ok(true);
        }
    }
    Ok(false)
}

impl Store {
    fn attachments_root_for_import(&self) -> Result<PathBuf> {
        self.data_dir().map(|d| d.attachments()).ok_or_else(|| {
            Error::Internal("Dữ liệu tạm trong bộ nhớ không có thư mục đính kèm.".into())
        })
    }

    fn plan(&self, path: &Path, checked: &Checked) -> Result<InterchangePreview> {
        let branches = checked
            .file
            .branches
            .iter()
            .map(|branch| {
                let existing = branch_named(&self.conn, &branch.profile.name)?;
                Ok(BranchChange {
                    name: branch.profile.name.clone(),
                    action: match existing {
                        Some(_) => BranchAction::Update,
                        None => BranchAction::Add,
                    },
                    branch_id: existing,
                    incoming: RecordCounts::of(branch),
                    current: existing
                        .map(|id| counts_in_db(&self.conn, id))
                        .transpose()?,
                })
            })
            .collect::<Result<Vec<_>>>()?;
        let new_files = match self.data_dir() {
            Some(dir) => {
                let root = dir.attachments();
                checked
                    .files
                    .iter()
                    .filter(|f| !root.join(&f.file_name).is_file())
                    .count()
            }
            None => checked.files.len(),
        };
        Ok(InterchangePreview {
            file: path.display().to_string(),
            version: checked.file.version,
            exported_at: checked.file.exported_at.clone(),
            app_version: checked.file.app_version.clone(),
            branches,
            attachment_files: count(checked.files.len()),
            new_attachment_files: count(new_files),
            written: false,
        })
    }

    /// What importing `path` would do; reads and checks everything, writes nothing.
    pub fn preview_interchange(&self, path: &Path) -> Result<InterchangePreview> {
        let checked = load(path)?;
        self.plan(path, &checked)
    }

    /// Imports `path`: every branch of the file added or (same name) replaced, in one
    /// transaction, its attached files copied into the data folder. On any problem nothing
    /// is written.
    pub fn import_interchange(&mut self, path: &Path) -> Result<InterchangePreview> {
        let checked = load(path)?;
        let mut preview = self.plan(path, &checked)?;
        let root = if checked.files.is_empty() {
            None
        } else {
            Some(self.attachments_root_for_import()?)
        };
        let mut replaced_files = BTreeSet::new();
        for change in &preview.branches {
            if let Some(id) = change.branch_id {
                replaced_files.extend(file_names_of(&self.conn, id)?);
            }
        }
        let mut created = Vec::new();
        if let Some(root) = &root {
            if let Err(err) = copy_files(&checked.folder, root, &checked.files, &mut created) {
                remove_unused(&mut self.conn, &created);
                return Err(err);
            }
        }
        let written = (|| -> Result<Vec<(Option<i64>, i64)>> {
            let tx = self.conn.transaction()?;
            let mut ids = Vec::new();
            for branch in &checked.file.branches {
                // Looked up again inside the transaction: what is replaced is what is there.
                let existing = branch_named(&tx, &branch.profile.name)?;
                ids.push((existing, write_branch(&tx, branch, existing)?));
            }
            tx.commit()?;
            Ok(ids)
        })();
        let ids = match written {
            Ok(ids) => ids,
            Err(err) => {
                remove_unused(&mut self.conn, &created);
                return Err(err);
            }
        };
        // A parallel import that failed may have removed a file this one found in place
        // and relies on: every file the committed rows need is put back if missing.
        if let Some(root) = &root {
            copy_files(&checked.folder, root, &checked.files, &mut Vec::new())?;
        }
        for (change, (existing, id)) in preview.branches.iter_mut().zip(ids) {
            change.action = match existing {
                Some(_) => BranchAction::Update,
                None => BranchAction::Add,
            };
            change.branch_id = Some(id);
        }
        if let Some(root) = self.data_dir().map(|d| d.attachments()) {
            for name in replaced_files {
                // The rows are gone; a file that cannot be removed now is only unused space.
                if !still_used(&self.conn, &name).unwrap_or(true) {
                    let _ = std::fs::remove_file(root.join(&name));
                }
            }
        }
        preview.written = true;
        Ok(preview)
    }
}
