//! What a data directory holds: schema version, branches and their record counts, the
//! preferences, each branch's next meeting. The desktop app reads it at start; `chibo info` prints it.

use chibo_core::branch::Branch;
use chibo_core::roster::RosterCounts;
use chrono::NaiveDate;
use serde::Serialize;
use ts_rs::TS;

use crate::error::Result;
use crate::meetings::MeetingSummary;
use crate::prefs::Prefs;
use crate::store::Store;

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct BranchSummary {
    pub branch: Branch,
    /// Versions of the rule settings recorded.
    #[ts(type = "number")]
    pub settings_versions: i64,
    /// The roster's figures on the day asked.
    pub members: RosterCounts,
    /// The next planned meeting from the day asked.
    pub next_meeting: Option<MeetingSummary>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct AppInfo {
    /// The day the figures are for: the app's "today", from the computer's clock.
    #[ts(type = "string")]
    pub today: NaiveDate,
    /// The data folder, as the user should look for it; empty for an in-memory store.
    pub data_dir: String,
    #[ts(type = "number")]
    pub schema_version: i64,
    pub branches: Vec<BranchSummary>,
    pub prefs: Prefs,
}

impl Store {
    /// The data folder's summary, with each branch's roster figures on `today`.
    pub fn info(&self, today: NaiveDate) -> Result<AppInfo> {
        let mut counts = crate::members::counts_by_branch(&self.conn, today)?;
        let branches = self
            .list_branches()?
            .into_iter()
            .map(|branch| {
                let settings_versions = self.settings_version_count(branch.id)?;
                let members = counts.remove(&branch.id).unwrap_or_default();
                let next_meeting = self.next_meeting(branch.id, today)?;
                Ok(BranchSummary {
                    branch,
                    settings_versions,
                    members,
                    next_meeting,
                })
            })
            .collect::<Result<_>>()?;
        Ok(AppInfo {
            today,
            data_dir: self
                .data_dir()
                .map(|d| d.root().display().to_string())
                .unwrap_or_default(),
            schema_version: self.schema_version()?,
            branches,
            prefs: self.prefs()?,
        })
    }
}
