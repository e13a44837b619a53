//! The members named inside minutes content (speakers of opinions, owners of tasks): ids in
//! the database, member `key`s in an interchange file. Translating them changes the text,
//! so the content hash is taken again over the translated form.

use chibo_core::minutes::MinutesContent;

use crate::error::{Error, Result};
use crate::hashing::sha256_hex;

/// Every member reference in the content.
pub(crate) fn people_in(content: &MinutesContent) -> impl Iterator<Item = i64> + '_ {
    let speakers = content
        .items
        .iter()
        .flat_map(|item| item.opinions.iter().filter_map(|o| o.speaker_id));
    let owners = content.tasks.iter().filter_map(|t| t.owner_id);
    speakers.chain(owners)
}

/// The content with each member reference replaced by `map` (no answer: no one named).
pub(crate) fn translated(
    content: &MinutesContent,
    map: impl Fn(i64) -> Option<i64>,
) -> MinutesContent {
    let mut out = content.clone();
    for item in &mut out.items {
        for opinion in &mut item.opinions {
            opinion.speaker_id = opinion.speaker_id.and_then(&map);
        }
    }
    for task in &mut out.tasks {
        task.owner_id = task.owner_id.and_then(&map);
    }
    out
}

/// The content as stored: compact JSON, the text the hash is taken over.
pub(crate) fn stored_text(content: &MinutesContent) -> Result<String> {
    serde_json::to_string(content)
        .map_err(|e| Error::Internal(format!("Không ghi được biên bản ({e}).")))
}

/// The SHA-256 of the content as stored.
pub(crate) fn hash_of(content: &MinutesContent) -> Result<String> {
    Ok(sha256_hex(stored_text(content)?.as_bytes()))
}
