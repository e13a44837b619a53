//! Unit enums stored as their serde name (`"male"`, `"exempted"`, …), the same text the UI
//! and the interchange format use.

use rusqlite::types::{FromSqlError, ValueRef};
use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::error::{Error, Result};

pub(crate) fn to_sql<T: Serialize>(value: &T) -> Result<String> {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(text)) => Ok(text),
        _ => Err(Error::Internal("Giá trị liệt kê không ghi được.".into())),
    }
}

pub(crate) fn from_sql<T: DeserializeOwned>(value: ValueRef<'_>) -> rusqlite::Result<T> {
    let text = value.as_str().map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(0, value.data_type(), Box::new(e))
    })?;
    serde_json::from_value(serde_json::Value::String(text.to_owned())).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(
            0,
            value.data_type(),
            Box::new(FromSqlError::Other(Box::new(e))),
        )
    })
}
