//! The overview's words in both languages; the names of views and controls are the ones
//! VOCABULARY.md fixes, so people, assistive technology and tests find them.

crate::words_table! {
    INCIDENTS = ("Incidents", "事件總覽");
    RELATED_INCIDENTS = ("Related incidents", "相關事件");
    OPEN_ACTION_ITEMS = ("Open action items", "未完成的行動項目");
    TRENDS = ("Trends", "趨勢");
    OPEN_A_FOLDER = ("Open a folder", "開啟資料夾");
    SAVE_AS_DRAFT = ("Save as draft", "另存為草稿");
    FOLDER_NOT_A_POSTMORTEM = ("None of its headings names a part of a postmortem (Summary, Impact, Timeline, …).",
        "沒有任何標題對應到事後檢討的段落（摘要、影響、時間軸……）。");
    FROM_FOLDER = ("From folder", "來自資料夾");
    OPEN_COUNTS = ("{0} open, {1} overdue", "{0} 項未完成，{1} 項已逾期");
    UNASSIGNED = ("Unassigned", "未指派");
    NO_DUE_DATE = ("No due date", "未訂期限");
    WEEK_OF = ("Week of {0}", "{0} 起的一週");
    GROUP_BY = ("Group by", "分組方式");
    BY_OWNER = ("By owner", "依負責人");
    BY_DUE_WEEK = ("By due week", "依到期週");
    ALL_TAGS = ("All tags", "所有標籤");
    ALL_SEVERITIES = ("All severities", "所有嚴重程度");
    ALL_STATUSES = ("All statuses", "所有狀態");
    ALL_OWNERS = ("All owners", "所有負責人");
    MARK_DONE = ("Mark done", "標示為完成");
    ACTION_ITEM_N = ("Action item {0}", "行動項目 {0}");
    MARK_DONE_NAMED = ("Mark done: {0}", "標示為完成：{0}");
    RELATED_EXPLAINED = ("Incidents named in the other's Recurrence (by Incident ID or title), sharing a tag that few incidents carry, or whose root causes use similar words; never the same incident in its other language.",
        "在彼此的「過往類似事件」中提到（以事件編號或標題）、有少數事件才有的相同標籤，或根本原因用詞相似的事件；同一事件的另一種語言版本不算在內。");
    RELATED_COUNT = ("{0} related", "{0} 件相關事件");
    OPEN_COUNT = ("{0} open action items", "{0} 項未完成的行動項目");
    OPEN_COUNT_ONE = ("{0} open action item", "{0} 項未完成的行動項目");
    NONE_RELATED_YET = ("No two incidents share a cause yet.", "目前還沒有共同原因的事件。");
    SHOW_TABLE = ("Show the numbers as a table", "以表格顯示數字");
    DOWNLOAD_MARKDOWN = ("Download Markdown", "下載 Markdown");
    DOWNLOAD_CSV = ("Download CSV", "下載 CSV");
    NO_OPEN_ITEMS = ("No open action items. Everything is done.", "沒有未完成的行動項目，全部都完成了。");
    ROW_GONE = ("The action item is no longer in its draft as listed (it was changed or removed, perhaps in another tab); open the draft to check it.",
        "草稿裡已經找不到這個行動項目（可能在其他分頁被修改或刪除了），請開啟草稿確認。");
    NAMED_IN_RECURRENCE = ("Named in this report's Recurrence", "列在本報告的「過往類似事件」中");
    NAMES_THIS = ("Its Recurrence names this incident", "它的「過往類似事件」提到本事件");
    SHARED_TAG = ("Shared tag: {0}", "共同標籤：{0}");
    SIMILAR_CAUSE = ("Similar root causes ({0}% of the words in common)", "根本原因相似（{0}% 的詞相同）");
    NO_RELATED = ("No related incidents found.", "找不到相關事件。");
    FAILED_FILES = ("Files that could not be opened", "無法開啟的檔案");
    SKIPPED_FILES = ("Files skipped because they are not Markdown: {0}.", "略過了 {0} 個不是 Markdown 的檔案。");
    INCIDENTS_PER_MONTH = ("Incidents per month by severity", "每月事件數（依嚴重程度）");
    PER_MONTH_DESC = ("One bar per month, one colour per severity; the table after the chart lists the same numbers.",
        "每個月一條長條，每種嚴重程度一種顏色；圖表後面的表格列出相同的數字。");
    DETECT_RESOLVE_OVER_TIME = ("Time to detect and time to resolve over time", "偵測耗時與解決耗時的變化");
    DURATIONS_DESC = ("One point per incident, by incident date: time to detect as a dashed line with circles, time to resolve as a solid line with squares; the table after the chart lists the same values.",
        "每個點代表一件事件，依事件日期排列：偵測耗時為虛線加圓點，解決耗時為實線加方點；圖表後面的表格列出相同的數值。");
    MONTH = ("Month", "月份");
    TOTAL = ("Total", "合計");
    NO_SEVERITY = ("Severity not set", "未設定嚴重程度");
    INCIDENT = ("Incident", "事件");
    NO_CHART_DATA = ("Nothing to chart yet.", "目前還沒有可以畫成圖的資料。");
    UNDATED = ("Incidents without an incident date, not counted: {0}.", "有 {0} 件事件沒有事件日期，未列入統計。");
    MINUTES = ("Minutes", "分鐘");
    HOURS = ("Hours", "小時");
    DAYS = ("Days", "天");
    ALSO_IN_ENGLISH = ("Also in English", "另有英文版");
    ALSO_IN_CHINESE = ("Also in 繁體中文", "另有繁體中文版");
    RANGE = ("Range", "範圍");
    LAST_12_MONTHS = ("Last 12 months", "最近 12 個月");
    LAST_24_MONTHS = ("Last 24 months", "最近 24 個月");
    ALL_TIME = ("All time", "全部期間");
}
