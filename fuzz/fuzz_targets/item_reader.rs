//! Any text as an item file, read by gyokaku's fast reader of the item files it writes and by
//! the `toml` crate: whenever the fast reader takes the text, it must read the same values at
//! the same places as `toml` (which reads everything the fast reader leaves).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    if let Err(difference) = gyokaku::model::compare_item_reader_with_toml(text) {
        panic!("the fast reader reads otherwise than toml:\n{text}\n{difference}");
    }
});
