//! Record timestamps: local time with its offset, ISO 8601.

pub(crate) fn now_text() -> String {
    chrono::Local::now()
        .format("%Y-%m-%dT%H:%M:%S%:z")
        .to_string()
}

/// Today's date on this computer's clock: what the adapters pass to the store as `today`.
pub fn today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}
