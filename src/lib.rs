//! gyokaku (行革): evaluates Japanese municipal administrative and fiscal reform plans.
pub mod engine;
pub mod model;
