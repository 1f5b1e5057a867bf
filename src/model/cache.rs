//! A cache of parsed plans, so that a second run over the same files does not parse their TOML
//! again. It lives in the user's cache folder (`GYOKAKU_CACHE_DIR`, else
//! `$XDG_CACHE_HOME/gyokaku`, else `~/.cache/gyokaku`), never inside a plan: one entry per plan
//! folder, `plans/<hash of the folder's path>.bin`, replaced when the plan changes.
//!
//! An entry is used only when its key is that of the files as they are now. The key is a
//! SHA-256 over gyokaku's version, a fingerprint of the model's source (so a build that reads
//! plans differently never reads an older build's entries), this format's number, the plan
//! folder, the whole text of `plan.toml` (read every run: it is one small file), and for every
//! item file its name, size, modification and status-change times and inode. An added,
//! removed, renamed or rewritten item file changes the key. Times are only as fine as the file
//! system's clock, so an entry is not written while any item file is younger than
//! [`RACY_SECONDS`]: a file written twice within one clock tick, at the same size, cannot be
//! mistaken for its earlier content (the "racy" files of git's index).
//!
//! An entry is written atomically (a temporary file renamed over it); a partial, corrupt or
//! foreign entry fails its check (a CRC-32 of the content) or its decoding and is read as no
//! entry: the plan is parsed and the entry written again. A cache that cannot be written is
//! passed over: it only ever saves time.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use serde::de::DeserializeOwned;
use serde::Serialize;
use sha2::{Digest, Sha256};

use super::item::{Item, ItemSource};
use super::load::{items_of, plan_of, LoadError, LoadErrors};
use super::plan::Plan;
use super::source::{DirSource, PlanSource, SourceFile};

/// The environment variable naming the cache folder.
pub const CACHE_DIR_ENV: &str = "GYOKAKU_CACHE_DIR";

/// The folder of the cache that holds the parsed plans.
pub const PLANS_FOLDER: &str = "plans";

/// Item files changed less than this many seconds ago are not trusted to their times: no entry
/// is written for their plan yet.
pub const RACY_SECONDS: u64 = 2;

/// The number of this layout of an entry.
const FORMAT: u32 = 1;

/// What an entry starts with.
const MAGIC: &[u8; 16] = b"gyokaku plans 2\0";

/// Bytes before the content of an entry: its magic, its key and the content's CRC-32.
const HEADER: usize = MAGIC.len() + 32 + 4;

/// A folder of parsed plans.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanCache {
    dir: PathBuf,
}

/// What identifies a plan's files as they are now: its folder and the key its entry is filed
/// under. Given only for a plan whose entry was read or written, never for one whose files
/// changed too recently to be trusted ([`RACY_SECONDS`]); what is computed from the plan alone
/// (its evaluation under a rule set) can be filed under it in turn.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanKey {
    folder: PathBuf,
    key: [u8; 32],
}

impl PlanKey {
    /// The plan folder, canonical.
    pub fn folder(&self) -> &Path {
        &self.folder
    }

    /// The key: a SHA-256 over gyokaku's version, the model's source, the folder, `plan.toml`
    /// and every item file's name and status.
    pub fn bytes(&self) -> &[u8; 32] {
        &self.key
    }
}

/// One folder of a cache's entries (`plans`, `evaluations` …): how many entries it holds and
/// their bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CachePart {
    /// The folder's name.
    pub name: String,
    /// Its entries.
    pub entries: usize,
    /// Their size, with any file a stopped run left half-written.
    pub bytes: u64,
}

/// What loading through the cache did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CacheUse {
    /// The plan's entry was current and read: no item file was parsed.
    Read,
    /// The plan was parsed and its entry written.
    Written,
    /// The plan was parsed; no entry was written (an item file changed in the last
    /// [`RACY_SECONDS`], or the cache folder cannot be written).
    Parsed,
}

impl PlanCache {
    /// A cache in `dir`.
    pub fn new(dir: impl Into<PathBuf>) -> Self {
        PlanCache { dir: dir.into() }
    }

    /// The user's cache: `GYOKAKU_CACHE_DIR`, else `$XDG_CACHE_HOME/gyokaku`, else
    /// `~/.cache/gyokaku`; `None` when none of these is set.
    pub fn from_env() -> Option<Self> {
        let var = |name: &str| std::env::var_os(name).filter(|v| !v.is_empty());
        var(CACHE_DIR_ENV)
            .map(PathBuf::from)
            .or_else(|| var("XDG_CACHE_HOME").map(|d| Path::new(&d).join("gyokaku")))
            .or_else(|| var("HOME").map(|d| Path::new(&d).join(".cache/gyokaku")))
            .map(PlanCache::new)
    }

    /// The cache folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// What the cache holds: every folder of entries in it (`plans`, `evaluations` …), in
    /// name order; none while the cache folder does not exist.
    pub fn parts(&self) -> io::Result<Vec<CachePart>> {
        self.walk(false)
    }

    /// Removes every entry of the cache, and any file a stopped run left half-written; gives
    /// what there was. Files that are not entries are left alone. (Deleting the whole folder
    /// is as safe: the cache only ever saves time.)
    pub fn clear(&self) -> io::Result<Vec<CachePart>> {
        self.walk(true)
    }

    fn walk(&self, remove: bool) -> io::Result<Vec<CachePart>> {
        let folders = match fs::read_dir(&self.dir) {
            Ok(folders) => folders,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => return Err(e),
        };
        let mut parts = Vec::new();
        for folder in folders {
            let folder = folder?;
            if !folder.file_type()?.is_dir() {
                continue;
            }
            let mut part = CachePart {
                name: folder.file_name().to_string_lossy().into_owned(),
                entries: 0,
                bytes: 0,
            };
            for file in fs::read_dir(folder.path())? {
                let file = file?;
                let name = file.file_name();
                let name = name.to_string_lossy();
                // Entries end in .bin; a temporary file renamed over one starts with .tmp.
                let entry = name.ends_with(".bin");
                if !(entry || name.starts_with(".tmp")) || !file.file_type()?.is_file() {
                    continue;
                }
                part.bytes += file.metadata()?.len();
                part.entries += usize::from(entry);
                if remove {
                    fs::remove_file(file.path())?;
                }
            }
            parts.push(part);
        }
        parts.sort_by(|a, b| a.name.cmp(&b.name));
        Ok(parts)
    }

    /// Loads the plan in `dir`, from its entry when that is current.
    pub fn load(&self, dir: &Path) -> Result<Plan, LoadErrors> {
        self.load_telling(dir).map(|(plan, _)| plan)
    }

    /// Loads the plan in `dir` and says whether the entry was read or written.
    pub fn load_telling(&self, dir: &Path) -> Result<(Plan, CacheUse), LoadErrors> {
        self.load_with(dir, |_| (), false)
            .map(|(plan, used, _, ())| (plan, used))
    }

    /// Loads the plan in `dir` like [`PlanCache::load_telling`] and runs `beside` on the plan
    /// as `plan.toml` gives it, without its items: on another thread while its item files are
    /// parsed, on this one after its entry is read. `beside` does not run when `plan.toml`
    /// does not load, nor when its item files cannot be listed or read.
    pub fn load_beside<T: Send>(
        &self,
        dir: &Path,
        beside: impl FnOnce(&Plan) -> T + Send,
    ) -> Result<(Plan, CacheUse, T), LoadErrors> {
        self.load_keyed_beside(dir, beside)
            .map(|(plan, used, _, t)| (plan, used, t))
    }

    /// Like [`PlanCache::load_beside`], and the plan's [`PlanKey`] when its entry was read or
    /// written.
    pub fn load_keyed_beside<T: Send>(
        &self,
        dir: &Path,
        beside: impl FnOnce(&Plan) -> T + Send,
    ) -> Result<(Plan, CacheUse, Option<PlanKey>, T), LoadErrors> {
        self.load_with(dir, beside, true)
    }

    /// The plan in `dir` as `plan.toml` gives it, without its items, and its [`PlanKey`]: what
    /// was stored under the key may be used without loading the items. `None` when the plan
    /// cannot be looked at or its item files changed too recently to be trusted
    /// ([`RACY_SECONDS`]); loading the plan then says what is wrong.
    pub fn settled_head(&self, dir: &Path) -> Option<(Plan, PlanKey)> {
        let source = DirSource::new(dir);
        let plan_file = source.plan_file().ok()?;
        let plan = plan_of(&source, &plan_file).ok()?;
        let items = source.item_paths_with_metadata().ok()?;
        let stamp = Stamp::of(source.dir(), &plan_file, &items).ok()?;
        stamp.settled().then(|| (plan, stamp.plan_key()))
    }

    fn load_with<T: Send>(
        &self,
        dir: &Path,
        beside: impl FnOnce(&Plan) -> T + Send,
        parallel: bool,
    ) -> Result<(Plan, CacheUse, Option<PlanKey>, T), LoadErrors> {
        let source = DirSource::new(dir);
        let plan_file = source.plan_file().map_err(LoadError::Io)?;
        let mut plan = plan_of(&source, &plan_file)?;
        // `beside` runs beside the items' parsing only: a plan read from its entry (a warm
        // one-plan command) starts no thread pool for it (issue 24).
        match self.items(&source, &plan_file)? {
            Items::Entry(items, key) => {
                let t = beside(&plan);
                Ok((restore(plan, items, &source), CacheUse::Read, Some(key), t))
            }
            Items::Files {
                files,
                stamp,
                entry,
            } => {
                let parse = || items_of(&plan, &files);
                let (items, t) = match parallel {
                    true => rayon::join(parse, || beside(&plan)),
                    false => (parse(), beside(&plan)),
                };
                plan.items = items?;
                match stamp.settled() && write_items(&entry, &stamp.key, &plan.items).is_ok() {
                    true => Ok((plan, CacheUse::Written, Some(stamp.plan_key()), t)),
                    false => Ok((plan, CacheUse::Parsed, None, t)),
                }
            }
            // Something cannot be looked at: loading says what.
            Items::Unstamped => {
                let t = beside(&plan);
                Ok((super::load::load_plan(dir)?, CacheUse::Parsed, None, t))
            }
        }
    }

    /// The items of the plan in `source` (whose `plan.toml` is `plan_file`): its entry's when
    /// that is current, else its item files.
    fn items(&self, source: &DirSource, plan_file: &SourceFile) -> Result<Items, LoadErrors> {
        let items = source.item_paths_with_metadata().map_err(LoadError::Io)?;
        // Stamped before any item is read: a file changed after its stamp changes the key of
        // the next run, never the content filed under this one.
        let Ok(stamp) = Stamp::of(source.dir(), plan_file, &items) else {
            return Ok(Items::Unstamped);
        };
        let entry = self.entry_path(&stamp.folder);
        if let Some(items) = read_entry(&entry, MAGIC, &stamp.key) {
            return Ok(Items::Entry(items, stamp.plan_key()));
        }
        let files = items
            .iter()
            .map(|(p, _)| source.read_item(p))
            .collect::<io::Result<Vec<SourceFile>>>()
            .map_err(LoadError::Io)?;
        Ok(Items::Files {
            files,
            stamp,
            entry,
        })
    }

    /// The entry of the plan folder `folder` (its canonical path).
    fn entry_path(&self, folder: &Path) -> PathBuf {
        let name = hex(&Sha256::digest(folder.as_os_str().as_encoded_bytes()));
        self.dir
            .join(PLANS_FOLDER)
            .join(format!("{}.bin", &name[..32]))
    }
}

/// Where a plan's items come from.
enum Items {
    /// Its current entry, and the key it is filed under.
    Entry(Vec<(Item, ItemSource)>, PlanKey),
    /// Its item files, to be parsed; their entry is `entry`, to be filed under `stamp`.
    Files {
        files: Vec<SourceFile>,
        stamp: Stamp,
        entry: PathBuf,
    },
    /// Its files cannot all be looked at: the plan is loaded without the cache.
    Unstamped,
}

/// What the entry of a plan's files as they are now must be filed under.
pub(super) struct Stamp {
    /// The plan folder, canonical.
    folder: PathBuf,
    key: [u8; 32],
    /// The latest time an item file was changed.
    pub(super) newest: SystemTime,
}

impl Stamp {
    /// Whether every item file is older than [`RACY_SECONDS`].
    fn settled(&self) -> bool {
        (self.newest.checked_add(Duration::from_secs(RACY_SECONDS)))
            .is_some_and(|t| t <= SystemTime::now())
    }

    fn plan_key(&self) -> PlanKey {
        PlanKey {
            folder: self.folder.clone(),
            key: self.key,
        }
    }

    pub(super) fn of(
        dir: &Path,
        plan_file: &SourceFile,
        items: &[(PathBuf, fs::Metadata)],
    ) -> io::Result<Stamp> {
        let folder = fs::canonicalize(dir)?;
        let mut key = KeyHasher::new();
        let mut field = |bytes: &[u8]| {
            key.field(bytes);
        };
        field(MAGIC);
        field(env!("CARGO_PKG_VERSION").as_bytes());
        field(env!("GYOKAKU_MODEL_FINGERPRINT").as_bytes());
        field(&FORMAT.to_le_bytes());
        field(folder.as_os_str().as_encoded_bytes());
        field(plan_file.text.as_bytes());
        field(&(items.len() as u64).to_le_bytes());
        let mut newest = SystemTime::UNIX_EPOCH;
        for (path, meta) in items {
            let name = path.file_name().unwrap_or_default();
            field(name.as_encoded_bytes());
            field(&meta.len().to_le_bytes());
            let modified = meta.modified()?;
            let since =
                |t: SystemTime| t.duration_since(SystemTime::UNIX_EPOCH).unwrap_or_default();
            field(&since(modified).as_nanos().to_le_bytes());
            newest = newest.max(modified);
            #[cfg(unix)]
            {
                use std::os::unix::fs::MetadataExt;
                // Any write sets the status-change time, which no program can set back.
                field(&meta.ctime().to_le_bytes());
                field(&meta.ctime_nsec().to_le_bytes());
                field(&meta.ino().to_le_bytes());
                field(&meta.dev().to_le_bytes());
                let changed = Duration::new(meta.ctime().max(0) as u64, meta.ctime_nsec() as u32);
                newest = newest.max(SystemTime::UNIX_EPOCH + changed);
            }
        }
        Ok(Stamp {
            folder,
            key: key.finish(),
            newest,
        })
    }
}

/// What an entry of a cache holds, when the entry exists, starts with `magic`, is filed under
/// `key` and reads whole: anything else is no entry.
pub(crate) fn read_entry<T: DeserializeOwned>(
    path: &Path,
    magic: &[u8; 16],
    key: &[u8; 32],
) -> Option<T> {
    let bytes = fs::read(path).ok()?;
    let (header, content) = bytes.split_at_checked(HEADER)?;
    let (stored_magic, rest) = header.split_at(magic.len());
    let (stored_key, crc) = rest.split_at(32);
    if stored_magic != magic || stored_key != key {
        return None;
    }
    if crc32fast::hash(content).to_le_bytes() != crc {
        return None;
    }
    super::fast_utf8::from_postcard(content).ok()
}

/// Writes an entry of a cache atomically: a temporary file in the cache folder renamed over
/// it. `magic`, `key` and a CRC-32 of the content, then `value`.
pub(crate) fn write_entry<T: Serialize + ?Sized>(
    path: &Path,
    magic: &[u8; 16],
    key: &[u8; 32],
    value: &T,
) -> io::Result<()> {
    let content = postcard::to_allocvec(value).map_err(io::Error::other)?;
    let folder = path.parent().unwrap_or(Path::new("."));
    fs::create_dir_all(folder)?;
    let mut file = tempfile::NamedTempFile::new_in(folder)?;
    file.write_all(magic)?;
    file.write_all(key)?;
    file.write_all(&crc32fast::hash(&content).to_le_bytes())?;
    file.write_all(&content)?;
    file.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// Writes the entry of a plan's items.
fn write_items(path: &Path, key: &[u8; 32], items: &[Item]) -> io::Result<()> {
    let pairs: Vec<(&Item, &ItemSource)> = items.iter().map(|i| (i, &i.source)).collect();
    write_entry(path, MAGIC, key, &pairs)
}

/// A SHA-256 over fields, each preceded by its length, so that no two different lists of
/// fields hash alike by running into each other: what an entry of a cache is filed under.
pub(crate) struct KeyHasher(Sha256);

impl KeyHasher {
    pub(crate) fn new() -> Self {
        KeyHasher(Sha256::new())
    }

    /// Adds one field.
    pub(crate) fn field(&mut self, bytes: &[u8]) -> &mut Self {
        self.0.update((bytes.len() as u64).to_le_bytes());
        self.0.update(bytes);
        self
    }

    /// The key.
    pub(crate) fn finish(self) -> [u8; 32] {
        self.0.finalize().into()
    }
}

/// The hexadecimal digits of `bytes`.
pub(crate) fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The plan with the items of its entry: each item's file named as loading names it, each
/// year as the plan writes it.
fn restore(mut plan: Plan, items: Vec<(Item, ItemSource)>, source: &DirSource) -> Plan {
    let items_dir = source.dir().join("items");
    plan.items = items
        .into_iter()
        .map(|(mut item, mut from)| {
            from.file = items_dir.join(from.file.file_name().unwrap_or_default());
            item.source = from;
            item.years = std::mem::take(&mut item.years)
                .into_iter()
                .map(|(year, entry)| (plan.period_year(year).unwrap_or(year), entry))
                .collect();
            item
        })
        .collect();
    plan
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::testing::{age, settled_copy};
    use crate::model::PlanLoader;

    fn entry_of(cache: &PlanCache, plan: &Path) -> PathBuf {
        cache.entry_path(&fs::canonicalize(plan).unwrap())
    }

    #[test]
    fn an_entry_reads_back_the_plan_exactly_and_changes_invalidate_it() {
        let tmp = tempfile::tempdir().unwrap();
        let plan_dir = tmp.path().join("plan");
        settled_copy(&plan_dir);
        let cache = PlanCache::new(tmp.path().join("cache"));
        let parsed = super::super::load::load_plan(&plan_dir).unwrap();

        let (first, used) = cache.load_telling(&plan_dir).unwrap();
        assert_eq!(used, CacheUse::Written);
        assert_eq!(first, parsed);
        let (second, used) = cache.load_telling(&plan_dir).unwrap();
        assert_eq!(used, CacheUse::Read);
        // Every decimal, text, year (in the plan's notation) and source line as parsed.
        assert_eq!(second, parsed);
        assert!(!plan_dir.join(".gyokaku").exists());
        assert!(entry_of(&cache, &plan_dir).starts_with(cache.dir()));

        // A changed item file: parsed again, and its new value read.
        let item = plan_dir.join("items/5-8-3.toml");
        let text = fs::read_to_string(&item).unwrap();
        fs::write(&item, text.replace("\"15,100\"", "\"25,100\"")).unwrap();
        let (changed, used) = cache.load_telling(&plan_dir).unwrap();
        assert_eq!(used, CacheUse::Parsed, "a file just written is racy");
        assert_ne!(changed, parsed);
        age(&plan_dir);
        assert_eq!(cache.load_telling(&plan_dir).unwrap().1, CacheUse::Written);
        let (read, used) = cache.load_telling(&plan_dir).unwrap();
        assert_eq!((read, used), (changed, CacheUse::Read));

        // A removed item file, and a changed plan.toml.
        fs::remove_file(plan_dir.join("items/1-1-1.toml")).unwrap();
        let (fewer, _) = cache.load_telling(&plan_dir).unwrap();
        assert_eq!(fewer.items.len(), parsed.items.len() - 1);
        let plan_toml = plan_dir.join("plan.toml");
        let text = fs::read_to_string(&plan_toml).unwrap();
        fs::write(&plan_toml, text.replace("伊勢原市\"", "別市\"")).unwrap();
        age(&plan_dir);
        cache.load_telling(&plan_dir).unwrap();
        let (renamed, used) = cache.load_telling(&plan_dir).unwrap();
        assert_eq!(used, CacheUse::Read);
        assert_eq!(renamed.municipality, "別市");
        assert_eq!(renamed.items.len(), parsed.items.len() - 1);
    }

    #[test]
    fn a_corrupt_or_truncated_entry_is_parsed_again_and_rewritten() {
        let tmp = tempfile::tempdir().unwrap();
        let plan_dir = tmp.path().join("plan");
        settled_copy(&plan_dir);
        let cache = PlanCache::new(tmp.path().join("cache"));
        let (parsed, _) = cache.load_telling(&plan_dir).unwrap();
        let entry = entry_of(&cache, &plan_dir);
        let whole = fs::read(&entry).unwrap();
        let mut flipped = whole.clone();
        let middle = flipped.len() / 2;
        flipped[middle] ^= 0x40;
        let breakages: [&[u8]; 6] = [
            &[],
            b"not an entry",
            &whole[..HEADER],
            &whole[..whole.len() - 1],
            &whole[..whole.len() / 2],
            &flipped,
        ];
        for broken in breakages {
            fs::write(&entry, broken).unwrap();
            let (plan, used) = cache.load_telling(&plan_dir).unwrap();
            assert_eq!(used, CacheUse::Written, "{} bytes", broken.len());
            assert_eq!(plan, parsed);
            assert_eq!(fs::read(&entry).unwrap(), whole, "rewritten");
        }
        // A folder where the entry should be: parsed, nothing written, no error.
        fs::remove_file(&entry).unwrap();
        fs::create_dir(&entry).unwrap();
        let (plan, used) = cache.load_telling(&plan_dir).unwrap();
        assert_eq!((plan, used), (parsed, CacheUse::Parsed));
    }

    #[test]
    fn beside_sees_the_plan_of_plan_toml_and_the_plan_loads_as_without_it() {
        let tmp = tempfile::tempdir().unwrap();
        let plan_dir = tmp.path().join("plan");
        settled_copy(&plan_dir);
        let parsed = super::super::load::load_plan(&plan_dir).unwrap();
        let cached = PlanLoader::cached(PlanCache::new(tmp.path().join("cache")));
        // Without the cache; through it, the entry written, then read.
        for loader in [PlanLoader::default(), cached.clone(), cached] {
            let (plan, (rules, items)) = loader
                .load_beside(&plan_dir, |p| (p.rules.clone(), p.items.len()))
                .unwrap();
            assert_eq!(plan, parsed);
            assert_eq!((rules, items), (parsed.rules.clone(), 0));
        }
        assert_eq!(
            PlanCache::new(tmp.path().join("cache"))
                .load_telling(&plan_dir)
                .unwrap()
                .1,
            CacheUse::Read
        );
        // A plan.toml that does not load: the plan's error, and `beside` never runs.
        fs::write(plan_dir.join("plan.toml"), "id = 1\n").unwrap();
        let ran = std::sync::atomic::AtomicBool::new(false);
        for loader in [
            PlanLoader::default(),
            PlanLoader::cached(PlanCache::new(tmp.path().join("cache"))),
        ] {
            let err = loader.load_beside(&plan_dir, |_| {
                ran.store(true, std::sync::atomic::Ordering::Relaxed)
            });
            assert!(err.unwrap_err().to_string().contains("plan.toml"));
        }
        assert!(!ran.into_inner());
    }

    /// An item file that is a symbolic link is stamped by the file it leads to: a change there
    /// is a change of the plan.
    #[cfg(unix)]
    #[test]
    fn an_item_linked_elsewhere_is_stamped_by_its_target() {
        let tmp = tempfile::tempdir().unwrap();
        let plan_dir = tmp.path().join("plan");
        settled_copy(&plan_dir);
        let item = plan_dir.join("items/5-8-3.toml");
        // Elsewhere in the plan folder: a link out of it is refused.
        fs::create_dir(plan_dir.join("shared")).unwrap();
        let target = plan_dir.join("shared/5-8-3.toml");
        fs::rename(&item, &target).unwrap();
        std::os::unix::fs::symlink(&target, &item).unwrap();
        age(&plan_dir);
        let cache = PlanCache::new(tmp.path().join("cache"));
        let (first, _) = cache.load_telling(&plan_dir).unwrap();
        assert_eq!(cache.load_telling(&plan_dir).unwrap().1, CacheUse::Read);

        let text = fs::read_to_string(&target).unwrap();
        fs::write(&target, text.replace("\"15,100\"", "\"25,100\"")).unwrap();
        age(&plan_dir);
        let (changed, used) = cache.load_telling(&plan_dir).unwrap();
        assert_ne!(used, CacheUse::Read);
        assert_ne!(changed, first);
        assert_eq!(changed, super::super::load::load_plan(&plan_dir).unwrap());
    }

    /// What the cache holds, and emptying it: entries and half-written files go, anything
    /// else stays.
    #[test]
    fn the_cache_tells_what_it_holds_and_clears_its_entries_only() {
        let tmp = tempfile::tempdir().unwrap();
        let plan_dir = tmp.path().join("plan");
        settled_copy(&plan_dir);
        let cache = PlanCache::new(tmp.path().join("cache"));
        assert_eq!(cache.parts().unwrap(), [], "no folder yet");
        cache.load(&plan_dir).unwrap();
        let entry = fs::metadata(entry_of(&cache, &plan_dir)).unwrap().len();
        let plans = cache.dir().join("plans");
        fs::write(plans.join(".tmpAbC123"), b"half").unwrap();
        fs::write(plans.join("notes.txt"), b"mine").unwrap();
        fs::write(cache.dir().join("README"), b"mine").unwrap();
        let held = vec![CachePart {
            name: "plans".into(),
            entries: 1,
            bytes: entry + 4,
        }];
        assert_eq!(cache.parts().unwrap(), held);
        assert_eq!(cache.clear().unwrap(), held);
        let empty = CachePart {
            name: "plans".into(),
            entries: 0,
            bytes: 0,
        };
        assert_eq!(cache.parts().unwrap(), [empty]);
        assert!(plans.join("notes.txt").exists() && cache.dir().join("README").exists());
        // Emptied, the cache is written again by the next run.
        assert_eq!(cache.load_telling(&plan_dir).unwrap().1, CacheUse::Written);
    }

    #[test]
    fn a_plan_with_errors_is_reported_and_not_cached() {
        let tmp = tempfile::tempdir().unwrap();
        let plan_dir = tmp.path().join("plan");
        settled_copy(&plan_dir);
        fs::write(plan_dir.join("items/1-1-1.toml"), "title = 1\n").unwrap();
        age(&plan_dir);
        let cache = PlanCache::new(tmp.path().join("cache"));
        let err = cache.load(&plan_dir).unwrap_err().to_string();
        assert!(err.contains("1-1-1.toml"), "{err}");
        assert!(!entry_of(&cache, &plan_dir).exists());
    }
}
