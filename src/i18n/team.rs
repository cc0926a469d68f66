//! The words of the connected folder: a team's repository of postmortems.

hindsight_core::words_table! {
    TEAM_FOLDER = ("Team folder", "團隊資料夾");
    CONNECT_FOLDER = ("Connect a folder", "連結資料夾");
    CHECK_FOLDER = ("Check the folder", "檢查資料夾");
    DISCONNECT = ("Disconnect", "中斷連結");
    RECONNECT = ("Reconnect", "重新連結");
    CONNECT_EXPLAINED = ("Save every draft as a Markdown file in a folder, such as your team's Git repository, and see your teammates' changes.",
        "把每份草稿存成資料夾中的 Markdown 檔（例如團隊的 Git 儲存庫），也能看到隊友的修改。");
    CONNECTED_TO = ("Connected to {0}", "已連結 {0}");
    RECONNECT_EXPLAINED = ("The browser needs your permission again to write to {0}.", "瀏覽器需要你再次允許寫入 {0}。");
    SAVED_TO = ("Saved to {0}", "已存到 {0}");
    NOT_SUPPORTED = ("This browser cannot write to a folder (Chrome and Edge can). Open a folder in the Incidents overview to read one instead.",
        "這個瀏覽器無法寫入資料夾（Chrome 與 Edge 可以）。可以到「事件總覽」用「開啟資料夾」唯讀開啟。");
    IN_THE_FOLDER = ("In the folder ({0})", "資料夾中（{0}）");
    OPEN_FILE = ("Open", "開啟");
    SHOW_ALL_FILES = ("Show all {0} files", "顯示全部 {0} 個檔案");
    OPEN_FILE_NAMED = ("Open {0}", "開啟 {0}");
    CHECKED_NOTHING = ("Checked the folder: nothing changed.", "已檢查資料夾：沒有變更。");
    CHECKED_ONE = ("Checked the folder: {0} file changed.", "已檢查資料夾：{0} 個檔案有變更。");
    CHECKED = ("Checked the folder: {0} files changed.", "已檢查資料夾：{0} 個檔案有變更。");
    WRITE_FAILED = ("Could not write {0} to the folder: {1}. The draft is saved in this browser; Hindsight tries again at the next save.",
        "無法把 {0} 寫入資料夾：{1}。草稿仍存在這個瀏覽器中；下次儲存時會再試一次。");
    CONNECT_FAILED = ("Could not connect the folder: {0}", "無法連結資料夾：{0}");
    READ_FAILED = ("Could not read the folder: {0}", "無法讀取資料夾：{0}");
    FILE_UNREADABLE = ("{0} in the folder cannot be read: {1} Its draft is left as it is.", "無法讀取資料夾中的 {0}：{1}草稿維持原樣。");
    DELETED_FROM_FOLDER = ("Deleted from the folder: keep the draft? {0} is gone from the connected folder (a git pull, a teammate's change); the draft is still here.",
        "已從資料夾刪除：要保留草稿嗎？連結資料夾中已經沒有 {0}（可能是 git pull 或隊友的修改）；草稿還在這裡。");
    KEEP_DRAFT = ("Keep the draft", "保留草稿");
    DELETE_DRAFT = ("Delete the draft", "刪除草稿");
}
