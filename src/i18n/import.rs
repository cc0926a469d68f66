//! The words of the dialog that shows where each part of a foreign report went.

hindsight_core::words_table! {
    WHERE_PARTS_WENT = ("Where each part went", "各段落的去向");
    FOREIGN_INTRO = ("Hindsight read “{0}” as a postmortem written elsewhere and placed each of its parts in a section. Check where they went, move any part, then create the draft.",
        "Hindsight 把「{0}」當作在別處寫的事後檢討，已把每個段落放進對應的地方。請檢查各段落的去向，需要的話可以移動，再建立草稿。");
    FOREIGN_SUMMARY = ("{0} parts went to a section, {1} to Supporting information.", "{0} 個段落放進了對應的地方，{1} 個放進補充資料。");
    FOREIGN_SUMMARY_ONE = ("{0} part went to a section, {1} to Supporting information.", "{0} 個段落放進了對應的地方，{1} 個放進補充資料。");
    PART_HEADING = ("Heading in the file", "檔案中的標題");
    PART_PLACE = ("Goes to", "放到");
    PLACE_OF = ("Where “{0}” goes", "「{0}」放到哪裡");
    LANDED = ("Landed in: {0}", "實際放進：{0}");
    LANDED_ROWS = ("{0} ({1} rows)", "{0}（{1} 列）");
    LANDED_ROW = ("{0} (1 row)", "{0}（1 列）");
    LANDED_SEP = ("; ", "；");
    NOT_A_POSTMORTEM_NOTE = ("Check this file before creating a draft from it.", "建立草稿前請先確認這個檔案。");
    CREATE_DRAFT = ("Create the draft", "建立草稿");
    CANCEL_IMPORT = ("Cancel the import", "取消匯入");
}
