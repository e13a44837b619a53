//! The shell is locked down: no global Tauri object, a CSP without remote origins, every
//! app command behind its own permission and registered in all three places (build.rs,
//! capabilities, the handler), no plugin command granted to the window, no devtools feature.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeSet;

fn read(path: &str) -> String {
    std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(path)).unwrap()
}

fn json(path: &str) -> serde_json::Value {
    serde_json::from_str(&read(path)).unwrap()
}

/// The quoted names in the `COMMANDS` list of build.rs.
fn build_commands() -> BTreeSet<String> {
    let text = read("build.rs");
    let list = text.split("const COMMANDS").nth(1).unwrap();
    let list = &list[..list.find("];").unwrap()];
    list.split('"')
        .skip(1)
        .step_by(2)
        .map(str::to_owned)
        .collect()
}

#[test]
fn no_global_tauri_and_no_remote_origin_in_the_csp() {
    let config = json("tauri.conf.json");
    assert_eq!(config["app"]["withGlobalTauri"], false);
    let csp = config["app"]["security"]["csp"].as_object().unwrap();
    assert_eq!(csp["default-src"], "'self'");
    for (directive, sources) in csp {
        let sources = sources.as_str().unwrap();
        for source in sources.split_whitespace() {
            let remote = source.starts_with("http") && source != "http://ipc.localhost";
            assert!(
                !remote && source != "*" && !source.starts_with("https:"),
                "{directive} allows {source}"
            );
        }
    }
}

#[test]
fn every_command_has_its_permission_and_nothing_else_is_granted() {
    let commands = build_commands();
    assert!(commands.len() > 50, "{}", commands.len());
    let capability = json("capabilities/main.json");
    assert_eq!(capability["windows"], serde_json::json!(["main"]));
    let granted: BTreeSet<String> = capability["permissions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p.as_str().unwrap().to_owned())
        .collect();
    let expected: BTreeSet<String> = commands
        .iter()
        .map(|c| format!("allow-{}", c.replace('_', "-")))
        .collect();
    assert_eq!(granted, expected, "capabilities/main.json vs build.rs");

    let app = read("src/app.rs");
    let handler = app.split("generate_handler![").nth(1).unwrap();
    let handler = &handler[..handler.find(']').unwrap()];
    let registered: BTreeSet<String> = handler
        .split(',')
        .map(|entry| entry.trim())
        .filter(|entry| !entry.is_empty())
        .map(|entry| entry.rsplit("::").next().unwrap().to_owned())
        .collect();
    assert_eq!(registered, commands, "app.rs handler vs build.rs");
}

#[test]
fn release_builds_have_no_devtools() {
    let manifest = read("Cargo.toml");
    assert!(
        !manifest.contains("devtools"),
        "the devtools feature is enabled"
    );
    let app = read("src/app.rs");
    assert!(!app.contains(".devtools(true)") && !app.contains("open_devtools"));
}
