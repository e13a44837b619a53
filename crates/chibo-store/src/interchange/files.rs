//! The attachments folder beside an interchange file (`<file stem>.attachments/`): which
//! files a set of records needs, checking each one's size and SHA-256, and copying them
//! out of the data folder on export or into it on import. Files are named as in the data
//! folder: `<sha256>.<extension>`.

use std::collections::BTreeMap;
use std::fs::File;
use std::path::{Path, PathBuf};

use chibo_core::attachment::extension_of;

use crate::attachment_files::{stored_name, AttachmentFolder};
use crate::error::{Error, Result};
use crate::hashing::sha256_hex_of;
use crate::interchange::format::AttachmentRecord;

/// The attachments folder that goes with `file`: `hồ sơ.json` → `hồ sơ.attachments`.
pub fn folder_beside(file: &Path) -> PathBuf {
    let stem = file
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "chibo".to_owned());
    file.with_file_name(format!("{stem}.attachments"))
}

/// The name an attachment's file has, in the data folder and beside the JSON file.
pub(crate) fn file_name_of(record: &AttachmentRecord) -> String {
    stored_name(&record.sha256, extension_of(&record.name).as_deref())
}

/// One file a set of records needs, with where it was first named (for messages).
#[derive(Debug, Clone)]
pub(crate) struct Wanted {
    pub file_name: String,
    pub sha256: String,
    pub size: u64,
    /// e.g. "tệp “Thông báo.docx” của cuộc họp ngày 05/03/2026 (Chi bộ thôn Bản Chắt)"
    pub label: String,
}

/// The distinct files wanted, by name (a file attached twice is copied once).
#[derive(Debug, Default)]
pub(crate) struct WantedFiles {
    files: BTreeMap<String, Wanted>,
}

impl WantedFiles {
    pub fn add(&mut self, record: &AttachmentRecord, label: String) {
        let file_name = file_name_of(record);
        self.files.entry(file_name.clone()).or_insert(Wanted {
            file_name,
            sha256: record.sha256.clone(),
            size: record.size,
            label,
        });
    }

    pub fn len(&self) -> usize {
        self.files.len()
    }

    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = &Wanted> {
        self.files.values()
    }
}

/// What was found for a wanted file.
enum Found {
    Intact,
    Missing,
    OtherSize(u64),
    OtherContent,
}

fn look_at(path: &Path, wanted: &Wanted) -> std::io::Result<Found> {
    let metadata = match std::fs::metadata(path) {
        Ok(metadata) if metadata.is_file() => metadata,
        Ok(_) => return Ok(Found::Missing),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Found::Missing),
        Err(e) => return Err(e),
    };
    if metadata.len() != wanted.size {
        return Ok(Found::OtherSize(metadata.len()));
    }
    let found = sha256_hex_of(File::open(path)?)?;
    Ok(if found == wanted.sha256 {
        Found::Intact
    } else {
        Found::OtherContent
    })
}

/// Export: every stored file is present in the data folder with its recorded content;
/// otherwise the export is refused (broken data is never written out silently).
pub(crate) fn check_stored(data_attachments: &Path, files: &WantedFiles) -> Result<()> {
    for wanted in files.iter() {
        let path = data_attachments.join(&wanted.file_name);
        let label = &wanted.label;
        match look_at(&path, wanted) {
            Ok(Found::Intact) => {}
            Ok(Found::Missing) => {
                return Err(Error::NotFound(format!(
                    "Không xuất được: {label} không còn trong thư mục dữ liệu ({}). Hãy khôi \
                     phục tệp từ bản sao lưu hoặc gỡ rồi đính kèm lại, sau đó xuất lại. Chưa \
                     ghi tệp nào.",
                    path.display()
                )))
            }
            Ok(Found::OtherSize(_) | Found::OtherContent) => {
                return Err(Error::Corrupt(format!(
                    "Không xuất được: {label} đã bị thay đổi trên đĩa sau khi đính kèm (mã \
                     băm SHA-256 không khớp). Hãy khôi phục tệp từ bản sao lưu hoặc gỡ rồi \
                     đính kèm lại bản gốc, sau đó xuất lại. Chưa ghi tệp nào."
                )))
            }
            Err(e) => {
                return Err(Error::io(
                    &format!("Không đọc được {label} trong thư mục dữ liệu"),
                    &e,
                ))
            }
        }
    }
    Ok(())
}

/// Import: every file the records name is in the folder beside the JSON file, with the
/// recorded size and SHA-256. Checked before anything is written.
pub(crate) fn check_incoming(folder: &Path, files: &WantedFiles) -> Result<()> {
    for wanted in files.iter() {
        let path = folder.join(&wanted.file_name);
        let label = &wanted.label;
        let refuse = |why: String| -> Error {
            chibo_core::validation::FieldError::new(
                "attachments",
                format!("{why} Chưa có gì được ghi."),
            )
            .into()
        };
        match look_at(&path, wanted) {
            Ok(Found::Intact) => {}
            Ok(Found::Missing) => {
                return Err(refuse(format!(
                    "Thiếu {label}: không có tệp {} trong thư mục {}. Hãy chép cả thư mục đính \
                     kèm đi kèm tệp dữ liệu (cùng tên, đuôi .attachments) rồi nhập lại.",
                    wanted.file_name,
                    folder.display()
                )))
            }
            Ok(Found::OtherSize(size)) => {
                return Err(refuse(format!(
                    "{} ({}) có kích thước {size} byte, khác với {} byte ghi trong tệp dữ liệu: \
                     tệp bị hỏng hoặc bị thay. Hãy chép lại thư mục đính kèm từ nơi xuất.",
                    capitalise(label),
                    wanted.file_name,
                    wanted.size
                )))
            }
            Ok(Found::OtherContent) => {
                return Err(refuse(format!(
                    "{} ({}) không khớp mã băm SHA-256 ghi trong tệp dữ liệu: tệp bị hỏng hoặc \
                     bị thay. Hãy chép lại thư mục đính kèm từ nơi xuất.",
                    capitalise(label),
                    wanted.file_name
                )))
            }
            Err(e) => return Err(Error::io(&format!("Không đọc được {label}"), &e)),
        }
    }
    Ok(())
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Copies the files from `from` into `to` (created if needed), each through a temp file
/// that is hashed, flushed and renamed; a file already there with the right content is
/// left alone. Each file this call creates is added to `created`, also when it fails: the
/// caller decides what may be removed again (an import must not remove a file a parallel
/// import has committed rows for).
pub(crate) fn copy_files(
    from: &Path,
    to: &Path,
    files: &WantedFiles,
    created: &mut Vec<PathBuf>,
) -> Result<()> {
    let target = AttachmentFolder::new(to);
    (|| {
        for wanted in files.iter() {
            let destination = target.path(&wanted.file_name);
            if target.holds(&destination, &wanted.sha256) {
                continue;
            }
            let extension = extension_of(&wanted.file_name);
            let stored = target.store(
                &from.join(&wanted.file_name),
                extension.as_deref(),
                u32::MAX,
            )?;
            let path = target.path(&stored_name(&stored.sha256, extension.as_deref()));
            if stored.created {
                created.push(path);
            }
            if stored.sha256 != wanted.sha256 {
                return Err(Error::Conflict(format!(
                    "{} thay đổi trong lúc chép (mã băm không còn khớp). Hãy đợi rồi thử lại.",
                    capitalise(&wanted.label)
                )));
            }
        }
        Ok(())
    })()
}

/// Removes files this operation created; best effort (a leftover is only unused space).
pub(crate) fn remove_files(paths: &[PathBuf]) {
    for path in paths {
        let _ = std::fs::remove_file(path);
    }
}
