//! The review's phrase lists: one table per language, so adding a phrase is adding a line.
//!
//! Both tables run on every document, whatever its language: mixed text such as
//! "這次 root cause 是 human error" is normal. How a phrase matches follows from the phrase
//! itself, so a list may mix scripts:
//! - a phrase that starts with a Latin letter or digit matches at a word start,
//!   case-insensitively, and as a prefix: "careless" matches "Carelessly";
//! - any other phrase (Chinese, "!!!") matches anywhere, as a substring;
//! - a space matches any run of white space, and "…" is a gap within one sentence:
//!   "train … not to" matches "Train the on-call not to";
//! - lists marked *whole words* (numbers, person words, role words) also end at a word end,
//!   so "one" never matches "online" and "he" never matches "health".
//!
//! The lists are data for the checks in `checks/`; their meaning is in `docs/review.md`.

/// Which neutral wording a blaming phrase calls for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Blame {
    /// Hindsight about what someone should or could have done.
    Hindsight,
    /// Something a person did not do.
    Omission,
    /// A rule or a signal a person did not follow.
    Rule,
    /// A judgement of how someone worked.
    Judgement,
    /// An insult.
    Insult,
    /// "Obviously": knowledge that only hindsight has.
    Obvious,
}

/// A blaming phrase and the neutral wording to suggest instead.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Phrase {
    /// The phrase, as the module documentation says it matches.
    pub text: &'static str,
    /// What kind of blame it carries.
    pub blame: Blame,
}

const fn p(text: &'static str, blame: Blame) -> Phrase {
    Phrase { text, blame }
}

/// Every list of one language.
#[derive(Debug)]
pub struct Phrases {
    /// "Human error" and the like: never a root cause (root-cause-person).
    pub human_error: &'static [&'static str],
    /// Blame only after a person or role (blame-language).
    pub blame_after_person: &'static [Phrase],
    /// Blame wherever it appears (blame-language).
    pub blame_anywhere: &'static [Phrase],
    /// Technical terms that start like a blaming word ("lazy loading"): never blame.
    pub not_blame: &'static [&'static str],
    /// Words for a person or a role that a blaming phrase may follow; whole words.
    pub person_words: &'static [&'static str],
    /// Words that contain a person word without meaning a person (其他 holds 他).
    pub not_person: &'static [&'static str],
    /// Words that make a listed name a role or a team, not a person; whole words.
    pub role_in_name: &'static [&'static str],
    /// Emotional words (emotional-language).
    pub emotional: &'static [&'static str],
    /// How a vague action item starts (action-vague).
    pub vague_start: &'static [&'static str],
    /// Asking people to be better, anywhere in an action item (action-vague).
    pub be_better: &'static [&'static str],
    /// Phrases that start like a vague one and are concrete ("reminder" emails, 自動提醒).
    pub not_vague: &'static [&'static str],
    /// Words that are numbers (impact-no-numbers); whole words.
    pub number_words: &'static [&'static str],
    /// Words that contain a numeral without counting anything (一些 "some", 十分 "very").
    pub not_numbers: &'static [&'static str],
    /// Ways of saying the cause is not known yet (root-cause-unknown).
    pub cause_unknown: &'static [&'static str],
    /// Ways an action item says it will find the cause (root-cause-unknown).
    pub find_cause: &'static [&'static str],
    /// Verbs of an investigator, not of a cause ("RT intuits that…", 林志豪認為…): a person
    /// right before one is reporting, not blamed. Whole words.
    pub reporting: &'static [&'static str],
    /// Words that deny what follows ("not because engineers are lazy", 沒有人): a blaming
    /// phrase shortly after one, in its clause, is no blame. Whole words.
    pub negators: &'static [&'static str],
}

use Blame::*;

/// Every list of both tables, named, for the test that they are written in matching form.
#[cfg(test)]
pub(crate) fn all_lists() -> Vec<(String, Vec<&'static str>)> {
    let mut out = Vec::new();
    for (lang, t) in [("en", &EN), ("zh", &ZH)] {
        let phrases = |list: &'static [Phrase]| list.iter().map(|p| p.text).collect();
        out.extend([
            (format!("{lang}.human_error"), t.human_error.to_vec()),
            (
                format!("{lang}.blame_after_person"),
                phrases(t.blame_after_person),
            ),
            (format!("{lang}.blame_anywhere"), phrases(t.blame_anywhere)),
            (format!("{lang}.not_blame"), t.not_blame.to_vec()),
            (format!("{lang}.person_words"), t.person_words.to_vec()),
            (format!("{lang}.not_person"), t.not_person.to_vec()),
            (format!("{lang}.role_in_name"), t.role_in_name.to_vec()),
            (format!("{lang}.emotional"), t.emotional.to_vec()),
            (format!("{lang}.vague_start"), t.vague_start.to_vec()),
            (format!("{lang}.be_better"), t.be_better.to_vec()),
            (format!("{lang}.not_vague"), t.not_vague.to_vec()),
            (format!("{lang}.number_words"), t.number_words.to_vec()),
            (format!("{lang}.not_numbers"), t.not_numbers.to_vec()),
            (format!("{lang}.negators"), t.negators.to_vec()),
            (format!("{lang}.reporting"), t.reporting.to_vec()),
            (format!("{lang}.cause_unknown"), t.cause_unknown.to_vec()),
            (format!("{lang}.find_cause"), t.find_cause.to_vec()),
        ]);
    }
    out
}

/// English.
pub const EN: Phrases = Phrases {
    human_error: &[
        "human error",
        "operator error",
        "user error",
        "pilot error",
        "engineer error",
        "developer error",
        "human mistake",
        "manual error",
        "fat finger",
        "fat-finger",
    ],
    blame_after_person: &[
        p("should have", Hindsight),
        p("should've", Hindsight),
        p("could have", Hindsight),
        p("could've", Hindsight),
        p("failed to", Omission),
        p("forgot to", Omission),
        p("neglected to", Omission),
        p("dropped the ball", Omission),
        p("ignored", Rule),
        p("didn't follow", Rule),
        p("did not follow", Rule),
    ],
    blame_anywhere: &[
        p("careless", Judgement),
        p("negligent", Judgement),
        p("negligence", Judgement),
        p("sloppy", Judgement),
        p("reckless", Judgement),
        p("lazy", Judgement),
        p("laziness", Judgement),
        p("incompetent", Insult),
        p("incompetence", Insult),
        p("idiot", Insult),
        p("stupid", Insult),
        p("dumb", Insult),
        p("moron", Insult),
        p("obviously", Obvious),
        p("screwed up", Judgement),
        p("messed up", Judgement),
        p("embarrassing", Judgement),
    ],
    not_blame: &[
        "lazy load",
        "lazy-load",
        "lazy init",
        "lazy eval",
        "lazy static",
        "lazy_static",
        "lazy val",
        "lazy loading",
    ],
    person_words: &[
        "engineer",
        "engineers",
        "operator",
        "operators",
        "developer",
        "developers",
        "dev",
        "devs",
        "admin",
        "admins",
        "administrator",
        "on-call",
        "oncall",
        "on call",
        "responder",
        "sre",
        "he",
        "she",
        "they",
        "someone",
        "somebody",
    ],
    not_person: &[],
    role_in_name: &[
        "team",
        "lead",
        "platform",
        "on-call",
        "oncall",
        "on call",
        "sre",
        "commander",
        "head of",
        "manager",
        "director",
        "squad",
        "group",
        "ops",
        "infra",
        "infrastructure",
        "observability",
        "engineering",
        "security",
        "support",
    ],
    emotional: &[
        "ridiculous",
        "unbelievable",
        "i can't believe",
        "i cannot believe",
        "can't believe",
        "absurd",
        "insane",
        "horrible",
        "terrible",
        "awful",
        "wtf",
        "!!!",
    ],
    vague_start: &[
        "improve",
        "investigate",
        "look into",
        "look at",
        "make better",
        "make it better",
        "consider",
        "explore",
        "think about",
        "try to",
    ],
    be_better: &[
        "be more careful",
        "be careful",
        "remind",
        "retrain",
        "re-train",
        "train … not to",
        "educate",
    ],
    not_vague: &["reminder"],
    number_words: &[
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
        "twenty",
        "thirty",
        "forty",
        "fifty",
        "sixty",
        "seventy",
        "eighty",
        "ninety",
        "hundred",
        "hundreds",
        "thousand",
        "thousands",
        "million",
        "millions",
        "billion",
        "billions",
        "half",
        "dozen",
        "dozens",
    ],
    not_numbers: &[],
    cause_unknown: &[
        "did not figure out the root cause",
        "didn't figure out the root cause",
        "have not figured out",
        "haven't figured out",
        "root cause unknown",
        "root cause is unknown",
        "root cause is not known",
        "root cause is still unknown",
        "unknown root cause",
        "cause is unknown",
        "cause is still unknown",
        "cause remains unknown",
        "still under investigation",
        "not yet determined",
        "not been determined",
        "not been identified",
        "we don't know why",
        "we do not know why",
        "we don't yet know",
        "we do not yet know",
    ],
    find_cause: &[
        "find the root cause",
        "find the cause",
        "identify the root cause",
        "identify the cause",
        "determine the root cause",
        "determine the cause",
        "investigate why",
        "investigate the root cause",
        "investigate the cause",
        "root cause analysis",
        "understand why",
    ],
    reporting: &[
        "intuits",
        "intuited",
        "thinks",
        "thought",
        "suspects",
        "suspected",
        "believes",
        "believed",
        "notes",
        "noted",
        "notices",
        "noticed",
        "finds",
        "found",
        "reports",
        "reported",
        "says",
        "said",
        "confirms",
        "confirmed",
        "investigates",
        "investigated",
        "asks",
        "asked",
        "points out",
        "pointed out",
        "writes",
        "wrote",
        "explains",
        "explained",
        "guesses",
        "guessed",
        "suggests",
        "suggested",
        "realises",
        "realised",
        "realizes",
        "realized",
        "discovers",
        "discovered",
        "determines",
        "determined",
    ],
    negators: &[
        "not",
        "no",
        "no one",
        "nobody",
        "never",
        "neither",
        "nor",
        "isn't",
        "wasn't",
        "weren't",
        "aren't",
        "don't",
        "didn't",
        "wouldn't",
        "rather than",
        "instead of",
    ],
};

/// Traditional Chinese, as written in Taiwan.
pub const ZH: Phrases = Phrases {
    human_error: &[
        "人為疏失",
        "人為操作不當",
        "操作失誤",
        "人為錯誤",
        "人為失誤",
        "人為因素",
        "人員疏失",
        "操作不當",
        "誤操作",
        "手誤",
    ],
    // Never 應該 alone: "應該是 DNS" means "probably DNS".
    blame_after_person: &[
        p("本來應該", Hindsight),
        p("早該", Hindsight),
        p("應該要…卻", Hindsight),
        p("忘記", Omission),
        p("忘了", Omission),
        p("沒有遵守", Rule),
        p("沒遵守", Rule),
        p("未遵守", Rule),
        p("忽略", Rule),
    ],
    blame_anywhere: &[
        p("疏忽", Judgement),
        p("粗心", Judgement),
        p("不小心", Judgement),
        p("怠忽", Judgement),
        p("失職", Judgement),
        p("白目", Insult),
        p("白痴", Insult),
        p("白癡", Insult),
        p("豬隊友", Insult),
        p("搞砸", Judgement),
        p("出包", Judgement),
        p("明明", Obvious),
    ],
    not_blame: &[],
    person_words: &[
        "工程師",
        "值班",
        "同仁",
        "同事",
        "他",
        "她",
        "開發者",
        "開發人員",
        "維運人員",
        "管理員",
        "有人",
    ],
    not_person: &["其他", "吉他", "他處", "他方", "沒有人"],
    role_in_name: &[
        "組",
        "團隊",
        "值班",
        "部門",
        "中心",
        "主管",
        "指揮官",
        "平台",
        "小隊",
    ],
    emotional: &["離譜", "荒唐", "竟然", "誇張", "太扯", "傻眼"],
    vague_start: &["加強", "改善", "研究", "檢討", "注意", "評估", "盡量"],
    be_better: &["要求同仁", "宣導", "提醒", "更加小心", "更小心", "多加注意"],
    not_vague: &["提醒機制", "自動提醒"],
    // 成 ("tenths": 三成) counts through the numeral before it; alone it is part of 造成,
    // 完成, 成功, which count nothing.
    number_words: &[
        "零", "〇", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "百", "千", "萬",
        "億", "兩", "半",
    ],
    not_numbers: &[
        "一些",
        "一般",
        "一直",
        "一起",
        "一旦",
        "一定",
        "一致",
        "一律",
        "一切",
        "一向",
        "一再",
        "一樣",
        "一下",
        "一開始",
        "一度",
        "一部分",
        "統一",
        "唯一",
        "同一",
        "進一步",
        "萬一",
        "十分",
        "第一時間",
    ],
    cause_unknown: &[
        "根因不明",
        "根本原因不明",
        "原因不明",
        "原因仍在調查",
        "仍在調查中",
        "尚未找出",
        "尚不清楚",
        "尚未確定",
        "還不知道原因",
    ],
    find_cause: &[
        "找出根因",
        "找出根本原因",
        "找出原因",
        "調查原因",
        "釐清原因",
        "查明原因",
        "根因分析",
    ],
    reporting: &[
        "發現", "認為", "懷疑", "指出", "推測", "表示", "確認", "回報", "提到", "判斷", "猜測",
    ],
    negators: &[
        "並非",
        "不是",
        "並不是",
        "沒有人",
        "無人",
        "並不",
        "不能說",
        "不應歸咎",
        "而非",
    ],
};

/// Both tables, in the order their findings are reported.
pub const TABLES: [&Phrases; 2] = [&EN, &ZH];
