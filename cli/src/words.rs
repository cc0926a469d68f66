//! The command line's own words, in both languages (`--lang` picks one); everything about a
//! postmortem (findings, import errors, section names) comes in the core's words, and the
//! site's pages have theirs in `site/words.rs`.

hindsight_core::words_table! {
    NOT_A_POSTMORTEM = ("None of its headings names a part of a postmortem, and it has no timeline or action items.",
        "沒有任何標題對應到事後檢討的段落，也沒有時間軸或行動項目。");
    NOT_A_POSTMORTEM_JSON = ("It is JSON without a schema_version, so not a Hindsight document; it was not checked.",
        "這是沒有 schema_version 的 JSON，不是 Hindsight 文件，所以沒有檢查。");
    LEVEL_ERROR = ("Error", "錯誤");
    LEVEL_NOTE = ("Note", "附註");
    NOT_A_POSTMORTEM_TITLE = ("Not a postmortem", "不是事後檢討");
    UNREADABLE_TITLE = ("The file cannot be read", "無法讀取檔案");
    NOT_UTF8 = ("The file is not UTF-8 text.", "這個檔案不是 UTF-8 文字。");
    IO_ERROR = ("The file cannot be read: {0}.", "無法讀取這個檔案：{0}。");
    NO_SUCH_PATH = ("{0}: no such file or directory.", "{0}：找不到這個檔案或資料夾。");
    SUMMARY = ("Checked {0} postmortems: {1} problems, {2} suggestions, {3} dismissed; {4} files could not be read; {5} are not postmortems.",
        "檢查了 {0} 份事後檢討：{1} 個問題、{2} 個建議、{3} 個已略過；{4} 個檔案無法讀取；{5} 個不是事後檢討。");
    NOTHING_FOUND = ("No postmortems found (Markdown .md files, or Hindsight's .json exports).",
        "沒有找到事後檢討（Markdown 的 .md 檔，或 Hindsight 匯出的 .json 檔）。");
    WROTE = ("{0} → {1}", "{0} → {1}");
    PART_WENT = ("  “{0}” → {1}", "  「{0}」→ {1}");
    FOLLOWED = ("{0} (with the heading above it)", "{0}（跟著上一層標題）");
    ALREADY_HINDSIGHT = ("  Already a Hindsight document: read as it is.", "  已經是 Hindsight 文件：照原樣讀入。");
    EXISTS = ("{0} already exists; it was left as it is.", "{0} 已經存在，沒有覆寫。");
    CANNOT_WRITE = ("{0} cannot be written: {1}.", "無法寫入 {0}：{1}。");
    SKIPPED = ("{0}: {1} It was not imported.", "{0}：{1}沒有匯入。");
    FAILED = ("{0}: {1}", "{0}：{1}");
    USAGE_ERROR = ("hindsight: {0}\nRun `hindsight --help` for how to use it.",
        "hindsight：{0}\n執行 `hindsight --help` 看用法。");
    UNKNOWN_COMMAND = ("unknown command “{0}”", "不認得的指令「{0}」");
    NO_COMMAND = ("a command is needed: check, items, site or import", "需要一個指令：check、items、site 或 import");
    UNKNOWN_OPTION = ("unknown option “{0}”", "不認得的選項「{0}」");
    MISSING_VALUE = ("{0} needs a value", "{0} 需要一個值");
    BAD_VALUE = ("{0} takes one of {1}, not “{2}”", "{0} 的值只能是 {1}，不能是「{2}」");
    BAD_TODAY = ("--today takes a date as YYYY-MM-DD, not “{0}”", "--today 的值必須是 YYYY-MM-DD 格式的日期，不能是「{0}」");
    NO_FILES = ("import needs at least one file", "import 至少需要一個檔案");
    NO_OUT = ("import needs --out DIR, the folder to write to", "import 需要 --out 資料夾，指定要寫到哪裡");
    NO_SITE_OUT = ("site needs --out DIR, the folder to write the site to", "site 需要 --out 資料夾，指定網站要寫到哪裡");
    READ_SUMMARY = ("Read {0} postmortems; {1} files could not be read; {2} are not postmortems.",
        "讀了 {0} 份事後檢討；{1} 個檔案無法讀取；{2} 個不是事後檢討。");
    SITE_SUMMARY = ("Wrote {0} files to {1}.", "已將 {0} 個檔案寫到 {1}。");
    NOT_A_SITE = ("{0} is not empty and holds no site written by hindsight site; choose an empty or new folder, so nothing of yours is overwritten.",
        "{0} 不是空的，裡面也不是 hindsight site 產生的網站；請選一個空的或新的資料夾，以免覆寫您的檔案。");
}

/// `hindsight --help`, in English.
pub const HELP_EN: &str = "\
hindsight: Hindsight's postmortems on the command line

Usage:
  hindsight check [PATH…] [--format text|github|json] [--lang en|zh-TW]
                  [--today YYYY-MM-DD] [--zone ZONE]
  hindsight items [PATH…] [--format text|markdown|csv] [--lang en|zh-TW]
                  [--today YYYY-MM-DD] [--zone ZONE]
  hindsight site [PATH…] --out DIR [--lang en|zh-TW] [--today YYYY-MM-DD]
                 [--zone ZONE]
  hindsight import FILE… --out DIR [--lang en|zh-TW] [--zone ZONE]

check   Reviews every postmortem under the paths (files or folders, recursively;
        default: the current folder): Markdown (.md) written by Hindsight or
        elsewhere, and Hindsight's .json exports. It prints the same findings as the
        app's review, with the file and line, and exits with 1 when a problem that
        was not dismissed remains or a file cannot be read, 0 otherwise, and 2 when
        it is used wrongly. Folders whose names start with a dot, and sites
        written by `site`, are skipped (by items and site too).
          --format  text (default), github (GitHub Actions annotations) or json
items   Lists the open action items of every postmortem under the paths, overdue
        first, grouped by owner, each with its file and line: as text (default),
        a Markdown task list (markdown) or CSV for spreadsheets (csv).
site    Writes a static site of the postmortems to DIR: an index (one page per
        sort order, severity, status and year), every report in its own
        language, the open action items, related incidents and trends. No
        script, relative links only: it works from any folder or sub-path, as
        on GitHub Pages or GitLab Pages. Files that cannot be read are listed on
        the index. DIR must be empty, new, or a site written before.
import  Reads postmortems written elsewhere into Hindsight Markdown files in DIR,
        and tells where each part of each file went (on standard error).

  --lang   the language of the messages and the site (default: en)
  --today  the date the checks and overdue count from (default: today,
           local time)
  --zone   the time zone in which times written without one are read
           (default: the system's, else UTC)
";

/// `hindsight --help`, in Traditional Chinese.
pub const HELP_ZH: &str = "\
hindsight：在命令列使用 Hindsight 的事後檢討

用法：
  hindsight check [路徑…] [--format text|github|json] [--lang en|zh-TW]
                  [--today YYYY-MM-DD] [--zone 時區]
  hindsight items [路徑…] [--format text|markdown|csv] [--lang en|zh-TW]
                  [--today YYYY-MM-DD] [--zone 時區]
  hindsight site [路徑…] --out 資料夾 [--lang en|zh-TW] [--today YYYY-MM-DD]
                 [--zone 時區]
  hindsight import 檔案… --out 資料夾 [--lang en|zh-TW] [--zone 時區]

check   審閱路徑下（檔案或資料夾，會往下找；預設是目前的資料夾）的每一份事後檢討：
        Hindsight 或其他工具寫的 Markdown（.md），以及 Hindsight 匯出的 .json。
        印出的發現與 app 的審閱相同，附上檔案與行號。還有未略過的問題、或有檔案
        無法讀取時，結束代碼是 1，否則是 0；用法錯誤時是 2。名稱以點開頭的資料夾
        以及 `site` 產生的網站會略過（items 與 site 也一樣）。
          --format  text（預設）、github（GitHub Actions 註記）或 json
items   列出路徑下每一份事後檢討中未完成的行動項目，已逾期的在前，依負責人分組，
        附上檔案與行號：文字（預設）、Markdown 待辦清單（markdown）或給試算表用的
        CSV（csv）。
site    把事後檢討寫成靜態網站放到資料夾裡：索引（每種排序、嚴重程度、狀態與年份
        各一頁）、以各自語言呈現的每份報告、未完成的行動項目、相關事件與趨勢。
        沒有任何腳本，只用相對連結：放在任何資料夾或子路徑下都能用，例如 GitHub
        Pages 或 GitLab Pages。無法讀取的檔案會列在索引頁。資料夾必須是空的、
        新的，或之前產生的網站。
import  把其他工具寫的事後檢討轉成 Hindsight 的 Markdown 檔，寫到資料夾裡，
        並（在標準錯誤輸出）說明每個檔案的各部分放到哪裡。

  --lang   訊息與網站的語言（預設：en）
  --today  檢查與計算逾期時當作今天的日期（預設：本地時間的今天）
  --zone   沒寫時區的時間要用哪個時區讀（預設：系統的時區，沒有就用 UTC）
";

#[cfg(test)]
mod tests {
    #[test]
    fn every_word_of_the_command_line_is_written_in_both_languages() {
        assert_eq!(
            hindsight_core::words::audit(super::ALL.iter().copied()),
            Vec::<String>::new()
        );
    }
}
