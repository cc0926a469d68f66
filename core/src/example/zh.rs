//! 範例事後檢討：2023-03-20 ChatGPT 公開事件，以台灣 SRE 團隊的內部檢討口吻重新撰寫。
//!
//! The worked example in Traditional Chinese (Taiwan): the same incident, instants and
//! structure as [`crate::example::chatgpt_2023_03_20`], written anew rather than translated.
//! Times after impact started are illustrative, as in the English example, and the supporting
//! information says so.

use crate::document::*;
use crate::time::Timestamp;

fn at(rfc3339: &str) -> Option<Timestamp> {
    Timestamp::parse_rfc3339(rfc3339)
}

fn event(time: &str, kind: EventKind, text: &str, link: &str) -> TimelineEvent {
    TimelineEvent {
        time: at(time),
        event: text.to_owned(),
        kind,
        link: link.to_owned(),
    }
}

/// A finished action item: the incident is from 2023, so every follow-up is done.
fn done(text: &str, kind: ActionType, owner: &str, priority: Priority, due: &str) -> ActionItem {
    ActionItem {
        action: text.to_owned(),
        kind: Some(kind),
        owner: owner.to_owned(),
        priority: Some(priority),
        due_date: due.to_owned(),
        tracking_link: String::new(),
        done: true,
        public: None,
    }
}

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| (*s).to_owned()).collect()
}

/// The worked example in the given language: the ChatGPT incident of 2023-03-20.
pub fn worked_example(lang: Language) -> Postmortem {
    match lang {
        Language::En => crate::example::chatgpt_2023_03_20(),
        Language::ZhTw => chatgpt_2023_03_20_zh(),
    }
}

/// The worked example in Traditional Chinese (Taiwan), every section filled.
pub fn chatgpt_2023_03_20_zh() -> Postmortem {
    Postmortem {
        template: Template::Security,
        language: Language::ZhTw,
        header: Header {
            title: "ChatGPT 部分使用者看到他人的對話標題與付款資訊".into(),
            incident_id: "INC-2023-0320".into(),
            severity: Some(Severity::Sev1),
            status: Status::Final,
            incident_date: "2023-03-20".into(),
            time_zone: "America/Los_Angeles".into(),
            authors: strings(&["事故指揮官", "API 平台組組長"]),
            reviewers: strings(&["資安組組長", "工程部主管"]),
            owner: "API 平台組組長".into(),
            tags: strings(&["redis", "快取", "隱私", "資料外洩"]),
            review_meeting: "2023-03-23".into(),
        },
        summary: "2023 年 3 月 20 日太平洋時間約 01:00 到 10:00 之間，開源的 **redis-py** \
用戶端有個錯誤：請求在收到回應前被取消時，快取資料會被送到錯誤的使用者手上。這段期間，部分 \
ChatGPT 使用者看到了別人的對話標題，部分 ChatGPT Plus 訂閱者的付款資訊也可能被其他使用者看到。\
我們先讓 ChatGPT 下線止血，修補錯誤後恢復服務，並通知受影響的使用者，於 3 月 24 日對外發布這份\
事後檢討。"
            .into(),
        impact: Impact {
            description: "- 部分使用者在對話紀錄側邊欄看到**其他使用者的對話標題**。\n\
- 服務下線期間，部分使用者的**對話紀錄消失**了好幾個小時。\n\
- 約九小時內，**約 1.2% 活躍 ChatGPT Plus 訂閱者的付款資訊**可能被其他使用者看到，包括姓名、\
電子郵件、付款地址、信用卡末四碼與到期日。完整卡號**沒有**外洩。"
                .into(),
            users_affected: "約 1.2% 的活躍 ChatGPT Plus 訂閱者（付款資訊）".into(),
            failed_requests: "未統計；服務下線達數小時".into(),
            error_budget_consumed: "超過整季的錯誤預算".into(),
            revenue_impact: "未公開".into(),
            support_tickets: "大量回報，最早出現在社群媒體上".into(),
            customer_visible: Some(true),
            data_exposed: Some(true),
            kinds_of_data: "姓名、電子郵件、付款地址、信用卡末四碼、信用卡到期日".into(),
            people_affected: "九小時期間內活躍的 Plus 訂閱者中，約 1.2%".into(),
        },
        timeline: vec![
            event(
                "2023-03-20T01:00:00-07:00",
                EventKind::ImpactStarted,
                "伺服器端一項變更使 Redis 請求被取消的比例升高；被取消的請求開始在共用連線上留下未被讀取的回應",
                "",
            ),
            event(
                "2023-03-20T08:50:00-07:00",
                EventKind::Detected,
                "使用者回報在側邊欄看到別人的對話標題",
                "",
            ),
            event(
                "2023-03-20T09:05:00-07:00",
                EventKind::Escalated,
                "宣告事故，資安與平台團隊加入應變",
                "",
            ),
            event(
                "2023-03-20T09:40:00-07:00",
                EventKind::StatusPageUpdated,
                "狀態頁公告：ChatGPT 暫停服務，正在調查",
                "",
            ),
            event(
                "2023-03-20T10:00:00-07:00",
                EventKind::Mitigated,
                "ChatGPT 下線，資料不再外洩",
                "",
            ),
            event(
                "2023-03-20T19:00:00-07:00",
                EventKind::Resolved,
                "修補後的 redis-py 完成部署與驗證，服務恢復；對話紀錄仍在陸續回補",
                "",
            ),
            event(
                "2023-03-24T10:00:00-07:00",
                EventKind::Other,
                "對外發布事後檢討",
                "https://openai.com/blog/march-20-chatgpt-outage",
            ),
        ],
        detection: Detection {
            detected_by: Some(DetectedBy::CustomerReport),
            description: "使用者比我們先發現，並在網路上公開回報。當時沒有任何告警響起，因為系統中\
沒有任何一道檢查會確認快取資料是否屬於發出請求的使用者。\n\n\
**怎樣能更早發現**：每一筆從快取取回的資料都比對請求者身分，比對不符就記錄下來並發出告警。"
                .into(),
        },
        causes: Causes {
            trigger: "伺服器端的一項變更，讓 Redis 請求被取消的次數大幅增加。".into(),
            root_causes: "redis-py 用戶端搭配 Redis Cluster 使用時，其 asyncio 連線處理有個錯誤：\
請求若在收到回應前被取消，這條連線可能會停留在不一致的狀態。同一條連線上的下一個請求，就會收到原本要給\
被取消請求的回應，也就是另一位使用者的快取資料。\n\n\
下游也沒有任何檢查比對快取資料與請求者是否相符，錯誤的資料因此一路送到了使用者的瀏覽器。"
                .into(),
            contributing_factors: "- 尖峰負載時，請求被取消的次數急遽上升。\n\
- 快取裡存的是每位使用者專屬的資料（包含帳務資訊），以使用者為鍵值分開存放。\n\
- 日誌無法看出哪一筆回應送給了哪一位使用者。"
                .into(),
            five_whys: strings(&[
                "為什麼使用者會看到別人的資料？因為快取回傳了原本屬於其他請求的回應。",
                "為什麼快取會回傳錯誤的回應？因為請求被取消後，連線沒有清理乾淨就被下一個請求沿用。",
                "為什麼連線沒有清理乾淨？因為 redis-py 在 Redis Cluster 下以 asyncio 處理請求取消時有錯誤。",
                "為什麼這個錯誤偏偏在這時候浮現？因為伺服器端的一項變更讓請求取消的比例大幅升高。",
                "為什麼錯誤的資料能一路送到使用者手上？因為沒有任何檢查比對快取資料與請求者是否相符。",
            ]),
            recurrence: "過去沒有相同原因的事件。這個錯誤已回報給 redis-py 的上游維護者，修正版本也已\
釋出。"
                .into(),
        },
        response: Response {
            responders: "事故指揮官 — 統籌協調\n\
API 平台值班工程師 — 止血與修復\n\
資安組組長 — 評估資料外洩範圍\n\
公關組組長 — 使用者通知與狀態頁"
                .into(),
            mitigation: "調查期間先讓 ChatGPT 整個下線，確保資料不會繼續外洩。".into(),
            resolution: "修補 redis-py 的錯誤、完成測試後恢復服務。所有使用者的對話紀錄在接下來幾個\
小時內陸續回補完成。"
                .into(),
            long_term_fix: "多加幾道彼此獨立的檢查，確認快取資料屬於發出請求的使用者；補上看得出問題\
的日誌；讓 Redis 叢集在尖峰負載下的擴充更穩健。"
                .into(),
        },
        action_items: vec![
            done(
                "針對 redis-py 的修正做大量測試，涵蓋高負載下請求被取消的情境",
                ActionType::Prevent,
                "API 平台組",
                Priority::P0,
                "2023-03-22",
            ),
            done(
                "新增多道互為備援的檢查，確認快取取回的資料屬於發出請求的使用者",
                ActionType::Prevent,
                "快取團隊",
                Priority::P0,
                "2023-03-31",
            ),
            done(
                "在快取讀取路徑記錄請求者與資料擁有者，用來看出問題並確認已不再發生",
                ActionType::Detect,
                "可觀測性組",
                Priority::P1,
                "2023-04-07",
            ),
            done(
                "讓 Redis 叢集的擴充更穩健，降低尖峰負載下的連線錯誤",
                ActionType::Mitigate,
                "基礎架構組",
                Priority::P1,
                "2023-04-30",
            ),
        ],
        lessons: Lessons {
            went_well: strings(&[
                "服務一下線，外洩就立刻停止",
                "幾天內就找到根本原因，並在上游完成修補",
                "找出受影響的使用者並逐一通知",
            ]),
            went_wrong: strings(&[
                "使用者比任何告警都早發現問題",
                "快取資料沒有確認擁有者就直接採信",
                "日誌無法看出哪些回應送到了哪些使用者手上",
            ]),
            got_lucky: strings(&[
                "系統只存了信用卡末四碼，完整卡號不可能外洩",
                "這個錯誤要碰上罕見的取消時序才會觸發，受影響的使用者比例因此不高",
            ]),
        },
        communication: Communication {
            internal_notice: "事故升級後隨即開設事故頻道；服務恢復前，每小時向主管層報告一次進度。".into(),
            customer_notice: "3 月 20 日，一個開源函式庫的錯誤導致部分使用者看到其他使用者的對話\
標題，約 1.2% 的 ChatGPT Plus 訂閱者的部分付款資訊也可能被其他使用者看到。完整信用卡卡號並未外洩。\
我們已暫停服務、修正錯誤，並加上檢查機制，避免同樣的問題再次發生。"
                .into(),
            notified: "受影響的 Plus 訂閱者：以電子郵件個別通知；一般大眾：透過狀態頁，以及 3 月 24 日\
發布的部落格文章。"
                .into(),
            regulator_deadline: "2023-03-23".into(),
        },
        supporting_info: "- 公開的事後檢討：<https://openai.com/blog/march-20-chatgpt-outage>\n\
- 上游錯誤：redis-py 搭配 Redis Cluster 時的 asyncio 連線處理\n\n\
01:00 之後的時間點僅為示意；公開報告只提供事件的起訖區間。\n\n\
**名詞解釋**：「被取消的請求」指用戶端在收到回應之前就放棄等待的請求。"
            .into(),
        ..Postmortem::default()
    }
}
