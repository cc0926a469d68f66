//! What the core says to people when something from outside cannot be read, in both
//! languages. Parameters are `{0}`, `{1}`, …; a quoted name is the user's own text.

crate::words_table! {
    TOO_LARGE = ("The file is larger than {0} MiB; Hindsight documents are far smaller.",
        "檔案超過 {0} MiB；Hindsight 的文件不會這麼大。");
    NEWER_SCHEMA = ("The file was written by a newer version of Hindsight (schema {0}); this version reads schema {1}. Update Hindsight to open it.",
        "這個檔案是較新版本的 Hindsight 寫的（schema {0}），這個版本只讀得懂 schema {1}。請更新 Hindsight 後再開啟。");
    NOT_A_DOCUMENT = ("The file {0}, so it is not a Hindsight document.",
        "這個檔案{0}，所以不是 Hindsight 文件。");
    IS_A_BACKUP = ("This is a backup of all drafts. Use “Restore” to bring its drafts back.",
        "這是所有草稿的備份檔，請用「還原」把裡面的草稿加回來。");
    JSON_NOT_HINDSIGHT = ("The JSON is not a Hindsight document: {0}.",
        "這份 JSON 不是 Hindsight 文件：{0}。");
    JSON_INCOMPLETE = ("The JSON is not a complete Hindsight document: {0}.",
        "這份 JSON 不是完整的 Hindsight 文件：{0}。");
    JSON_NOT_OBJECT = ("is not a JSON object", "不是 JSON 物件");
    JSON_DUPLICATE_KEY = ("has a duplicate key {0} (line {1})", "有重複的鍵 {0}（第 {1} 行）");
    JSON_INVALID = ("is not valid JSON: {0} (line {1}, column {2})",
        "不是有效的 JSON：{0}（第 {1} 行第 {2} 欄）");
    NO_SCHEMA_VERSION = ("it has no schema_version", "缺少 schema_version");
    JSON_EOF = ("the file ends before the JSON does", "檔案在 JSON 結束前就斷了");
    JSON_EXPECTED_COLON = ("a colon was expected", "這裡應該有冒號 :");
    JSON_EXPECTED_COMMA_ARRAY = ("a comma or ] was expected", "這裡應該有逗號或 ]");
    JSON_EXPECTED_COMMA_OBJECT = ("a comma or } was expected", "這裡應該有逗號或 }");
    JSON_EXPECTED_VALUE = ("a value was expected", "這裡應該是一個值");
    JSON_KEY_NOT_STRING = ("a key must be in double quotes", "鍵必須用雙引號括起來");
    JSON_TRAILING_COMMA = ("a comma is followed by nothing", "逗號後面沒有內容");
    JSON_TRAILING_TEXT = ("there is text after the end of the JSON", "JSON 結束後還有其他文字");
    JSON_CONTROL_CHARACTER = ("a string holds a control character", "字串中有控制字元");
    JSON_BAD_ESCAPE = ("a string has an invalid escape", "字串中有無效的跳脫序列");
    JSON_BAD_NUMBER = ("a number is invalid or too large", "數字無效或太大");
    JSON_TOO_DEEP = ("it nests too deeply", "巢狀層數太深");
    JSON_SYNTAX = ("it has a syntax error", "有語法錯誤");
    BAD_SCHEMA_VERSION = ("its schema_version is not a version", "schema_version 不是版本號");
    ZERO_SCHEMA_VERSION = ("its schema_version is 0, which no Hindsight ever wrote",
        "schema_version 是 0，Hindsight 從來不會寫出這個值");
    NO_FRONT_MATTER = ("This Markdown file does not start with Hindsight's front matter (a block between --- lines). Only Markdown exported by Hindsight can be imported.",
        "這個 Markdown 檔開頭沒有 Hindsight 的 front matter（夾在兩行 --- 之間的區塊）。只能匯入由 Hindsight 匯出的 Markdown。");
    FRONT_MATTER_OPEN = ("The front matter at the top of the file is never closed by a --- line.",
        "檔案開頭的 front matter 沒有用 --- 那一行結束。");
    FRONT_MATTER_LINE = ("Front matter line {0} is not “key: value”.",
        "front matter 第 {0} 行不是「key: value」的格式。");
    FRONT_MATTER_FORM = ("The front matter value of “{0}” is not in the form Hindsight writes (a quoted string, a number or a [list]).",
        "front matter 中「{0}」的值不是 Hindsight 寫出的格式（加引號的字串、數字或 [清單]）。");
    FRONT_MATTER_MUST_BE = ("The front matter value of “{0}” must be {1}.",
        "front matter 中「{0}」的值必須是{1}。");
    FRONT_MATTER_NO_VERSION = ("The front matter has no schema_version, so this is not a Hindsight export.",
        "front matter 裡沒有 schema_version，所以這不是 Hindsight 匯出的檔案。");
    EXPECT_TEXT = ("text", "文字");
    EXPECT_LIST = ("a list of text", "文字清單");
    EXPECT_NUMBER = ("a whole number", "整數");
    EXPECT_ONE_OF = ("one of {0}", "以下其中之一：{0}");
    EXPECT_ONE_OF_OR_NULL = ("one of {0}, or null", "以下其中之一：{0}，或 null");
    UNKNOWN_SECTION = ("The file has a section “{0}” that Hindsight does not know.",
        "檔案裡有一個 Hindsight 不認得的段落「{0}」。");
    UNKNOWN_PART = ("The section “{0}” has a part “{1}” that Hindsight does not know.",
        "段落「{0}」裡有一個 Hindsight 不認得的部分「{1}」。");
    MEASURE_YES_NO = ("Impact row {0}: “{1}” must be Yes or No.",
        "影響表格第 {0} 列：「{1}」必須是「是」或「否」。");
    UNKNOWN_MEASURE = ("Impact row {0}: “{1}” is not a measure Hindsight knows.",
        "影響表格第 {0} 列：「{1}」不是 Hindsight 認得的指標。");
    NOT_ONE_OF = ("{0}: “{1}” is not one of {2}.", "{0}：「{1}」不是以下其中之一：{2}。");
    TIMELINE_NO_TABLE = ("The Timeline section does not start with its table ({0}).",
        "時間軸段落的開頭不是它的表格（{0}）。");
    ACTIONS_NO_TABLE = ("The Action items section does not start with its table ({0}).",
        "行動項目段落的開頭不是它的表格（{0}）。");
    TIME_NOT_WRITTEN = ("Timeline row {0}: “{1}” is not a time as Hindsight writes it (2023-03-20 01:00).",
        "時間軸第 {0} 列：「{1}」不是 Hindsight 寫出的時間格式（2023-03-20 01:00）。");
    TIME_NO_DATE = ("Timeline row {0}: the time “{1}” has no date, and the note under the table gives none.",
        "時間軸第 {0} 列：時間「{1}」沒有日期，表格下方的說明也沒有。");
    TIME_NO_OFFSET = ("Timeline row {0}: the time “{1}” has no UTC offset, and the note under the table gives none.",
        "時間軸第 {0} 列：時間「{1}」沒有 UTC 時差，表格下方的說明也沒有。");
    TIMELINE_ROW = ("Timeline row {0}", "時間軸第 {0} 列");
    ACTION_ROW = ("Action item row {0}", "行動項目第 {0} 列");
    BACKUP_TOO_LARGE = ("The backup file is too large to be a Hindsight backup.",
        "這個檔案太大，不可能是 Hindsight 的備份。");
    NOT_A_BACKUP_JSON = ("The file {0}, so it is not a Hindsight backup.",
        "這個檔案{0}，所以不是 Hindsight 的備份。");
    NOT_A_BACKUP = ("The file is not a Hindsight backup. To open a single exported document, use “Import”.",
        "這個檔案不是 Hindsight 的備份。要開啟單一匯出的文件，請用「匯入」。");
    BACKUP_NEWER = ("The backup was made by a newer version of Hindsight (schema {0}). Update Hindsight to restore it.",
        "這份備份是較新版本的 Hindsight 做的（schema {0}）。請更新 Hindsight 後再還原。");
    BACKUP_NO_LIST = ("The backup is damaged: it has no list of drafts.",
        "備份已損毀：裡面沒有草稿清單。");
    BACKUP_DRAFT_DAMAGED = ("The backup is damaged: draft {0} {1}.",
        "備份已損毀：第 {0} 份草稿{1}。");
    BACKUP_DRAFT_NEWER = ("Draft {0} of the backup was written by a newer version of Hindsight. Update Hindsight to restore it.",
        "備份中的第 {0} 份草稿是較新版本的 Hindsight 寫的。請更新 Hindsight 後再還原。");
    DRAFT_NO_DOCUMENT = ("has no document", "沒有文件內容");
    DRAFT_INCOMPLETE = ("is not a complete draft ({0})", "不是完整的草稿（{0}）");
    SHARE_TOO_LONG = ("This postmortem is too long for a share link ({0} KB of the {1} KB a link can hold). Export it as a file instead.",
        "這份事後檢討太長，放不進分享連結（{0} KB，連結最多 {1} KB）。請改用匯出檔案。");
    LINK_TOO_LONG = ("This share link is too long to be one Hindsight made.",
        "這個分享連結太長，不會是 Hindsight 產生的。");
    LINK_BAD_CHARACTERS = ("This share link is damaged: it has characters a share link never has.",
        "這個分享連結已損毀：裡面有分享連結不會出現的字元。");
    LINK_DAMAGED = ("This share link is damaged or too large to open.",
        "這個分享連結已損毀，或內容太大而無法開啟。");
    LINK_NOT_TEXT = ("This share link is damaged: it is not text.",
        "這個分享連結已損毀：內容不是文字。");
    STORAGE_FULL = ("the browser's storage is full", "瀏覽器的儲存空間已滿");
    STORAGE_REFUSED = ("the browser refused to store it ({0})", "瀏覽器拒絕儲存（{0}）");
    STORAGE_REFUSED_SILENTLY = ("the browser refused to store it", "瀏覽器拒絕儲存");
    STORAGE_NOT_READ_BACK = ("the browser accepted the text but did not keep it (reading it back gave something else)",
        "瀏覽器接受了內容卻沒有保存下來（讀回來的內容不一樣）");
    LEFT_IN_PLACE = ("{0}; it was left where it is", "{0}；它留在原處");
}

#[cfg(test)]
mod tests {
    use crate::words::audit;

    #[test]
    fn every_message_is_written_in_both_languages() {
        assert_eq!(audit(super::ALL.iter().copied()), Vec::<String>::new());
    }
}
