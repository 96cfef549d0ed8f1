pub mod analyzer;
pub mod corpus;
pub mod index;
pub mod query;
