//! The words of the app's views: the top bar's view buttons and the way back.

hindsight_core::words_table! {
    CUSTOMER_VERSION = ("Customer version", "對外版本");
    INCIDENTS = ("Incidents", "事件總覽");
    BACK_TO_EDITOR = ("Back to the editor", "回到編輯器");
}
