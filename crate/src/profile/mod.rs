//! The brand profile: the voice, handles, channels and limits an agency shares.
//!
//! Owns: the versioned JSON schema (`schema_version`), validation with messages that name the field,
//! migration of older versions, and the defaults for a brand with no profile yet.
