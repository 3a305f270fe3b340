//! Checks of a draft reply, each a small unit with its practice rule id and FR/EN wording.
