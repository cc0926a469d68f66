//! The words of the review panel, its dialogs and its marks in the form. The titles of the
//! checks, their explanations and the heading's counts come from the core's review.

hindsight_core::words_table! {
    REVIEW = ("Review", "審閱");
    SHOW_REVIEW = ("Show review", "顯示審閱");
    REVIEWING = ("Reviewing…", "正在審閱…");
    NOTHING_FOUND = ("Nothing to fix or look at: the checks run again on every change.",
        "目前沒有問題，也沒有建議；每次修改後都會重新檢查。");
    DISMISS = ("Dismiss", "略過");
    DISMISS_NAMED = ("Dismiss: {0}", "略過：{0}");
    RESTORE = ("Restore", "恢復");
    RESTORE_NAMED = ("Restore: {0}", "恢復：{0}");
    REASON = ("Reason", "原因");
    REASON_HINT = ("Say in a few words why it does not apply. The reason is kept in the document, so the finding stays dismissed after export and import.",
        "用幾個字說明為什麼不適用。原因會存在文件裡，匯出再匯入後仍會保持略過。");
    REASON_NEEDED = ("Write a reason first: a dismissal without one cannot be understood later.",
        "請先填寫原因：沒有原因的略過，之後沒有人看得懂。");
    REASON_IS = ("Reason: ", "原因：");
    DISMISSED_N = ("Dismissed ({0})", "已略過（{0}）");
    OPEN_EARLIER = ("Open the earlier incident: ", "開啟先前的事件：");
    OUT_OF_ORDER = ("Out of order", "順序有誤");
    GATE_TITLE = ("Mark this report final?", "要將這份報告定稿嗎？");
    GATE_ONE = ("The review still finds 1 problem:", "審閱仍找到 1 個問題：");
    GATE_MANY = ("The review still finds {0} problems:", "審閱仍找到 {0} 個問題：");
    GATE_NOTE = ("A report marked final with open problems may not keep the incident from happening again. Fix them, or dismiss them with a reason.",
        "帶著未解決的問題定稿，報告可能擋不住同樣的事故再發生。建議先修正，或附上原因略過。");
    MARK_FINAL = ("Mark final anyway", "仍要定稿");
    KEEP_REVIEWING = ("Keep reviewing", "繼續審閱");
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_controls_of_vocabulary_md_are_spelled_exactly() {
        let pairs = [
            (super::REVIEW, "Review", "審閱"),
            (super::SHOW_REVIEW, "Show review", "顯示審閱"),
            (super::REVIEWING, "Reviewing…", "正在審閱…"),
            (super::DISMISS_NAMED, "Dismiss: {0}", "略過：{0}"),
            (super::RESTORE, "Restore", "恢復"),
            (super::REASON, "Reason", "原因"),
            (super::MARK_FINAL, "Mark final anyway", "仍要定稿"),
            (super::KEEP_REVIEWING, "Keep reviewing", "繼續審閱"),
        ];
        for (words, en, zh) in pairs {
            assert_eq!((words.en, words.zh), (en, zh));
        }
        let levels = [
            hindsight_core::review::Level::Problem,
            hindsight_core::review::Level::Suggestion,
        ];
        let levels = levels.map(|l| (l.words().en, l.words().zh));
        assert_eq!(levels, [("Problem", "問題"), ("Suggestion", "建議")]);
    }
}
