//! One module per `chibo` subcommand.

pub mod backup;
pub mod data;
pub mod demo;
pub mod info;
pub mod init;
pub mod meetings;
pub mod members;
pub mod minutes;
pub mod warnings;
