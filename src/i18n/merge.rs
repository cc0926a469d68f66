//! The words of merging another version of the open draft: another tab's, or the connected
//! folder's file.

hindsight_core::words_table! {
    MERGE_TITLE_TAB = ("Changed in another tab and here", "另一個分頁與這裡都改了");
    MERGE_TITLE_FOLDER = ("Changed in the folder and here", "資料夾與這裡都改了");
    MERGE_INTRO = ("Everything only one side changed is merged already. For each place both changed, choose which text to keep; nothing is lost until you choose.",
        "只有一邊改過的內容都已經合併。兩邊都改過的地方，請逐一選擇要保留哪一份；選定之前，什麼都不會遺失。");
    CHANGED_BOTH_TAB = ("Changed in another tab and here: {0}", "另一個分頁與這裡都改了：{0}");
    CHANGED_BOTH_FOLDER = ("Changed in the folder and here: {0}", "資料夾與這裡都改了：{0}");
    KEEP_MINE = ("Keep mine", "保留我的");
    TAKE_TAB = ("Take the other tab's", "採用另一個分頁的");
    TAKE_FOLDER = ("Take the folder's", "採用資料夾的");
    BASE = ("Base", "原本");
    MINE = ("Mine", "我的");
    THEIRS_TAB = ("The other tab's", "另一個分頁的");
    THEIRS_FOLDER = ("The folder's", "資料夾的");
    EMPTY_TEXT = ("(empty)", "（空白）");
    APPLY_CHOICES = ("Keep these choices", "套用這些選擇");
    CHOOSE_MERGE = ("Choose what to keep", "選擇要保留的內容");
    MERGED_TAB = ("Merged what another tab changed in this draft.", "已合併另一個分頁對這份草稿的修改。");
    MERGED_FOLDER = ("Merged what changed in the draft's file in the folder.", "已合併資料夾中這份草稿檔案的修改。");
    FOLDER_CONFLICT = ("This draft's file in the connected folder was changed while you were editing it here. Nothing has been overwritten: choose what to keep.",
        "你在這裡編輯時，連結資料夾中這份草稿的檔案也被修改了。目前沒有任何內容被覆寫：請選擇要保留的內容。");
}
