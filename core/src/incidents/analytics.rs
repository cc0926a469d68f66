//! The messages between the page and its analytics worker (the app's `src/worker.rs`): a
//! request names what to compute over which summaries, and its answer carries the request's
//! number, so the page can drop an answer to a question it no longer asks. Plain JSON
//! strings, written and read here so both sides share one definition.

use serde::{Deserialize, Serialize};

use super::index::Summary;
use super::related::{related_all, Related};

/// What the worker says once it listens: the page holds its requests until then, since a
/// message that arrives while the wasm is still loading finds no handler.
pub const READY: &str = "ready";

/// What the page asks the worker.
#[derive(Serialize, Deserialize)]
struct Request {
    /// The request's number, echoed in the answer.
    id: u32,
    /// At most this many related incidents per summary.
    limit: usize,
    /// The drafts' and the folder's summaries, in the overview's order.
    summaries: Vec<Summary>,
}

/// What the worker answers.
#[derive(Serialize, Deserialize)]
struct Answer {
    id: u32,
    /// [`related_all`] of the request's summaries.
    related: Vec<Vec<Related>>,
}

/// The request for every summary's related incidents, as the page sends it.
pub fn related_request(id: u32, summaries: &[Summary], limit: usize) -> String {
    #[derive(Serialize)]
    struct Borrowed<'a> {
        id: u32,
        limit: usize,
        summaries: &'a [Summary],
    }
    serde_json::to_string(&Borrowed {
        id,
        limit,
        summaries,
    })
    .unwrap_or_default()
}

/// The worker's side: the answer to a request, or `None` for a message it cannot read.
pub fn answer(request: &str) -> Option<String> {
    let Request {
        id,
        limit,
        summaries,
    } = serde_json::from_str(request).ok()?;
    let related = related_all(&summaries, limit);
    serde_json::to_string(&Answer { id, related }).ok()
}

/// The page's side: the request's number and its related incidents.
pub fn read_answer(text: &str) -> Option<(u32, Vec<Vec<Related>>)> {
    let Answer { id, related } = serde_json::from_str(text).ok()?;
    Some((id, related))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_answer_is_the_cores_own_result_for_the_request() {
        let s = |id: &str, tag: &str| Summary {
            id: id.into(),
            title: format!("Incident {id}"),
            tags: vec![tag.into(), "common".into()],
            ..Summary::default()
        };
        let summaries = vec![s("a", "ledger"), s("b", "ledger"), s("c", "search")];
        let text = answer(&related_request(7, &summaries, 8)).expect("answers");
        let (id, related) = read_answer(&text).expect("reads");
        assert_eq!(id, 7);
        assert_eq!(related, related_all(&summaries, 8));
        assert!(!related[0].is_empty());
        assert_eq!(answer("not json"), None);
    }
}
