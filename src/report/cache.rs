//! `gyokaku cache`: what the cache of parsed plans and stored evaluations holds.

use std::path::Path;

use super::{Block, Cell, Document, Field, Lang, Table};
use crate::evaluation::EVALUATIONS_FOLDER;
use crate::i18n::Localize;
use crate::model::{CachePart, PLANS_FOLDER};
use crate::report::messages::Heading;

/// The cache in `dir`: its folder, and per part its entries and their size; after `--clear`
/// (`cleared`), what was removed.
pub fn cache_document(dir: &Path, parts: &[CachePart], cleared: bool, lang: Lang) -> Document {
    let title = match cleared {
        true => Heading::CacheCleared,
        false => Heading::CacheTitle,
    };
    let mut doc = Document::titled(title.localize(lang));
    doc.push(Block::Fields(vec![Field::text(
        Heading::CacheFolder.localize(lang),
        dir.display().to_string(),
    )]));
    let mut t = Table::new(&[
        Heading::CacheContent.localize(lang),
        Heading::CacheEntries.localize(lang),
        Heading::CacheBytes.localize(lang),
    ]);
    // The parsed plans first, then the evaluations stored beside them, then any other.
    let mut parts: Vec<&CachePart> = parts.iter().collect();
    parts.sort_by_key(|p| {
        let name = p.name.as_str();
        (
            name != PLANS_FOLDER,
            name != EVALUATIONS_FOLDER,
            p.name.clone(),
        )
    });
    for part in &parts {
        let content = match part.name.as_str() {
            PLANS_FOLDER => Some(Heading::CacheParsedPlans),
            EVALUATIONS_FOLDER => Some(Heading::CacheStoredEvaluations),
            _ => None,
        };
        let folder = format!("{}/", part.name);
        let name = match content {
            Some(h) => format!("{} ({folder})", h.localize(lang)),
            None => folder,
        };
        t.row(vec![
            Cell::Text(name),
            Cell::count(part.entries),
            Cell::Number(part.bytes.into()),
        ]);
    }
    t.row(vec![
        Cell::Text(Heading::Total.localize(lang)),
        Cell::count(parts.iter().map(|p| p.entries).sum()),
        Cell::Number(parts.iter().map(|p| p.bytes).sum::<u64>().into()),
    ]);
    doc.push(t);
    doc
}
