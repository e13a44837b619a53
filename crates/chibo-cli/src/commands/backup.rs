//! `chibo backup --out PATH`, `chibo restore PATH`, `chibo verify`: the same backups,
//! restore checks and verification the desktop app runs.

use std::path::Path;

use chibo_store::clock::now;
use chibo_store::database_copy::DatabaseFacts;
use chibo_store::{DataDir, Error, Result, Store};

use crate::output::print_json;

fn describe(facts: &DatabaseFacts) -> String {
    format!(
        "{} chi bộ ({}), {} đảng viên, {} cuộc họp, {} biên bản, {} tệp đính kèm",
        facts.branches.len(),
        facts.branches.join(", "),
        facts.members,
        facts.meetings,
        facts.minutes,
        facts.attachments
    )
}

pub fn backup(store: &Store, out: &Path, json: bool) -> Result<()> {
    let facts = store.backup_to(out)?;
    if json {
        return print_json(&facts);
    }
    say!("Đã sao lưu và kiểm tra: {}", out.display());
    say!("Gồm {}.", describe(&facts));
    Ok(())
}

/// Restores into the data folder; a database too damaged to open is set aside first.
pub fn restore(dir: DataDir, source: &Path, json: bool) -> Result<()> {
    let report = match Store::open(dir.clone()) {
        Ok(mut store) => store.restore(source, now())?,
        Err(Error::Corrupt(_)) => dir.restore_over_damaged(source, now())?.1,
        Err(err) => return Err(err),
    };
    if json {
        return print_json(&report);
    }
    say!("Đã khôi phục từ {}", report.restored_from);
    if let Some(taken) = &report.backup_taken_at {
        say!("Bản sao lưu lúc {}", taken.replace('T', " "));
    }
    say!("Dữ liệu hiện có: {}.", describe(&report.facts));
    say!(
        "Dữ liệu trước khi khôi phục được giữ tại {}",
        report.safety_copy
    );
    Ok(())
}

/// Exits non-zero, with every problem in words, when anything is wrong.
pub fn verify(store: &Store, json: bool) -> Result<()> {
    let report = store.verify()?;
    if json {
        print_json(&report)?;
    } else if report.is_ok() {
        say!("Dữ liệu nguyên vẹn: cơ sở dữ liệu, liên kết và mọi tệp đính kèm đều đúng.");
    }
    if report.is_ok() {
        return Ok(());
    }
    Err(Error::Corrupt(format!(
        "Dữ liệu có {} vấn đề:\n{}\nHãy khôi phục từ bản sao lưu (chibo restore).",
        report.problems().len(),
        report.problems().join("\n")
    )))
}
