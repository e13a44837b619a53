//! SHA-256 in lower-case hex: file fingerprints (imports, attachments) and the hash of
//! approved minutes.

use std::io::Read;

use sha2::{Digest, Sha256};

pub(crate) fn sha256_hex(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

/// The hash of everything `reader` yields, read in pieces (attachments can be large).
pub(crate) fn sha256_hex_of(mut reader: impl Read) -> std::io::Result<String> {
    let mut hasher = Sha256::new();
    let mut buffer = vec![0u8; 64 * 1024];
    loop {
        let read = reader.read(&mut buffer)?;
        if read == 0 {
            return Ok(hex(&hasher.finalize()));
        }
        hasher.update(&buffer[..read]);
    }
}

fn hex(digest: &[u8]) -> String {
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    const EMPTY: &str = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    #[test]
    fn the_hash_of_nothing_is_the_known_value() {
        assert_eq!(super::sha256_hex(b""), EMPTY);
        assert_eq!(super::sha256_hex_of(&b""[..]).unwrap(), EMPTY);
    }

    #[test]
    fn reading_in_pieces_gives_the_same_hash() {
        let bytes = vec![7u8; 200_000];
        assert_eq!(
            super::sha256_hex_of(&bytes[..]).unwrap(),
            super::sha256_hex(&bytes)
        );
    }
}
