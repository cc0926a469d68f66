//! What the review says, in both languages: where a finding is and why it matters. Who
//! recommends it (the Google SRE book and workbook, PagerDuty's postmortem guide,
//! Atlassian's incident handbook) is said once per check, by [`source`], not in every
//! finding. `{0}` is always the place: a section, a field or a row.

use crate::words::{w, Words};

/// Where a check's rule comes from, shown once in its detail ("Source: …"); `None` for the
/// checks that stand on the seed essay or the law rather than a book.
pub fn source(check_id: &str) -> Option<Words> {
    SOURCES
        .iter()
        .find(|(id, _)| *id == check_id)
        .map(|(_, words)| *words)
}

const SRE_BOOK: Words = w(
    "Google SRE book, “Postmortem Culture”",
    "Google《SRE》一書〈事後檢討文化〉",
);
const SRE_WORKBOOK: Words = w("Google SRE workbook", "Google SRE 工作手冊");
const PAGERDUTY: Words = w("PagerDuty's postmortem guide", "PagerDuty 事後檢討指南");
const ATLASSIAN: Words = w("Atlassian incident handbook", "Atlassian 事故管理手冊");

/// One row per check that names a source.
#[rustfmt::skip]
static SOURCES: &[(&str, Words)] = &[
    ("required-empty", SRE_BOOK),
    ("impact-no-numbers", SRE_WORKBOOK),
    ("timeline-missing-event", ATLASSIAN),
    ("timeline-order", PAGERDUTY),
    ("detection-missing", ATLASSIAN),
    ("root-cause-person", w("PagerDuty's postmortem guide; Google SRE book, “Postmortem Culture”",
        "PagerDuty 事後檢討指南；Google《SRE》一書〈事後檢討文化〉")),
    ("root-cause-shallow", w("Atlassian incident handbook: five whys", "Atlassian 事故管理手冊：五個為什麼")),
    ("blame-language", SRE_BOOK),
    ("emotional-language", SRE_BOOK),
    ("action-missing", SRE_BOOK),
    ("action-no-owner", SRE_BOOK),
    ("action-no-due", ATLASSIAN),
    ("action-no-tracking", SRE_BOOK),
    ("action-vague", SRE_WORKBOOK),
    ("no-prevent-action", SRE_BOOK),
    ("same-priority", SRE_BOOK),
    ("action-overdue", w("Atlassian incident handbook: backlog check", "Atlassian 事故管理手冊：定期檢查待辦")),
    ("review-late", w("PagerDuty's postmortem guide; Google SRE book", "PagerDuty 事後檢討指南；Google《SRE》一書")),
    ("repeat-open-actions", w("Atlassian incident handbook: recurrence and backlog check",
        "Atlassian 事故管理手冊：檢查過往事件與待辦")),
    ("title-empty", SRE_BOOK),
    ("root-cause-unknown", SRE_BOOK),
];

crate::words_table! {
    PROBLEM = ("Problem", "問題");
    SUGGESTION = ("Suggestion", "建議");
    HEADING = ("Review: {0}, {1}", "審閱：{0}、{1}");
    ONE_PROBLEM = ("{0} problem", "{0} 個問題");
    PROBLEMS = ("{0} problems", "{0} 個問題");
    ONE_SUGGESTION = ("{0} suggestion", "{0} 個建議");
    SUGGESTIONS = ("{0} suggestions", "{0} 個建議");

    EVENT_N = ("Event {0}", "事件 {0}");
    ACTION_N = ("Action item {0}", "行動項目 {0}");
    ROW_N = ("{0} {1}", "{0} {1}");
    AND = ("{0} and {1}", "{0}與{1}");
    LIST_SEP = (", ", "、");
    QUOTED = ("“{0}”", "「{0}」");
    SOURCE = ("Source: {0}", "出處：{0}");
    AND_MORE = ("{0} and {1} more", "{0}等另外 {1} 處");

    FIRST_WORDS = (
        "Write the sections marked Required; the review starts as you write",
        "請填寫標示為必填的段落；開始撰寫後即會審閱"
    );
    FIRST_WORDS_DETAIL = (
        "Nothing is written yet beyond the header. The “{0}” template marks {1} as Required.",
        "除了基本資料，目前還沒有任何內容。「{0}」範本將{1}標示為必填。"
    );
    ACTIONS_N = ("Action items {0}", "行動項目 {0}");
    ROWS_AND = ("{0} and {1}", "{0}、{1}");
    GROUP_NO_OWNER = (
        "{0} have no owner. Give each exactly one, or it tends not to get done.",
        "{0}沒有負責人。每一項都要有一位明確的負責人，不然往往沒人去做。"
    );
    GROUP_NO_DUE = (
        "{0} have no due date. Without one they drift down the backlog.",
        "{0}沒有期限。沒有期限的項目很容易在待辦清單裡越沉越深。"
    );
    GROUP_NO_TRACKING = (
        "{0} have no tracking link. File each as a ticket, so it is followed to the end.",
        "{0}沒有追蹤連結。請把每一項都開成一張單，才能追到完成。"
    );
    GROUP_VAGUE = (
        "{0} name a direction or ask people to be better, not a change. Say what will change and how you will know it is done.",
        "{0}只說了方向或要求人更小心，沒說要改什麼。請寫出具體要做的改變，以及怎樣算完成。"
    );
    GROUP_OVERDUE = (
        "{0} are past their due dates and not done. Finish them, move the dates or close them.",
        "{0}已過期限還沒完成。請完成、改期或結案。"
    );

    REQUIRED_EMPTY = (
        "{0}: the “{1}” template requires this section, and nothing is written in it yet.",
        "{0}：「{1}」範本要求填寫這個段落，但目前還是空的。"
    );
    IMPACT_NO_NUMBERS = (
        "{0}: neither the text nor the measures give a number. Say how many users, requests or minutes, even as an estimate.",
        "{0}：說明和各項指標裡都沒有任何數字。請寫出受影響的使用者、請求數或持續時間，估計值也可以。"
    );
    TIMELINE_MISSING_EVENT = (
        "{0}: no event of kind {1}. Without such events the time to detect and to resolve cannot be measured.",
        "{0}：缺少類型為{1}的事件，這樣就算不出偵測耗時與解決耗時。"
    );
    TIMELINE_ORDER = (
        "{0}: this “{1}” event is earlier than the “{2}” event ({3}), which cannot happen. Check the times and the time zone; until then the derived durations show “—”.",
        "{0}：這個「{1}」事件比「{2}」事件（{3}）還早，這不可能發生。請檢查時間與時區；修正之前，推算出來的時長會顯示「—」。"
    );
    TIMELINE_DETECTED_EARLY = (
        "{0}: this “{1}” event is earlier than the “{2}” event ({3}). That is right when a canary or a test caught the fault before users felt it; otherwise check the times. Time to detect shows “—”.",
        "{0}：這個「{1}」事件比「{2}」事件（{3}）還早。如果是金絲雀部署或測試在使用者受影響前就抓到問題，這樣沒錯；否則請檢查時間。偵測耗時會顯示「—」。"
    );
    DETECTION_CHOOSE_TITLE = ("Choose who or what detected it", "請選擇由誰或什麼發現");
    DETECTION_NO_SOURCE = (
        "{0}: not set. The text says how it was noticed; choose whether it was an alert, a customer or someone on staff, so detection can be compared across incidents.",
        "{0}：尚未選擇。內文已說明怎麼發現的；請選擇是告警、客戶還是內部人員，才能跨事件比較偵測方式。"
    );
    DETECTION_NO_TEXT = (
        "{0}: nothing is written. Say how the incident was noticed, and how you would have cut the time to detect in half.",
        "{0}：尚未填寫。請說明事件是怎麼被發現的，以及要怎麼做才能把偵測時間縮短一半。"
    );
    DETECTION_NOTHING = (
        "{0}: both empty. Say who or what noticed first, how, and how you would have cut the time to detect in half.",
        "{0}：都還沒填。請說明是誰或什麼最先發現、怎麼發現的，以及要怎麼做才能把偵測時間縮短一半。"
    );
    ROOT_CAUSE_HUMAN_ERROR = (
        "{0}: gives {1} as a cause. Human error is never a root cause: ask what let the mistake happen and reach production.",
        "{0}：把{1}當成原因。人為疏失永遠不是根本原因：要追問的是，什麼讓這個失誤有機會發生，而且一路影響到正式環境。"
    );
    ROOT_CAUSE_NAMES = (
        "{0}: names {1}. Postmortems are blameless: describe the system and the conditions that allowed it, not the person.",
        "{0}：點名了{1}。事後檢討不究責：請描述讓這件事發生的系統與條件，而不是人。"
    );
    ROOT_CAUSE_SHALLOW = (
        "{0}: {1} of five answers so far. Keep asking “why?” until you reach something the team can change; fewer than three rarely get past the first symptom.",
        "{0}：目前只有 {1} 個答案。請繼續追問「為什麼？」，直到找到團隊改得動的地方；少於三層通常還停在表面症狀。"
    );
    BLAME = (
        "{0}: {1} judges a person. {2} A blameless postmortem looks at what the system allowed, not at who slipped.",
        "{0}：{1}是在責怪人。{2}不究責的事後檢討，看的是系統讓什麼事情發生，而不是誰出了錯。"
    );
    BLAME_MANY = (
        "{0}: {1} judge a person. {2} A blameless postmortem looks at what the system allowed, not at who slipped.",
        "{0}：{1}是在責怪人。{2}不究責的事後檢討，看的是系統讓什麼事情發生，而不是誰出了錯。"
    );
    NEUTRAL_HINDSIGHT = (
        "Instead, say what was known at that moment and what would have made the right step the easy one.",
        "建議改寫成：當下掌握了哪些資訊，以及怎樣的設計能讓正確的做法變成最順手的做法。"
    );
    NEUTRAL_OMISSION = (
        "Instead, write that the step was not done, and what would have done it without relying on memory (a checklist, an automated check).",
        "建議改寫成「某個步驟沒有執行」，並說明有什麼機制（檢查清單、自動檢查）能讓它不靠記憶也會做到。"
    );
    NEUTRAL_RULE = (
        "Instead, say what the procedure or the signal asked for, and why it was hard to act on at that moment.",
        "建議改寫成：程序或訊號要求做什麼，以及為什麼當下很難照著做。"
    );
    NEUTRAL_JUDGEMENT = (
        "Instead, describe the action itself and what made it easy to get wrong.",
        "建議改寫成：描述實際做了什麼操作，以及是什麼讓它容易出錯。"
    );
    NEUTRAL_INSULT = (
        "Instead, drop the word and describe the action and the conditions around it.",
        "建議直接拿掉這個字眼，改成描述實際的操作與當時的條件。"
    );
    NEUTRAL_OBVIOUS = (
        "Instead, say what was known at the time: it was not obvious then, or it would not have happened.",
        "建議改寫成：當時知道哪些事。如果當下就很明顯，事情就不會發生了。"
    );
    EMOTIONAL = (
        "{0}: {1} carries feeling rather than fact. Keep the language neutral: say what happened and what it did.",
        "{0}：{1}帶有情緒，而不是事實。請用中性、就事論事的語氣：寫出發生了什麼、造成了什麼影響。"
    );
    EMOTIONAL_MANY = (
        "{0}: {1} carry feeling rather than fact. Keep the language neutral: say what happened and what it did.",
        "{0}：{1}帶有情緒，而不是事實。請用中性、就事論事的語氣：寫出發生了什麼、造成了什麼影響。"
    );
    ACTION_MISSING = (
        "{0}: there is no action item. A postmortem without actions will not stop the incident from happening again.",
        "{0}：沒有任何行動項目。沒有行動項目的事後檢討，擋不住同樣的事故再發生。"
    );
    ACTION_NO_OWNER = (
        "{0}: nobody owns it. Give every action item exactly one owner, or it tends not to get done.",
        "{0}：沒有負責人。每個行動項目都要有一位明確的負責人，不然往往沒人去做。"
    );
    ACTION_NO_DUE = (
        "{0}: no due date. Without one it drifts down the backlog: agree a date for each priority action.",
        "{0}：沒有期限。沒有期限的項目很容易在待辦清單裡越沉越深：優先行動要約定完成日期。"
    );
    ACTION_NO_TRACKING = (
        "{0}: no tracking link. File every action item as a ticket, so it is followed to the end.",
        "{0}：沒有追蹤連結。請把每個行動項目都開成一張單，才能追到完成。"
    );
    ACTION_VAGUE_START = (
        "{0}: starts with {1}, which names a direction, not a change. Say what will change and how you will know it is done.",
        "{0}：以{1}開頭，只說了方向，沒說要改什麼。請寫出具體要做的改變，以及怎樣算完成。"
    );
    ACTION_BE_BETTER = (
        "{0}: {1} asks people to be better. People already try; change the system so the mistake is hard to make.",
        "{0}：{1}是要求人更小心。大家本來就很努力了；請改變系統，讓錯誤不容易發生。"
    );
    NO_PREVENT_UNTYPED_TITLE = (
        "Mark which actions prevent a recurrence",
        "請標示哪些行動能防止再發生"
    );
    NO_PREVENT_UNTYPED = (
        "{0}: no action item has a type yet. Mark which ones prevent a recurrence, which mitigate or detect, and which change a process; at least one should stop it happening again.",
        "{0}：行動項目都還沒選類型。請標示哪些能防止再發生、哪些是緩解或偵測、哪些是流程改善；至少要有一項能防止事故再發生。"
    );
    NO_PREVENT_ACTION = (
        "{0}: no action item is of type Prevent. Mitigating and detecting help; at least one should also stop it happening again.",
        "{0}：沒有任何「預防」類型的行動項目。緩解與偵測都有幫助，但也要至少有一項能防止事故再發生。"
    );
    SAME_PRIORITY = (
        "{0}: all {1} action items are {2}. When everything has the same priority, nothing does; give each item its own.",
        "{0}：{1} 個行動項目都是 {2}。每一項都一樣優先，就等於沒有優先；請每一項各自排定優先順序。"
    );
    ACTION_OVERDUE = (
        "{0}: due {1} and not done. Finish it, move the date or close it: an overdue action is a known risk left open.",
        "{0}：期限是 {1}，還沒完成。請完成、改期或結案：逾期的行動項目代表已知的風險還開著。"
    );
    REVIEW_LATE_SEV1 = (
        "{0}: {1}, {2} days after the incident. Hold the review meeting of a SEV1 within 3 calendar days, while memories are fresh.",
        "{0}：{1}，已是事件發生後 {2} 天。SEV1 的檢討會議應在 3 個日曆天內召開，趁大家記憶猶新。"
    );
    REVIEW_LATE_SEV2 = (
        "{0}: {1}, {2} business days after the incident. Hold the review meeting of a SEV2 within 5 business days.",
        "{0}：{1}，已是事件發生後 {2} 個工作天。SEV2 的檢討會議應在 5 個工作天內召開。"
    );
    PLACEHOLDER_TEXT = (
        "{0}: still holds a template's placeholder, {1}. Replace it with the incident's own facts, or remove it.",
        "{0}：還留著範本的佔位文字{1}。請換成這次事件的實際內容，或刪除。"
    );
    PLACEHOLDER_TEXT_MORE = (
        "{0}: still holds a template's placeholder, {1}, and {2} more. Replace them with the incident's own facts, or remove them.",
        "{0}：還留著範本的佔位文字{1}，另外還有 {2} 處。請換成這次事件的實際內容，或刪除。"
    );
    TITLE_EMPTY = (
        "{0}: empty. A title says what broke and for whom, so the report can be found and read later.",
        "{0}：還沒填。標題要說出什麼壞了、影響了誰，之後才找得到、看得懂。"
    );
    ROOT_CAUSE_UNKNOWN = (
        "{0}: says the cause is not known ({1}), and no action item is about finding it. Add one with an owner and a date, so the incident cannot happen again the same way.",
        "{0}：寫明原因還不知道（{1}），但沒有任何行動項目要去找出原因。請加一項，指定負責人與期限，才能避免同樣的事再發生。"
    );
    ROOT_CAUSE_UNKNOWN_TRACKED = (
        "{0}: says the cause is not known ({1}). An action item is about finding it; update this report when it is found.",
        "{0}：寫明原因還不知道（{1}）。已有行動項目要去找出原因；找到後請更新這份報告。"
    );
    REVIEW_NOT_SET = (
        "{0}: not set, while the report is {1}. The report is reviewed in a meeting before it is final.",
        "{0}：尚未設定，但報告已經是「{1}」。報告在定稿前應該先開過檢討會議。"
    );
    NO_CUSTOMER_NOTICE = (
        "{0}: empty, while Customer visible is Yes. Tell the people affected what happened and what you are doing about it, as OpenAI did after its 2023-03-20 incident.",
        "{0}：還是空的，但「客戶可見」是「是」。請告訴受影響的人發生了什麼、正在怎麼處理，就像 OpenAI 在 2023-03-20 事件後做的那樣。"
    );
    DATA_EXPOSED_NOT_NOTIFIED = (
        "{0}: empty, while Data exposed is Yes. Say which data was exposed and who was told, and when; regulators may set a deadline. OpenAI notified the affected users after its 2023-03-20 incident.",
        "{0}：還沒填，但「資料外洩」是「是」。請寫出外洩了哪些資料、通知了誰、什麼時候通知；主管機關可能有通報期限。OpenAI 在 2023-03-20 事件後就通知了受影響的使用者。"
    );
    NOTICE_INTERNAL_DETAILS = (
        "{0}: shows {1}, which the redaction found and nobody has let through. Keep internal hosts, people and tickets out of what customers read.",
        "{0}：含有{1}，是遮蔽檢查找到、而且還沒有人決定保留的內容。客戶看到的文字不該出現內部主機、人名或工單。"
    );
    REPEAT_OPEN_ACTIONS = (
        "{0}: names “{1}”, an earlier incident whose action items are not all done ({2} open). Never the same mistake twice: finish them first.",
        "{0}：提到了「{1}」，這起先前的事件還有 {2} 個行動項目沒完成。同樣的錯不要犯兩次：先把它們做完。"
    );
    REPEAT_SIMILAR_CAUSE = (
        "{0}: “{1}”, an earlier incident whose root causes use similar words ({3}% in common), still has open action items ({2}). If it had the same cause, name it here and finish its actions first.",
        "{0}：先前的事件「{1}」的根本原因用詞相似（{3}% 相同），還有 {2} 個行動項目沒完成。如果原因相同，請寫在這裡，並先完成那些行動。"
    );
}
