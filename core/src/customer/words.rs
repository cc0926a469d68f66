//! The customer version's words in both languages: its view, its parts, its choices and the
//! kinds of internal detail the redaction finds. VOCABULARY.md fixes the first ones.

crate::words_table! {
    CUSTOMER_VERSION = ("Customer version", "對外版本");
    PUBLIC_TITLE = ("Public title", "對外標題");
    WHAT_HAPPENED = ("What happened", "發生了什麼");
    WHO_WAS_AFFECTED = ("Who was affected", "影響了誰");
    WHEN = ("When", "時間");
    WHAT_WE_ARE_DOING = ("What we are doing", "我們正在做的事");
    PUBLIC = ("Public", "公開");
    REDACTED = ("Redacted", "已遮蔽");
    LET_THROUGH = ("Let through", "保留");
    KEEP_OUT = ("Keep out", "遮蔽");
    ALWAYS_REDACT = ("Always redact", "一律遮蔽");
    DOWNLOAD_CUSTOMER_VERSION = ("Download customer version", "下載對外版本");
    PLAIN_TEXT = ("plain text", "純文字");
    PLACEHOLDER = ("[redacted]", "［已遮蔽］");
    SERVICE_INCIDENT = ("Service incident", "服務事件");
    SERVICE_INCIDENT_ON = ("Service incident on {0}", "{0} 服務事件");
    MESSAGE_FROM_TEAM = ("Message from the team", "來自團隊的訊息");
    STARTED = ("Started", "開始");
    NOTICED = ("Noticed", "發現");
    FIXED = ("Fixed", "修復");
    MOMENT = ("{0}: {1}", "{0}：{1}");
    FILE_SUFFIX = ("customer-version", "對外版本");
    EMAIL = ("Email address", "電子郵件地址");
    IP_ADDRESS = ("IP address", "IP 位址");
    INTERNAL_HOST = ("Internal host name", "內部主機名稱");
    INTERNAL_URL = ("Internal link", "內部連結");
    TRACKER_KEY = ("Ticket number", "工單編號");
    CHAT_CHANNEL = ("Chat channel", "聊天頻道");
    MENTION = ("Mention", "提及的帳號");
    CHAT_LINK = ("Link to a chat message", "聊天訊息連結");
    SECRET = ("Password, token or key", "密碼、權杖或金鑰");
    PERSON_NAME = ("Person's name", "人名");
    FILE_PATH = ("File or repository path", "檔案或儲存庫路徑");
    CUSTOM_WORD = ("Word you always redact", "一律遮蔽的字詞");
    CONFIG_NAME = ("Configuration name", "設定名稱");
    INTERNAL_SYSTEM = ("Internal system name", "內部系統名稱");
}

#[cfg(test)]
mod tests {
    use crate::words::audit;

    #[test]
    fn every_word_exists_in_both_languages() {
        assert_eq!(audit(super::ALL.iter().copied()), Vec::<String>::new());
    }

    #[test]
    fn the_vocabulary_words_are_exact() {
        use super::*;
        let fixed = [
            (CUSTOMER_VERSION, "Customer version", "對外版本"),
            (PUBLIC_TITLE, "Public title", "對外標題"),
            (PUBLIC, "Public", "公開"),
            (WHAT_HAPPENED, "What happened", "發生了什麼"),
            (WHO_WAS_AFFECTED, "Who was affected", "影響了誰"),
            (WHEN, "When", "時間"),
            (WHAT_WE_ARE_DOING, "What we are doing", "我們正在做的事"),
            (REDACTED, "Redacted", "已遮蔽"),
            (LET_THROUGH, "Let through", "保留"),
            (KEEP_OUT, "Keep out", "遮蔽"),
            (ALWAYS_REDACT, "Always redact", "一律遮蔽"),
            (
                DOWNLOAD_CUSTOMER_VERSION,
                "Download customer version",
                "下載對外版本",
            ),
        ];
        for (words, en, zh) in fixed {
            assert_eq!((words.en, words.zh), (en, zh));
        }
    }
}
