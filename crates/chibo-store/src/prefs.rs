//! Preferences of the person at the keyboard: the text size and the branch last opened.

use rusqlite::{params, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use chibo_core::validation::FieldError;

use crate::error::Result;
use crate::store::Store;

pub const MIN_TEXT_SCALE: u32 = 100;
pub const MAX_TEXT_SCALE: u32 = 150;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Prefs {
    /// Text size in percent of the base (100–150).
    pub text_scale: u32,
    /// The branch shown, if any.
    #[ts(type = "number | null")]
    pub current_branch_id: Option<i64>,
}

impl Store {
    pub(crate) fn pref(&self, key: &str) -> Result<Option<String>> {
        Ok(self
            .conn
            .query_row("SELECT value FROM app_pref WHERE key = ?1", [key], |row| {
                row.get(0)
            })
            .optional()?)
    }

    pub(crate) fn set_pref(&self, key: &str, value: &str) -> Result<()> {
        self.conn.execute(
            "INSERT INTO app_pref (key, value) VALUES (?1, ?2)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            params![key, value],
        )?;
        Ok(())
    }

    /// The stored preferences; a branch that no longer exists falls back to the first one.
    pub fn prefs(&self) -> Result<Prefs> {
        let text_scale = self
            .pref("text_scale")?
            .and_then(|v| v.parse().ok())
            .filter(|v| (MIN_TEXT_SCALE..=MAX_TEXT_SCALE).contains(v))
            .unwrap_or(MIN_TEXT_SCALE);
        let branches = self.list_branches()?;
        let stored = self
            .pref("current_branch")?
            .and_then(|v| v.parse::<i64>().ok());
        let current_branch_id = stored
            .filter(|id| branches.iter().any(|b| b.id == *id))
            .or_else(|| branches.first().map(|b| b.id));
        Ok(Prefs {
            text_scale,
            current_branch_id,
        })
    }

    pub fn set_text_scale(&mut self, percent: u32) -> Result<Prefs> {
        if !(MIN_TEXT_SCALE..=MAX_TEXT_SCALE).contains(&percent) {
            return Err(FieldError::new(
                "text_scale",
                format!("Cỡ chữ phải từ {MIN_TEXT_SCALE}% đến {MAX_TEXT_SCALE}%."),
            )
            .into());
        }
        self.set_pref("text_scale", &percent.to_string())?;
        self.prefs()
    }

    pub fn select_branch(&mut self, branch_id: i64) -> Result<Prefs> {
        self.branch(branch_id)?;
        self.set_pref("current_branch", &branch_id.to_string())?;
        self.prefs()
    }
}
