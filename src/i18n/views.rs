//! The words of the app's views: the top bar's view buttons and the way back.

hindsight_core::words_table! {
    CUSTOMER_VERSION = ("Customer version", "對外版本");
    INCIDENTS = ("Incidents", "事件總覽");
    BACK_TO_EDITOR = ("Back to the editor", "回到編輯器");
    LOADING_VIEW = ("Loading this view…", "正在載入這個畫面…");
    VIEW_UNAVAILABLE = ("This view could not be loaded. Open Hindsight once while online, then try again.", "無法載入這個畫面。請先在連線時開啟 Hindsight 一次，再試一次。");
}
