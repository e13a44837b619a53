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

/// The local date and time on this computer's clock: when a backup or restore happens.
pub fn now() -> chrono::NaiveDateTime {
    chrono::Local::now().naive_local()
}
