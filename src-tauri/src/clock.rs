//! The app's "today" and "now" come from `chibo_store::clock`, the one clock the CLI and the
//! demo use too. An `e2e` build pins it from `CHIBO_TODAY=YYYY-MM-DD` so the journeys do not
//! depend on the day they run; release builds never have that feature and follow the
//! computer's clock.

/// Pins the clock from `CHIBO_TODAY` (e2e builds only); a malformed value is logged and ignored.
#[cfg(feature = "e2e")]
pub fn pin_for_e2e() {
    let Some(text) = std::env::var_os("CHIBO_TODAY") else {
        return;
    };
    match chibo_store::clock::parse_day(&text.to_string_lossy()) {
        Ok(day) => {
            if let Err(pinned) = chibo_store::clock::pin(day) {
                eprintln!("e2e: the clock is already pinned to {pinned}");
            }
        }
        Err(message) => eprintln!("e2e: CHIBO_TODAY: {message}"),
    }
}

#[cfg(not(feature = "e2e"))]
pub fn pin_for_e2e() {}
