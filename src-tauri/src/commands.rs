//! The IPC commands, by subject: state in, one store call, error mapped out. Each name is
//! repeated in build.rs (permissions) and capabilities/main.json (what the window may call).

pub mod attachments;
pub mod backups;
pub mod branches;
pub mod meetings;
pub mod minutes;
pub mod roll_call;
pub mod roster;
pub mod roster_files;
