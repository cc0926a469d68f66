//! The words of the Customer version view that the core's `customer_words` does not hold:
//! where each part comes from, the redaction choices' surroundings and the export bar.

hindsight_core::words_table! {
    INTRO = ("What customers read, derived from the report in its language ({0}). Edit any part here: the internal report stays as it is. Internal details are kept out unless you let them through; a choice holds for the same text in every part.",
        "客戶會看到的內容，由報告整理而來，使用報告的語言（{0}）。每個部分都可以在這裡改寫，內部報告不會跟著變動。找到的內部細節預設遮蔽，除非你選擇保留；同一段文字在每個部分都套用相同的選擇。");
    PARTS = ("Parts of the customer version", "對外版本的各部分");
    FROM_REPORT = ("From the report", "取自報告");
    EDITED_HERE = ("Edited here", "已在此改寫");
    USE_REPORT_TEXT = ("Use the report's text", "改回報告內容");
    USE_REPORT_TEXT_FOR = ("Use the report's text for {0}", "{0}：改回報告內容");
    SOURCE_TITLE = ("The heading customers read. The report's Title is written for the team, so it is only a hint here; until you write one, the notice is headed by its date.",
        "客戶看到的標題。報告的標題是寫給團隊看的，這裡只當作提示；在你寫下標題之前，公告以日期作為標題。");
    SOURCE_WHAT_HAPPENED = ("From the Summary.", "取自「摘要」。");
    SOURCE_WHO = ("From Impact: its text when Customer visible is Yes, then Users affected and Data exposed.",
        "取自「影響」：客戶可見為「是」時的影響說明，以及受影響使用者與資料外洩。");
    SOURCE_WHEN = ("From the Timeline, in plain words: when it started (Impact started), when it was noticed (Detected) and when it was fixed (Mitigated or Resolved).",
        "取自「時間軸」，用淺白的話說：何時開始（影響開始）、何時發現（發現）、何時修復（緩解或解決）。");
    SOURCE_DOING = ("From the action items marked Public below: their text only, without tags. Configuration names and internal systems are marked for you to keep out or rewrite.",
        "取自下方勾選「公開」的行動項目，只列出行動內容，不含標籤。設定名稱與內部系統名稱會標示出來，讓你遮蔽或改寫。");
    SOURCE_NOTICE = ("From Communication: Customer notice, under its own heading. When it says everything What happened says, What happened is left out.",
        "取自「溝通」的客戶公告，放在自己的標題下。若它已說完「發生了什麼」的內容，就不再重複「發生了什麼」。");
    NOTHING_YET = ("The report says nothing here yet.", "報告裡還沒有這部分的內容。");
    OWN_DOING_NOTE = ("You wrote this part yourself, so the Public checkboxes change it only after you use the report's text again.",
        "這部分已經自行改寫；改回報告內容之後，「公開」的勾選才會生效。");
    NO_ACTIONS = ("The report has no action items yet.", "報告還沒有行動項目。");
    NO_ACTION_TEXT = ("(no action written yet)", "（尚未填寫行動）");
    HIT_NOTE = ("{0} · {1}", "{0}・{1}");
    FOUND_IN = ("Internal details in {0}", "{0}中的內部細節");
    ALWAYS_REDACTED = ("Always redacted: it is on this draft's list below.", "一律遮蔽：已列在下方這份草稿的清單中。");
    COUNTS = ("{0}: {1} · {2}: {3}", "{0}：{1}・{2}：{3}");
    NO_HITS = ("No internal details found.", "沒有找到內部細節。");
    LOOKING = ("Looking for internal details…", "正在找出內部細節…");
    ALWAYS_INTRO = ("Words the scanner cannot know, such as a project's code name or an internal domain (acme.net also covers every host under it). They never reach the customer version.",
        "掃描找不到的字詞，例如專案代號或內部網域（填 acme.net 會一併涵蓋底下所有主機）。這些字詞永遠不會出現在對外版本中。");
    WORD_OR_DOMAIN = ("Word or domain", "字詞或網域");
    NO_WORDS = ("No words yet.", "還沒有字詞。");
    REMOVE = ("Remove", "移除");
    REMOVE_NAMED = ("Remove {0}", "移除「{0}」");
    PREVIEW = ("Customer version preview", "對外版本預覽");
    PREVIEW_NOTE = ("As customers will read it: every kept-out detail is replaced.", "客戶看到的樣子：遮蔽的細節都已替換掉。");
    COPY_CUSTOMER_VERSION = ("Copy customer version", "複製對外版本");
    WITH_FORMAT = ("{0} ({1})", "{0}（{1}）");
    MARKDOWN = ("Markdown", "Markdown");
    HTML = ("HTML", "HTML");
    COPIED = ("Customer version copied to the clipboard.", "已將對外版本複製到剪貼簿。");
    COPY_FAILED = ("Could not copy: {0}. Download the customer version instead.", "無法複製：{0}。請改為下載對外版本。");
    // A notice that reads like one (issue 23, item 8).
    NOT_WRITTEN = ("Not written yet", "尚未撰寫");
    TITLE_PLACEHOLDER = ("A plain heading, such as: Checkout errors on 2 May", "簡單的標題，例如：5 月 2 日結帳錯誤");
    GAPS_TITLE = ("Some sentences still have a gap", "有些句子還留著空缺");
    GAPS_INTRO = ("Customers would read {0} in the middle of these sentences. Rewrite a sentence in plain words, or go on as it is.",
        "客戶會在這些句子中間讀到 {0}。可以用淺白的話改寫句子，或維持原樣繼續。");
    IN_PART = ("In {0}", "位於「{0}」");
    REWRITE_SENTENCE = ("Rewrite the sentence", "改寫這句");
    COPY_ANYWAY = ("Copy anyway", "仍要複製");
    DOWNLOAD_ANYWAY = ("Download anyway", "仍要下載");
}

#[cfg(test)]
mod tests {
    use hindsight_core::customer::words as cw;
    use hindsight_core::Language::{En, ZhTw};

    #[test]
    fn the_download_buttons_are_named_as_vocabulary_md_fixes_them() {
        let name = |lang, format: hindsight_core::Words| {
            super::WITH_FORMAT.fill(
                lang,
                &[cw::DOWNLOAD_CUSTOMER_VERSION.get(lang), format.get(lang)],
            )
        };
        assert_eq!(
            name(En, super::MARKDOWN),
            "Download customer version (Markdown)"
        );
        assert_eq!(name(En, super::HTML), "Download customer version (HTML)");
        assert_eq!(
            name(En, cw::PLAIN_TEXT),
            "Download customer version (plain text)"
        );
        assert_eq!(name(ZhTw, super::MARKDOWN), "下載對外版本（Markdown）");
        assert_eq!(name(ZhTw, super::HTML), "下載對外版本（HTML）");
        assert_eq!(name(ZhTw, cw::PLAIN_TEXT), "下載對外版本（純文字）");
    }
}
