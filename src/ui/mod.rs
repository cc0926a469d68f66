//! The Leptos UI: the shell with its top bar, the drafts list, the form, the preview and the
//! alerts.

mod alerts;
pub mod asking;
mod customer;
mod draft_list;
mod export_menu;
pub mod focus;
pub mod form;
mod import_map;
mod incidents;
mod merge_dialog;
pub mod modal;
pub mod opened_folder;
mod patch;
pub mod preview;
pub mod review;
pub mod rich;
mod shared_view;
mod shell;
pub mod team_folder;
pub mod theme;
mod update;
pub mod views;

use hindsight_core::{report::display_title, Choice, Language, SectionId};
use leptos::prelude::*;

use crate::adapters::{files, platform, settings};
use crate::i18n::{self, Ui};
use crate::state::Editor;
use alerts::{Alerts, SaveIndicator};
use customer::CustomerView;
use draft_list::DraftList;
use export_menu::ExportMenu;
use form::FormSections;
pub use incidents::RelatedInDraft;
use incidents::{Folder, IncidentsView};
use preview::{Preview, Source};
use review::{DismissDialog, FinalGate, ReviewPanel, ReviewState};
use shared_view::SharedView;
use theme::ThemeSelect;
use update::UpdateNotice;
use views::{View, Views};

/// Where the UI language is remembered.
const UI_LANGUAGE_KEY: &str = "ui-language";

/// Whether the sections' guidance is hidden, shared through context and remembered: hidden,
/// it also leaves the tab order, so keyboard users reach the fields sooner.
#[derive(Clone, Copy)]
pub struct GuidanceHidden(pub RwSignal<bool>);

const GUIDANCE_KEY: &str = "guidance";

/// The UI language: the one chosen before, else the browser's.
fn initial_language() -> Language {
    settings::get(UI_LANGUAGE_KEY)
        .as_deref()
        .and_then(Language::parse)
        .unwrap_or_else(|| Language::from_browser(&platform::browser_languages()))
}

fn remember_language(lang: Language) {
    settings::set(UI_LANGUAGE_KEY, lang.value());
}

/// What a phone shows beside the top bar; wider screens show the form, the review and the
/// preview at once.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Pane {
    Form,
    Preview,
    Review,
}

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    let lang = RwSignal::new(initial_language());
    let ui = Ui(lang);
    provide_context(ui);
    Effect::new(move |_| platform::set_html_lang(lang.get().html_lang()));
    let ed = Editor::start(lang.get_untracked());
    provide_context(ed);
    shell::take_over(ed, lang.get_untracked());
    // The worker, for the review and the overview: started after the first paint.
    provide_context(StoredValue::new_local(
        crate::adapters::background::Background::default(),
    ));
    let views = Views::start();
    provide_context(views);
    let guidance_hidden = RwSignal::new(settings::get(GUIDANCE_KEY).as_deref() == Some("hidden"));
    provide_context(GuidanceHidden(guidance_hidden));

    // Ctrl/Cmd+S saves at once and says so, instead of the browser's "save page" dialog.
    let save_key = window_event_listener(leptos::ev::keydown, move |ev| {
        if (ev.ctrl_key() || ev.meta_key()) && ev.key().eq_ignore_ascii_case("s") {
            ev.prevent_default();
            if ed.save_now() {
                ed.info().set(Some(i18n::SAVED_NOW.into()));
            }
        }
    });
    on_cleanup(move || save_key.remove());
    Folder::provide();
    team_folder::TeamFolder::provide(ed);
    ed.watch_other_tabs();
    ed.watch_history();

    // Write pending edits the moment the page may go away. A tab closed in the middle of a
    // conflict keeps its text as a separate draft rather than losing it.
    let flush_on_hide =
        window_event_listener(leptos::ev::pagehide, move |_| ed.save_before_leaving());
    let flush_on_hidden = window_event_listener_untyped("visibilitychange", move |_| {
        if document().visibility_state() == web_sys::VisibilityState::Hidden {
            ed.save_before_leaving();
        }
    });
    on_cleanup(move || {
        flush_on_hide.remove();
        flush_on_hidden.remove();
    });

    // Keep the tab's title on the open report, so tabs and history say which one it is.
    Effect::new(move |_| {
        let lang = lang.get();
        let title = match ed.shared().get() {
            Some(shared) => display_title(&shared.header.title, lang).to_owned(),
            None => ed.read(SectionId::Header, |d| {
                display_title(&d.header.title, lang).to_owned()
            }),
        };
        document().set_title(&format!("\u{2068}{title}\u{2069} · Hindsight"));
    });

    // Dropping a file anywhere on the page imports it as a new draft.
    let dragging = RwSignal::new(false);
    let on_dragover = window_event_listener(leptos::ev::dragover, move |ev| {
        ev.prevent_default();
        dragging.set(true);
    });
    let on_dragleave = window_event_listener(leptos::ev::dragleave, move |ev| {
        if ev.related_target().is_none() {
            dragging.set(false);
        }
    });
    let on_drop = window_event_listener(leptos::ev::drop, move |ev| {
        ev.prevent_default();
        dragging.set(false);
        let Some(file) = ev
            .data_transfer()
            .and_then(|dt| dt.files())
            .and_then(|f| f.get(0))
        else {
            return;
        };
        import_picked_file(ed, ui, file, false);
    });
    on_cleanup(move || {
        on_dragover.remove();
        on_dragleave.remove();
        on_drop.remove();
    });

    let pane = RwSignal::new(Pane::Form);
    // On a phone the drafts list is a full-height panel of its own, opened from the top bar;
    // opening a draft from it goes back to the form.
    let show_drafts = RwSignal::new(false);
    Effect::new(move |_| {
        ed.open_id().track();
        // The panel goes, and the focus with it: the draft opens at its title.
        if show_drafts.get_untracked() {
            show_drafts.set(false);
            crate::ui::focus::focus_after_render(hindsight_core::FieldId::Title.element_id());
        }
    });
    // One panel at a time on a phone: the drafts, the review or the preview.
    let toggle = move |to: Pane| {
        show_drafts.set(false);
        pane.update(|p| *p = if *p == to { Pane::Form } else { to });
    };
    view! {
        <div class="app" class:show-preview=move || pane.get() == Pane::Preview
            class:show-review=move || pane.get() == Pane::Review class:show-drafts=move || show_drafts.get()
            class:in-view=move || views.current() != View::Editor
            class:dragging=move || dragging.get()
            on:keydown=move |ev: web_sys::KeyboardEvent| {
                // Escape closes the phone's drafts panel, as it closes a dialog or a menu.
                if ev.key() == "Escape" && !ev.default_prevented() && show_drafts.get_untracked() {
                    show_drafts.set(false);
                    crate::ui::focus::focus_after_render("drafts-toggle".into());
                }
            }>
            <header class="topbar">
                <div class="brand">
                    <span class="logo" aria-hidden="true">"◐"</span>
                    <span class="name">"Hindsight"</span>
                    <span class="tagline">{ui.t(i18n::APP_TAGLINE)}</span>
                </div>
                <div class="topbar-right">
                    <Show when=move || ed.shared().with(Option::is_none)>
                        <SaveIndicator/>
                    </Show>
                    <LanguageSelect/>
                    <ThemeSelect/>
                    <ViewButton view=View::Customer words=i18n::views::CUSTOMER_VERSION/>
                    <ViewButton view=View::Incidents words=i18n::views::INCIDENTS/>
                    <ExportMenu/>
                    <button type="button" class="secondary drafts-toggle" id="drafts-toggle" aria-controls="drafts-panel"
                        aria-expanded=move || show_drafts.get().to_string()
                        on:click=move |_| {
                            pane.set(Pane::Form);
                            show_drafts.update(|s| *s = !*s);
                        }>
                        {ui.t(i18n::DRAFTS)}
                    </button>
                    <button type="button" class="secondary preview-toggle"
                        aria-controls="review-pane"
                        on:click=move |_| toggle(Pane::Review)>
                        {move || if pane.get() == Pane::Review { i18n::SHOW_FORM.get(ui.lang()) } else { i18n::review::SHOW_REVIEW.get(ui.lang()) }}
                    </button>
                    <button type="button" class="secondary preview-toggle"
                        aria-controls="preview-pane"
                        on:click=move |_| toggle(Pane::Preview)>
                        {move || if pane.get() == Pane::Preview { i18n::SHOW_FORM.get(ui.lang()) } else { i18n::SHOW_PREVIEW.get(ui.lang()) }}
                    </button>
                </div>
            </header>
            <Alerts/>
            <import_map::ImportMapDialog/>
            <merge_dialog::MergeDialog/>
            {move || match ed.shared().get() {
                Some(doc) => view! { <SharedView doc=doc/> }.into_any(),
                None => view! {
                    <div class="layout" class:wide-view=move || views.current() != View::Editor>
                        <DraftList/>
                        {move || match views.current() {
                            View::Editor => editor_view(ed, ui, pane).into_any(),
                            View::Customer => lazy_view(customer_view()),
                            View::Incidents => lazy_view(incidents_view()),
                        }}
                    </div>
                }.into_any(),
            }}
            <div class="drop-hint" aria-hidden="true">{ui.t(i18n::DROP_HINT)}</div>
            <UpdateNotice/>
        </div>
    }
}

/// The form, the review and the preview, side by side.
fn editor_view(ed: Editor, ui: Ui, pane: RwSignal<Pane>) -> impl IntoView {
    // Before the form: it reads the review's notes and its Final gate.
    ReviewState::start(ed);
    view! {
                        <main class="form" aria-label=ui.t(i18n::FORM)>
                            <GuidanceToggle/>
                            <Show when=move || ed.read_only().get()>
                                <p class="read-only-note" role="note">
                                    {move || ui.fill(i18n::READ_ONLY_NOTE, &[&ed.read(SectionId::Header, |d| d.schema_version).to_string()])}
                                </p>
                            </Show>
                            // A disabled fieldset disables every control inside it at once.
                            <fieldset class="form-fields" disabled=move || ed.read_only().get()>
                                <legend class="visually-hidden">{ui.t(i18n::FORM_SECTIONS)}</legend>
                                <FormSections/>
                            </fieldset>
                        </main>
                        <div class="side">
                            <ReviewPanel on_jump=move |_| pane.set(Pane::Form)/>
                            <aside class="preview" id="preview-pane" aria-label=ui.t(i18n::PREVIEW)>
                                <Preview source=Source::Editor(ed)/>
                            </aside>
                            <DismissDialog/>
                            <FinalGate/>
                        </div>
    }
}

/// The switch that hides the sections' guidance (and takes it out of the tab order).
#[component]
fn GuidanceToggle() -> impl IntoView {
    let ui = Ui::get();
    let hidden = expect_context::<GuidanceHidden>().0;
    view! {
        <div class="form-tools">
            // Its name says what it will do ("Show guidance" / "Hide guidance", as the
            // vocabulary fixes them), so it is no toggle button: a pressed state would read
            // "Show guidance, pressed".
            <button type="button" class="ghost small"
                on:click=move |_| {
                    let now = !hidden.get_untracked();
                    hidden.set(now);
                    settings::set(GUIDANCE_KEY, if now { "hidden" } else { "shown" });
                }>
                {move || if hidden.get() { i18n::SHOW_GUIDANCE.get(ui.lang()) } else { i18n::HIDE_GUIDANCE.get(ui.lang()) }}
            </button>
        </div>
    }
}

/// A top-bar button that opens a view; pressed again, it returns to the editor.
#[component]
fn ViewButton(view: View, words: hindsight_core::Words) -> impl IntoView {
    let ui = Ui::get();
    let views = Views::get();
    view! {
        <button type="button" class="secondary view-button"
            aria-current=move || (views.current() == view).then_some("page")
            on:click=move |_| if views.current() == view { views.back() } else { views.open(view) }>
            {ui.t(words)}
        </button>
    }
}

/// The UI language control of the top bar; each option is named in its own language.
#[component]
fn LanguageSelect() -> impl IntoView {
    let ui = Ui::get();
    view! {
        <div class="language">
            <label for="ui-language">{ui.t(i18n::LANGUAGE)}</label>
            <select id="ui-language"
                on:change=move |ev| {
                    if let Some(lang) = Language::parse(&event_target_value(&ev)) {
                        remember_language(lang);
                        ui.0.set(lang);
                    }
                }>
                {Language::ALL.iter().map(|l| view! {
                    <option value=l.value() selected=move || ui.lang() == *l>{l.words().en}</option>
                }).collect_view()}
            </select>
        </div>
    }
}

/// Reads a picked or dropped file and imports it (or restores it, for a backup).
pub fn import_picked_file(ed: Editor, ui: Ui, file: web_sys::File, as_backup: bool) {
    let name = file.name();
    let lang = ui.lang_untracked();
    leptos::task::spawn_local(async move {
        match files::read_text(&file).await {
            Ok(text) if as_backup => ed.restore_backup(&name, &text),
            Ok(text) => ed.import_file(&name, &text, lang),
            Err(why) => ed.file_unreadable(&name, &why),
        }
    });
}

crate::split::later! {
    customer =>
    /// The customer version's view.
    fn customer_view() -> AnyView { view! { <CustomerView/> }.into_any() }
}

crate::split::later! {
    incidents =>
    /// The incidents overview.
    fn incidents_view() -> AnyView { view! { <IncidentsView/> }.into_any() }
}

/// A later view: a status line while its code is on its way, an alert if it cannot come.
fn lazy_view(
    view: impl std::future::Future<Output = Result<AnyView, crate::split::NotLoaded>> + Send + 'static,
) -> AnyView {
    let ui = Ui::get();
    let views = Views::get();
    view! {
        <Suspense fallback=move || view! {
            <p class="view-loading" role="status">{ui.t(i18n::views::LOADING_VIEW)}</p>
        }>
            {Suspend::new(async move {
                view.await.unwrap_or_else(|crate::split::NotLoaded| {
                    view! {
                        <div class="view-loading">
                            <p role="alert">{ui.t(i18n::views::VIEW_UNAVAILABLE)}</p>
                            <button type="button" class="secondary" on:click=move |_| views.back()>
                                {ui.t(i18n::views::BACK_TO_EDITOR)}
                            </button>
                        </div>
                    }
                    .into_any()
                })
            })}
        </Suspense>
    }
    .into_any()
}
