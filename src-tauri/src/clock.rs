//! The app's "today": the computer's local date. An `e2e` build may pin it with
//! `CHIBO_E2E_TODAY=YYYY-MM-DD` so the journeys do not depend on the day they run; release
//! builds never have that feature.

use chrono::NaiveDate;

#[cfg(not(feature = "e2e"))]
pub fn today() -> NaiveDate {
    chibo_store::today()
}

#[cfg(feature = "e2e")]
pub fn today() -> NaiveDate {
    std::env::var("CHIBO_E2E_TODAY")
        .ok()
        .and_then(|text| text.parse().ok())
        .unwrap_or_else(chibo_store::today)
}
