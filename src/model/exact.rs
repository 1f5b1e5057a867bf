//! Decimals written exactly by serde: as text where people read it (JSON: `"23583"`, as
//! `rust_decimal` writes them), as their 16 bytes in binary formats (the cache of parsed
//! plans), which read back the same value and scale (`1.50` stays `1.50`).

use rust_decimal::Decimal;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Writes a decimal.
pub fn serialize<S: Serializer>(value: &Decimal, serializer: S) -> Result<S::Ok, S::Error> {
    if serializer.is_human_readable() {
        Serialize::serialize(value, serializer)
    } else {
        Serialize::serialize(&Decimal::serialize(value), serializer)
    }
}

/// Reads a decimal.
pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Decimal, D::Error> {
    if deserializer.is_human_readable() {
        <Decimal as Deserialize>::deserialize(deserializer)
    } else {
        <[u8; 16]>::deserialize(deserializer).map(Decimal::deserialize)
    }
}

/// The same for an optional decimal.
pub mod option {
    use super::*;

    /// The decimal, in the form of [`super::serialize`].
    #[derive(Serialize, Deserialize)]
    struct Exact(#[serde(with = "super")] Decimal);

    /// Writes an optional decimal.
    pub fn serialize<S: Serializer>(
        value: &Option<Decimal>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        value.map(Exact).serialize(serializer)
    }

    /// Reads an optional decimal.
    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<Decimal>, D::Error> {
        Ok(Option::<Exact>::deserialize(deserializer)?.map(|e| e.0))
    }
}
