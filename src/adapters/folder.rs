//! The connected folder through the File System Access API (Chromium-based browsers): the
//! directory picker, permission, listing, reading and writing files, and the folder's handle
//! kept in IndexedDB for the next visit. The API's handles are plain JavaScript objects
//! here, called through `Reflect`: most of it is not in web-sys's stable set.

use js_sys::{Array, Function, Object, Promise, Reflect};
use wasm_bindgen::{closure::Closure, JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// The IndexedDB database and store the handle is kept in, and its key.
const DB: &str = "hindsight";
const STORE: &str = "handles";
const KEY: &str = "folder";

/// A directory handle (`FileSystemDirectoryHandle`).
#[derive(Clone, Debug)]
pub struct Dir(JsValue);

/// A Markdown file of the folder, listed: its path (with `/`), when it last changed and
/// its size, so a check reads again only what changed.
#[derive(Clone, Debug, PartialEq)]
pub struct Listed {
    /// The path inside the folder.
    pub path: String,
    /// `lastModified`, in milliseconds.
    pub modified: f64,
    /// The size in bytes.
    pub size: f64,
    file: JsValue,
}

fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

/// Whether the browser can write to a folder the user picks.
pub fn supported() -> bool {
    window().is_some_and(|w| Reflect::has(&w, &"showDirectoryPicker".into()).unwrap_or(false))
}

fn call(target: &JsValue, method: &str, args: &[JsValue]) -> Result<JsValue, String> {
    let f: Function = Reflect::get(target, &method.into())
        .map_err(describe)?
        .dyn_into()
        .map_err(|_| format!("{method} is not available"))?;
    f.apply(target, &args.iter().collect::<Array>())
        .map_err(describe)
}

async fn await_call(target: &JsValue, method: &str, args: &[JsValue]) -> Result<JsValue, String> {
    let value = call(target, method, args)?;
    JsFuture::from(Promise::resolve(&value))
        .await
        .map_err(describe)
}

/// A JavaScript error as a sentence: its message, or its name (`AbortError`).
fn describe(e: JsValue) -> String {
    let get = |k: &str| Reflect::get(&e, &k.into()).ok().and_then(|v| v.as_string());
    get("message")
        .filter(|m| !m.is_empty())
        .or_else(|| get("name"))
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "unknown error".to_owned())
}

/// Whether an error is the user closing the picker.
pub fn is_abort(e: &str) -> bool {
    e.contains("abort") || e.contains("AbortError") || e.contains("The user aborted")
}

fn options(pairs: &[(&str, JsValue)]) -> JsValue {
    let o = Object::new();
    for (k, v) in pairs {
        let _ = Reflect::set(&o, &(*k).into(), v);
    }
    o.into()
}

impl Dir {
    /// The folder's name, as the browser gives it.
    pub fn name(&self) -> String {
        Reflect::get(&self.0, &"name".into())
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_default()
    }

    /// Asks the user for a folder to read and write.
    pub async fn pick() -> Result<Dir, String> {
        let w: JsValue = window().ok_or("no window")?.into();
        let opts = options(&[("mode", "readwrite".into()), ("id", "hindsight".into())]);
        await_call(&w, "showDirectoryPicker", &[opts])
            .await
            .map(Dir)
    }

    /// The permission to read and write: "granted", "prompt" or "denied". `ask` requests it,
    /// which needs the user's click.
    pub async fn permission(&self, ask: bool) -> String {
        let opts = options(&[("mode", "readwrite".into())]);
        let method = if ask {
            "requestPermission"
        } else {
            "queryPermission"
        };
        match await_call(&self.0, method, &[opts]).await {
            Ok(v) => v.as_string().unwrap_or_default(),
            // A handle without the method (an origin-private folder in some browsers) needs
            // no permission.
            Err(_) if !Reflect::has(&self.0, &method.into()).unwrap_or(false) => {
                "granted".to_owned()
            }
            Err(_) => "denied".to_owned(),
        }
    }

    /// Every Markdown file in the folder and its subfolders (those whose names start with a
    /// dot, such as `.git`, are skipped), sorted by path. The files are opened all at once:
    /// one after the other, 2,000 of them took most of a second.
    pub async fn list(&self) -> Result<Vec<Listed>, String> {
        let mut handles: Vec<(String, JsValue)> = Vec::new();
        let mut pending = vec![(String::new(), self.0.clone())];
        while let Some((prefix, dir)) = pending.pop() {
            let iter = call(&dir, "values", &[])?;
            loop {
                let step = await_call(&iter, "next", &[]).await?;
                if Reflect::get(&step, &"done".into())
                    .ok()
                    .and_then(|d| d.as_bool())
                    .unwrap_or(true)
                {
                    break;
                }
                let entry = Reflect::get(&step, &"value".into()).map_err(describe)?;
                let get = |k: &str| {
                    Reflect::get(&entry, &k.into())
                        .ok()
                        .and_then(|v| v.as_string())
                        .unwrap_or_default()
                };
                let (name, kind) = (get("name"), get("kind"));
                if name.starts_with('.') {
                    continue;
                }
                let path = format!("{prefix}{name}");
                if kind == "directory" {
                    pending.push((format!("{path}/"), entry));
                } else if hindsight_core::incidents::is_markdown_path(&path) {
                    handles.push((path, entry));
                }
            }
        }
        let promises: Array = handles
            .iter()
            .map(|(_, h)| call(h, "getFile", &[]).unwrap_or(JsValue::UNDEFINED))
            .collect();
        let files: Array = JsFuture::from(Promise::all(&promises))
            .await
            .map_err(describe)?
            .unchecked_into();
        let mut out: Vec<Listed> = handles
            .into_iter()
            .zip(files.iter())
            .map(|((path, _), file)| {
                let num = |k: &str| {
                    Reflect::get(&file, &k.into())
                        .ok()
                        .and_then(|v| v.as_f64())
                        .unwrap_or(0.0)
                };
                Listed {
                    modified: num("lastModified"),
                    size: num("size"),
                    path,
                    file,
                }
            })
            .collect();
        out.sort_by(|a, b| a.path.cmp(&b.path));
        Ok(out)
    }

    /// The directory holding `path`, and the file's name; folders are made on the way when
    /// `create`.
    async fn parent_of(&self, path: &str, create: bool) -> Result<(JsValue, String), String> {
        let mut parts: Vec<&str> = path.split('/').filter(|p| !p.is_empty()).collect();
        let name = parts.pop().ok_or("empty path")?.to_owned();
        let mut dir = self.0.clone();
        for part in parts {
            let opts = options(&[("create", create.into())]);
            dir = await_call(&dir, "getDirectoryHandle", &[part.into(), opts]).await?;
        }
        Ok((dir, name))
    }

    /// Writes `text` to the file at `path`, made if missing.
    pub async fn write(&self, path: &str, text: &str) -> Result<(), String> {
        let (dir, name) = self.parent_of(path, true).await?;
        let opts = options(&[("create", true.into())]);
        let file = await_call(&dir, "getFileHandle", &[name.into(), opts]).await?;
        let writable = await_call(&file, "createWritable", &[]).await?;
        await_call(&writable, "write", &[text.into()]).await?;
        await_call(&writable, "close", &[]).await?;
        Ok(())
    }

    /// Removes the file at `path`; a missing one is no error.
    pub async fn remove(&self, path: &str) -> Result<(), String> {
        let Ok((dir, name)) = self.parent_of(path, false).await else {
            return Ok(());
        };
        match await_call(&dir, "removeEntry", &[name.into()]).await {
            Ok(_) => Ok(()),
            Err(e) if e.contains("NotFound") || e.contains("could not be found") => Ok(()),
            Err(e) => Err(e),
        }
    }

    /// Keeps the handle for the next visit.
    pub async fn remember(&self) -> Result<(), String> {
        let store = object_store("readwrite").await?;
        let req = store.put_with_key(&self.0, &KEY.into()).map_err(describe)?;
        request(&req).await.map(|_| ())
    }

    /// The handle kept by an earlier visit, if any.
    pub async fn remembered() -> Option<Dir> {
        let store = object_store("readonly").await.ok()?;
        let req = store.get(&KEY.into()).ok()?;
        let value = request(&req).await.ok()?;
        (!value.is_undefined() && !value.is_null()).then_some(Dir(value))
    }

    /// Forgets the kept handle (Disconnect).
    pub async fn forget() {
        if let Ok(store) = object_store("readwrite").await {
            if let Ok(req) = store.delete(&KEY.into()) {
                let _ = request(&req).await;
            }
        }
    }
}

impl Listed {
    /// The file's text.
    pub async fn text(&self) -> Result<String, String> {
        let value = await_call(&self.file, "text", &[]).await?;
        value.as_string().ok_or_else(|| "not text".to_owned())
    }

    /// The texts of many files, read at once, in their order; one unreadable file fails
    /// alone.
    pub async fn texts(files: &[&Listed]) -> Vec<Result<String, String>> {
        let promises: Array = files
            .iter()
            .map(|l| call(&l.file, "text", &[]).unwrap_or(JsValue::NULL))
            .collect();
        let Ok(settled) = JsFuture::from(Promise::all_settled(&promises)).await else {
            return files.iter().map(|_| Err("unreadable".to_owned())).collect();
        };
        let settled: Array = settled.unchecked_into();
        settled
            .iter()
            .map(|s| {
                let value = Reflect::get(&s, &"value".into()).ok();
                match value.and_then(|v| v.as_string()) {
                    Some(text) => Ok(text),
                    None => Err(Reflect::get(&s, &"reason".into())
                        .map(describe)
                        .unwrap_or_else(|_| "not text".to_owned())),
                }
            })
            .collect()
    }
}

/// An IndexedDB request as a future of its result.
async fn request(req: &web_sys::IdbRequest) -> Result<JsValue, String> {
    let promise = Promise::new(&mut |resolve, reject| {
        req.set_onsuccess(Some(&resolve));
        req.set_onerror(Some(&reject));
    });
    JsFuture::from(promise).await.map_err(describe)?;
    req.result().map_err(describe)
}

/// The store of handles, in a transaction of `mode`.
async fn object_store(mode: &str) -> Result<web_sys::IdbObjectStore, String> {
    let factory = window()
        .ok_or("no window")?
        .indexed_db()
        .map_err(describe)?
        .ok_or("no IndexedDB")?;
    let open = factory.open_with_u32(DB, 1).map_err(describe)?;
    let upgrade = Closure::<dyn FnMut(JsValue)>::new({
        let open = open.clone();
        move |_| {
            if let Ok(db) = open.result() {
                let db: web_sys::IdbDatabase = db.unchecked_into();
                if !db.object_store_names().contains(STORE) {
                    let _ = db.create_object_store(STORE);
                }
            }
        }
    });
    open.set_onupgradeneeded(Some(upgrade.as_ref().unchecked_ref()));
    let db: web_sys::IdbDatabase = request(&open).await?.unchecked_into();
    drop(upgrade);
    let mode = if mode == "readwrite" {
        web_sys::IdbTransactionMode::Readwrite
    } else {
        web_sys::IdbTransactionMode::Readonly
    };
    db.transaction_with_str_and_mode(STORE, mode)
        .and_then(|t| t.object_store(STORE))
        .map_err(describe)
}
