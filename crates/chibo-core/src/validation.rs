//! A rejected input: which field, and why, in Vietnamese.

use serde::Serialize;
use ts_rs::TS;

/// One field's problem, e.g. `name`: "Tên chi bộ không được để trống."
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS, thiserror::Error)]
#[error("{message}")]
pub struct FieldError {
    /// The input field, as the UI names it (`name`, `parent_name`, …).
    pub field: String,
    /// What is wrong and what to do, in Vietnamese.
    pub message: String,
}

impl FieldError {
    pub fn new(field: &str, message: impl Into<String>) -> Self {
        Self {
            field: field.to_owned(),
            message: message.into(),
        }
    }
}

/// Checks a required text field after cleanup: not empty, at most `max` characters.
pub fn required_text(field: &str, label: &str, value: &str, max: usize) -> Result<(), FieldError> {
    if value.is_empty() {
        return Err(FieldError::new(
            field,
            format!("{label} không được để trống."),
        ));
    }
    optional_text(field, label, value, max)
}

/// Checks an optional text field after cleanup: at most `max` characters.
pub fn optional_text(field: &str, label: &str, value: &str, max: usize) -> Result<(), FieldError> {
    let length = value.chars().count();
    if length > max {
        return Err(FieldError::new(
            field,
            format!("{label} quá dài ({length} ký tự); tối đa {max} ký tự."),
        ));
    }
    Ok(())
}
