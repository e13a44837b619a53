//! The launch options: `--data-dir DIR` on the command line, else `CHIBO_DATA_DIR`, else the
//! platform app-data folder (resolved by chibo-store, the same way the CLI does).

use std::path::PathBuf;

/// The value of `--data-dir DIR` or `--data-dir=DIR` among the process arguments.
pub fn data_dir_argument(args: impl IntoIterator<Item = String>) -> Option<PathBuf> {
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        if arg == "--data-dir" {
            return args.next().map(PathBuf::from);
        }
        if let Some(value) = arg.strip_prefix("--data-dir=") {
            return Some(PathBuf::from(value));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn reads_both_spellings_of_the_data_dir_flag() {
        assert_eq!(
            data_dir_argument(args(&["app", "--data-dir", "/x"])),
            Some("/x".into())
        );
        assert_eq!(
            data_dir_argument(args(&["app", "--data-dir=/y"])),
            Some("/y".into())
        );
        assert_eq!(data_dir_argument(args(&["app"])), None);
    }
}
