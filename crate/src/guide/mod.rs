//! Reply guidance for one comment, in the brand's voice.
//!
//! Owns: extraction of a comment's specifics and the composition of guidance points, each with its
//! practice rule id (P1…P18) and its reason.
