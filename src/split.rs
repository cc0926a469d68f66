//! Code the first keystroke does not need, in modules of their own. Built with the `split`
//! feature (as scripts/build_app.py builds the app), each function written with [`later!`]
//! is a split point: its code, and what only it reaches, is a module that the browser fetches
//! when the function is first called. Without the feature, the same function runs at once.

/// A module could not be fetched (offline before Hindsight was ever fully loaded).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NotLoaded;

#[cfg(feature = "split")]
impl From<leptos::wasm_split::SplitLoaderError> for NotLoaded {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        NotLoaded
    }
}

/// An `async fn` whose body is in the named module with the `split` feature (`module => fn …`):
/// it gives `Err(NotLoaded)` when that module cannot be fetched. Functions that name the same
/// module share it.
macro_rules! later {
    (
        $module:ident => $(#[$doc:meta])*
        $vis:vis fn $name:ident($($arg:ident: $ty:ty),* $(,)?) -> $ret:ty $body:block
    ) => {
        $(#[$doc])*
        #[cfg(feature = "split")]
        #[leptos::wasm_split::wasm_split($module, wasm_split_path = ::leptos::wasm_split, fallible)]
        $vis fn $name($($arg: $ty),*) -> Result<$ret, $crate::split::NotLoaded> {
            let value: $ret = $body;
            Ok(value)
        }

        $(#[$doc])*
        #[cfg(not(feature = "split"))]
        $vis async fn $name($($arg: $ty),*) -> Result<$ret, $crate::split::NotLoaded> {
            let value: $ret = $body;
            Ok(value)
        }
    };
}
pub(crate) use later;
