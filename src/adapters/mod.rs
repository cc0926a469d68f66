//! The browser adapters: the only code that talks to `localStorage`, the URL, files, the
//! clipboard and `Intl`. Each is feature-detected, so the app also runs on plain-http hosts.

pub mod background;
pub mod files;
pub mod folder;
pub mod local_storage;
pub mod platform;
pub mod service_worker;
pub mod settings;
pub mod zones;

use hindsight_core::{session::Env, storage::KeyValue, storage::MemoryKv, storage::WriteError};

/// The storage a session runs on: the browser's, or memory when the browser has none.
pub enum Backend {
    /// `localStorage`.
    Local(local_storage::LocalStorageKv),
    /// In memory only: drafts do not survive a reload.
    Memory(MemoryKv),
}

impl Backend {
    /// `localStorage` when the browser offers it, else memory; and whether it persists.
    pub fn open() -> (Self, bool) {
        match local_storage::LocalStorageKv::open() {
            Some(kv) => (Backend::Local(kv), true),
            None => (Backend::Memory(MemoryKv::default()), false),
        }
    }

    fn kv(&self) -> &dyn KeyValue {
        match self {
            Backend::Local(kv) => kv,
            Backend::Memory(kv) => kv,
        }
    }
}

impl KeyValue for Backend {
    fn keys(&self) -> Vec<String> {
        self.kv().keys()
    }
    fn get(&self, key: &str) -> Option<String> {
        self.kv().get(key)
    }
    fn set(&self, key: &str, value: &str) -> Result<(), WriteError> {
        self.kv().set(key, value)
    }
    fn remove(&self, key: &str) -> Result<(), WriteError> {
        self.kv().remove(key)
    }
    fn peek(&self, key: &str, units: usize) -> Option<(String, usize)> {
        self.kv().peek(key, units)
    }
}

/// The browser's clock, its random ids and its local date.
pub struct BrowserEnv;

impl Env for BrowserEnv {
    fn now_ms(&self) -> i64 {
        platform::now_ms()
    }
    fn new_id(&self) -> String {
        platform::random_id()
    }
    fn today(&self) -> String {
        platform::today()
    }
    fn offset_at(&self, zone: &str, utc: i64) -> i32 {
        platform::zone_offset_minutes(zone, utc)
    }
}
