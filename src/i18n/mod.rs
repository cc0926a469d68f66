//! The interface's own words in English and Traditional Chinese (Taiwan), and the UI
//! language every view reads.
//!
//! Field labels, section headings and guidance come from the core's field table, and the
//! report's words from the core's `report` module; this holds everything else a person reads
//! in the app. Each entry is a [`Words`] pair, so a string cannot exist in one language only.

/// "Action item 2": the row's name in the form and in the overview's lists, which the core
/// draws for the app and the site alike.
pub use hindsight_core::incidents::words::ACTION_ITEM_N;
use hindsight_core::{Language, Text, Words};
use leptos::prelude::*;

pub mod customer;
pub mod import;
pub mod incidents;
pub mod merge;
pub mod pwa;
pub mod review;
pub mod team;
pub mod views;

/// Marks user text inside the app's own sentences (first strong isolate … pop directional
/// isolate), so a right-to-left override in a title cannot reverse the sentence around it;
/// views turn the marks into `<bdi>` elements.
pub fn isolate(text: &str) -> String {
    format!("\u{2068}{text}\u{2069}")
}

/// User text inside an accessible name: isolated only when it holds right-to-left letters
/// or direction marks, so "Delete Keep me" stays a name voice control and tests can say,
/// and a right-to-left override in a title cannot reverse the name around it.
pub fn isolate_name(text: &str) -> String {
    let needs = text.chars().any(|c| {
        matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
            || matches!(c, '\u{0590}'..='\u{08ff}' | '\u{fb1d}'..='\u{fdff}' | '\u{fe70}'..='\u{feff}')
    });
    if needs {
        isolate(text)
    } else {
        text.to_owned()
    }
}

/// Every table of the interface's words, for the test that each is written in both languages.
pub const TABLES: &[&[(&str, Words)]] = &[
    ALL,
    views::ALL,
    import::ALL,
    customer::ALL,
    pwa::ALL,
    review::ALL,
    incidents::ALL,
    merge::ALL,
    team::ALL,
];

/// The UI language, shared through context.
#[derive(Clone, Copy)]
pub struct Ui(pub RwSignal<Language>);

impl Ui {
    /// The UI language from context.
    pub fn get() -> Ui {
        expect_context::<Ui>()
    }

    /// The language now, tracked.
    pub fn lang(self) -> Language {
        self.0.get()
    }

    /// The language now, without subscribing.
    pub fn lang_untracked(self) -> Language {
        self.0.get_untracked()
    }

    /// A reactive text: re-read when the language changes. Every view shares this one
    /// closure type, which keeps the wasm small.
    pub fn t(self, words: Words) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
        move || words.get(self.0.get())
    }

    /// `words` with parameters, in the language now.
    pub fn fill(self, words: Words, args: &[&str]) -> String {
        words.fill(self.0.get(), args)
    }

    /// A message in both languages, in the language now.
    pub fn text(self, text: &Text) -> String {
        text.get(self.0.get()).to_owned()
    }
}

hindsight_core::words_table! {
    APP_TAGLINE = ("Postmortems that never make the same mistake twice", "同樣的錯，不犯第二次");
    LANGUAGE = ("Language", "語言");
    SHOW_PREVIEW = ("Show preview", "顯示預覽");
    SHOW_FORM = ("Show form", "顯示表單");
    SAVED = ("Saved", "已儲存");
    SAVING = ("Saving…", "儲存中…");
    NOT_SAVED = ("Not saved", "未儲存");
    TAB_ONLY = ("Kept in this tab only", "只保留在這個分頁");
    NOTHING_TO_SAVE = ("Nothing to save yet", "尚無內容可儲存");
    DOWNLOAD_JSON = ("Download JSON", "下載 JSON");
    BACK_UP_ALL = ("Back up all drafts", "備份所有草稿");
    DOWNLOAD_UNREADABLE = ("Download unreadable data", "下載無法讀取的資料");
    DISCARD_IT = ("Discard it", "捨棄");
    KEEP_BOTH = ("Keep both", "兩份都保留");
    DISMISS = ("Dismiss", "關閉");
    NO_STORAGE = ("This browser does not let Hindsight use its storage, so drafts are kept in this tab only and will not survive a reload. Back up or export your work before you close the page.",
        "這個瀏覽器不讓 Hindsight 使用儲存空間，所以草稿只存在這個分頁，重新載入就會消失。關閉頁面前，請先備份或匯出。");
    SET_ASIDE = ("{0} stored values could not be read as drafts, so Hindsight set them aside unchanged instead of overwriting them.{1} Download them to recover their text.",
        "有 {0} 筆儲存的資料無法當成草稿讀取，Hindsight 已原封不動地另外保存，沒有覆寫。{1}下載它們就能找回內容。");
    SET_ASIDE_ONE = ("{0} stored value could not be read as a draft, so Hindsight set it aside unchanged instead of overwriting it.{1} Download it to recover its text.",
        "有 {0} 筆儲存的資料無法當成草稿讀取，Hindsight 已原封不動地另外保存，沒有覆寫。{1}下載它就能找回內容。");
    FOUND_NOW = (" Found now: {0}.", "這次發現：{0}。");
    KEY_REASON = ("{0}: {1}", "{0}：{1}");
    NOT_SAVED_BECAUSE = ("Not saved: {0}. Your text is safe in this tab for now, but will be lost if you close it. Download it or back up all drafts, then free space by deleting old drafts; Hindsight keeps trying to save as you type.",
        "未儲存：{0}。內容暫時還在這個分頁裡，但關掉就會消失。請先下載或備份所有草稿，再刪掉舊草稿騰出空間；你繼續打字時，Hindsight 會一直重試儲存。");
    NEW_DRAFT_NOT_STORED = ("The new draft could not be stored: {0}. It stays open in this tab only; download it or back up all drafts before you close the page.",
        "新草稿無法儲存：{0}。它只開在這個分頁裡；關閉頁面前，請先下載或備份所有草稿。");
    CONFLICT = ("This draft was changed in another tab while you were editing it here, in the same places. Nothing has been overwritten: choose what to keep.",
        "你在這裡編輯時，另一個分頁也改了這份草稿的相同地方。目前沒有任何內容被覆寫：請選擇要保留的內容。");
    DELETED_ELSEWHERE = ("This draft was deleted in another tab. Its text stays open here and is saved again if you keep editing.",
        "這份草稿在另一個分頁被刪除了。內容仍開在這裡，只要繼續編輯就會重新儲存。");
    DELETE_FAILED = ("The draft could not be deleted: {0}.", "無法刪除草稿：{0}。");
    DISCARD_FAILED = ("The set-aside data could not be deleted: {0}.", "無法刪除另外保存的資料：{0}。");
    IMPORT_FAILED = ("Could not import “{0}”: {1}", "無法匯入「{0}」：{1}");
    RESTORE_FAILED = ("Could not restore “{0}”: {1}", "無法還原「{0}」：{1}");
    RESTORE_PARTIAL_ONE = ("Restored {0} draft into this tab, but it could not be stored: {1}.",
        "已把 {0} 份草稿還原到這個分頁，但無法儲存：{1}。");
    RESTORE_PARTIAL = ("Restored {0} drafts into this tab, but not all could be stored: {1}.",
        "已把 {0} 份草稿還原到這個分頁，但有些無法儲存：{1}。");
    FILE_TOO_LARGE = ("the file is larger than {0} MiB, far larger than any Hindsight document",
        "檔案超過 {0} MiB，遠大於任何 Hindsight 文件");
    FILE_UNREADABLE = ("the browser could not read the file", "瀏覽器無法讀取這個檔案");
    FILE_NOT_TEXT = ("the file is not text", "這個檔案不是文字檔");
    FILE_UTF16 = ("the file is in UTF-16; save it as UTF-8 and import it again", "這個檔案是 UTF-16 編碼；請另存為 UTF-8 後再匯入");
    EXPORT_FAILED = ("The export could not be downloaded: {0}.", "無法下載匯出檔：{0}。");
    BACKUP_FAILED = ("The backup could not be downloaded: {0}.", "無法下載備份檔：{0}。");
    DATA_DOWNLOAD_FAILED = ("The data could not be downloaded: {0}.", "無法下載資料：{0}。");
    DOWNLOAD_PREPARE_FAILED = ("the browser could not prepare the file", "瀏覽器無法準備檔案");
    COPY_FAILED = ("Could not copy: {0}. Use “Download Markdown” instead.", "無法複製：{0}。請改用「下載 Markdown」。");
    NO_CLIPBOARD = ("this page cannot use the clipboard (it needs HTTPS or localhost)", "這個頁面無法使用剪貼簿（需要 HTTPS 或 localhost）");
    COPY_REFUSED = ("the browser did not allow copying", "瀏覽器不允許複製");
    SHARE_LINK_BROKEN = ("This share link could not be opened: {0}", "無法開啟這個分享連結：{0}");
    EXAMPLE_UNAVAILABLE = ("The example could not be loaded. Open Hindsight once while online, then try again.", "無法載入範例。請先在連線時開啟 Hindsight 一次，再試一次。");
    IMPORTED = ("Imported “{0}” as a new draft.", "已將「{0}」匯入為新草稿。");
    IMPORTED_IGNORING = ("Imported “{0}” as a new draft. Hindsight does not know these parts of the file and left them out: {1}.",
        "已將「{0}」匯入為新草稿。檔案中這些部分 Hindsight 不認得，沒有匯入：{1}。");
    MARKDOWN_COPIED = ("Markdown copied to the clipboard.", "已將 Markdown 複製到剪貼簿。");
    LINK_COPIED = ("Share link copied to the clipboard.", "已將分享連結複製到剪貼簿。");
    RESTORED = ("Restored {0} drafts.", "已還原 {0} 份草稿。");
    RESTORED_ONE = ("Restored {0} draft.", "已還原 {0} 份草稿。");
    SAVED_SHARED = ("Saved “{0}” as a new draft.", "已將「{0}」另存為新草稿。");
    DELETED_DRAFT = ("Deleted “{0}”.", "已刪除「{0}」。");
    DELETED_ROW = ("Deleted {0}.", "已刪除{0}。");
    MORE_TO_UNDO = (" ({0} more to undo)", "（還有 {0} 項可復原）");
    UNDO = ("Undo", "復原");
    READ_ONLY_NOTE = ("This draft was written by a newer version of Hindsight (schema {0}). It is open read-only, so nothing in it can be lost; update Hindsight to edit it.",
        "這份草稿是較新版本的 Hindsight 寫的（schema {0}）。它以唯讀方式開啟，內容不會遺失；請更新 Hindsight 後再編輯。");
    FORM = ("Postmortem form", "事後檢討表單");
    FORM_SECTIONS = ("Postmortem sections", "事後檢討的各段落");
    DROP_HINT = ("Drop a Hindsight .md or .json file to import it as a new draft", "把 Hindsight 的 .md 或 .json 檔拖進來，就會匯入成新草稿");
    REQUIRED = ("Required", "必填");
    OPTIONAL = ("Optional", "選填");
    REQUIRED_BY_TEMPLATE = ("Required by the template", "範本規定必填");
    EXPAND = ("Expand", "展開");
    COLLAPSE = ("Collapse", "收合");
    EXPAND_SECTION = ("Expand {0}", "展開{0}");
    COLLAPSE_SECTION = ("Collapse {0}", "收合{0}");
    QUESTIONS = ("Questions to answer", "要回答的問題");
    EXAMPLE = ("Example: ", "範例：");
    NOT_SET = ("Not set", "未設定");
    NOT_ANSWERED = ("Not answered", "未回答");
    EVENT_N = ("Event {0}", "事件 {0}");
    ADD_EVENT = ("+ Add timeline event", "+ 新增時間軸事件");
    SORT_BY_TIME = ("Sort by time", "依時間排序");
    ADD_ACTION = ("+ Add action item", "+ 新增行動項目");
    ADD_ENTRY = ("+ {0}", "+ {0}");
    GROUP_N = ("{0} {1}", "{0} {1}");
    MOVE_UP = ("Move up", "上移");
    MOVE_DOWN = ("Move down", "下移");
    DELETE = ("Delete", "刪除");
    ROW_BUTTON = ("{0} {1}", "{0}{1}");
    TIMELINE_HINT = ("Times are entered in the draft's time zone: {0}. Kinds feed the metrics: time to detect, mitigate and resolve.",
        "時間以這份草稿的時區輸入：{0}。事件類型會用來計算偵測、緩解與解決的耗時。");
    SKIPPED_TIME = ("{0} does not exist in {1} (the clocks moved forward); it is saved as {2}.",
        "{1} 沒有 {0} 這個時間（時鐘往前撥了），已存成 {2}。");
    UNKNOWN_ZONE = ("“{0}” is not a time zone this browser knows. Use a name such as Europe/Berlin or America/Los_Angeles.",
        "這個瀏覽器不認得「{0}」這個時區。請用像 Asia/Taipei 或 America/Los_Angeles 這樣的名稱。");
    ZONE_QUESTION_TITLE = ("Change the time zone", "變更時區");
    ZONE_QUESTION = ("The timeline has times entered in {0}. In {1}, should they keep the moments they name, shown as {1}'s clock reads them, or keep the clock times as typed, which then name other moments?",
        "時間軸上的時間是以 {0} 輸入的。改成 {1} 之後，要保留它們代表的時刻（以 {1} 的時鐘重新顯示），還是保留輸入的時間（也就是變成另一個時刻）？");
    KEEP_MOMENTS = ("Keep the moments (convert)", "保留時刻（換算）");
    KEEP_TIMES_AS_TYPED = ("Keep the times as typed", "保留輸入的時間");
    HIDE_GUIDANCE = ("Hide guidance", "隱藏引導");
    SHOW_GUIDANCE = ("Show guidance", "顯示引導");
    SAVED_NOW = ("Saved.", "已儲存。");
    LOOKS_LIKE_LOG = ("This looks like a log: as a code block it keeps its lines and spacing.",
        "這看起來像日誌：設為程式碼區塊可保留原本的換行與空格。");
    FORMAT_AS_CODE = ("Format as code block", "設為程式碼區塊");
    PASTED_EVENT = ("Added {0} event from the pasted lines.", "已從貼上的文字新增 {0} 個事件。");
    PASTED_EVENTS = ("Added {0} events from the pasted lines.", "已從貼上的文字新增 {0} 個事件。");
    DATE = ("Date", "日期");
    TIME_PLACEHOLDER = ("HH:MM", "時:分");
    NOT_A_TIME = ("“{0}” is not a time: type one such as 02:05 or 2:05 PM.", "「{0}」不是時間：請輸入例如 02:05 或下午 2:05。");
    STORAGE_USED = ("Storage used", "已使用儲存空間");
    STORAGE_AMOUNT = ("{0}% (about {1} of 5 MB)", "{0}%（約 {1}，上限約 5 MB）");
    STORAGE_NEARLY_FULL = ("This browser's storage for Hindsight is nearly full. Back up your drafts, then delete the ones you no longer need.",
        "這個瀏覽器給 Hindsight 的儲存空間快滿了。請先備份草稿，再刪掉不再需要的草稿。");
    DRAFTS = ("Drafts", "草稿");
    NEW_DRAFT = ("New draft", "新增草稿");
    OPEN_EXAMPLE = ("Open example", "開啟範例");
    SEARCH_DRAFTS = ("Search drafts", "搜尋草稿");
    SEARCH_PLACEHOLDER = ("Title or tag", "標題或標籤");
    CHANGED_AT = ("Changed {0}", "修改於 {0}");
    EXPORTED_AT = ("Exported {0}", "匯出於 {0}");
    READ_ONLY = ("Read-only", "唯讀");
    DUPLICATE = ("Duplicate", "複製");
    DUPLICATE_NAMED = ("Duplicate {0}", "複製「{0}」");
    DELETE_NAMED = ("Delete {0}", "刪除「{0}」");
    IMPORT = ("Import", "匯入");
    RESTORE = ("Restore", "還原");
    LAST_BACKUP = ("Last backed up {0}.", "上次備份：{0}。");
    NEVER_BACKED_UP = ("Not backed up yet. Drafts live only in this browser; clearing site data deletes them.",
        "還沒備份過。草稿只存在這個瀏覽器裡，清除網站資料就會刪掉它們。");
    NO_MATCH = ("No draft matches.", "沒有符合的草稿。");
    SHOW_ALL_DRAFTS = ("Show all {0} drafts", "顯示全部 {0} 份草稿");
    CHOOSE_TEMPLATE = ("Choose a template. It decides which sections are required and shown first; you can fill any section either way.",
        "請選擇範本。範本決定哪些段落必填、哪些先顯示；不管選哪個，每個段落都可以填寫。");
    CANCEL = ("Cancel", "取消");
    EXPORT = ("Export", "匯出");
    DOWNLOAD_MARKDOWN = ("Download Markdown", "下載 Markdown");
    COPY_MARKDOWN = ("Copy Markdown", "複製 Markdown");
    DOWNLOAD_HTML = ("Download HTML", "下載 HTML");
    PRINT = ("Print / PDF", "列印 / PDF");
    SHARE_LINK = ("Share link", "分享連結");
    SHARE_EXPLAINED = ("The whole postmortem is inside this link; no server keeps a copy. Anyone with the link can read it, so share it as you would the document.",
        "整份事後檢討都在這個連結裡，沒有任何伺服器留存副本。拿到連結的人都能讀，請像分享文件本身一樣謹慎。");
    LINK = ("Link", "連結");
    DONE = ("Done", "完成");
    SHARED_TITLE = ("Shared postmortem (read-only)", "分享的事後檢討（唯讀）");
    SHARED_EXPLAINED = ("This postmortem came in a link. Nothing is saved in this browser until you save it as a draft.",
        "這份事後檢討來自分享連結。在你另存為草稿之前，這個瀏覽器不會儲存任何內容。");
    SAVE_AS_NEW_DRAFT = ("Save as new draft", "另存為新草稿");
    CLOSE = ("Close", "關閉");
    PREVIEW = ("Preview", "預覽");
    REPORT_PREVIEW = ("Report preview", "報告預覽");

    // The Header's template control (issue 23: a calm first draft).
    TEMPLATE = ("Template", "範本");
    NO_DRAFTS_YET = ("No drafts yet: what you write is saved as one.", "還沒有草稿：開始撰寫後就會儲存成草稿。");
    TEMPLATE_HINT = ("Decides which sections are marked Required and what the review asks. Changing it never changes what is written.",
        "決定哪些段落標示為必填，以及審閱會要求什麼。更換範本不會改動已寫的內容。");
}

#[cfg(test)]
mod tests {
    use super::views;

    #[test]
    fn names_isolate_only_text_that_can_turn_them_around() {
        assert_eq!(super::isolate_name("Keep me"), "Keep me");
        assert_eq!(super::isolate_name("付款資訊外洩"), "付款資訊外洩");
        assert_eq!(
            super::isolate_name("a\u{202e}b.exe"),
            "\u{2068}a\u{202e}b.exe\u{2069}"
        );
        assert_eq!(super::isolate_name("שלום"), "\u{2068}שלום\u{2069}");
    }

    #[test]
    fn every_ui_string_exists_in_both_languages() {
        for table in super::TABLES {
            assert_eq!(
                hindsight_core::words::audit(table.iter().copied()),
                Vec::<String>::new()
            );
            let mut names: Vec<&str> = table.iter().map(|(n, _)| *n).collect();
            names.sort_unstable();
            names.dedup();
            assert_eq!(names.len(), table.len(), "no entry is declared twice");
        }
    }

    #[test]
    fn the_controls_of_vocabulary_md_are_spelled_exactly() {
        let pairs = [
            (super::LANGUAGE, "Language", "語言"),
            (super::NEW_DRAFT, "New draft", "新增草稿"),
            (super::OPEN_EXAMPLE, "Open example", "開啟範例"),
            (super::SEARCH_DRAFTS, "Search drafts", "搜尋草稿"),
            (super::IMPORT, "Import", "匯入"),
            (super::EXPORT, "Export", "匯出"),
            (super::BACK_UP_ALL, "Back up all drafts", "備份所有草稿"),
            (super::RESTORE, "Restore", "還原"),
            (super::SAVED, "Saved", "已儲存"),
            (super::SAVING, "Saving…", "儲存中…"),
            (super::NOT_SAVED, "Not saved", "未儲存"),
            (super::QUESTIONS, "Questions to answer", "要回答的問題"),
            (super::REQUIRED, "Required", "必填"),
            (super::OPTIONAL, "Optional", "選填"),
            (super::COLLAPSE, "Collapse", "收合"),
            (super::EXPAND, "Expand", "展開"),
            (super::UNDO, "Undo", "復原"),
            (super::DRAFTS, "Drafts", "草稿"),
            (
                super::DOWNLOAD_MARKDOWN,
                "Download Markdown",
                "下載 Markdown",
            ),
            (super::COPY_MARKDOWN, "Copy Markdown", "複製 Markdown"),
            (super::DOWNLOAD_HTML, "Download HTML", "下載 HTML"),
            (super::DOWNLOAD_JSON, "Download JSON", "下載 JSON"),
            (super::SHARE_LINK, "Share link", "分享連結"),
            (super::MOVE_UP, "Move up", "上移"),
            (super::MOVE_DOWN, "Move down", "下移"),
            (super::DELETE, "Delete", "刪除"),
            (views::CUSTOMER_VERSION, "Customer version", "對外版本"),
            (views::INCIDENTS, "Incidents", "事件總覽"),
        ];
        for (words, en, zh) in pairs {
            assert_eq!((words.en, words.zh), (en, zh));
        }
    }
}
