//! The sections of a postmortem, the questions a seasoned SRE asks of each, and what each
//! template requires.

use crate::document::Template;
use crate::words::{w, Words};

/// One section of the report, in the order of the product brief.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SectionId {
    /// Title, severity, status, people, dates.
    Header,
    /// The story in a paragraph.
    Summary,
    /// Who was hurt and how badly.
    Impact,
    /// What happened when.
    Timeline,
    /// How it was noticed.
    Detection,
    /// Trigger and root causes.
    Causes,
    /// Response and resolution.
    Response,
    /// Follow-up actions.
    ActionItems,
    /// Lessons learned.
    Lessons,
    /// Communication.
    Communication,
    /// Supporting information.
    Supporting,
}

/// The questions a seasoned SRE asks of a section, and a short example answer.
#[derive(Clone, Copy, Debug)]
pub struct Guidance {
    /// Questions the section should answer.
    pub questions: &'static [Words],
    /// A short example of a good answer.
    pub example: Words,
}

impl SectionId {
    /// Every section, in the brief's order.
    pub const ALL: [SectionId; 11] = [
        SectionId::Header,
        SectionId::Summary,
        SectionId::Impact,
        SectionId::Timeline,
        SectionId::Detection,
        SectionId::Causes,
        SectionId::Response,
        SectionId::ActionItems,
        SectionId::Lessons,
        SectionId::Communication,
        SectionId::Supporting,
    ];

    /// The section's heading, in the form and in the report.
    pub fn heading(self) -> Words {
        match self {
            SectionId::Header => w("Header", "基本資料"),
            SectionId::Summary => w("Summary", "摘要"),
            SectionId::Impact => w("Impact", "影響"),
            SectionId::Timeline => w("Timeline", "時間軸"),
            SectionId::Detection => w("Detection", "偵測"),
            SectionId::Causes => w("Trigger and root causes", "觸發與根本原因"),
            SectionId::Response => w("Response and resolution", "應變與修復"),
            SectionId::ActionItems => w("Action items", "行動項目"),
            SectionId::Lessons => w("Lessons learned", "經驗教訓"),
            SectionId::Communication => w("Communication", "溝通"),
            SectionId::Supporting => w("Supporting information", "補充資料"),
        }
    }

    /// A stable slug for element ids and anchors.
    pub fn slug(self) -> &'static str {
        match self {
            SectionId::Header => "header",
            SectionId::Summary => "summary",
            SectionId::Impact => "impact",
            SectionId::Timeline => "timeline",
            SectionId::Detection => "detection",
            SectionId::Causes => "causes",
            SectionId::Response => "response",
            SectionId::ActionItems => "action-items",
            SectionId::Lessons => "lessons",
            SectionId::Communication => "communication",
            SectionId::Supporting => "supporting",
        }
    }

    /// The position in [`SectionId::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }

    /// What to ask and an example of a good answer.
    pub fn guidance(self) -> Guidance {
        match self {
            SectionId::Header => Guidance {
                questions: const {
                    &[
                    w("What would a reader search for to find this report a year from now?",
                      "一年後有人要找這份報告，會用什麼關鍵字搜尋？"),
                    w("How severe was it, measured by user impact rather than by effort spent?",
                      "以使用者受到的影響來看（而不是投入了多少人力），這次有多嚴重？"),
                    w("Who owns the follow-up, and when will the report be reviewed?",
                      "後續由誰負責追蹤？什麼時候開檢討會議？"),
                ]
                },
                example: w("\"Wrong users shown cached chat titles and billing details\", SEV1, owner: the API platform lead.",
                           "「快取把聊天標題與帳單資料送給錯誤的使用者」，SEV1，負責人：API 平台組組長。"),
            },
            SectionId::Summary => Guidance {
                questions: const {
                    &[
                    w("Between when and when, which users saw what, and why?",
                      "從幾點到幾點、哪些使用者遇到了什麼狀況、原因是什麼？"),
                    w("What stopped it, and is it fully over?",
                      "是什麼讓狀況止血？事情真的結束了嗎？"),
                    w("Could an executive read only this paragraph and understand the incident?",
                      "主管只讀這一段，能不能看懂整起事件？"),
                ]
                },
                example: w("Between 01:00 and 10:00 PT on 20 March, some users saw other users' chat titles because a client library bug returned cached data to the wrong connection. We took the service offline, patched the library and notified affected users.",
                           "3 月 20 日太平洋時間 01:00 到 10:00 之間，部分使用者看到了別人的聊天標題，原因是用戶端函式庫的 bug 把快取資料回給了錯誤的連線。我們先讓服務下線、修補函式庫，並通知了受影響的使用者。"),
            },
            SectionId::Impact => Guidance {
                questions: const {
                    &[
                    w("Who was hurt, how many, and for how long?",
                      "誰受到影響？有多少人？持續多久？"),
                    w("What could users not do, and what did they see instead?",
                      "使用者哪些事做不了？他們實際看到了什麼？"),
                    w("Was any data exposed, lost or corrupted? Whose, and which kinds?",
                      "有沒有資料外洩、遺失或毀損？是誰的、哪些類型的資料？"),
                    w("How much error budget, revenue or support effort did it cost?",
                      "吃掉了多少錯誤預算、營收或客服人力？"),
                ]
                },
                example: w("About 1.2% of paying subscribers active in a nine-hour window may have had their name, email and the last four digits of their card shown to another user.",
                           "約九小時內活躍的付費訂閱者中，約 1.2% 的人，姓名、電子郵件與信用卡末四碼可能被其他使用者看到。"),
            },
            SectionId::Timeline => Guidance {
                questions: const {
                    &[
                    w("When did impact start, and when did we first know?",
                      "影響從什麼時候開始？我們什麼時候第一次知道？"),
                    w("When was it escalated, mitigated and resolved?",
                      "什麼時候升級處理、什麼時候緩解、什麼時候解決？"),
                    w("Which graph, log or chat message shows each moment?",
                      "每個時間點有哪張圖、哪段 log 或哪則對話可以佐證？"),
                ]
                },
                example: w("01:00 impact started: a deploy raised the rate of cancelled requests. 08:40 detected: a user reported seeing someone else's chat titles.",
                           "01:00 影響開始：一次部署讓被取消的請求變多。08:40 發現：有使用者回報看到別人的聊天標題。"),
            },
            SectionId::Detection => Guidance {
                questions: const {
                    &[
                    w("Who or what noticed first: an alert, a customer, an employee?",
                      "最先發現的是誰或什麼：告警、客戶，還是內部同仁？"),
                    w("How long did it go unnoticed, and why?",
                      "問題多久沒被發現？為什麼？"),
                    w("Which alert or check would have caught it sooner?",
                      "哪個告警或檢查能更早抓到？怎樣才能把發現時間砍半？"),
                ]
                },
                example: w("A user reported it on social media; no alert fired. A check that cached data belongs to the requesting user would have caught it within minutes.",
                           "是使用者在社群媒體上回報的，沒有任何告警響。如果有檢查「快取資料是否屬於發出請求的使用者」，幾分鐘內就能發現。"),
            },
            SectionId::Causes => Guidance {
                questions: const {
                    &[
                    w("What changed or happened just before impact started (the trigger)?",
                      "影響開始前，改了什麼或發生了什麼（觸發點）？"),
                    w("Why did that hurt users: which defects and conditions made it possible?",
                      "為什麼會傷到使用者：是哪些缺陷與條件讓它有機會發生？"),
                    w("Ask \"why?\" until the answer is something we can change.",
                      "一直追問「為什麼？」，直到答案是我們改得動的東西。"),
                    w("Has this happened before? Describe systems and processes, never blame people.",
                      "以前發生過嗎？描述系統與流程，不要怪罪個人。"),
                ]
                },
                example: w("Trigger: a change raised the rate of cancelled requests. Root cause: the client library could return a response on a connection that had been handed to another request.",
                           "觸發點：一次變更讓被取消的請求變多。根本原因：用戶端函式庫可能在一條已經交給其他請求的連線上回傳回應。"),
            },
            SectionId::Response => Guidance {
                questions: const {
                    &[
                    w("Who responded, in which roles (incident commander, communications, operations)?",
                      "有哪些人參與應變、各自擔任什麼角色（事故指揮官、對外溝通、操作）？"),
                    w("What stopped the impact, and how quickly did it work?",
                      "是什麼止住了影響？多快見效？"),
                    w("What closed the incident, and what durable fix is still to come?",
                      "是什麼讓事件結案？還有哪些長期修正要做？"),
                ]
                },
                example: w("The on-call engineer paged the incident commander; the service was taken offline to stop further exposure, then a patched library was deployed.",
                           "值班工程師呼叫了事故指揮官；為了避免更多資料外洩，先讓服務下線，再部署修補過的函式庫。"),
            },
            SectionId::ActionItems => Guidance {
                questions: const {
                    &[
                    w("What will prevent this, limit it, or detect it sooner next time?",
                      "下次要怎麼預防、降低影響，或更早發現？"),
                    w("Does every item have one owner, a priority, a due date and a ticket?",
                      "每一項都有單一負責人、優先順序、期限與追蹤單嗎？"),
                    w("Are the items specific enough that someone can say when they are done?",
                      "每一項是否具體到任何人都判斷得出「做完了沒」？"),
                ]
                },
                example: w("Prevent | Add a check that cached data matches the requesting user | owner: cache team | P0 | due in two weeks.",
                           "預防｜加上檢查，確認快取資料屬於發出請求的使用者｜負責人：快取組｜P0｜兩週內完成。"),
            },
            SectionId::Lessons => Guidance {
                questions: const {
                    &[
                    w("What went well and should be kept?",
                      "哪些地方做得好、應該保留？"),
                    w("What went wrong, in our systems or our process?",
                      "哪些地方出了問題，是系統還是流程？"),
                    w("Where did we get lucky, and what would have happened otherwise?",
                      "哪裡是運氣好？如果運氣不好會怎樣？"),
                ]
                },
                example: w("Lucky: the bug needed a rare sequence of cancellations, so few users were affected before we noticed.",
                           "幸運之處：這個 bug 需要少見的取消順序才會觸發，所以在我們發現之前，受影響的使用者不多。"),
            },
            SectionId::Communication => Guidance {
                questions: const {
                    &[
                    w("What did we tell staff, and when?",
                      "我們什麼時候、跟內部同仁說了什麼？"),
                    w("What do customers need to know: what happened and what we are doing about it?",
                      "客戶需要知道什麼：發生了什麼事，以及我們正在做什麼？"),
                    w("Who else must be told (affected users, regulators), and by when?",
                      "還有誰必須被通知（受影響的使用者、主管機關）？期限是什麼時候？"),
                ]
                },
                example: w("Affected subscribers were emailed on 24 March; the regulator deadline was 72 hours after we learned of the exposure.",
                           "3 月 24 日以電子郵件通知受影響的訂閱者；主管機關的通報期限是我們得知外洩後 72 小時內。"),
            },
            SectionId::Supporting => Guidance {
                questions: const {
                    &[
                    w("Which dashboards, logs and chat threads back the timeline?",
                      "有哪些儀表板、log 與對話串可以佐證時間軸？"),
                    w("Which terms need a glossary for readers outside the team?",
                      "哪些術語需要附上詞彙表，讓團隊以外的人也看得懂？"),
                ]
                },
                example: w("Dashboard: cache hit ratio by cluster. Glossary: \"cancelled request\", a request the client gave up on before the reply arrived.",
                           "儀表板：各叢集的快取命中率。詞彙表：「被取消的請求」，指用戶端在回應抵達前就放棄的請求。"),
            },
        }
    }
}

impl Template {
    /// Whether the template requires a section.
    pub fn requires(self, section: SectionId) -> bool {
        match self {
            Template::Full | Template::Security => true,
            Template::Lightweight => matches!(
                section,
                SectionId::Header
                    | SectionId::Summary
                    | SectionId::Impact
                    | SectionId::Timeline
                    | SectionId::Causes
                    | SectionId::ActionItems
            ),
        }
    }

    /// The order sections are shown in the form: required ones first, each group in the
    /// brief's order. The report always keeps the brief's order.
    pub fn form_order(self) -> Vec<SectionId> {
        let (required, optional): (Vec<SectionId>, Vec<SectionId>) =
            SectionId::ALL.iter().partition(|s| self.requires(**s));
        required.into_iter().chain(optional).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::choice::Choice;
    use crate::words::audit;

    #[test]
    fn lightweight_requires_exactly_the_essentials_and_shows_them_first() {
        let required: Vec<SectionId> = SectionId::ALL
            .into_iter()
            .filter(|s| Template::Lightweight.requires(*s))
            .collect();
        assert_eq!(
            required,
            [
                SectionId::Header,
                SectionId::Summary,
                SectionId::Impact,
                SectionId::Timeline,
                SectionId::Causes,
                SectionId::ActionItems
            ]
        );
        assert_eq!(Template::Lightweight.form_order()[..6], required[..]);
        assert_eq!(Template::Lightweight.form_order().len(), 11);
    }

    #[test]
    fn full_and_security_require_every_section_and_security_adds_fields() {
        for t in [Template::Full, Template::Security] {
            assert!(SectionId::ALL.iter().all(|s| t.requires(*s)));
            assert_eq!(t.form_order(), SectionId::ALL);
        }
    }

    #[test]
    fn every_section_has_guidance_in_both_languages() {
        for s in SectionId::ALL {
            let g = s.guidance();
            assert!(g.questions.len() >= 2, "{s:?}");
            let mut entries = vec![("heading", s.heading()), ("example", g.example)];
            entries.extend(g.questions.iter().map(|q| ("question", *q)));
            assert_eq!(audit(entries), Vec::<String>::new(), "{s:?}");
        }
        for t in Template::ALL {
            assert_eq!(
                audit([("template", t.words()), ("description", t.description())]),
                Vec::<String>::new()
            );
        }
    }
}
