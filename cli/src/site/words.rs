//! The site's own words, in both languages (`--lang` picks one); the overview's (Incidents,
//! Open action items, Related incidents, Trends, the charts, the lists) are the core's, as
//! the app shows them, and a report's are its own language's.

hindsight_core::words_table! {
    SITE_TITLE = ("Postmortems", "事後檢討");
    SKIP = ("Skip to the content", "跳到主要內容");
    PAGES = ("Pages", "頁面");
    FILTERS = ("Filters", "篩選條件");
    ALL_OF_THEM = ("All", "全部");
    YEAR = ("Year", "年份");
    FILTERED = ("Incidents: {0}", "事件總覽：{0}");
    SORTED = ("{0} incidents, sorted by {1}.", "共 {0} 件事件，依{1}排序。");
    SORTED_BY_DATE = ("incident date, newest first", "事件日期，由新到舊");
    SORTED_BY_SEVERITY = ("severity, most severe first", "嚴重程度，由高到低");
    SORTED_BY_STATUS = ("status, drafts first", "狀態，草稿在前");
    SORTED_BY_OPEN = ("open action items, most first", "未完成的行動項目，由多到少");
    SORTED_BY_TITLE = ("title", "標題");
    SORT_HINT = ("Choose a column's name to sort by it.", "點選欄位名稱即可依該欄排序。");
    OPEN_ITEMS = ("Open items", "未完成項目");
    OPEN_CELL = ("{0} ({1} overdue)", "{0}（{1} 項已逾期）");
    NOTHING_HERE = ("No postmortems found (Markdown .md files, or Hindsight's .json exports).",
        "沒有找到事後檢討（Markdown 的 .md 檔，或 Hindsight 匯出的 .json 檔）。");
    UNREADABLE = ("Files that could not be read", "無法讀取的檔案");
    NOT_POSTMORTEMS = ("Files that are not postmortems", "不是事後檢討的檔案");
    OPEN_ITEMS_EXPLAINED = ("Every action item not done, overdue first, grouped by owner; overdue as of {0}.",
        "所有尚未完成的行動項目，已逾期的在前，依負責人分組；逾期以 {0} 為準。");
    RELATED_HERE = ("Related incidents of this report", "這份報告的相關事件");
    SOURCE = ("Source: {0}", "來源：{0}");
    BUILT = ("Built by Hindsight from {0} postmortems on {1}.", "由 Hindsight 根據 {0} 份事後檢討於 {1} 產生。");
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_word_of_the_site_is_written_in_both_languages() {
        assert_eq!(
            hindsight_core::words::audit(super::ALL.iter().copied()),
            Vec::<String>::new()
        );
    }
}
