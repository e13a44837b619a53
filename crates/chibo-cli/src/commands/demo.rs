//! `chibo demo`: the demo branch, into an empty data directory only.

use chibo_store::{Result, Store};

use crate::output::print_json;

pub fn run(store: &mut Store, json: bool) -> Result<()> {
    let branch = store.create_demo(chibo_store::clock::today())?;
    if json {
        return print_json(&branch);
    }
    eprintln!("Đã tạo dữ liệu mẫu: {} (số {}).", branch.name, branch.id);
    Ok(())
}
