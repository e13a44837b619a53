//! The desktop shell of Sổ tay Chi bộ: wiring only. Commands adapt chibo-store to IPC in a
//! few lines each; there is no SQL and no rule here.

// No console window behind the app on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod app;
mod clock;
mod commands;
mod dialogs;
mod error;
mod launch;
mod opener;
mod state;

fn main() {
    app::run();
}
