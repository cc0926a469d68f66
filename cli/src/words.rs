//! The command line's own words, in both languages (`--lang` picks one); everything about a
//! postmortem (findings, import errors, section names) comes in the core's words.

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
    NO_COMMAND = ("a command is needed: check or import", "需要一個指令：check 或 import");
    UNKNOWN_OPTION = ("unknown option “{0}”", "不認得的選項「{0}」");
    MISSING_VALUE = ("{0} needs a value", "{0} 需要一個值");
    BAD_VALUE = ("{0} takes one of {1}, not “{2}”", "{0} 的值只能是 {1}，不能是「{2}」");
    BAD_TODAY = ("--today takes a date as YYYY-MM-DD, not “{0}”", "--today 的值必須是 YYYY-MM-DD 格式的日期，不能是「{0}」");
    NO_FILES = ("import needs at least one file", "import 至少需要一個檔案");
    NO_OUT = ("import needs --out DIR, the folder to write to", "import 需要 --out 資料夾，指定要寫到哪裡");
}

/// `hindsight --help`, in English.
pub const HELP_EN: &str = "\
hindsight: Hindsight's postmortems on the command line

Usage:
  hindsight check [PATH…] [--format text|github|json] [--lang en|zh-TW]
                  [--today YYYY-MM-DD] [--zone ZONE]
  hindsight import FILE… --out DIR [--lang en|zh-TW] [--zone ZONE]

check   Reviews every postmortem under the paths (files or folders, recursively;
        default: the current folder): Markdown (.md) written by Hindsight or
        elsewhere, and Hindsight's .json exports. It prints the same findings as the
        app's review, with the file and line, and exits with 1 when a problem that
        was not dismissed remains or a file cannot be read, 0 otherwise, and 2 when
        it is used wrongly. Folders whose names start with a dot are skipped.
          --format  text (default), github (GitHub Actions annotations) or json
          --today   the date the checks count from (default: today, local time)
import  Reads postmortems written elsewhere into Hindsight Markdown files in DIR,
        and tells where each part of each file went (on standard error).

  --lang  the language of the messages (default: en)
  --zone  the time zone in which times written without one are read
          (default: the system's, else UTC)
";

/// `hindsight --help`, in Traditional Chinese.
pub const HELP_ZH: &str = "\
hindsight：在命令列使用 Hindsight 的事後檢討

用法：
  hindsight check [路徑…] [--format text|github|json] [--lang en|zh-TW]
                  [--today YYYY-MM-DD] [--zone 時區]
  hindsight import 檔案… --out 資料夾 [--lang en|zh-TW] [--zone 時區]

check   審閱路徑下（檔案或資料夾，會往下找；預設是目前的資料夾）的每一份事後檢討：
        Hindsight 或其他工具寫的 Markdown（.md），以及 Hindsight 匯出的 .json。
        印出的發現與 app 的審閱相同，附上檔案與行號。還有未略過的問題、或有檔案
        無法讀取時，結束代碼是 1，否則是 0；用法錯誤時是 2。名稱以點開頭的資料夾
        會略過。
          --format  text（預設）、github（GitHub Actions 註記）或 json
          --today   檢查時當作今天的日期（預設：本地時間的今天）
import  把其他工具寫的事後檢討轉成 Hindsight 的 Markdown 檔，寫到資料夾裡，
        並（在標準錯誤輸出）說明每個檔案的各部分放到哪裡。

  --lang  訊息的語言（預設：en）
  --zone  沒寫時區的時間要用哪個時區讀（預設：系統的時區，沒有就用 UTC）
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
