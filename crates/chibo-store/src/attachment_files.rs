//! The attachments folder: each file stored once under its SHA-256 (plus its extension, so
//! the system opens it with the right program), copied in through a temp file that is
//! hashed, flushed and renamed; read back only from inside the folder.

use std::fs::File;
use std::io::{ErrorKind, Read, Write};
use std::path::{Path, PathBuf};

use chibo_core::attachment::{check_size, display_name, FIELD};
use chibo_core::validation::FieldError;

use crate::atomic_file::{persist, temp_file_in};
use crate::error::{Error, Result};
use crate::hashing::sha256_hex_of;

/// A file copied into the folder.
pub(crate) struct StoredFile {
    pub sha256: String,
    pub size: u64,
    /// Whether this copy created the file (it was not stored before).
    pub created: bool,
}

/// The name a stored file has: its hash, and its extension when it had one.
pub(crate) fn stored_name(sha256: &str, extension: Option<&str>) -> String {
    match extension {
        Some(extension) => format!("{sha256}.{extension}"),
        None => sha256.to_owned(),
    }
}

fn vanished(name: &str) -> Error {
    FieldError::new(
        FIELD,
        format!(
            "Không còn tìm thấy tệp “{name}” (có thể vừa bị xóa, đổi tên hoặc rút USB sau khi \
             chọn). Không tệp nào được đính kèm; hãy chọn lại."
        ),
    )
    .into()
}

fn read_error(name: &str, err: &std::io::Error) -> Error {
    match err.kind() {
        ErrorKind::NotFound => vanished(name),
        ErrorKind::PermissionDenied => Error::Io(format!(
            "Không đọc được tệp “{name}”: không có quyền đọc hoặc tệp đang bị chương trình khác \
             khóa. Hãy đóng chương trình đó rồi thử lại."
        )),
        _ => Error::io(&format!("Không đọc được tệp “{name}”"), err),
    }
}

fn write_error(err: &std::io::Error) -> Error {
    match err.kind() {
        ErrorKind::StorageFull => Error::Io(
            "Ổ đĩa đã đầy nên không chép được tệp đính kèm. Hãy giải phóng dung lượng rồi thử \
             lại."
                .into(),
        ),
        _ => Error::io(
            "Không chép được tệp vào thư mục đính kèm của dữ liệu. Hãy kiểm tra quyền ghi",
            err,
        ),
    }
}

pub(crate) struct AttachmentFolder<'a> {
    root: &'a Path,
}

impl<'a> AttachmentFolder<'a> {
    pub fn new(root: &'a Path) -> Self {
        Self { root }
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.root.join(name)
    }

    /// Checks a picked file can be attached (still there, a file, not empty, not over the
    /// limit) without copying it.
    pub fn check_source(&self, source: &Path, max_megabytes: u32) -> Result<u64> {
        let name = display_name(source);
        let metadata = std::fs::metadata(source).map_err(|e| read_error(&name, &e))?;
        if !metadata.is_file() {
            return Err(FieldError::new(
                FIELD,
                match metadata.is_dir() {
                    true => format!(
                        "“{name}” là một thư mục, không phải tệp. Hãy chọn các tệp bên trong."
                    ),
                    false => format!(
                        "“{name}” không phải một tệp thường (là thiết bị hoặc đường ống) nên \
                         không đính kèm được."
                    ),
                },
            )
            .into());
        }
        check_size(&name, metadata.len(), max_megabytes)?;
        Ok(metadata.len())
    }

    /// Copies `source` in under its hash. The copy is hashed as it is written, so what is
    /// stored is exactly what was hashed; a file that changes size meanwhile is refused.
    pub fn store(
        &self,
        source: &Path,
        extension: Option<&str>,
        max_megabytes: u32,
    ) -> Result<StoredFile> {
        let name = display_name(source);
        let expected = self.check_source(source, max_megabytes)?;
        std::fs::create_dir_all(self.root).map_err(|e| write_error(&e))?;
        let input = File::open(source).map_err(|e| read_error(&name, &e))?;
        let mut temp = temp_file_in(self.root).map_err(|e| write_error(&e))?;
        let mut tee = Tee {
            input: input.take(expected + 1),
            output: temp.as_file_mut(),
            written: 0,
            write_failure: None,
        };
        let hashed = sha256_hex_of(&mut tee);
        if let Some(failure) = tee.write_failure.take() {
            return Err(write_error(&failure));
        }
        let sha256 = hashed.map_err(|e| read_error(&name, &e))?;
        if tee.written != expected {
            return Err(FieldError::new(
                FIELD,
                format!("Tệp “{name}” đang thay đổi trong lúc chép. Hãy đợi rồi thử lại."),
            )
            .into());
        }
        temp.as_file().sync_all().map_err(|e| write_error(&e))?;
        let target = self.path(&stored_name(&sha256, extension));
        if self.holds(&target, &sha256) {
            return Ok(StoredFile {
                sha256,
                size: expected,
                created: false,
            });
        }
        persist(temp, &target)?;
        Ok(StoredFile {
            sha256,
            size: expected,
            created: true,
        })
    }

    /// Whether `path` is in the folder and still has the content of `sha256`.
    pub fn holds(&self, path: &Path, sha256: &str) -> bool {
        File::open(path)
            .and_then(sha256_hex_of)
            .is_ok_and(|found| found == sha256)
    }

    /// The stored file's path, after checking it lies inside the folder (no link or name
    /// leads out of it).
    pub fn contained(&self, name: &str) -> Result<PathBuf> {
        let escaped = || {
            Error::Corrupt(format!(
                "Tệp đính kèm {name} trỏ ra ngoài thư mục dữ liệu nên không được mở. Hãy \
                 khôi phục từ bản sao lưu."
            ))
        };
        let plain = Path::new(name).components().count() == 1;
        if !plain {
            return Err(escaped());
        }
        let path = self.path(name);
        let (Ok(root), Ok(real)) = (self.root.canonicalize(), path.canonicalize()) else {
            return Ok(path);
        };
        if real.starts_with(&root) {
            Ok(path)
        } else {
            Err(escaped())
        }
    }
}

/// Copies what it reads to `output`, counting the bytes; a failed write is kept apart
/// from read failures (a full disk is not the source's fault).
struct Tee<'f, R> {
    input: R,
    output: &'f mut File,
    written: u64,
    write_failure: Option<std::io::Error>,
}

impl<R: Read> Read for Tee<'_, R> {
    fn read(&mut self, buffer: &mut [u8]) -> std::io::Result<usize> {
        let read = self.input.read(buffer)?;
        if let Err(failure) = self.output.write_all(&buffer[..read]) {
            self.write_failure = Some(failure);
            return Err(std::io::Error::other("write failed"));
        }
        self.written += read as u64;
        Ok(read)
    }
}
