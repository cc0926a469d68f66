//! The Incidents overview's own words; the names VOCABULARY.md fixes (Incidents, Open action
//! items, Related incidents, Trends, Open a folder, Save as draft, From folder) and the words
//! of the lists the app shares with `hindsight site` are in `hindsight_core::incidents::words`.

hindsight_core::words_table! {
    FILTERS = ("Filters", "篩選條件");
    TAG = ("Tag", "標籤");
    SEVERITY = ("Severity", "嚴重程度");
    STATUS = ("Status", "狀態");
    OWNER = ("Owner", "負責人");
    NO_MATCHING_ITEMS = ("No open action item matches these filters.", "沒有符合篩選條件的未完成行動項目。");
    MARKED_DONE = ("Marked “{0}” done in “{1}”.", "已將「{1}」中的「{0}」標示為完成。");
    ALREADY_DONE = ("“{0}” was already done in “{1}”.", "「{1}」中的「{0}」已經完成了。");
    DRAFT_GONE = ("“{0}” is no longer among the drafts (it may have been deleted in another tab), so nothing was marked.",
        "草稿中已經沒有「{0}」（可能在其他分頁被刪除了），所以沒有標示任何項目。");
    DRAFT_READ_ONLY = ("“{0}” is read-only here, so its action items cannot be marked done.",
        "「{0}」在這裡是唯讀的，無法把其中的行動項目標示為完成。");
    CHANGED_ELSEWHERE = ("“{0}” was changed in another tab while this tab still held unsaved text of it. Nothing was overwritten; open the draft to check it.",
        "這個分頁還有「{0}」未儲存的內容時，另一個分頁已經改了它。沒有任何內容被覆寫；請開啟這份草稿確認。");
    OPEN_ITEMS_FILE = ("open-action-items", "未完成的行動項目");
    MORE_RELATED = ("{0} more in Incidents", "另有 {0} 件，請見事件總覽");
    FINDING_RELATED = ("Finding related incidents…", "正在尋找相關事件…");
    FOLDER_HEADING = ("Postmortems in a folder", "資料夾中的事後檢討");
    FOLDER_EXPLAINED = ("Open a folder of Markdown postmortems, such as your team's shared folder: Hindsight's exports and reports written in other shapes alike. They are read in this tab only and stay read-only: nothing is stored until you save one as a draft.",
        "開啟一個放著 Markdown 事後檢討的資料夾，例如團隊共用的資料夾：Hindsight 匯出的檔案和其他格式寫成的報告都可以。檔案只在這個分頁以唯讀方式讀取；除非另存為草稿，否則不會儲存任何內容。");
    FOLDER_OPENED = ("Opened {0} postmortems from the folder.", "已從資料夾開啟 {0} 份事後檢討。");
    FOLDER_OPENED_ONE = ("Opened {0} postmortem from the folder.", "已從資料夾開啟 {0} 份事後檢討。");
    FOLDER_NOTHING = ("The folder holds no Markdown postmortem.", "這個資料夾裡沒有 Markdown 事後檢討。");
    SHOW_REPORT = ("Show report", "顯示報告");
    HIDE_REPORT = ("Hide report", "隱藏報告");
    SHOW_REPORT_NAMED = ("Show report: {0}", "顯示報告：{0}");
    HIDE_REPORT_NAMED = ("Hide report: {0}", "隱藏報告：{0}");
    SAVE_AS_DRAFT_NAMED = ("Save as draft: {0}", "另存為草稿：{0}");
    REPORT_OF = ("Report: {0}", "報告：{0}");
    PATH = ("File: {0}", "檔案：{0}");
    REOPENED = ("“{0}” in “{1}” is not done again.", "「{1}」中的「{0}」已改回未完成。");
    ALREADY_OPEN = ("“{0}” in “{1}” was not done already.", "「{1}」中的「{0}」本來就還沒完成。");
}
