//! The messages between the page and its worker (the app's `src/worker.rs`), and the
//! worker's side of them: what runs off the page so typing never waits for it (the review,
//! with the customer version's scan of the notice, and the incidents analytics).
//!
//! The worker never reads storage. The page sends it the drafts' index once ([`IndexFeed::full`]),
//! then each change ([`IndexFeed::changes`]); a question carries a number, echoed in its
//! answer, so the page can drop the answer to a question it no longer asks. Where no worker
//! starts, the page keeps an [`Offload`] of its own and hands it the same messages: the
//! same code, on the page. Plain JSON strings, written and read here so both sides share
//! one definition.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::customer::{customer_markdown, customer_version, PublicPart};
use crate::document::Postmortem;
use crate::incidents::{read_folder, related_all, FolderImport, Related, Stamp, Summary};
use crate::review::{review_draft, Finding};

/// What the worker says once it listens: the page holds its messages until then, since a
/// message that arrives while the wasm is still loading finds no handler.
pub const READY: &str = "ready";

/// What the page sends, borrowed from the page's state.
#[derive(Serialize)]
#[serde(rename_all = "lowercase")]
enum Ask<'a> {
    Index {
        summaries: &'a [Summary],
    },
    Changed {
        ids: Vec<&'a str>,
        summaries: Vec<&'a Summary>,
    },
    Review {
        id: u32,
        today: &'a str,
        open: Option<&'a str>,
        doc: &'a Postmortem,
    },
    Related {
        id: u32,
        limit: usize,
        summaries: &'a [Summary],
    },
    Customer {
        id: u32,
        doc: &'a Postmortem,
    },
    Folder {
        id: u32,
        zone: &'a str,
        files: &'a [(String, String)],
    },
}

/// What the worker reads.
#[derive(Deserialize)]
#[serde(rename_all = "lowercase")]
enum Request {
    /// The drafts' whole index, replacing what it held.
    Index { summaries: Vec<Summary> },
    /// The index's ids in order, and the summaries that are new or changed.
    Changed {
        ids: Vec<String>,
        summaries: Vec<Summary>,
    },
    /// The review of the open draft.
    Review {
        id: u32,
        today: String,
        open: Option<String>,
        doc: Box<Postmortem>,
    },
    /// Every summary's related incidents, at most `limit` each.
    Related {
        id: u32,
        limit: usize,
        summaries: Vec<Summary>,
    },
    /// The customer version of the open draft, its parts and its redacted Markdown.
    Customer { id: u32, doc: Box<Postmortem> },
    /// A folder's files (path, text) read as postmortems, times in `zone`.
    Folder {
        id: u32,
        zone: String,
        files: Vec<(String, String)>,
    },
}

/// What the worker answers.
#[derive(Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Answer {
    /// The review of the open draft.
    Review {
        /// The question's number.
        id: u32,
        /// Every finding, dismissed or not, in the review's order.
        findings: Vec<Finding>,
    },
    /// Every summary's related incidents.
    Related {
        /// The question's number.
        id: u32,
        /// [`related_all`] of the question's summaries.
        related: Vec<Vec<Related>>,
    },
    /// The customer version of the open draft.
    Customer {
        /// The question's number.
        id: u32,
        /// Every part with its text and the internal details found in it.
        parts: Vec<PublicPart>,
        /// The customer version's Markdown, redacted.
        markdown: String,
    },
    /// What a folder's files held.
    Folder {
        /// The question's number.
        id: u32,
        /// [`read_folder`] of the question's files.
        found: FolderImport,
    },
}

impl Answer {
    /// The number of the question it answers.
    pub fn id(&self) -> u32 {
        match self {
            Answer::Review { id, .. }
            | Answer::Related { id, .. }
            | Answer::Customer { id, .. }
            | Answer::Folder { id, .. } => *id,
        }
    }
}

fn write(ask: &Ask<'_>) -> String {
    serde_json::to_string(ask).unwrap_or_default()
}

/// The question for the review of the open draft `doc` (`open` is its id, which the review
/// of the other drafts leaves out); `today` is `YYYY-MM-DD`.
pub fn review_request(id: u32, today: &str, open: Option<&str>, doc: &Postmortem) -> String {
    write(&Ask::Review {
        id,
        today,
        open,
        doc,
    })
}

/// The question for every summary's related incidents.
pub fn related_request(id: u32, summaries: &[Summary], limit: usize) -> String {
    write(&Ask::Related {
        id,
        limit,
        summaries,
    })
}

/// The question for the customer version of the open draft.
pub fn customer_request(id: u32, doc: &Postmortem) -> String {
    write(&Ask::Customer { id, doc })
}

/// The question for a folder's files (path, text), read with times in `zone`.
pub fn folder_request(id: u32, zone: &str, files: &[(String, String)]) -> String {
    write(&Ask::Folder { id, zone, files })
}

/// The page's side: an answer, or `None` for a message it cannot read.
pub fn read_answer(text: &str) -> Option<Answer> {
    serde_json::from_str(text).ok()
}

/// The offset in minutes east of UTC of a zone at an instant (seconds), as the browser's
/// `Intl` gives it.
pub type OffsetAt = Box<dyn Fn(&str, i64) -> i32>;

/// What the worker holds between messages, and how it answers them.
pub struct Offload {
    /// The drafts' index as the page last sent it.
    index: Vec<Summary>,
    /// Where times read from files get their offsets.
    offset_at: OffsetAt,
}

impl Default for Offload {
    /// Every zone at UTC (for tests).
    fn default() -> Self {
        Offload::new(Box::new(|_, _| 0))
    }
}

impl Offload {
    /// An empty worker whose times take their offsets from `offset_at`.
    pub fn new(offset_at: OffsetAt) -> Self {
        Offload {
            index: Vec::new(),
            offset_at,
        }
    }

    /// Takes one message: the answer to a question, `None` for news of the index or for a
    /// message it cannot read.
    pub fn handle(&mut self, text: &str) -> Option<String> {
        let answer = match serde_json::from_str(text).ok()? {
            Request::Index { summaries } => {
                self.index = summaries;
                return None;
            }
            Request::Changed { ids, summaries } => {
                let mut held: HashMap<String, Summary> = std::mem::take(&mut self.index)
                    .into_iter()
                    .chain(summaries)
                    .map(|s| (s.id.clone(), s))
                    .collect();
                self.index = ids.iter().filter_map(|id| held.remove(id)).collect();
                return None;
            }
            Request::Review {
                id,
                today,
                open,
                doc,
            } => Answer::Review {
                id,
                findings: review_draft(&doc, &today, open.as_deref(), &self.index),
            },
            Request::Related {
                id,
                limit,
                summaries,
            } => Answer::Related {
                id,
                related: related_all(&summaries, limit),
            },
            Request::Customer { id, doc } => Answer::Customer {
                id,
                parts: customer_version(&doc),
                markdown: customer_markdown(&doc),
            },
            Request::Folder { id, zone, files } => Answer::Folder {
                id,
                found: read_folder(&files, &zone, &*self.offset_at),
            },
        };
        serde_json::to_string(&answer).ok()
    }
}

/// The page's record of the index it sent, so it sends only what changed: each draft's
/// revision and stamp, never a copy of its summary. A folder's files are not drafts and are
/// left out.
#[derive(Default)]
pub struct IndexFeed {
    ids: Vec<String>,
    sent: HashMap<String, (u64, Stamp)>,
}

impl IndexFeed {
    /// The whole index, for a worker that starts (or for the page's own [`Offload`]).
    pub fn full(&mut self, index: &[Summary]) -> String {
        let drafts: Vec<Summary> = drafts(index).cloned().collect();
        self.remember(index);
        write(&Ask::Index { summaries: &drafts })
    }

    /// What changed since the last message, or `None` when nothing did.
    pub fn changes(&mut self, index: &[Summary]) -> Option<String> {
        let changed: Vec<&Summary> = drafts(index)
            .filter(|s| self.sent.get(&s.id) != Some(&(s.rev, s.stamp)))
            .collect();
        let same_ids = self
            .ids
            .iter()
            .map(String::as_str)
            .eq(drafts(index).map(|s| s.id.as_str()));
        if changed.is_empty() && same_ids {
            return None;
        }
        let message = write(&Ask::Changed {
            ids: drafts(index).map(|s| s.id.as_str()).collect(),
            summaries: changed,
        });
        self.remember(index);
        Some(message)
    }

    fn remember(&mut self, index: &[Summary]) {
        self.ids = drafts(index).map(|s| s.id.clone()).collect();
        self.sent = drafts(index)
            .map(|s| (s.id.clone(), (s.rev, s.stamp)))
            .collect();
    }
}

/// The drafts of an index, without a folder's files.
fn drafts(index: &[Summary]) -> impl Iterator<Item = &Summary> {
    index.iter().filter(|s| !s.is_from_folder())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::example::chatgpt_2023_03_20;
    use crate::incidents::OpenAction;

    fn summary(id: &str, tag: &str) -> Summary {
        Summary {
            id: id.into(),
            title: format!("Incident {id}"),
            tags: vec![tag.into(), "common".into()],
            ..Summary::default()
        }
    }

    fn review_of(worker: &mut Offload, id: u32, open: Option<&str>, doc: &Postmortem) -> Answer {
        let text = worker
            .handle(&review_request(id, "2030-01-01", open, doc))
            .expect("answers");
        read_answer(&text).expect("reads")
    }

    #[test]
    fn related_incidents_are_the_cores_own_result_for_the_question() {
        let summaries = vec![
            summary("a", "ledger"),
            summary("b", "ledger"),
            summary("c", "search"),
        ];
        let mut worker = Offload::default();
        let text = worker
            .handle(&related_request(7, &summaries, 8))
            .expect("answers");
        let answer = read_answer(&text).expect("reads");
        assert_eq!(answer.id(), 7);
        assert_eq!(
            answer,
            Answer::Related {
                id: 7,
                related: related_all(&summaries, 8)
            }
        );
        assert_eq!(worker.handle("not json"), None);
    }

    #[test]
    fn the_workers_review_is_the_pages_with_the_index_it_was_sent() {
        let doc = chatgpt_2023_03_20();
        // An earlier incident with the same root cause and an open action:
        // repeat-open-actions.
        let mut earlier = summary("earlier", "cache");
        earlier.cause_words = crate::incidents::cause_words(&doc.causes.root_causes);
        earlier.incident_date = "2023-01-01".into();
        earlier.open_actions = vec![OpenAction {
            action: "Add a cache check".into(),
            ..OpenAction::default()
        }];
        let open = summary("open", "x");
        let index = vec![open.clone(), earlier.clone()];

        let mut feed = IndexFeed::default();
        let mut worker = Offload::default();
        assert_eq!(worker.handle(&feed.full(&index)), None);
        let answer = review_of(&mut worker, 3, Some("open"), &doc);
        let expected = review_draft(&doc, "2030-01-01", Some("open"), &index);
        assert!(expected
            .iter()
            .any(|f| f.related.as_deref() == Some("earlier")));
        assert_eq!(
            answer,
            Answer::Review {
                id: 3,
                findings: expected
            }
        );

        // Nothing changed: nothing to send. Then one change, and one draft gone.
        assert_eq!(feed.changes(&index), None);
        let mut changed = earlier.clone();
        changed.open_actions.clear();
        changed.rev += 1;
        let message = feed.changes(&[changed.clone()]).expect("a change");
        assert!(!message.contains("\"open\""), "only what changed travels");
        assert_eq!(worker.handle(&message), None);
        let answer = review_of(&mut worker, 4, Some("open"), &doc);
        let expected = review_draft(&doc, "2030-01-01", Some("open"), &[changed]);
        assert!(expected.iter().all(|f| f.related.is_none()));
        assert_eq!(
            answer,
            Answer::Review {
                id: 4,
                findings: expected
            }
        );
    }

    #[test]
    fn the_customer_version_comes_back_with_its_parts_hits_and_redacted_markdown() {
        let mut doc = chatgpt_2023_03_20();
        doc.summary = format!("{} Ask alice@example.com on #inc-redis.", doc.summary);
        let mut worker = Offload::default();
        let text = worker.handle(&customer_request(9, &doc)).expect("answers");
        let answer = read_answer(&text).expect("reads");
        let expected = Answer::Customer {
            id: 9,
            parts: customer_version(&doc),
            markdown: customer_markdown(&doc),
        };
        assert_eq!(answer, expected);
        let Answer::Customer {
            parts, markdown, ..
        } = answer
        else {
            unreachable!("a customer answer")
        };
        assert!(parts.iter().any(|p| !p.hits.is_empty()));
        assert!(!markdown.contains("alice@example.com"));
    }

    #[test]
    fn a_folder_is_read_in_the_worker_as_on_the_page() {
        let files = vec![
            (
                "2023-03-20-chatgpt.md".to_owned(),
                crate::markdown::to_markdown(&chatgpt_2023_03_20()),
            ),
            ("README.md".to_owned(), "# Our team\n\nNotes.".to_owned()),
            ("diagram.png".to_owned(), String::new()),
        ];
        let mut worker = Offload::default();
        let text = worker
            .handle(&folder_request(5, "UTC", &files))
            .expect("answers");
        let mut found = read_folder(&files, "UTC", &|_, _| 0);
        assert_eq!(found.entries.len(), 1);
        // The documents stay behind: the page reads a file again when it shows it.
        found.entries[0].doc = Postmortem::default();
        assert_eq!(found.failed.len(), 1);
        assert_eq!(found.skipped, ["diagram.png"]);
        assert_eq!(read_answer(&text), Some(Answer::Folder { id: 5, found }));
    }

    #[test]
    fn the_index_keeps_the_pages_order_through_changes() {
        let mut feed = IndexFeed::default();
        let mut worker = Offload::default();
        let (a, b, c) = (summary("a", "t"), summary("b", "t"), summary("c", "t"));
        let mut folder = summary("folder:team/x.md", "t");
        folder.folder = Some("team/x.md".into());
        assert!(
            !feed.full(&[folder.clone()]).contains("team/x.md"),
            "no folder file"
        );
        worker.handle(&feed.full(&[a.clone(), b.clone()]));
        let message = feed
            .changes(&[c.clone(), b.clone(), a.clone()])
            .expect("sent");
        worker.handle(&message);
        let ids: Vec<&str> = worker.index.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids, ["c", "b", "a"]);
    }
}
