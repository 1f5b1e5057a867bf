//! gyokaku (行革): evaluates Japanese municipal administrative and fiscal reform plans.
pub mod model;
