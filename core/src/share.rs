//! Share links: the whole document in the URL fragment (`#share=…`), deflated and base64url
//! encoded, with no server. Opening one is an untrusted import: sizes are capped before and
//! after decompression, and the JSON is validated like a file.

use miniz_oxide::deflate::compress_to_vec;
use miniz_oxide::inflate::decompress_to_vec_with_limit;

use crate::document::Postmortem;
use crate::error::ImportError;
use crate::export::export_json;
use crate::import::import_json;
use crate::messages;

/// The fragment prefix of a share link.
pub const SHARE_PREFIX: &str = "#share=";
/// Links longer than this are refused when made; file export suits such documents better.
pub const MAX_SHARE_CHARS: usize = 32 * 1024;
/// The most a share link may inflate to.
const MAX_INFLATED_BYTES: usize = 2 * 1024 * 1024;

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Base64url without padding.
fn encode_base64url(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() * 4 / 3 + 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |acc, (i, b)| acc | u32::from(*b) << (16 - 8 * i));
        for i in 0..=chunk.len() {
            out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
        }
    }
    out
}

fn decode_base64url(text: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    let (mut acc, mut bits) = (0u32, 0u32);
    for c in text.bytes() {
        let v = ALPHABET.iter().position(|a| *a == c)? as u32;
        acc = acc << 6 | v;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits & 0xff) as u8);
        }
    }
    Some(out)
}

/// The fragment for a document, or an error when it is too long to share as a link.
pub fn encode(doc: &Postmortem) -> Result<String, ImportError> {
    let compressed = compress_to_vec(export_json(doc).as_bytes(), 9);
    let fragment = format!("{SHARE_PREFIX}{}", encode_base64url(&compressed));
    if fragment.len() > MAX_SHARE_CHARS {
        return Err(ImportError::new(
            messages::SHARE_TOO_LONG,
            &[
                &(fragment.len() / 1024).to_string(),
                &(MAX_SHARE_CHARS / 1024).to_string(),
            ],
        ));
    }
    Ok(fragment)
}

/// Reads a share fragment (with or without its `#share=` prefix).
pub fn decode(fragment: &str) -> Result<Postmortem, ImportError> {
    let payload = fragment.strip_prefix(SHARE_PREFIX).unwrap_or(fragment);
    if payload.len() > MAX_SHARE_CHARS * 2 {
        return Err(ImportError::new(messages::LINK_TOO_LONG, &[]));
    }
    let bytes = decode_base64url(payload)
        .ok_or_else(|| ImportError::new(messages::LINK_BAD_CHARACTERS, &[]))?;
    let json = decompress_to_vec_with_limit(&bytes, MAX_INFLATED_BYTES)
        .map_err(|_| ImportError::new(messages::LINK_DAMAGED, &[]))?;
    let text =
        String::from_utf8(json).map_err(|_| ImportError::new(messages::LINK_NOT_TEXT, &[]))?;
    import_json(&text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::example::chatgpt_2023_03_20;

    #[test]
    fn base64url_round_trips_every_length() {
        for len in 0..12 {
            let bytes: Vec<u8> = (0..len).map(|i| (i * 37 + 11) as u8).collect();
            assert_eq!(decode_base64url(&encode_base64url(&bytes)), Some(bytes));
        }
    }

    #[test]
    fn the_example_fits_in_a_link_and_comes_back_equal() {
        let doc = chatgpt_2023_03_20();
        let link = encode(&doc).expect("fits");
        assert!(link.len() < MAX_SHARE_CHARS);
        assert_eq!(decode(&link).expect("decodes"), doc);
    }

    #[test]
    fn hostile_links_are_refused_with_a_message() {
        assert!(decode("#share=***").is_err());
        assert!(decode(&"A".repeat(MAX_SHARE_CHARS * 3)).is_err());
        // A small link that inflates enormously (a zip bomb) is capped.
        let bomb = compress_to_vec(&vec![b' '; 8 * 1024 * 1024], 9);
        assert!(decode(&encode_base64url(&bomb)).is_err());
    }

    #[test]
    fn a_huge_document_suggests_file_export() {
        let mut doc = chatgpt_2023_03_20();
        doc.supporting_info = (0..20_000u32)
            .map(|i| format!("{:x}", i.wrapping_mul(2_654_435_761)))
            .collect();
        let err = encode(&doc).expect_err("too long");
        assert!(err.message().contains("Export it as a file"));
    }
}
