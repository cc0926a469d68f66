//! Labelled form controls. Each takes its initial value once and then owns it while the user
//! types (re-setting `value` on every keystroke would break IME composition), and reports
//! every change through `on_input`.

use leptos::prelude::*;

/// A slug of a label for element ids: `Incident ID` → `incident-id`.
pub fn slug(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_owned()
}

/// The template's "required" star, kept outside the label so the label's text stays exact.
#[component]
fn RequiredMark(required: bool) -> impl IntoView {
    required.then(|| {
        view! {
            <span class="req" aria-hidden="true" title="Required by the template">
                "*"
            </span>
        }
    })
}

/// A one-line text input (or `date`, `url`, `datetime-local` with `kind`).
#[component]
pub fn TextField(
    /// The visible label.
    label: &'static str,
    /// The element id, unique on the page.
    #[prop(into)]
    id: String,
    /// The value when the field is created.
    #[prop(into)]
    value: String,
    /// Called with the new value on every input.
    #[prop(into)]
    on_input: Callback<String>,
    /// The input type; `text` unless given.
    #[prop(optional)]
    kind: Option<&'static str>,
    /// A hint shown under the field.
    #[prop(optional)]
    hint: Option<&'static str>,
    /// An example shown inside the empty field.
    #[prop(optional)]
    placeholder: Option<&'static str>,
    /// Marks the field as required by the template.
    #[prop(optional)]
    required: bool,
) -> impl IntoView {
    let hint_id = format!("{id}-hint");
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <RequiredMark required=required/>
            <input
                type=kind.unwrap_or("text")
                aria-required=required.then_some("true")
                id=id
                prop:value=value
                placeholder=placeholder
                aria-describedby=hint.map(|_| hint_id.clone())
                on:input=move |ev| on_input.run(event_target_value(&ev))
            />
            {hint.map(|h| view! { <p class="hint" id=hint_id.clone()>{h}</p> })}
        </div>
    }
}

/// A multi-line text area that accepts Markdown.
#[component]
pub fn TextArea(
    /// The visible label.
    label: &'static str,
    /// The element id, unique on the page.
    #[prop(into)]
    id: String,
    /// The value when the field is created.
    #[prop(into)]
    value: String,
    /// Called with the new value on every input.
    #[prop(into)]
    on_input: Callback<String>,
    /// A hint shown under the field.
    #[prop(optional)]
    hint: Option<&'static str>,
    /// An example shown inside the empty field.
    #[prop(optional)]
    placeholder: Option<&'static str>,
    /// Visible rows.
    #[prop(default = 4)]
    rows: u32,
    /// Marks the field as required by the template.
    #[prop(optional)]
    required: bool,
) -> impl IntoView {
    let hint_id = format!("{id}-hint");
    let hint_text = hint.unwrap_or("Markdown is welcome: **bold**, lists, links, `code`.");
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <RequiredMark required=required/>
            <textarea
                id=id
                rows=rows
                aria-required=required.then_some("true")
                prop:value=value
                placeholder=placeholder
                aria-describedby=hint_id.clone()
                on:input=move |ev| on_input.run(event_target_value(&ev))
            ></textarea>
            <p class="hint" id=hint_id>{hint_text}</p>
        </div>
    }
}

/// A choice from a fixed list; `options` pairs each value with its label.
#[component]
pub fn SelectField(
    /// The visible label.
    label: &'static str,
    /// The element id, unique on the page.
    #[prop(into)]
    id: String,
    /// Value and label of each option.
    options: Vec<(String, String)>,
    /// The value selected when the field is created.
    #[prop(into)]
    value: String,
    /// Called with the chosen value.
    #[prop(into)]
    on_change: Callback<String>,
    /// Marks the field as required by the template.
    #[prop(optional)]
    required: bool,
) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <RequiredMark required=required/>
            <select id=id aria-required=required.then_some("true") on:change=move |ev| on_change.run(event_target_value(&ev))>
                {options
                    .into_iter()
                    .map(|(v, text)| {
                        let selected = v == value;
                        view! { <option value=v selected=selected>{text}</option> }
                    })
                    .collect_view()}
            </select>
        </div>
    }
}

/// Yes / No / not set, stored as `Option<bool>`.
#[component]
pub fn YesNoField(
    /// The visible label.
    label: &'static str,
    /// The element id, unique on the page.
    #[prop(into)]
    id: String,
    /// The value when the field is created.
    value: Option<bool>,
    /// Called with the chosen value.
    #[prop(into)]
    on_change: Callback<Option<bool>>,
    /// Marks the field as required by the template.
    #[prop(optional)]
    required: bool,
) -> impl IntoView {
    let options = vec![
        (String::new(), "Not answered".to_owned()),
        ("yes".to_owned(), "Yes".to_owned()),
        ("no".to_owned(), "No".to_owned()),
    ];
    let current = match value {
        Some(true) => "yes",
        Some(false) => "no",
        None => "",
    };
    view! {
        <SelectField
            label=label
            id=id
            options=options
            value=current
            required=required
            on_change=move |v: String| {
                on_change
                    .run(
                        match v.as_str() {
                            "yes" => Some(true),
                            "no" => Some(false),
                            _ => None,
                        },
                    )
            }
        />
    }
}

/// A checkbox.
#[component]
pub fn CheckField(
    /// The visible label.
    label: &'static str,
    /// The element id, unique on the page.
    #[prop(into)]
    id: String,
    /// Checked when created.
    value: bool,
    /// Called with the new state.
    #[prop(into)]
    on_change: Callback<bool>,
) -> impl IntoView {
    view! {
        <div class="field check">
            <input
                type="checkbox"
                id=id.clone()
                prop:checked=value
                on:change=move |ev| on_change.run(event_target_checked(&ev))
            />
            <label for=id>{label}</label>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::slug;

    #[test]
    fn slugs_are_lowercase_words_joined_by_dashes() {
        assert_eq!(slug("Incident ID"), "incident-id");
        assert_eq!(slug("Trigger and root causes"), "trigger-and-root-causes");
        assert_eq!(slug("Long-term fix"), "long-term-fix");
    }
}
